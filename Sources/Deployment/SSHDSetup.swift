/// `duban admin sshd`: a drop-in under sshd_config.d whose Match blocks pin
/// reporters to the dashboard and kiosk accounts to the kiosk, with no
/// forwarding of any kind and a UTF-8 locale.
public enum SSHDSetup {
    /// The settings both blocks share, and what `doctor` expects `sshd -T` to show.
    static let restrictions = [
        ("PermitTTY", "yes"),
        ("AllowTcpForwarding", "no"),
        ("AllowAgentForwarding", "no"),
        ("AllowStreamLocalForwarding", "no"),
        ("X11Forwarding", "no"),
        ("PermitTunnel", "no"),
        ("PermitUserRC", "no"),
    ]

    public static func dashboardCommand(_ layout: Layout) -> String { "exec \(layout.binary) --store \(layout.store)" }
    public static func kioskCommand(_ layout: Layout) -> String {
        "exec \(layout.binary) kiosk --store \(layout.store) --interval \(layout.kioskInterval)"
    }

    static func environment(_ layout: Layout) -> String {
        "LANG=C.UTF-8" + (layout.sessionLanguage.map { " DUBAN_LANG=\($0)" } ?? "")
    }

    public static func dropIn(_ layout: Layout) -> String {
        func block(_ match: String, _ command: String) -> String {
            (["Match Group \(match)", "    ForceCommand \(command)", "    SetEnv \(environment(layout))",
              "    AcceptEnv DUBAN_LANG DUBAN_LINES"]
                + restrictions.map { "    \($0.0) \($0.1)" }).joined(separator: "\n")
        }
        return """
            # Written by duban admin sshd; run it again rather than editing.
            # Reporters are pinned to the dashboard, kiosk accounts to the kiosk:
            # sshd runs the forced command for every session, sftp and scp included.
            \(block(layout.reportersGroup, dashboardCommand(layout)))
            \(block(layout.kioskGroup, kioskCommand(layout)))

            """
    }

    /// Whether the main configuration includes the drop-in's directory.
    public static func includesDropIn(_ layout: Layout, system: SystemProbe) -> Bool {
        guard let text = system.contents(layout.sshdConfig).map({ String(decoding: $0, as: UTF8.self) }) else { return false }
        let dir = String(layout.sshdDropIn[..<(layout.sshdDropIn.lastIndex(of: "/") ?? layout.sshdDropIn.endIndex)])
        let relative = dir.hasPrefix("/etc/ssh/") ? String(dir.dropFirst("/etc/ssh/".count)) : dir
        return text.split(separator: "\n").contains { line in
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard f.count >= 2, f[0].lowercased() == "include" else { return false }
            return f.dropFirst().contains { $0.hasPrefix(dir + "/") || $0.hasPrefix(relative + "/") }
        }
    }

    /// Checks the main configuration with the candidate appended, through
    /// `sshd -t`, before anything is written. Returns sshd's complaint, or nil.
    public static func validate(_ layout: Layout, candidate: String, runner: CommandRunner) -> String? {
        let main = LiveSystem().contents(layout.sshdConfig).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let tmp = "/tmp/duban-sshd-check-\(UInt32.random(in: 0...UInt32.max)).conf"
        let apply = LiveApplier(runner: runner)
        do {
            try apply.write(tmp, Array((main + "\n" + candidate).utf8), mode: 0o600, owner: "root", group: "root")
        } catch { return error.message.en }
        defer { _ = try? apply.apply(.removeFile(tmp)) }
        let r = runner.run([layout.sshd, "-t", "-f", tmp])
        return r.status == 0 ? nil : (r.error + r.output).trimmingTrailingNewlines()
    }

    /// The steps of `sshd --write`, after `validate` passed.
    public static func write(_ layout: Layout, reload: Bool, system: SystemProbe) -> [Step] {
        let text = Array(dropIn(layout).utf8)
        var steps: [Step] = []
        if !includesDropIn(layout, system: system) {
            steps.append(.kept(Say("注意：\(layout.sshdConfig) 没有 Include 这个目录；请在文件开头加上 Include \(layout.sshdDropIn.dropLastComponent())/*.conf",
                                   "note: \(layout.sshdConfig) does not Include this directory; add Include \(layout.sshdDropIn.dropLastComponent())/*.conf at its top")))
        }
        if system.contents(layout.sshdDropIn) == text {
            steps.append(.kept(Say("\(layout.sshdDropIn) 已是最新", "\(layout.sshdDropIn) is up to date")))
            return steps
        }
        var ops: [Operation] = []
        if system.status(layout.sshdDropIn.dropLastComponent()) == nil {
            ops.append(.makeDirectory(path: layout.sshdDropIn.dropLastComponent(), mode: 0o755, owner: "root", group: "root"))
        }
        ops.append(.writeFile(path: layout.sshdDropIn, bytes: text, mode: 0o644, owner: "root", group: "root", lock: nil))
        steps.append(.change(Say("写入 \(layout.sshdDropIn)（已用 sshd -t 检查）", "wrote \(layout.sshdDropIn) (checked with sshd -t)"), ops))
        if reload {
            steps.append(.change(Say("重新加载 sshd", "reloaded sshd"), .command(["systemctl", "reload", "ssh.service"])))
        } else {
            steps.append(.kept(Say("sshd 未重新加载：重新加载后生效", "sshd not reloaded: the change takes effect when it is")))
        }
        return steps
    }
}

extension String {
    func dropLastComponent() -> String {
        guard let i = lastIndex(of: "/") else { return "." }
        return i == startIndex ? "/" : String(self[..<i])
    }
}
