#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanModel

/// One task's line found in a schema-2 snapshot without reading the others,
/// for a command that changes one task: its cost does not grow with the plan.
/// Task lines are written in document order, which for keys `<section>.<n>`
/// is key order, so the line is found by bisecting the file's bytes; a file
/// in any other order is not bisected wrongly, the search just finds nothing
/// and the caller reads the whole plan.
enum TaskLocator {
    struct Found {
        var header: SnapshotReader.Header
        var task: TaskLine
        var signature: POSIXFile.Signature
    }

    enum Outcome {
        /// No snapshot file.
        case noFile
        case found(Found)
        /// Not a schema-2 file, or the key was not found by bisecting.
        case readWhole
    }

    /// Below this many bytes the rest is read line by line.
    static let window = 32 * 1024

    /// With `notes`, the task's notes in the snapshot are read too: from the
    /// notes section, whose first line is found by bisecting as task lines
    /// are, at the task's `notesAt`.
    static func find(_ path: String, key: String, notes: Bool = false, window: Int = window) throws(SnapshotError) -> Outcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return .noFile }
            throw SnapshotError(message: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw SnapshotError(message: "cannot stat: \(String(cString: strerror(errno)))") }
        let sig = POSIXFile.Signature(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino), size: Int(st.st_size),
                                      mtime: Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec))
        let r = LineReader(fd: fd, chunk: 64 * 1024)
        guard let first = try r.next() else { throw SnapshotError(line: 1, message: "empty file") }
        if SnapshotReader.isSchema1(first.bytes) { return .readWhole }
        let head = try SnapshotReader.header(first.bytes, NameTable())
        let file = Lines(fd: fd, size: sig.size)
        // Task lines start in [lo, hi); notes lines follow them.
        var lo = r.offset, hi = sig.size
        while hi - lo > window {
            let mid = lo + (hi - lo) / 2
            guard let start = try file.lineStart(after: mid), start < hi else { hi = mid; continue }
            let line = try file.line(at: start)
            guard let (k, isTask) = line.bytes.withUnsafeBufferPointer({ TaskLine.probe($0) }) else { return .readWhole }
            if !isTask || TaskKey.less(key, k) {
                hi = start
            } else if k == key {
                return try withNotes(decode(line.bytes, head, sig), notes ? file : nil, after: line.end, window: window)
            } else {
                lo = line.end
            }
        }
        var at = lo
        while at < hi {
            let line = try file.line(at: at)
            guard let (k, isTask) = line.bytes.withUnsafeBufferPointer({ TaskLine.probe($0) }), isTask else { break }
            if k == key { return try withNotes(decode(line.bytes, head, sig), notes ? file : nil, after: line.end, window: window) }
            at = line.end
        }
        return .readWhole
    }

    /// A line that does not decode is left to the whole read, which names
    /// its line number (unknown here without counting the lines before it).
    private static func decode(_ line: [UInt8], _ head: SnapshotReader.Header, _ sig: POSIXFile.Signature) -> Outcome {
        guard let t = try? line.withUnsafeBufferPointer({ (b) throws(JSONReader.Failure) in try TaskLine.decode(b) }) else {
            return .readWhole
        }
        let sections = head.plan.sections
        guard t.task.section < sections.count,
              t.task.group.map({ $0 < sections[t.task.section].groups.count }) ?? true else { return .readWhole }
        return .found(Found(header: head, task: t, signature: sig))
    }

    /// The found task with its notes from `file` (nil: left on disk). Notes
    /// that are not where the task line says, or do not decode, are left to
    /// the whole read, which names what is wrong.
    private static func withNotes(_ outcome: Outcome, _ file: Lines?, after: Int, window: Int) throws(SnapshotError) -> Outcome {
        guard let file, case .found(var found) = outcome, let at = found.task.notesAt else { return outcome }
        guard let start = try notesStart(file, from: after, window: window), start + at < file.size else { return .readWhole }
        // `notesAt` must fall where a line starts.
        if at > 0, try !file.line(at: start + at - 1).bytes.isEmpty { return .readWhole }
        let line = try file.line(at: start + at)
        guard let n = try? line.bytes.withUnsafeBufferPointer({ (b) throws(JSONReader.Failure) in try NotesLine.decode(b) }),
              n.key == found.task.task.key, n.notes.count == found.task.task.olderNotes else { return .readWhole }
        found.task.task.notes = n.notes
        found.task.task.olderNotes = 0
        return .found(found)
    }

    /// The offset of the first line from `from` on that is not a task line:
    /// the start of the notes section. Nil when there is none or a line
    /// cannot be told.
    static func notesStart(_ file: Lines, from: Int, window: Int) throws(SnapshotError) -> Int? {
        func isTask(_ bytes: [UInt8]) -> Bool? { bytes.withUnsafeBufferPointer { TaskLine.probe($0) }?.isTask }
        var lo = from, hi = file.size
        while hi - lo > window {
            let mid = lo + (hi - lo) / 2
            guard let start = try file.lineStart(after: mid), start < hi else { hi = mid; continue }
            let line = try file.line(at: start)
            guard let task = isTask(line.bytes) else { return nil }
            if task { lo = line.end } else { hi = start }
        }
        var at = lo
        while at < file.size {
            let line = try file.line(at: at)
            guard let task = isTask(line.bytes) else { return nil }
            if !task { return at }
            at = line.end
        }
        return nil
    }

    /// Reading lines at byte offsets.
    struct Lines {
        let fd: Int32
        let size: Int

        /// The offset just after the first newline at or after `offset - 1`:
        /// the start of the first line that starts at or after `offset`.
        func lineStart(after offset: Int) throws(SnapshotError) -> Int? {
            var at = offset - 1
            var buf = [UInt8](repeating: 0, count: 4096)
            while at < size {
                let n = try read(&buf, at)
                if let nl = buf[..<n].firstIndex(of: 10) { return at + nl + 1 }
                at += n
            }
            return nil
        }

        /// The line starting at `offset`, without its newline, and the offset after it.
        func line(at offset: Int) throws(SnapshotError) -> (bytes: [UInt8], end: Int) {
            var out: [UInt8] = []
            var buf = [UInt8](repeating: 0, count: 4096)
            var at = offset
            while at < size {
                let n = try read(&buf, at)
                if let nl = buf[..<n].firstIndex(of: 10) {
                    out += buf[..<nl]
                    return (out, at + nl + 1)
                }
                out += buf[..<n]
                at += n
            }
            return (out, size)
        }

        private func read(_ buf: inout [UInt8], _ at: Int) throws(SnapshotError) -> Int {
            while true {
                let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(at)) }
                if n < 0, errno == EINTR { continue }
                if n < 0 { throw SnapshotError(message: "cannot read: \(String(cString: strerror(errno)))") }
                if n == 0 { throw SnapshotError(message: "file shorter than it was") }
                return n
            }
        }
    }
}
