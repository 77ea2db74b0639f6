import PlanModel

/// `<plan>.json`: a checkpoint of one plan, with the journal position it
/// contains. Schema 2 is JSON Lines in three parts, so a reader that only
/// displays the plan reads the first two and stops:
///
///     {"schemaVersion":2,"journal":{"seq":12,"offset":3456},"tasks":2,"plan":{…no tasks…}}
///     {"section":0,"group":null,"key":"1.1",…,"noteCount":1,"notesAt":0}      one TaskLine per task
///     {"section":0,"group":null,"key":"1.2",…,"noteCount":0}
///     {"key":"1.1","notes":[…]}                                               one NotesLine per task with notes
///
/// The header's `supervision` member, when present, holds the plan's
/// feedback, reporting rounds and chases (`Supervision.json`); its `reviews`
/// member the closure and extension requests (`Reviews.json`).
///
/// `seq` is the last journal entry folded in; `offset` the journal byte just
/// after it, so a reader replays only what follows. `notesAt` counts from the
/// first notes line.
struct Snapshot {
    static let schemaVersion = 2
    var plan: Plan
    var seq: Int
    var offset: Int

    /// The file's bytes. A plan loaded without its notes is refused: writing
    /// it would drop them.
    func bytes() throws(StoreError) -> [UInt8] {
        if let t = plan.tasks.first(where: { $0.olderNotes > 0 }) {
            throw StoreError(.readWithoutNotes(plan: plan.id, task: t.key))
        }
        var bare = plan
        bare.replaceTasks([])
        var notes: [UInt8] = []
        var lines: [UInt8] = []
        for t in plan.tasks {
            var at: Int?
            if !t.notes.isEmpty {
                at = notes.count
                notes += JSONWriter.compact(NotesLine(key: t.key, notes: t.notes).json).utf8
                notes.append(10)
            }
            lines += JSONWriter.compact(TaskLine.json(t, notesAt: at)).utf8
            lines.append(10)
        }
        var header: [(String, JSON)] = [
            ("schemaVersion", .int(Self.schemaVersion)),
            ("journal", .object([("seq", .int(seq)), ("offset", .int(offset))])),
            ("tasks", .int(plan.tasks.count)),
            ("plan", bare.json),
        ]
        // Absent when empty, so a plan without supervision records is written as before.
        if !plan.supervision.isEmpty { header.append(("supervision", plan.supervision.json)) }
        if !plan.reviews.isEmpty { header.append(("reviews", plan.reviews.json)) }
        var out = Array(JSONWriter.compact(.object(header)).utf8)
        out.reserveCapacity(out.count + 1 + lines.count + notes.count)
        out.append(10)
        out += lines
        out += notes
        return out
    }
}

/// A snapshot file that is not valid, with the line and column at fault.
struct SnapshotError: Error {
    var line: Int? = nil
    var column: Int? = nil
    var message: String
    /// The column of a bad value in a well-formed line, for `check`; the
    /// message names the field instead.
    var valueColumn: Int? = nil
    /// A store refusal (a link, a FIFO) that names the file itself.
    var reason: StoreReason? = nil
    /// What is wrong at the line, to be read in either language.
    var content: StoreReason? = nil

    init(line: Int? = nil, column: Int? = nil, message: String, reason: StoreReason? = nil) {
        self.line = line
        self.column = column
        self.message = message
        self.reason = reason
    }

    init(line: Int? = nil, _ content: StoreReason) {
        self.line = line
        self.content = content
        message = content.text(.en)
    }

    /// A failure of the reader on line `line` of the file (nil: the reader
    /// read the whole file), in a `what` ("task line") when given.
    init(_ f: JSONReader.Failure, line: Int?, what: String?) {
        let fileLine = line.map { $0 + f.line - 1 } ?? f.line
        if f.isSyntax {
            self.init(line: fileLine, column: f.column, message: f.message)
        } else {
            self.init(line: fileLine, message: (what.map { $0 + ": " } ?? "") + f.formatError.description)
            valueColumn = f.column
        }
    }

    func store(_ path: String) -> StoreError {
        if let reason { return StoreError(reason) }
        if let content { return StoreError(.at(path: path, line: line, column: column, reason: content)) }
        return StoreError(.located(path: path, line: line, column: column, message: message))
    }

    func problem(_ path: String) -> StoreProblem {
        if let reason { return StoreProblem(file: path, reason) }
        if let content { return StoreProblem(file: path, line: line, column: column ?? valueColumn, content) }
        return StoreProblem(file: path, line: line, column: column ?? valueColumn, message: message)
    }
}

/// Where a plan's notes sit in its snapshot file, for a plan read without them.
struct NotesOnDisk {
    /// The file read; notes are only taken from that same file.
    var signature: POSIXFile.Signature
    /// File offset of the first notes line.
    var start: Int
    /// Tasks with notes, and the offset of each one's notes line from `start`.
    var keys: [String]
    var offsets: [Int]
    /// Built on first use: opening a plan does not pay for it.
    private let lookup = Lookup()

    init(signature: POSIXFile.Signature, start: Int, keys: [String], offsets: [Int]) {
        self.signature = signature
        self.start = start
        self.keys = keys
        self.offsets = offsets
    }

    func offset(of key: String) -> Int? {
        if lookup.index == nil {
            var d = [String: Int](minimumCapacity: keys.count)
            for (i, k) in keys.enumerated() { d[k] = offsets[i] }
            lookup.index = d
        }
        return lookup.index?[key]
    }

    private final class Lookup { var index: [String: Int]? }
}
