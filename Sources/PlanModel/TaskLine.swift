/// A task as one line of a snapshot file: where it sits and every field but
/// its notes, which follow in a section of their own so that a reader that
/// only displays the plan can stop before them.
///
///     {"section":0,"group":null,"key":"1.1",…,"due":"2014-12-31","noteCount":2,"notesAt":0}
///
/// `notesAt` is the byte offset of the task's `NotesLine` within the notes
/// section; absent when the task has no notes.
public struct TaskLine: Sendable {
    /// The task with `notes` empty and `olderNotes` the count on disk.
    public var task: PlanTask
    public var notesAt: Int?

    public init(task: PlanTask, notesAt: Int?) {
        self.task = task
        self.notesAt = notesAt
    }

    /// The line for `t`, counting the notes it holds.
    public static func json(_ t: PlanTask, notesAt: Int?) -> JSON {
        var o: [(String, JSON)] = [
            ("section", .int(t.section)),
            ("group", t.group.map { .int($0) } ?? .null),
            ("key", .string(t.key)),
            ("number", .string(t.number)),
            ("title", .string(t.title)),
            ("text", .string(t.text)),
            ("assignments", .array(t.assignments.map(\.lineJSON))),
            ("status", .string(t.status.rawValue)),
            ("progress", .int(t.progress)),
            ("due", .string(t.due.description)),
            ("noteCount", .int(t.notes.count)),
        ]
        if let notesAt { o.append(("notesAt", .int(notesAt))) }
        return .object(o)
    }

    /// The keys of a task line in the order they are written.
    static let keys: [StaticString] = ["section", "group", "key", "number", "title", "text", "assignments",
                                       "status", "progress", "due", "noteCount", "notesAt"]

    /// Fast path; fails on anything unusual, and `init(json:)` then decides.
    /// With a `pool`, title and text are kept as bytes there (see `TaskText`).
    public init(reading r: inout JSONReader, pool: TextPool? = nil) throws(JSONReader.Fail) {
        var section: Int?, group: Int?, key: String?, number: String?, title: TaskText?, text: TaskText?
        var assignments: [Assignment] = []
        var due: Day?, status: TaskStatus?, progress: Int?, count = 0, at: Int?
        try r.object(keys: TaskLine.keys) { (r, id) throws(JSONReader.Fail) in
            switch id {
            case 0: section = try r.int()
            case 1: group = r.null() ? nil : try r.int()
            case 2: key = try r.string()
            case 3: number = try r.string()
            case 4: title = try r.taskText(pool)
            case 5: text = try r.taskText(pool)
            case 6: try r.array { (r) throws(JSONReader.Fail) in assignments.append(try Assignment(readingLine: &r)) }
            case 7: status = TaskStatus.allCases[try r.oneOf(TaskStatus.rawBytes)]
            case 8:
                let p = try r.int()
                guard (0...100).contains(p) else { throw JSONReader.Fail() }
                progress = p
            case 9: due = try r.day()
            case 10: count = try r.int()
            case 11: at = r.null() ? nil : try r.int()
            default: try r.skip()
            }
        }
        guard let section, section >= 0, group.map({ $0 >= 0 }) ?? true, let key, let number, let title, let text,
              let due, let status, let progress, count >= 0, (count > 0) == (at != nil), (at ?? 0) >= 0 else {
            throw JSONReader.Fail()
        }
        var t = PlanTask(key: key, number: number, section: section, group: group, title: "", text: "",
                         assignments: assignments, due: due, status: status, progress: progress)
        t.titleText = title
        t.bodyText = text
        t.olderNotes = count
        self.init(task: t, notesAt: at)
    }

