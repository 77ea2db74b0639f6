import Foundation

/// Drives a program in a detached tmux session: keys in, screen text out. Each
/// instance has its own tmux server socket so tests never see each other.
final class Tmux {
    let socket: String
    let session = "t"
    private(set) var width: Int
    private(set) var height: Int

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Starts `command` (a shell command line) at the given size with `env` set.
    init(_ command: String, width: Int = 80, height: Int = 24, env: [String: String] = [:]) throws {
        socket = FileManager.default.temporaryDirectory.appendingPathComponent("duban-tmux-\(UUID().uuidString.prefix(8))").path
        self.width = width
        self.height = height
        let exports = env.map { "export \($0.key)=\(Tmux.quote($0.value));" }.joined(separator: " ")
        // `remain-on-exit` keeps the pane so the exit status and the restored screen can be read.
        try run(["-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
                 "\(exports) \(command); echo $? > \(socket).status"])
        try run(["set-window-option", "-t", session, "remain-on-exit", "on"])
    }

    deinit {
        _ = try? run(["kill-server"])
        unlink(socket + ".status")
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs tmux with posix_spawn and waitpid: tmux's server forks off and keeps
    /// inherited descriptors, which makes Foundation's Process wait forever.
    @discardableResult
    func run(_ args: [String]) throws -> String {
        let base = socket + ".\(UUID().uuidString.prefix(6))"
        defer { unlink(base + ".out"); unlink(base + ".err") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, base + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, base + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "TMUX")
        let argv = ["tmux", "-u", "-S", socket] + args
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, "tmux", &actions, nil, cArgs, cEnv)
        guard rc == 0 else { throw Failure(description: "cannot run tmux: error \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let data = FileManager.default.contents(atPath: base + ".out") ?? Data()
        let e = FileManager.default.contents(atPath: base + ".err") ?? Data()
        guard status == 0 else {
            throw Failure(description: "tmux \(args.joined(separator: " ")): \(String(decoding: e, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Keys in tmux's notation (`Down`, `Enter`, `Escape`, `C-c`) or literal text with `literal`.
    func send(_ keys: String..., literal: Bool = false) throws {
        try run(["send-keys", "-t", session] + (literal ? ["-l"] : []) + keys)
    }

    func screen() throws -> String { try run(["capture-pane", "-p", "-t", session]) }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
        self.width = width
        self.height = height
    }

    /// Waits until the screen satisfies `ok`, returning it; fails with the last screen.
    @discardableResult
    func wait(timeout: Double = 5, for what: String, _ ok: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? last
            if ok(last) { return last }
            usleep(50_000)
        }
        throw Failure(description: "timed out waiting for \(what); screen:\n\(last)")
    }

    @discardableResult
    func wait(for text: String, timeout: Double = 5) throws -> String {
        try wait(timeout: timeout, for: "\"\(text)\"") { $0.contains(text) }
    }

    /// The pane's program has exited: its status, or nil while it runs.
    func exitStatus() throws -> Int? {
        let s = try run(["display-message", "-p", "-t", session, "#{pane_dead} #{pane_dead_status}"])
        guard s.hasPrefix("1") else { return nil }
        // tmux does not always know the status of a program that closed its
        // terminal before exiting, so the shell around it writes it down.
        for _ in 0..<20 {
            if let t = try? String(contentsOfFile: socket + ".status", encoding: .utf8),
               let n = Int(t.trimmingCharacters(in: .whitespacesAndNewlines)) { return n }
            usleep(50_000)
        }
        return -1
    }

    func waitForExit(timeout: Double = 5) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = try exitStatus() { return s }
            usleep(50_000)
        }
        throw Failure(description: "program did not exit; screen:\n\((try? screen()) ?? "")")
    }

    /// The program's process id (the child of the pane's shell), for sending signals.
    func pid() throws -> Int32 {
        let shell = try run(["display-message", "-p", "-t", session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let r = try Shell.run(["pgrep", "-P", shell])
        return Int32(r.out.split(separator: "\n").first ?? "") ?? Int32(shell) ?? 0
    }

    /// Whether the terminal left the alternate screen and shows the cursor again.
    func alternateScreenOff() throws -> Bool {
        try run(["display-message", "-p", "-t", session, "#{alternate_on}"]).hasPrefix("0")
    }
}
