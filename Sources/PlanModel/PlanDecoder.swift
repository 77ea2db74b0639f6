/// The decoders of the plan JSON (`duban export`/`import`, a snapshot's
/// header, a journal's values): one per record, straight from the bytes with
/// `JSONReader`, failing with the path of the field at fault. The
/// `init(json:)` forms decode a value already parsed with the same decoder.
extension Plan {
    static let keys: [StaticString] = ["id", "title", "issuer", "issued", "period", "source", "sections",
                                       "departments", "indicators"]

    public init(reading r: inout JSONReader) throws(JSONReader.Failure) {
        let at = r.position
        var id: String?, title: String?, issuer = "", issued: Day?, source = ""
        var period: Period?
        var sections: [Section] = []
        var tasks: [PlanTask] = []
        var departments: [Department] = []
        var indicators: [Indicator] = []
        var idAt = 0
        try r.object(keys: Plan.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0: idAt = r.position; id = try r.string()
            case 1: title = try r.string()
            case 2: issuer = r.null() ? "" : try r.string()
            case 3: issued = r.null() ? nil : try r.day()
            case 4: period = try Period(reading: &r)
            case 5: source = r.null() ? "" : try r.string()
            case 6: try r.array { (r) throws(JSONReader.Failure) in sections.append(try Section(reading: &r, index: sections.count, tasks: &tasks)) }
            case 7: try r.array { (r) throws(JSONReader.Failure) in departments.append(try Department(reading: &r)) }
            case 8: try r.array { (r) throws(JSONReader.Failure) in indicators.append(try Indicator(reading: &r)) }
            default: try r.skip()
            }
        }
        guard let id else { throw r.missing("id", at: at) }
        guard PlanID.isValid(id) else {
            throw r.invalid("\"\(id)\" is not a plan id (lowercase letters, digits and '-')", at: idAt).under("id")
        }
        // Document order: a section's ungrouped tasks and grouped tasks
        // interleave by key number. Duban writes them in order, so this is
        // normally one pass that changes nothing.
        let ordered = tasks.withUnsafeBufferPointer { b in
            b.indices.dropFirst().allSatisfy { i in
                b[i - 1].section != b[i].section ? b[i - 1].section < b[i].section : !TaskKey.lessFast(b[i].key, b[i - 1].key)
            }
        }
        if !ordered { tasks.sort { a, b in a.section != b.section ? a.section < b.section : TaskKey.less(a.key, b.key) } }
        self.init(id: id, title: try r.need(title, "title", at: at), issuer: issuer, issued: issued,
                  period: try r.need(period, "period", at: at), source: source, sections: sections, tasks: tasks,
                  departments: departments, indicators: indicators)
        if indexCount != self.tasks.count {
            var seen = Set<String>()
            let dup = self.tasks.first { !seen.insert($0.key).inserted }?.key ?? "?"
            throw r.invalid("duplicate task key \"\(dup)\"", at: at).under("sections")
        }
    }

    /// A plan from its JSON text, as `duban import` of a JSON file reads it.
    public init(jsonText bytes: [UInt8]) throws(JSONReader.Failure) {
        self = try JSONReader.decode(bytes) { (r) throws(JSONReader.Failure) in try Plan(reading: &r) }
    }

    public init(json v: JSON, path: String = "") throws(PlanFormatError) {
        self = try JSONReader.decode(v, path: path) { (r) throws(JSONReader.Failure) in try Plan(reading: &r) }
    }
}

extension Period {
    static let keys: [StaticString] = ["start", "end"]

    init(reading r: inout JSONReader) throws(JSONReader.Failure) {
        let at = r.position
        var start: Day?, end: Day?
        try r.object(keys: Period.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0: start = try r.day()
            case 1: end = try r.day()
            default: try r.skip()
            }
        }
        guard let start else { throw r.missing("start", at: at) }
        guard let end else { throw r.missing("end", at: at) }
        guard start <= end else { throw r.invalid("start \(start) is after end \(end)", at: at) }
        self.init(start: start, end: end)
    }
}

