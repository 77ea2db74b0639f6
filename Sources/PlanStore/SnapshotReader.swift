#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanModel

/// Reading snapshot files. Lines are decoded straight from the bytes; a line
/// off that path is parsed again as a tree, which accepts it or names the
/// line, column and field at fault.
enum SnapshotReader {
    struct Loaded {
        var snapshot: Snapshot
        /// Of the file as opened: what was read, whatever replaced it since.
        var signature: POSIXFile.Signature
        /// Where the notes are, when they were left on disk.
        var notesOnDisk: NotesOnDisk?
    }

    /// Reads a snapshot; nil when there is none. With `notes` false the notes
    /// section of a schema-2 file is not read: tasks carry their count in
    /// `olderNotes`, and `notesOnDisk` says where to find them.
    static func load(_ path: String, notes: Bool) throws(SnapshotError) -> Loaded? {
        let opened: Int32?
        do { opened = try POSIXFile.open(path, O_RDONLY) } catch { throw SnapshotError(message: error.message.replacingPrefix(path + ": "), reason: error.reason) }
        guard let fd = opened else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw SnapshotError(message: "cannot stat: \(String(cString: strerror(errno)))") }
        let sig = POSIXFile.Signature(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino), size: Int(st.st_size),
                                      mtime: Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec))
        let r = LineReader(fd: fd)
        guard let first = try r.next() else { throw SnapshotError(line: 1, .emptyFile) }
        if isSchema1(first.bytes) {
            return Loaded(snapshot: try schema1(fd: fd, path: path), signature: sig)
        }
        let names = NameTable()
        let head = try header(first.bytes, names)
        var tasks: [PlanTask] = []
        tasks.reserveCapacity(head.count)
        var notesAt: [Int?] = []
        notesAt.reserveCapacity(head.count)
        let sections = head.plan.sections
        while tasks.count < head.count {
            // Batches of lines, so memory holds a few megabytes of them at a time.
            var batch = TaskLineBatch(firstLine: r.lineNumber + 1)
            while tasks.count + batch.count < head.count, batch.count < 16_384 {
                guard let (line, _) = try r.next() else {
                    throw SnapshotError(line: r.lineNumber + 1, .taskLineCount(expected: head.count, found: tasks.count + batch.count))
                }
                batch.append(line)
            }
            for (n, t) in try batch.decode(pooled: !notes).enumerated() {
                guard t.task.section < sections.count else {
                    throw SnapshotError(line: batch.firstLine + n, .noSuchSection(task: t.task.key, section: t.task.section, sections: sections.count))
                }
                if let g = t.task.group, g >= sections[t.task.section].groups.count {
                    throw SnapshotError(line: batch.firstLine + n, .noSuchGroup(task: t.task.key, group: g, section: t.task.section))
                }
                tasks.append(t.task)
                notesAt.append(t.notesAt)
            }
        }
        let notesStart = r.offset
        var plan = head.plan
        var disk: NotesOnDisk?
        if notes {
            var expected: [String: (Int, Int)] = [:]  // key → (notesAt, count)
            for (t, at) in zip(tasks, notesAt) { if let at { expected[t.key] = (at, t.olderNotes) } }
            plan.replaceTasks(inOrder(tasks))
            while let (line, offset) = try r.next() {
                let n = try notesLine(line, r.lineNumber, names)
                guard let (at, count) = expected.removeValue(forKey: n.key) else {
                    throw SnapshotError(line: r.lineNumber, .notesNotDue(task: n.key))
                }
                guard at == offset - notesStart, count == n.notes.count else {
                    throw SnapshotError(line: r.lineNumber, .notesOutOfPlace(task: n.key, count: n.notes.count, at: offset - notesStart, expected: count, expectedAt: at))
                }
                plan.modifyTask(n.key) { $0.notes = n.notes; $0.olderNotes = 0 }
            }
            if let missing = expected.keys.sorted().first {
                throw SnapshotError(.notesMissingAtEnd(task: missing, lastLine: r.lineNumber))
            }
        } else {
            // Keys and offsets only: the lookup table is built when notes are first wanted.
            var keys: [String] = [], at: [Int] = []
            tasks.withUnsafeBufferPointer { b in
                for (i, a) in notesAt.enumerated() { if let a { keys.append(b[i].key); at.append(a) } }
            }
            plan.replaceTasks(inOrder(tasks))
            disk = NotesOnDisk(signature: sig, start: notesStart, keys: keys, offsets: at)
        }
        guard plan.indexCount == plan.tasks.count else {
            var seen = Set<String>()
            let dup = plan.tasks.first { !seen.insert($0.key).inserted }
            throw SnapshotError(.duplicateTaskKey(key: dup?.key ?? "?"))
        }
        return Loaded(snapshot: Snapshot(plan: plan, seq: head.seq, offset: head.offset), signature: sig, notesOnDisk: disk)
    }

    /// Whether a file begins like a snapshot: a first line with
    /// `"schemaVersion"` (schema 2), or `{` alone followed by it (schema 1).
    /// Reads the first few kilobytes only.
    static func looksLikeSnapshot(_ path: String) -> Bool {
        guard let fd = try? POSIXFile.open(path, O_RDONLY) else { return false }
        defer { close(fd) }
        guard let head = try? POSIXFile.read(fd: fd, from: 0, count: 4096, path: path) else { return false }
        let key = Array(#""schemaVersion""#.utf8)
        var lines = head.split(separator: 10, maxSplits: 2, omittingEmptySubsequences: false).makeIterator()
        guard let first = lines.next() else { return false }
        let trimmed = first.filter { $0 != 32 && $0 != 9 && $0 != 13 }
        let line = trimmed == [123] ? lines.next() ?? [] : first
        return line.firstRange(of: key) != nil
    }

    /// The notes of one task from the file `disk` describes; nil when the
    /// file has been replaced since (a newer checkpoint: read the plan again).
    static func notes(_ path: String, _ disk: NotesOnDisk, key: String) throws(SnapshotError) -> [Note]? {
        guard let at = disk.offset(of: key) else { return [] }
        guard let fd = try? POSIXFile.open(path, O_RDONLY) else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, UInt64(st.st_ino) == disk.signature.ino, Int(st.st_size) == disk.signature.size,
              Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec) == disk.signature.mtime else { return nil }
        let r = LineReader(fd: fd, from: disk.start + at, chunk: 16 * 1024)
        guard let (line, _) = try r.next() else { throw SnapshotError(.notesMissing(task: key)) }
        let names = NameTable()
        let n = try notesLine(line, nil, names)
        guard n.key == key else { throw SnapshotError(.notesNotWhereSaid(task: key)) }
        return n.notes
    }

    /// The plan's title from the header line alone, none of the tasks read;
    /// nil when there is no snapshot or it is of schema 1 (one JSON document).
    static func title(_ path: String) throws -> String? {
        guard let fd = try POSIXFile.open(path, O_RDONLY) else { return nil }
        defer { close(fd) }
        let r = LineReader(fd: fd)
        guard let first = try r.next(), !isSchema1(first.bytes) else { return nil }
        return try header(first.bytes, NameTable()).plan.title
    }

    // MARK: Lines

    struct Header {
        /// With its supervision record, and no tasks.
        var plan: Plan
        var seq: Int
        var offset: Int
        var count: Int
    }

    static let headerKeys: [StaticString] = ["schemaVersion", "journal", "tasks", "plan", "supervision", "reviews"]
    static let journalKeys: [StaticString] = ["seq", "offset"]

    /// The one decoder of a header line.
    static func header(reading r: inout JSONReader) throws(JSONReader.Failure) -> Header {
        let at = r.position
        var version: Int?, seq = 0, offset = 0, count: Int?, plan: Plan?
        var supervision: Supervision?, reviews: Reviews?
        try r.object(keys: headerKeys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0:
                let v = r.position
                version = try r.int()
                guard version == Snapshot.schemaVersion else {
                    throw r.invalid(version! > Snapshot.schemaVersion
                        ? "\(version!) is newer than this duban understands (\(Snapshot.schemaVersion))"
                        : "\(version!) is not a schema written as lines", at: v)
                }
            case 1:
                try r.object(keys: journalKeys) { (r, k) throws(JSONReader.Failure) in
                    switch k {
                    case 0: seq = r.null() ? 0 : try r.int(in: 0...Int.max)
                    case 1: offset = r.null() ? 0 : try r.int(in: 0...Int.max)
                    default: try r.skip()
                    }
                }
            case 2: count = try r.int(in: 0...Int.max)
            case 3:
                let p = r.position
                plan = try Plan(reading: &r)
                if !plan!.tasks.isEmpty { throw r.invalid("tasks belong on lines of their own", at: p) }
            case 4: supervision = r.null() ? nil : try Supervision(reading: &r)
            case 5: reviews = r.null() ? nil : try Reviews(reading: &r)
            default: try r.skip()
            }
        }
        guard version != nil else { throw r.missing("schemaVersion", at: at) }
        var whole = try r.need(plan, "plan", at: at)
        if let supervision { whole.supervision = supervision }
        if let reviews { whole.reviews = reviews }
        return Header(plan: whole, seq: seq, offset: offset, count: try r.need(count, "tasks", at: at))
    }

    static func header(_ line: UnsafeBufferPointer<UInt8>, _ names: NameTable) throws(SnapshotError) -> Header {
        do { return try JSONReader.decode(line, names: names) { (r) throws(JSONReader.Failure) in try header(reading: &r) } } catch {
            throw SnapshotError(error, line: 1, what: nil)
        }
    }

    static func taskLine(_ line: UnsafeBufferPointer<UInt8>, _ n: Int, _ names: NameTable,
                         pool: TextPool? = nil) throws(SnapshotError) -> TaskLine {
        do { return try TaskLine.decode(line, names: names, pool: pool) } catch {
            throw SnapshotError(error, line: n, what: "task line")
        }
    }

    static func notesLine(_ line: UnsafeBufferPointer<UInt8>, _ n: Int?, _ names: NameTable) throws(SnapshotError) -> NotesLine {
        do { return try NotesLine.decode(line, names: names) } catch {
            throw SnapshotError(error, line: n, what: "notes line")
        }
    }

    /// Document order, as `Plan(json:)` restores it; Duban writes tasks in
    /// order, so this is normally one pass that changes nothing.
    static func inOrder(_ tasks: [PlanTask]) -> [PlanTask] {
        let less: (PlanTask, PlanTask) -> Bool = { a, b in a.section != b.section ? a.section < b.section : TaskKey.less(a.key, b.key) }
        // Compared in place: copying each pair of tasks would retain every field.
        let ordered = tasks.withUnsafeBufferPointer { b in
            b.indices.dropFirst().allSatisfy { i in
                b[i - 1].section != b[i].section ? b[i - 1].section < b[i].section : !TaskKey.less(b[i].key, b[i - 1].key)
            }
        }
        if ordered { return tasks }
        var sorted = tasks
        sorted.sort(by: less)
        return sorted
    }

    // MARK: Schema 1

    /// A schema-1 file opens with `{` alone on its first line (it is pretty-printed).
    static func isSchema1(_ first: UnsafeBufferPointer<UInt8>) -> Bool {
        var s = first[...]
        while let c = s.last, c == 13 || c == 32 || c == 9 { s = s.dropLast() }
        while let c = s.first, c == 32 || c == 9 || c == 0xEF || c == 0xBB || c == 0xBF { s = s.dropFirst() }
        return s.count == 1 && s.first == 123
    }

    static func schema1(fd: Int32, path: String) throws(SnapshotError) -> Snapshot {
        let bytes: [UInt8]
        do { bytes = try POSIXFile.read(fd: fd, from: 0, path: path) } catch { throw SnapshotError(message: error.message) }
        do { return try SnapshotV1.read(bytes) } catch {
            throw SnapshotError(error, line: nil, what: nil)
        }
    }
}
