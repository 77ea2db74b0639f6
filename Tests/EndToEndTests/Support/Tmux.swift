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
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "TMUX")
        // Spawn writes output to files, not pipes: the tmux server started by
        // new-session inherits the descriptors, and would hold a pipe open.
        let r = try Spawn.run(["tmux", "-u", "-S", socket] + args, env: env)
        guard r.status == 0 else {
            throw Failure(description: "tmux \(args.joined(separator: " ")): \(String(decoding: r.err, as: UTF8.self))")
        }
        return String(decoding: r.out, as: UTF8.self)
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

    /// Waits for the program to exit and returns its status (128 + the signal
    /// if a signal ended it). tmux sometimes reaps the pane's process late; a
    /// process that has exited but not been reaped yet (a zombie) counts as
    /// exited, with the status the kernel keeps for it.
    func waitForExit(timeout: Double = 5) throws -> Int {
        let pid = try self.pid()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = try exitStatus(), s >= 0 { return s }
            if let s = Tmux.zombieStatus(pid) { return s }
            usleep(20_000)
        }
        if let s = try exitStatus() { return s }
        let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? "gone"
        throw Failure(description: "program did not exit (\(state)); screen:\n\((try? screen()) ?? "")")
    }

    /// The wait status of an exited, unreaped process, decoded; nil while it runs.
    static func zombieStatus(_ pid: Int32) -> Int? {
        guard pid > 0, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // fields[0] is the state; the last field is the exit code (Linux ≥ 3.5).
        guard fields.first == "Z", let raw = Int(fields.last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") else { return nil }
        let sig = raw & 0x7f
        return sig == 0 ? (raw >> 8) & 0xff : 128 + sig
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

extension Tmux {
    /// A reporting unit's session starts on its tasks: Esc shows the whole
    /// plan, where the task on row `row` of section 2 gets `progress`
    /// through the editor, and the footer confirms it was saved.
    func setProgressAsReporter(row: Int, key: String, to progress: Int) throws {
        try wait(for: "My tasks")
        try send("Escape")
        try wait(for: "Sections")
        try send("2")
        try wait(for: "Tasks 29/29")
        for _ in 0..<row { try send("j") }
        try send("Enter")
        try wait(for: "Task \(key)")
        try send("e")
        try wait(for: "Progress (0–100) · \(key)")
        try send("BSpace", "BSpace", "BSpace")
        try send("\(progress)", literal: true)
        try send("Enter")
        try wait(for: "saved: \(key) progress")
    }
}
