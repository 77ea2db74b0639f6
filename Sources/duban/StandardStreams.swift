#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input and output as file descriptors: Foundation's `FileHandle`
/// would load Foundation and ICU into every command at start-up.
enum StandardStreams {
    /// All of standard input.
    static func readInput() -> [UInt8] {
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buf.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return out }
            out += buf[..<n]
        }
    }

    /// Bytes to standard output as they are, after whatever `print` has buffered.
    static func writeOutput(_ bytes: [UInt8]) {
        fflush(nil)
        bytes.withUnsafeBytes { b in
            var done = 0
            while done < b.count {
                let n = write(STDOUT_FILENO, b.baseAddress! + done, b.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                done += n
            }
        }
    }
}