    /// Slow path, with errors naming the field.
    public init(json v: JSON) throws(PlanFormatError) {
        let f = try JSONFields(v, path: "")
        let section = try f.int("section", in: 0...Int.max)
        let group = try f.optionalInt("group")
        var assignments: [Assignment] = []
        for (n, a) in try f.array("assignments").enumerated() {
            do { assignments.append(try Assignment(lineJSON: a)) } catch { throw error.under("assignments[\(n)]") }
        }
        if let group, group < 0 { throw PlanFormatError(path: "group", message: "\(group) is negative") }
        var t = try PlanTask(json: .object(f.members.filter { $0.0 != "assignments" }), path: "", section: section, group: group)
        t.assignments = assignments
        guard t.notes.isEmpty else { throw PlanFormatError(path: "notes", message: "notes belong in the notes section") }
        t.olderNotes = try f.optionalInt("noteCount") ?? 0
        let at = try f.optionalInt("notesAt")
        guard t.olderNotes >= 0 else { throw PlanFormatError(path: "noteCount", message: "\(t.olderNotes) is negative") }
        if t.olderNotes > 0, at == nil { throw PlanFormatError(path: "notesAt", message: "missing for \(t.olderNotes) notes") }
        if let at, at < 0 { throw PlanFormatError(path: "notesAt", message: "\(at) is negative") }
        self.init(task: t, notesAt: t.olderNotes > 0 ? at : nil)
    }
}

/// A task's notes as one line of a snapshot's notes section:
/// `{"key":"1.1","notes":[{"time":…,"user":…,"text":…},…]}`.
public struct NotesLine: Sendable {
    public var key: String
    public var notes: [Note]

    public init(key: String, notes: [Note]) {
        self.key = key
        self.notes = notes
    }

    public var json: JSON { .object([("key", .string(key)), ("notes", .array(notes.map(\.json)))]) }

    public init(reading r: inout JSONReader) throws(JSONReader.Fail) {
        var key: String?, notes: [Note] = []
        try r.object { (r, k) throws(JSONReader.Fail) in
            if k == "key" { key = try r.string() }
            else if k == "notes" { try r.array { (r) throws(JSONReader.Fail) in notes.append(try Note(reading: &r)) } }
            else { try r.skip() }
        }
        guard let key else { throw JSONReader.Fail() }
        self.init(key: key, notes: notes)
    }

    public init(json v: JSON) throws(PlanFormatError) {
        let f = try JSONFields(v, path: "")
        var notes: [Note] = []
        for (n, x) in try f.array("notes").enumerated() {
            do { notes.append(try Note(json: x, path: "")) } catch { throw error.under("notes[\(n)]") }
        }
        self.init(key: try f.string("key"), notes: notes)
    }
}

extension Assignment {
    /// `["省质监局","lead"]`, with `true` third when collective: a task line
    /// holds several, and arrays read faster than objects.
    public var lineJSON: JSON {
        .array([.string(department), .string(role.rawValue)] + (collective ? [.bool(true)] : []))
    }

    init(readingLine r: inout JSONReader) throws(JSONReader.Fail) {
        var department: String?, role: Role?, collective = false, n = 0
        try r.array { (r) throws(JSONReader.Fail) in
            switch n {
            case 0: department = try r.name()
            case 1: role = Role.allCases[try r.oneOf(Role.rawBytes)]
            case 2: collective = try r.bool()
            default: throw JSONReader.Fail()
            }
            n += 1
        }
        guard let department, let role else { throw JSONReader.Fail() }
        self.init(department: department, role: role, collective: collective)
    }

    public init(lineJSON v: JSON) throws(PlanFormatError) {
        guard let a = v.array, a.count == 2 || a.count == 3 else {
            throw PlanFormatError(path: "", message: "expected [department, role] or [department, role, true], got \(v.brief)")
        }
        guard let d = a[0].string else { throw PlanFormatError(path: "[0]", message: "expected a department name, got \(a[0].brief)") }
        guard let rs = a[1].string, let role = Role(rawValue: rs) else {
            throw PlanFormatError(path: "[1]", message: "unknown role \(a[1].brief) (expected one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var collective = false
        if a.count == 3 {
            guard let b = a[2].bool else { throw PlanFormatError(path: "[2]", message: "expected true or false, got \(a[2].brief)") }
            collective = b
        }
        self.init(department: d, role: role, collective: collective)
    }
}

extension JSONReader {
    /// A string kept as bytes in `pool`, or made a String now without one.
    mutating func taskText(_ pool: TextPool?) throws(Fail) -> TaskText {
        guard let pool else { return TaskText(try string()) }
        return TaskText(pool: pool, raw: try rawString())
    }
}