extension Section {
    static let keys: [StaticString] = ["number", "title", "groups", "tasks"]

    /// A section of the export shape; its tasks, nested in it or in its
    /// groups, are appended to `tasks`.
    init(reading r: inout JSONReader, index si: Int, tasks: inout [PlanTask]) throws(JSONReader.Failure) {
        let at = r.position
        var number: String?, title: String?, groups: [Group] = []
        try r.object(keys: Section.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0: number = try r.string()
            case 1: title = try r.string()
            case 2:
                try r.array { (r) throws(JSONReader.Failure) in
                    let gat = r.position
                    var gnumber: String?, gtitle: String?
                    let gi = groups.count
                    try r.object(keys: Section.keys) { (r, k) throws(JSONReader.Failure) in
                        switch k {
                        case 0: gnumber = try r.string()
                        case 1: gtitle = try r.string()
                        case 3: try r.array { (r) throws(JSONReader.Failure) in tasks.append(try PlanTask(reading: &r, section: si, group: gi)) }
                        default: try r.skip()
                        }
                    }
                    groups.append(Group(number: try r.need(gnumber, "number", at: gat), title: try r.need(gtitle, "title", at: gat)))
                }
            case 3: try r.array { (r) throws(JSONReader.Failure) in tasks.append(try PlanTask(reading: &r, section: si, group: nil)) }
            default: try r.skip()
            }
        }
        self.init(number: try r.need(number, "number", at: at), title: try r.need(title, "title", at: at),
                  groups: groups)
    }
}

extension PlanTask {
    static let keys: [StaticString] = ["key", "number", "title", "text", "assignments", "status", "progress",
                                       "due", "notes", "section", "group"]

    /// A task of the export shape. Its place comes from where it sits, or
    /// from its `section` and `group` members in a journal's added task.
    init(reading r: inout JSONReader, section: Int?, group: Int?) throws(JSONReader.Failure) {
        let at = r.position
        var key: String?, number: String?, title: String?, text: String?
        var assignments: [Assignment] = []
        var notes: [Note] = []
        var due: Day?, status: TaskStatus?, progress: Int?
        var section = section, group = group
        try r.object(keys: PlanTask.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0: key = try r.string()
            case 1: number = try r.string()
            case 2: title = try r.string()
            case 3: text = try r.string()
            case 4: try r.array { (r) throws(JSONReader.Failure) in assignments.append(try Assignment(reading: &r)) }
            case 5: status = try r.enumValue(TaskStatus.self)
            case 6: progress = try r.int(in: 0...100)
            case 7: due = try r.day()
            case 8: try r.array { (r) throws(JSONReader.Failure) in notes.append(try Note(reading: &r)) }
            case 9: section = try r.int(in: 0...Int.max)
            case 10: group = r.null() ? nil : try r.int(in: 0...Int.max)
            default: try r.skip()
            }
        }
        self.init(key: try r.need(key, "key", at: at), number: try r.need(number, "number", at: at),
                  section: try r.need(section, "section", at: at), group: group,
                  title: try r.need(title, "title", at: at), text: try r.need(text, "text", at: at),
                  assignments: assignments, due: try r.need(due, "due", at: at),
                  status: try r.need(status, "status", at: at), progress: try r.need(progress, "progress", at: at),
                  notes: notes)
    }

    /// A task of the export shape; `section` and `group` come from where it sits.
    public init(json v: JSON, path: String, section: Int, group: Int?) throws(PlanFormatError) {
        self = try JSONReader.decode(v, path: path) { (r) throws(JSONReader.Failure) in
            try PlanTask(reading: &r, section: section, group: group)
        }
    }

    /// A task as a journal records its addition: the export shape with its
    /// `section` and `group`.
    public init(journalValue v: JSON, path: String) throws(PlanFormatError) {
        self = try JSONReader.decode(v, path: path) { (r) throws(JSONReader.Failure) in
            try PlanTask(reading: &r, section: nil, group: nil)
        }
    }
}

