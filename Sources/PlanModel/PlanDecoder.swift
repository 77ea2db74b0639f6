/// Plans decoded straight from JSON bytes, for loading large snapshots: no
/// `JSON` tree, no per-field path strings, repeated names shared. Anything
/// unusual fails, and `Plan(json:)` on the parsed tree decides instead (with
/// its precise errors), so both paths accept and produce the same plans.
extension Plan {
    public init(reading r: inout JSONReader) throws(JSONReader.Fail) {
        var id: String?, title: String?, issuer = "", issued: Day?, source = ""
        var period: Period?
        var sections: [Section] = []
        var tasks: [PlanTask] = []
        var departments: [Department] = []
        var indicators: [Indicator] = []
        try r.object { (r, k) throws(JSONReader.Fail) in
            if k == "id" { id = try r.string() }
            else if k == "title" { title = try r.string() }
            else if k == "issuer" { issuer = r.null() ? "" : try r.string() }
            else if k == "issued" { issued = r.null() ? nil : try r.day() }
            else if k == "source" { source = r.null() ? "" : try r.string() }
            else if k == "period" {
                var start: Day?, end: Day?
                try r.object { (r, k) throws(JSONReader.Fail) in
                    if k == "start" { start = try r.day() } else if k == "end" { end = try r.day() } else { try r.skip() }
                }
                guard let start, let end, start <= end else { throw JSONReader.Fail() }
                period = Period(start: start, end: end)
            }
            else if k == "sections" {
                try r.array { (r) throws(JSONReader.Fail) in
                    let si = sections.count
                    var number: String?, stitle: String?, groups: [Group] = []
                    try r.object { (r, k) throws(JSONReader.Fail) in
                        if k == "number" { number = try r.string() }
                        else if k == "title" { stitle = try r.string() }
                        else if k == "tasks" {
                            try r.array { (r) throws(JSONReader.Fail) in tasks.append(try PlanTask(reading: &r, section: si, group: nil)) }
                        }
                        else if k == "groups" {
                            try r.array { (r) throws(JSONReader.Fail) in
                                let gi = groups.count
                                var gnumber: String?, gtitle: String?
                                try r.object { (r, k) throws(JSONReader.Fail) in
                                    if k == "number" { gnumber = try r.string() }
                                    else if k == "title" { gtitle = try r.string() }
                                    else if k == "tasks" {
                                        try r.array { (r) throws(JSONReader.Fail) in tasks.append(try PlanTask(reading: &r, section: si, group: gi)) }
                                    }
                                    else { try r.skip() }
                                }
                                guard let gnumber, let gtitle else { throw JSONReader.Fail() }
                                groups.append(Group(number: gnumber, title: gtitle))
                            }
                        }
                        else { try r.skip() }
                    }
                    guard let number, let stitle else { throw JSONReader.Fail() }
                    sections.append(Section(number: number, title: stitle, groups: groups))
                }
            }
            else if k == "departments" {
                try r.array { (r) throws(JSONReader.Fail) in departments.append(try Department(reading: &r)) }
            }
            else if k == "indicators" {
                // Few per plan: the tree decoder reads them.
                try r.array { (r) throws(JSONReader.Fail) in
                    let v = try r.tree()
                    guard let ind = try? Indicator(json: v, path: "") else { throw JSONReader.Fail() }
                    indicators.append(ind)
                }
            }
            else { try r.skip() }
        }
        guard let id, PlanID.isValid(id), let title, let period else { throw JSONReader.Fail() }
        // Document order as `Plan(json:)` restores it; a plan that needs
        // sorting, or has a repeated key, takes the slow path.
        for n in tasks.indices.dropFirst() {
            let a = tasks[n - 1], b = tasks[n]
            if a.section != b.section ? b.section < a.section : TaskKey.lessFast(b.key, a.key) { throw JSONReader.Fail() }
        }
        self.init(id: id, title: title, issuer: issuer, issued: issued, period: period, source: source,
                  sections: sections, tasks: tasks, departments: departments, indicators: indicators)
        guard indexCount == self.tasks.count else { throw JSONReader.Fail() }
    }
}

