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
                                       "status", "progress", "due", "noteCount", "notesAt", "notes"]

    /// The one decoder of a task line. With a `pool`, title and text are
    /// kept as bytes there (see `TaskText`). Any key order reads the same.
    public init(reading r: inout JSONReader, pool: TextPool? = nil) throws(JSONReader.Failure) {
        let at = r.position
        var section: Int?, group: Int?, key: String?, number: String?, title: TaskText?, text: TaskText?
        var assignments: [Assignment] = []
        var due: Day?, status: TaskStatus?, progress: Int?, count = 0, notesAt: Int?
        var countAt = 0
        try r.object(keys: TaskLine.keys) { (r, id) throws(JSONReader.Failure) in
            switch id {
            case 0: section = try r.int(in: 0...Int.max)
            case 1: group = r.null() ? nil : try r.int(in: 0...Int.max)
            case 2: key = try r.string()
            case 3: number = try r.string()
            case 4: title = try r.taskText(pool)
            case 5: text = try r.taskText(pool)
            case 6:
                // Most tasks name a few departments: one allocation, not one per doubling.
                assignments.reserveCapacity(4)
                try r.array { (r) throws(JSONReader.Failure) in assignments.append(try Assignment(reading: &r)) }
            case 7: status = TaskStatus.allCases[try r.oneOf(TaskStatus.rawBytes, TaskStatus.allCases.map(\.rawValue))]
            case 8: progress = try r.int(in: 0...100)
            case 9: due = try r.day()
            case 10: countAt = r.position; count = try r.int(in: 0...Int.max)
            case 11: notesAt = r.null() ? nil : try r.int(in: 0...Int.max)
            case 12: throw r.invalid("notes belong in the notes section", at: at)
            default: try r.skip()
            }
        }
        guard let section else { throw r.missing("section", at: at) }
        guard let key else { throw r.missing("key", at: at) }
        guard let number else { throw r.missing("number", at: at) }
        guard let title else { throw r.missing("title", at: at) }
        guard let text else { throw r.missing("text", at: at) }
        guard let status else { throw r.missing("status", at: at) }
        guard let progress else { throw r.missing("progress", at: at) }
        guard let due else { throw r.missing("due", at: at) }
        if count > 0, notesAt == nil { throw r.invalid("missing for \(count) notes", at: countAt).under("notesAt") }
        var t = PlanTask(key: key, number: number, section: section, group: group, title: "", text: "",
                         assignments: assignments, due: due, status: status, progress: progress)
        t.titleText = title
        t.bodyText = text
        t.olderNotes = count
        self.init(task: t, notesAt: count > 0 ? notesAt : nil)
    }

    /// One line's bytes.
    public static func decode(_ line: UnsafeBufferPointer<UInt8>, names: NameTable? = nil,
                              pool: TextPool? = nil) throws(JSONReader.Failure) -> TaskLine {
        try JSONReader.decode(line, names: names) { (r) throws(JSONReader.Failure) in try TaskLine(reading: &r, pool: pool) }
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

    static let keys: [StaticString] = ["key", "notes"]

    public init(reading r: inout JSONReader) throws(JSONReader.Failure) {
        let at = r.position
        var key: String?, notes: [Note] = []
        try r.object(keys: NotesLine.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0: key = try r.string()
            case 1: try r.array { (r) throws(JSONReader.Failure) in notes.append(try Note(reading: &r)) }
            default: try r.skip()
            }
        }
        self.init(key: try r.need(key, "key", at: at), notes: notes)
    }

    public static func decode(_ line: UnsafeBufferPointer<UInt8>, names: NameTable? = nil) throws(JSONReader.Failure) -> NotesLine {
        try JSONReader.decode(line, names: names) { (r) throws(JSONReader.Failure) in try NotesLine(reading: &r) }
    }
}

extension Assignment {
    /// `["省质监局","lead"]`, with `true` third when collective: a task line
    /// holds several, and arrays read faster than objects.
    public var lineJSON: JSON {
        .array([.string(department), .string(role.rawValue)] + (collective ? [.bool(true)] : []))
    }
}

extension TaskLine {
    /// What a snapshot line is, from its first members: a task line and its
    /// key, or a notes line (`isTask` false). Nil when it cannot tell (the
    /// line is cut short before, or is not a line Duban writes).
    public static func probe(_ line: UnsafeBufferPointer<UInt8>) -> (key: String, isTask: Bool)? {
        var key: String?, isTask: Bool?
        _ = JSONReader.scan(line) { (r, k) throws(JSONReader.Failure) in
            if k.is("key") {
                key = try r.string()
            } else if k.is("notes") {
                isTask = false
            } else {
                // Any other member is one of a task line's.
                isTask = true
                try r.skip()
            }
            return key == nil || isTask == nil
        }
        guard let key, let isTask else { return nil }
        return (key, isTask)
    }
}