extension Assignment {
    static let keys: [StaticString] = ["department", "role", "collective"]

    /// Either form: `{"department":…,"role":…}` as the export shape and the
    /// journal write it, or `["省质监局","lead"]` (with `true` third when
    /// collective) as a task line writes it, arrays being faster to read.
    init(reading r: inout JSONReader) throws(JSONReader.Failure) {
        let at = r.position
        var department: String?, role: Role?, collective = false
        if r.startsArray {
            // Read element by element rather than through `array`: a task
            // line holds several, and this is a visible share of loading.
            let shape = "expected [department, role] or [department, role, true]"
            r.i += 1
            let name = try r.name()
            guard r.punctuation(44) else { throw r.invalid(shape, at: at) }
            let role = Role.allCases[try r.oneOf(Role.rawBytes, Role.allCases.map(\.rawValue))]
            if r.punctuation(44) { collective = try r.bool() }
            guard r.punctuation(93) else { throw r.invalid(shape, at: at) }
            self.init(department: name, role: role, collective: collective)
            return
        }
        try r.object(keys: Assignment.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0: department = try r.name()
            case 1: role = try r.enumValue(Role.self)
            case 2: collective = r.null() ? false : try r.bool()
            default: try r.skip()
            }
        }
        self.init(department: try r.need(department, "department", at: at), role: try r.need(role, "role", at: at),
                  collective: collective)
    }

    public init(json v: JSON, path: String) throws(PlanFormatError) {
        self = try JSONReader.decode(v, path: path) { (r) throws(JSONReader.Failure) in try Assignment(reading: &r) }
    }
}

extension Note {
    static let keys: [StaticString] = ["time", "user", "department", "text"]

    init(reading r: inout JSONReader) throws(JSONReader.Failure) {
        let at = r.position
        var time: String?, user: String?, department: String?, text: String?
        try r.object(keys: Note.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0: time = try r.string()
            case 1: user = try r.name()
            case 2: department = r.null() ? nil : try r.name()
            case 3: text = try r.string()
            default: try r.skip()
            }
        }
        self.init(time: try r.need(time, "time", at: at), user: try r.need(user, "user", at: at),
                  department: department, text: try r.need(text, "text", at: at))
    }

    /// From a journal entry's value: read from the value itself, as it is
    /// the most frequent entry and writing it out to read it costs more.
    public init(json v: JSON, path: String) throws(PlanFormatError) {
        func text(_ key: String, optional: Bool = false) throws(PlanFormatError) -> String? {
            let sub = path.isEmpty ? key : path + "." + key
            guard let x = v[key], !x.isNull else {
                if optional { return nil }
                throw PlanFormatError(path: sub, message: "missing")
            }
            guard let s = x.string else { throw PlanFormatError(path: sub, message: "expected a string, got \(x.brief)") }
            return s
        }
        guard v.object != nil else { throw PlanFormatError(path: path, message: "expected an object, got \(v.brief)") }
        self.init(time: try text("time")!, user: try text("user")!, department: try text("department", optional: true),
                  text: try text("text")!)
    }
}

extension Department {
    static let keys: [StaticString] = ["name", "aliases", "collective", "duties"]

    init(reading r: inout JSONReader) throws(JSONReader.Failure) {
        let at = r.position
        var name: String?, aliases: [String] = [], collective = false, duties: [String] = []
        try r.object(keys: Department.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0: name = try r.name()
            case 1: try r.array { (r) throws(JSONReader.Failure) in aliases.append(try r.string()) }
            case 2: collective = r.null() ? false : try r.bool()
            case 3: try r.array { (r) throws(JSONReader.Failure) in duties.append(try r.string()) }
            default: try r.skip()
            }
        }
        self.init(name: try r.need(name, "name", at: at), aliases: aliases, collective: collective, duties: duties)
    }
}

extension Indicator {
    static let keys: [StaticString] = ["id", "task", "name", "target", "unit", "comparison", "source", "actual"]

