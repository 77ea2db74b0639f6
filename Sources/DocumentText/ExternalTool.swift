#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TextWidth

/// Programs Duban may call to read a format it does not read itself (PDF,
/// Word 97 `.doc`). They are optional: without them only that format is
/// refused, with the Debian package to install.
///
/// Started with `posix_spawn` rather than Foundation's `Process`, which would
/// load Foundation and ICU into every `duban` command at start-up.
enum ExternalTool {
    /// How long a program may take before it is stopped: a damaged file must
    /// not leave an import waiting for ever.
    static let timeoutSeconds = 60

    /// The first of `programs` found on `path` (a `PATH` value).
    static func find(_ programs: [String], path: String) -> (name: String, path: String)? {
        for program in programs {
            for dir in path.split(separator: ":", omittingEmptySubsequences: true) {
                let candidate = "\(dir)/\(program)"
                if isExecutableFile(candidate) { return (program, candidate) }
            }
        }
        return nil
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT != S_IFDIR && access(path, X_OK) == 0
    }

    /// Runs `executable` with `arguments` and returns its standard output.
    /// Standard error becomes the message of a failure.
    static func run(_ executable: String, _ arguments: [String], name: String,
                    timeoutSeconds: Int = timeoutSeconds) throws(DocumentReadError) -> [UInt8] {
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard openPipe(&outPipe) else { throw .toolFailed(program: name, status: -1, message: lastError()) }
        guard openPipe(&errPipe) else {
            let message = lastError()
            close(outPipe[0]); close(outPipe[1])
            throw .toolFailed(program: name, status: -1, message: message)
        }
        let pid: pid_t
        do throws(DocumentReadError) {
            pid = try spawn(executable, arguments, name: name, output: outPipe[1], error: errPipe[1])
        } catch {
            for fd in outPipe + errPipe { close(fd) }
            throw error
        }
        close(outPipe[1]); close(errPipe[1])

        // Both pipes drained together, so a chatty program never blocks.
        let deadline = now() + Double(timeoutSeconds)
        var streams = [Stream(fd: outPipe[0], limit: Int.max), Stream(fd: errPipe[0], limit: 400)]
        defer { for s in streams where s.fd >= 0 { close(s.fd) } }
        while streams.contains(where: { $0.fd >= 0 }) {
            let left = deadline - now()
            guard left > 0 else { throw stop(pid, name: name, timeoutSeconds: timeoutSeconds) }
            var polled = streams.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&polled, nfds_t(polled.count), Int32(min(left * 1000 + 1, 60_000)))
            if ready < 0 && errno != EINTR { break }
            for i in streams.indices where streams[i].fd >= 0 && polled[i].revents != 0 {
                streams[i].readAvailable()
            }
        }

        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { break }
            if r == 0 {
                guard now() < deadline else { throw stop(pid, name: name, timeoutSeconds: timeoutSeconds) }
                usleep(1_000)
            }
        }
        // As `Process` reports it: the exit code, or the signal that ended it.
        let signal = status & 0x7f
        let code = signal == 0 ? (status >> 8) & 0xff : signal
        guard code == 0 else {
            let message = String(decoding: streams[1].bytes, as: UTF8.self).trimmingWhitespaceAndNewlines()
            throw .toolFailed(program: name, status: code, message: message)
        }
        return streams[0].bytes
    }

    /// Standard input from /dev/null; output and error to the pipes; signals
    /// as a freshly started program expects them.
    private static func spawn(_ executable: String, _ arguments: [String], name: String,
                              output: Int32, error: Int32) throws(DocumentReadError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, error, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        var rc = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        // A program file written a moment ago can still be open for writing
        // in a child another thread forked meanwhile ("Text file busy") until
        // that child execs: try again briefly, as Go's os/exec does.
        var tries = 0
        while rc == ETXTBSY, tries < 50 {
            usleep(10_000)
            tries += 1
            rc = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        }
        guard rc == 0 else {
            throw .toolFailed(program: name, status: -1, message: String(cString: strerror(rc)))
        }
        return pid
    }

    /// Kills a program that ran out of time and collects it.
    private static func stop(_ pid: pid_t, name: String, timeoutSeconds: Int) -> DocumentReadError {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return .toolTimedOut(program: name, seconds: timeoutSeconds)
    }

    /// A pipe whose ends the program does not inherit (it gets copies on 1 and 2).
    private static func openPipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

/// One of the program's output streams, read as it arrives; bytes past
/// `limit` are read and dropped.
private struct Stream {
    var fd: Int32
    let limit: Int
    var bytes: [UInt8] = []

    mutating func readAvailable() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 && (errno == EINTR || errno == EAGAIN) { return }
        guard n > 0 else {
            close(fd)
            fd = -1
            return
        }
        if bytes.count < limit { bytes += buffer[..<min(n, limit - bytes.count)] }
    }
}
