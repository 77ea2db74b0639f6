#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an open file line by line through a buffer that holds a few lines at
/// a time, so a large file is never held whole in memory.
final class LineReader {
    private let fd: Int32
    private var buf: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Unread bytes are `buf[lo..<hi]`; `buf[0]` is file offset `base`.
    private var lo = 0, hi = 0, base: Int
    private var eof = false
    /// Lines returned so far: the number of the last one.
    private(set) var lineNumber = 0
    /// False when the last line returned had no newline (a torn tail).
    private(set) var lastWasComplete = true
    /// File offset just after the last line returned.
    var offset: Int { base + lo }

    init(fd: Int32, from start: Int = 0, chunk: Int = 1 << 20) {
        self.fd = fd
        base = start
        capacity = chunk
        buf = .allocate(capacity: chunk)
    }

    deinit {
        buf.deallocate()
        prefix.deallocate()
    }

    /// Like `next`, but a line longer than `limit` comes back cut to its first
    /// `limit` bytes and the rest is skipped, never held: for scanning a journal
    /// whose import lines carry whole plans. `length` is the whole line's.
    func nextPrefix(limit: Int) throws(SnapshotError) -> (bytes: UnsafeBufferPointer<UInt8>, offset: Int, length: Int)? {
        // Buffered up to `limit` bytes of the line (or the rest of the file).
        while hi - lo <= limit, !eof, memchr(buf + lo, 10, hi - lo) == nil { try fill() }
        guard lo < hi else { return nil }
        if let nl = memchr(buf + lo, 10, min(hi - lo, limit + 1)) {
            let end = nl.assumingMemoryBound(to: UInt8.self) - buf
            defer { lo = end + 1; lineNumber += 1; lastWasComplete = true }
            return (UnsafeBufferPointer(start: buf + lo, count: end - lo), base + lo, end - lo)
        }
        // A long line (or a torn tail): its first bytes set aside, the rest skipped.
        let start = base + lo
        let keep = min(limit, hi - lo)
        if prefixCapacity < keep {
            prefix.deallocate()
            prefix = .allocate(capacity: keep)
            prefixCapacity = keep
        }
        prefix.update(from: buf + lo, count: keep)
        lo += keep
        while true {
            if lo < hi, let nl = memchr(buf + lo, 10, hi - lo) {
                lo = nl.assumingMemoryBound(to: UInt8.self) - buf + 1
                lastWasComplete = true
                break
            }
            lo = hi
            if eof { lastWasComplete = false; break }
            try fill()
        }
        lineNumber += 1
        let length = base + lo - start - (lastWasComplete ? 1 : 0)
        return (UnsafeBufferPointer(start: prefix, count: keep), start, length)
    }

    private var prefix = UnsafeMutablePointer<UInt8>.allocate(capacity: 0)
    private var prefixCapacity = 0

    /// Reads more of the file after the unread bytes, moving them to the front first.
    private func fill() throws(SnapshotError) {
        if lo > 0 {
            memmove(buf, buf + lo, hi - lo)
            base += lo
            hi -= lo
            lo = 0
        }
        if hi == capacity {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: buf, count: hi)
            buf.deallocate()
            buf = bigger
            capacity *= 2
        }
        while true {
            let n = pread(fd, buf + hi, capacity - hi, off_t(base + hi))
            if n < 0 {
                if errno == EINTR { continue }
                throw SnapshotError(message: "cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { eof = true } else { hi += n }
            return
        }
    }

    /// The next line without its newline, and its file offset; the bytes after
    /// the last newline count as a line. The bytes are valid until the next call.
    func next() throws(SnapshotError) -> (bytes: UnsafeBufferPointer<UInt8>, offset: Int)? {
        while true {
            if lo < hi, let nl = memchr(buf + lo, 10, hi - lo) {
                let end = nl.assumingMemoryBound(to: UInt8.self) - buf
                defer { lo = end + 1; lineNumber += 1; lastWasComplete = true }
                return (UnsafeBufferPointer(start: buf + lo, count: end - lo), base + lo)
            }
            if eof {
                guard lo < hi else { return nil }
                defer { lo = hi; lineNumber += 1; lastWasComplete = false }
                return (UnsafeBufferPointer(start: buf + lo, count: hi - lo), base + lo)
            }
            // A line longer than the buffer grows it rather than being split.
            try fill()
        }
    }
}
