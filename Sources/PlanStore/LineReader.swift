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

    deinit { buf.deallocate() }

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
            if lo > 0 {
                memmove(buf, buf + lo, hi - lo)
                base += lo
                hi -= lo
                lo = 0
            }
            if hi == capacity {
                // A line longer than the buffer: grow it rather than split the line.
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                bigger.update(from: buf, count: hi)
                buf.deallocate()
                buf = bigger
                capacity *= 2
            }
            let n = pread(fd, buf + hi, capacity - hi, off_t(base + hi))
            if n < 0 {
                if errno == EINTR { continue }
                throw SnapshotError(message: "cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { eof = true } else { hi += n }
        }
    }
}
