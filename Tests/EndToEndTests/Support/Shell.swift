import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts processes with posix_spawn, not Foundation's `Process`: on Linux
/// `Process.waitUntilExit()` can miss a child's exit when tests start processes
/// from several threads at once, and a child started from a libdispatch worker
/// inherits that thread's mask with SIGHUP, SIGTERM and most others blocked
/// (a program, and tmux's panes, would then ignore the signals a test sends).
/// Children here start with an empty signal mask and default dispositions;
/// their output goes to files, so a daemon that inherits them (tmux's server)
/// cannot hold a pipe open.
enum Spawn {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Starts `args` (the first looked up in PATH) with `env` (nil: this
    /// process's environment), standard input from `stdin` and output to the
    /// given files. Returns the pid.
    static func start(_ args: [String], env: [String: String]? = nil, stdin: String = "/dev/null",
                      stdout: String = "/dev/null", stderr: String = "/dev/null") throws -> pid_t {
        var fa = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fa)
        defer { posix_spawn_file_actions_destroy(&fa) }
        posix_spawn_file_actions_addopen(&fa, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&fa, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&fa, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let environment = env ?? ProcessInfo.processInfo.environment
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, args[0], &fa, &attr, &argv, &envp)
        guard rc == 0 else { throw Failure(description: "cannot start \(args[0]): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// Waits for `pid`: its exit status, or 128 + the signal that ended it.
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        let sig = status & 0x7f
        return sig == 0 ? (status >> 8) & 0xff : 128 + sig
    }

    /// Runs to the end: status, standard output and standard error.
    static func run(_ args: [String], env: [String: String]? = nil, input: Data? = nil) throws -> (status: Int32, out: Data, err: Data) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("duban-spawn-\(UUID().uuidString.prefix(12))").path
        let files = (in: base + ".in", out: base + ".out", err: base + ".err")
        defer { for f in [files.in, files.out, files.err] { unlink(f) } }
        FileManager.default.createFile(atPath: files.in, contents: input ?? Data())
        let pid = try start(args, env: env, stdin: files.in, stdout: files.out, stderr: files.err)
        let status = wait(pid)
        return (status, FileManager.default.contents(atPath: files.out) ?? Data(),
                FileManager.default.contents(atPath: files.err) ?? Data())
    }
}

/// Runs commands for test set-up and checks.
enum Shell {
    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    @discardableResult
    static func run(_ args: [String], env: [String: String]? = nil, input: String? = nil) throws -> Result {
        let environment = env.map { ProcessInfo.processInfo.environment.merging($0) { $1 } }
        let r = try Spawn.run(args, env: environment, input: input.map { Data($0.utf8) })
        return Result(status: r.status, out: String(decoding: r.out, as: UTF8.self), err: String(decoding: r.err, as: UTF8.self))
    }

    /// Runs and throws with the command's stderr when it fails.
    @discardableResult
    static func must(_ args: [String], env: [String: String]? = nil) throws -> String {
        let r = try run(args, env: env)
        guard r.status == 0 else { throw Failure(description: "\(args.joined(separator: " ")) → \(r.status): \(r.err)") }
        return r.out
    }

    static var isRoot: Bool { getuid() == 0 }

    static func which(_ tool: String) -> Bool { (try? run(["which", tool]).status) == 0 }
}
