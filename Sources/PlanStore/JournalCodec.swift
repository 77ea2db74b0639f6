import PlanModel

/// Journal lines: one JournalEntry per line of compact JSON, keys in a fixed order.
enum JournalCodec {
    static func line(_ e: JournalEntry) -> [UInt8] {
        var o: [(String, JSON)] = [
            ("seq", .int(e.seq)), ("time", .string(e.time)), ("user", .string(e.user)),
            ("ssh", e.ssh.map { .string($0) } ?? .null), ("plan", .string(e.plan)),
            ("task", .string(e.task)), ("field", .string(e.field)), ("old", e.old), ("new", e.new),
        ]
        if let u = e.undoes { o.append(("undoes", .int(u))) }
        return Array((JSONWriter.compact(.object(o)) + "\n").utf8)
    }

    /// A line straight from its bytes, or nil when anything is unusual and
    /// `entry(_:)` on the parsed tree must decide.
    /// The keys of a line in the order `line` writes them.
    static let keys: [StaticString] = ["seq", "time", "user", "ssh", "plan", "task", "field", "old", "new", "undoes"]

    static func fastEntry(_ line: UnsafeBufferPointer<UInt8>, names: NameTable) -> JournalEntry? {
        JSONReader.read(line, names: names) { (r) throws(JSONReader.Fail) -> JournalEntry in
            var seq: Int?, time: String?, user: String?, ssh: String?, plan: String?, task: String?, field: String?
            var old = JSON.null, new = JSON.null, undoes: Int?
            try r.object(keys: keys) { (r, id) throws(JSONReader.Fail) in
                switch id {
                case 0: seq = try r.int()
                case 1: time = try r.string()
                case 2: user = try r.name()
                case 3: ssh = r.null() ? nil : try r.name()
                case 4: plan = try r.name()
                case 5: task = try r.string()
                case 6: field = try r.name()
                case 7: old = try r.value()
                case 8: new = try r.value()
                case 9: undoes = r.null() ? nil : try r.int()
                default: try r.skip()
                }
            }
            guard let seq, seq > 0, let time, let user, let plan, let task, let field else { throw JSONReader.Fail() }
            return JournalEntry(seq: seq, time: time, user: user, ssh: ssh, plan: plan, task: task, field: field,
                                old: old, new: new, undoes: undoes)
        }
    }

    /// One line as an entry: straight from the bytes, or through the tree for
    /// anything unusual, which then throws `JSONSyntaxError` or `PlanFormatError`.
    static func entry(line: UnsafeBufferPointer<UInt8>, names: NameTable = NameTable()) throws -> JournalEntry {
        if let e = fastEntry(line, names: names) { return e }
        return try entry(try JSONParser.parse(Array(line)))
    }

    static func entry(_ v: JSON) throws(PlanFormatError) -> JournalEntry {
        let f = try JSONFields(v, path: "")
        guard let seq = try f.optionalInt("seq"), seq > 0 else {
            throw PlanFormatError(path: "seq", message: "missing or not a positive integer")
        }
        return JournalEntry(seq: seq, time: try f.string("time"), user: try f.string("user"),
                            ssh: try f.optionalString("ssh"), plan: try f.string("plan"),
                            task: try f.string("task"), field: try f.string("field"),
                            old: f.raw("old") ?? .null, new: f.raw("new") ?? .null,
                            undoes: try f.optionalInt("undoes"))
    }

    /// The edit a journal entry replays, read through the table of changes;
    /// nil for plan-level markers (an import), whose effect is in the snapshot
    /// written with them.
    static func edit(_ e: JournalEntry) throws(PlanFormatError) -> Edit? {
        try e.edit()
    }
}

/// A journal's bytes split into complete lines; a last line without its newline
/// is a torn append (a writer died mid-write), kept apart, never replayed.
struct JournalChunk {
    /// (byte offset of the line in the file, the line without its newline).
    var lines: [(offset: Int, bytes: ArraySlice<UInt8>)] = []
    /// Bytes after the last newline.
    var tornBytes = 0
    /// Offset just after the last complete line.
    var end: Int

    init(_ bytes: [UInt8], base: Int) {
        var found: [(offset: Int, bytes: ArraySlice<UInt8>)] = []
        var start = 0
        bytes.withUnsafeBufferPointer { buf in
            for i in 0..<buf.count where buf[i] == 10 {
                if i > start { found.append((base + start, bytes[start..<i])) }
                start = i + 1
            }
        }
        lines = found
        tornBytes = bytes.count - start
        end = base + start
    }
}
