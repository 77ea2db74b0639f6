#if canImport(Glibc)
import Glibc
#endif

/// The result of running a system command.
public struct CommandResult: Equatable, Sendable {
    public var status: Int32
    public var output: String
    public var error: String

    public init(status: Int32, output: String, error: String = "") {
        self.status = status; self.output = output; self.error = error
    }
}

/// Runs system commands (useradd, sshd -t, systemctl…). Tests give one that
/// records the commands and answers from a script.
public protocol CommandRunner {
    func run(_ argv: [String]) -> CommandResult
}

/// Runs commands with posix_spawn, looking the program up in a PATH that
/// includes the sbin directories (root's tools live there).
public struct ProcessRunner: CommandRunner {
    public init() {}

    public func run(_ argv: [String]) -> CommandResult {
        let base = "/tmp/duban-admin-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let out = base + ".out", err = base + ".err"
        defer { unlink(out); unlink(err) }
        var fa = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fa)
        defer { posix_spawn_file_actions_destroy(&fa) }
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        posix_spawn_file_actions_addopen(&fa, 2, err, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        var env = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL=C"]
        if let lang = getenv("DUBAN_LANG") { env.append("DUBAN_LANG=" + String(cString: lang)) }
        var cargv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cenv: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
        defer { (cargv + cenv).forEach { free($0) } }
        var pid: pid_t = 0
        let program = Self.locate(argv[0])
        let rc = posix_spawn(&pid, program, &fa, nil, &cargv, &cenv)
        guard rc == 0 else {
            return CommandResult(status: 127, output: "", error: "\(argv[0]): " + String(cString: strerror(rc)))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return CommandResult(status: code, output: Self.read(out), error: Self.read(err))
    }

    static let searchPath = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]

    /// A bare name is looked up in the system directories, not in the caller's
    /// PATH (which may be empty or lack /usr/sbin).
    static func locate(_ name: String) -> String {
        if name.contains("/") { return name }
        return searchPath.map { $0 + "/" + name }.first { access($0, X_OK) == 0 } ?? name
    }

    static func read(_ path: String) -> String {
        String(decoding: LiveSystem().contents(path) ?? [], as: UTF8.self)
    }
}