extension PlanTask {
    init(reading r: inout JSONReader, section: Int, group: Int?) throws(JSONReader.Fail) {
        var key: String?, number: String?, title: String?, text: String?
        var assignments: [Assignment] = []
        var notes: [Note] = []
        var due: Day?, status: TaskStatus?, progress: Int?
        try r.object { (r, k) throws(JSONReader.Fail) in
            if k == "key" { key = try r.string() }
            else if k == "number" { number = try r.string() }
            else if k == "title" { title = try r.string() }
            else if k == "text" { text = try r.string() }
            else if k == "assignments" { try r.array { (r) throws(JSONReader.Fail) in assignments.append(try Assignment(reading: &r)) } }
            else if k == "notes" { try r.array { (r) throws(JSONReader.Fail) in notes.append(try Note(reading: &r)) } }
            else if k == "due" { due = try r.day() }
            else if k == "status" {
                guard let s = TaskStatus(rawValue: try r.name()) else { throw JSONReader.Fail() }
                status = s
            }
            else if k == "progress" {
                let p = try r.int()
                guard (0...100).contains(p) else { throw JSONReader.Fail() }
                progress = p
            }
            else { try r.skip() }
        }
        guard let key, let number, let title, let text, let due, let status, let progress else { throw JSONReader.Fail() }
        self.init(key: key, number: number, section: section, group: group, title: title, text: text,
                  assignments: assignments, due: due, status: status, progress: progress, notes: notes)
    }
}

extension Assignment {
    init(reading r: inout JSONReader) throws(JSONReader.Fail) {
        var department: String?, role: Role?, collective = false
        try r.object { (r, k) throws(JSONReader.Fail) in
            if k == "department" { department = try r.name() }
            else if k == "role" {
                guard let x = Role(rawValue: try r.name()) else { throw JSONReader.Fail() }
                role = x
            }
            else if k == "collective" { collective = r.null() ? false : try r.bool() }
            else { try r.skip() }
        }
        guard let department, let role else { throw JSONReader.Fail() }
        self.init(department: department, role: role, collective: collective)
    }
}

extension Note {
    init(reading r: inout JSONReader) throws(JSONReader.Fail) {
        var time: String?, user: String?, department: String?, text: String?
        try r.object { (r, k) throws(JSONReader.Fail) in
            if k == "time" { time = try r.string() }
            else if k == "user" { user = try r.name() }
            else if k == "department" { department = r.null() ? nil : try r.name() }
            else if k == "text" { text = try r.string() }
            else { try r.skip() }
        }
        guard let time, let user, let text else { throw JSONReader.Fail() }
        self.init(time: time, user: user, department: department, text: text)
    }
}

extension Department {
    init(reading r: inout JSONReader) throws(JSONReader.Fail) {
        var name: String?, aliases: [String] = [], collective = false, duties: [String] = []
        try r.object { (r, k) throws(JSONReader.Fail) in
            if k == "name" { name = try r.name() }
            else if k == "aliases" { try r.array { (r) throws(JSONReader.Fail) in aliases.append(try r.string()) } }
            else if k == "collective" { collective = r.null() ? false : try r.bool() }
            else if k == "duties" { try r.array { (r) throws(JSONReader.Fail) in duties.append(try r.string()) } }
            else { try r.skip() }
        }
        guard let name else { throw JSONReader.Fail() }
        self.init(name: name, aliases: aliases, collective: collective, duties: duties)
    }
}

extension JSONReader {
    mutating func day() throws(Fail) -> Day {
        guard let d = Day(try string()) else { throw Fail() }
        return d
    }

    /// The next value as a `JSON` tree, for the rare parts read the slow way.
    mutating func tree() throws(Fail) -> JSON {
        space()
        let start = i
        try skip()
        guard let v = try? JSONParser.parse(Array(b[start..<i])) else { throw Fail() }
        return v
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
