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
                 "\(exports) exec \(command)"])
        try run(["set-option", "-t", session, "remain-on-exit", "on"])
    }

    deinit { _ = try? run(["kill-server"]) }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func run(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["tmux", "-u", "-S", socket] + args
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "TMUX")
        p.environment = env
        // Files, not pipes: the tmux server started by new-session inherits the
        // descriptors, and a pipe it holds would never reach end of file.
        let base = socket + ".\(UUID().uuidString.prefix(6))"
        FileManager.default.createFile(atPath: base + ".out", contents: nil)
        FileManager.default.createFile(atPath: base + ".err", contents: nil)
        defer { try? FileManager.default.removeItem(atPath: base + ".out"); try? FileManager.default.removeItem(atPath: base + ".err") }
        p.standardOutput = FileHandle(forWritingAtPath: base + ".out")
        p.standardError = FileHandle(forWritingAtPath: base + ".err")
        p.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try p.run()
        p.waitUntilExit()
        let data = FileManager.default.contents(atPath: base + ".out") ?? Data()
        let e = FileManager.default.contents(atPath: base + ".err") ?? Data()
        guard p.terminationStatus == 0 else {
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
        let parts = s.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard parts.first == "1" else { return nil }
        return parts.count > 1 ? Int(parts[1]) : -1
    }

    func waitForExit(timeout: Double = 5) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = try exitStatus() { return s }
            usleep(50_000)
        }
        throw Failure(description: "program did not exit; screen:\n\((try? screen()) ?? "")")
    }

    /// The pane's process id, for sending signals.
    func pid() throws -> Int32 {
        Int32(try run(["display-message", "-p", "-t", session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Whether the terminal left the alternate screen and shows the cursor again.
    func alternateScreenOff() throws -> Bool {
        try run(["display-message", "-p", "-t", session, "#{alternate_on}"]).hasPrefix("0")
    }
}
