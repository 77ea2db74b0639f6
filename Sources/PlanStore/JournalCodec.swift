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

    /// The keys of a line in the order `line` writes them.
    static let keys: [StaticString] = ["seq", "time", "user", "ssh", "plan", "task", "field", "old", "new", "undoes"]

    /// The one decoder of a journal line; any key order reads the same.
    static func entry(reading r: inout JSONReader) throws(JSONReader.Failure) -> JournalEntry {
        let at = r.position
        var seq: Int?, time: String?, user: String?, ssh: String?, plan: String?, task: String?, field: String?
        var old = JSON.null, new = JSON.null, undoes: Int?
        try r.object(keys: keys) { (r, id) throws(JSONReader.Failure) in
            switch id {
            case 0:
                let n = r.position
                seq = try r.int()
                if seq! <= 0 { throw r.invalid("missing or not a positive integer", at: n) }
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
        guard let seq else { throw r.invalid("missing or not a positive integer", at: at).under("seq") }
        return JournalEntry(seq: seq, time: try r.need(time, "time", at: at), user: try r.need(user, "user", at: at),
                            ssh: ssh, plan: try r.need(plan, "plan", at: at), task: try r.need(task, "task", at: at),
                            field: try r.need(field, "field", at: at), old: old, new: new, undoes: undoes)
    }

    /// One line as an entry; a failure carries the line's column, and
    /// `JSONSyntaxError` or `PlanFormatError` as `error`.
    static func entry(line: UnsafeBufferPointer<UInt8>, names: NameTable? = nil) throws(JSONReader.Failure) -> JournalEntry {
        try JSONReader.decode(line, names: names) { (r) throws(JSONReader.Failure) in try entry(reading: &r) }
    }

    /// The sequence number, task and field of a line, read from its first
    /// members without its values; nil when they are not all there.
    static func head(_ line: UnsafeBufferPointer<UInt8>) -> (seq: Int, task: String, field: String)? {
        var seq: Int?, task: String?, field: String?
        _ = JSONReader.scan(line) { (r, k) throws(JSONReader.Failure) in
            if k.is("seq") { seq = try r.int() } else if k.is("task") { task = try r.string() }
            else if k.is("field") { field = try r.string() } else { try r.skip() }
            return seq == nil || task == nil || field == nil
        }
        guard let seq, seq > 0, let task, let field else { return nil }
        return (seq, task, field)
    }

    /// An entry already parsed as a value.
    static func entry(_ v: JSON) throws(PlanFormatError) -> JournalEntry {
        try JSONReader.decode(v, path: "") { (r) throws(JSONReader.Failure) in try entry(reading: &r) }
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