    init(reading r: inout JSONReader) throws(JSONReader.Failure) {
        let at = r.position
        var id: String?, task: String?, name: String?, target: Double?, unit: String?
        var comparison: Comparison?, source: String?, actual: Double?
        try r.object(keys: Indicator.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0: id = try r.string()
            case 1: task = r.null() ? nil : try r.string()
            case 2: name = try r.string()
            case 3: target = r.null() ? nil : try r.double()
            case 4: unit = try r.string()
            case 5: comparison = try r.enumValue(Comparison.self)
            case 6: source = try r.string()
            case 7: actual = r.null() ? nil : try r.double()
            default: try r.skip()  // `met` is derived
            }
        }
        self.init(id: try r.need(id, "id", at: at), taskKey: task, name: try r.need(name, "name", at: at),
                  target: try r.need(target, "target", at: at), unit: try r.need(unit, "unit", at: at),
                  comparison: try r.need(comparison, "comparison", at: at),
                  source: try r.need(source, "source", at: at), actual: actual)
    }
}

extension DutyRoster {
    static let keys: [StaticString] = ["id", "title", "issuer", "issued", "source", "entries"]
    static let entryKeys: [StaticString] = ["kind", "body", "duties"]

    init(reading r: inout JSONReader) throws(JSONReader.Failure) {
        let at = r.position
        var id: String?, title: String?, issuer = "", issued: Day?, source = ""
        var entries: [DutyEntry] = []
        try r.object(keys: DutyRoster.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0: id = try r.string()
            case 1: title = try r.string()
            case 2: issuer = r.null() ? "" : try r.string()
            case 3: issued = r.null() ? nil : try r.day()
            case 4: source = r.null() ? "" : try r.string()
            case 5:
                try r.array { (r) throws(JSONReader.Failure) in
                    let eat = r.position
                    var kind: DutyEntry.Kind?, body: String?, duties: [String] = []
                    try r.object(keys: DutyRoster.entryKeys) { (r, k) throws(JSONReader.Failure) in
                        switch k {
                        case 0: kind = try r.enumValue(DutyEntry.Kind.self)
                        case 1: body = try r.string()
                        case 2: try r.array { (r) throws(JSONReader.Failure) in duties.append(try r.string()) }
                        default: try r.skip()
                        }
                    }
                    entries.append(DutyEntry(kind: try r.need(kind, "kind", at: eat), body: try r.need(body, "body", at: eat), duties: duties))
                }
            default: try r.skip()
            }
        }
        self.init(id: try r.need(id, "id", at: at), title: try r.need(title, "title", at: at), issuer: issuer,
                  issued: issued, source: source, entries: entries)
    }

    public init(jsonText bytes: [UInt8]) throws(JSONReader.Failure) {
        self = try JSONReader.decode(bytes) { (r) throws(JSONReader.Failure) in try DutyRoster(reading: &r) }
    }

    public init(json v: JSON, path: String = "") throws(PlanFormatError) {
        self = try JSONReader.decode(v, path: path) { (r) throws(JSONReader.Failure) in try DutyRoster(reading: &r) }
    }
}

extension JSONReader {
    /// True when the next value is an array.
    var startsArray: Bool {
        mutating get { space(); return i < b.count && b[i] == 91 }
    }
}

extension TaskKey {
    /// `less` without allocating: keys are nearly always `<int>.<int>`.
    static func lessFast(_ a: String, _ b: String) -> Bool {
        if let x = partsFast(a), let y = partsFast(b) { return x < y }
        return less(a, b)
    }

    static func partsFast(_ key: String) -> (Int, Int)? {
        var a = 0, b = 0, dot = false, digitsA = 0, digitsB = 0
        for c in key.utf8 {
            if c == 46 { if dot { return nil }; dot = true; continue }
            guard c >= 48 && c <= 57 else { return nil }
            if dot { b = b * 10 + Int(c - 48); digitsB += 1 } else { a = a * 10 + Int(c - 48); digitsA += 1 }
        }
        guard dot, digitsA > 0, digitsA < 18, digitsB > 0, digitsB < 18 else { return nil }
        return (a, b)
    }
}
