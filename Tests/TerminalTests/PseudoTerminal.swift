import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal for driving ncurses in-process: the code under test gets
/// the slave side as its tty; the test reads what it wrote from the master.
final class PseudoTerminal: @unchecked Sendable {
    private(set) var master: Int32
    let slave: Int32

    init(rows: Int32, cols: Int32) {
        var m: Int32 = -1, s: Int32 = -1
        precondition(duban_openpty(&m, &s, rows, cols) == 0, "openpty failed")
        master = m
        slave = s
        _ = fcntl(m, F_SETFL, fcntl(m, F_GETFL) | O_NONBLOCK)
        // ncurses writes wide characters only under a UTF-8 locale.
        setlocale(LC_ALL, "C.UTF-8")
    }

    deinit {
        if master >= 0 { close(master) }
        close(slave)
    }

    /// The terminal goes away, as when an ssh connection drops.
    func hangUp() {
        close(master)
        master = -1
    }

    /// Everything written to the terminal until it has been quiet for `quietMs`.
    func drain(quietMs: Int32 = 40, limitMs: Int = 3000) -> [UInt8] {
        if master < 0 { poll(nil, 0, quietMs); return [] }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var waited = 0
        while waited < limitMs {
            var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, quietMs) <= 0 { break }
            let n = Glibc.read(master, &buffer, buffer.count)
            if n <= 0 { break }
            out += buffer[0..<n]
            waited += 1
        }
        return out
    }

    /// Reads until `predicate` holds for everything read so far, or the time runs out.
    func read(until predicate: ([UInt8]) -> Bool, timeoutMs: Int = 3000) -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        let start = Int(ts.tv_sec) * 1000 + Int(ts.tv_nsec) / 1_000_000
        while true {
            if predicate(out) { return out }
            clock_gettime(CLOCK_MONOTONIC, &ts)
            let now = Int(ts.tv_sec) * 1000 + Int(ts.tv_nsec) / 1_000_000
            if now - start > timeoutMs { return out }
            var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, 20) > 0 {
                let n = Glibc.read(master, &buffer, buffer.count)
                if n > 0 { out += buffer[0..<n] }
            }
        }
    }

    func send(_ text: String) {
        guard master >= 0 else { return }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    func resize(rows: Int32, cols: Int32) { _ = duban_set_winsize(slave, rows, cols) }
}

extension Array where Element == UInt8 {
    func contains(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        for i in 0...(count - needle.count) where self[i] == needle[0] {
            if Array(self[i..<(i + needle.count)]) == needle { return true }
        }
        return false
    }
}
