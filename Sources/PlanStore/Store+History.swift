#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanModel

/// Where each task's lines are in a journal file: built by one pass over the
/// bytes that parses nothing but the task field, then extended as the file
/// grows. A task's history reads and parses only its own lines, so neither
/// time nor memory grows with the rest of the journal.
struct JournalIndex {
    var ino: UInt64
    /// Journal offset just after the last complete line indexed.
    var end = 0
    var byTask: [String: [Int]] = [:]
}

extension Store {
    /// Journal entries of one task, oldest first.
    public func history(plan id: String, task: String) -> [JournalEntry] {
        let path = files(id).journal
        guard let fd = try? POSIXFile.open(path, O_RDONLY) else { return [] }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return [] }
        var ix = journalIndexes[id] ?? JournalIndex(ino: UInt64(st.st_ino))
        // A replaced journal (a repair) is indexed afresh.
        if ix.ino != UInt64(st.st_ino) || ix.end > Int(st.st_size) { ix = JournalIndex(ino: UInt64(st.st_ino)) }
        if Int(st.st_size) > ix.end {
            let r = LineReader(fd: fd, from: ix.end)
            // The task field comes early; an import line carrying a whole plan is skipped, not held.
            while let (line, offset, length) = try? r.nextPrefix(limit: 4096), r.lastWasComplete {
                if let key = JSONReader.leadingString("task", in: line) {
                    ix.byTask[key, default: []].append(offset)
                }
                ix.end = r.offset
            }
            journalIndexes[id] = ix
        }
        var out: [JournalEntry] = []
        for offset in ix.byTask[task] ?? [] {
            let r = LineReader(fd: fd, from: offset, chunk: 4096)
            guard let (line, _) = try? r.next(),
                  let e = try? JournalCodec.entry(line: line) else { continue }
            out.append(e)
        }
        return out
    }

    /// The journal entries of a plan that change one of `fields`, oldest
    /// first, read a line at a time: lines about other fields (imports that
    /// carry a whole plan, notes) are skipped without being parsed.
    public func journal(_ id: String, fields: Set<String>) throws -> [JournalEntry] {
        let path = files(id).journal
        guard let fd = try POSIXFile.open(path, O_RDONLY) else {
            if POSIXFile.exists(files(id).snapshot) { return [] }
            throw StoreError(.notFound(path: path))
        }
        defer { close(fd) }
        let names = NameTable()
        let r = LineReader(fd: fd)
        var out: [JournalEntry] = []
        while true {
            let next: (bytes: UnsafeBufferPointer<UInt8>, offset: Int, length: Int)?
            do { next = try r.nextPrefix(limit: 4096) } catch { throw error.store(path) }
            guard let (prefix, offset, length) = next, r.lastWasComplete else { break }
            if let f = JSONReader.leadingString("field", in: prefix), !fields.contains(f) { continue }
            func take(_ line: UnsafeBufferPointer<UInt8>) throws {
                do {
                    let e = try JournalCodec.entry(line: line, names: names)
                    if fields.contains(e.field) { out.append(e) }
                } catch {
                    throw Replay.lineError(error, path: path, line: r.lineNumber)
                }
            }
            // A long line that is wanted after all is read whole on its own.
            if length > prefix.count {
                try POSIXFile.read(fd: fd, from: offset, count: length, path: path).withUnsafeBufferPointer { try take($0) }
            } else {
                try take(prefix)
            }
        }
        return out
    }

    /// The last complete entry of a plan's journal, read from the file's end.
    func lastJournalEntry(_ id: String) -> JournalEntry? {
        let path = files(id).journal
        guard let fd = try? POSIXFile.open(path, O_RDONLY) else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let size = Int(st.st_size)
        var back = 64 * 1024
        while true {
            let from = max(0, size - back)
            guard let tail = try? POSIXFile.read(fd: fd, from: from, path: path) else { return nil }
            // Complete lines end with a newline; a torn tail after the last one is skipped.
            guard let lastNL = tail.lastIndex(of: 10) else {
                if from == 0 { return nil }
                back *= 4
                continue
            }
            if let prevNL = tail[..<lastNL].lastIndex(of: 10) {
                return tail[(prevNL + 1)..<lastNL].withUnsafeBufferPointer { try? JournalCodec.entry(line: $0) }
            }
            if from == 0 { return tail[..<lastNL].withUnsafeBufferPointer { try? JournalCodec.entry(line: $0) } }
            back *= 4
        }
    }
}
