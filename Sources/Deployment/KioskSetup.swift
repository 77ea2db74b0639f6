/// `duban admin kiosk`: a wall screen on a local console (a systemd unit that
/// runs the kiosk on a virtual terminal) or an SSH account pinned to the kiosk.
public enum KioskSetup {
    public static func unitName(tty: Int) -> String { "duban-kiosk-tty\(tty).service" }

    public static func unitText(_ layout: Layout, tty: Int, account: String) -> String {
        """
        # Written by duban admin kiosk; run it again rather than editing.
        [Unit]
        Description=Duban kiosk on tty\(tty)
        After=systemd-user-sessions.service
        Conflicts=getty@tty\(tty).service

        [Service]
        User=\(account)
        Environment=LANG=C.UTF-8 TERM=linux
        ExecStart=\(layout.binary) kiosk --store \(layout.store) --interval \(layout.kioskInterval)
        StandardInput=tty
        StandardOutput=tty
        TTYPath=/dev/tty\(tty)
        TTYReset=yes
        TTYVHangup=yes
        Restart=always

        [Install]
        WantedBy=multi-user.target

        """
    }

    /// The console kiosk: an account that cannot log in, the unit, and (when
    /// systemd runs) the unit enabled and started.
    public static func console(_ layout: Layout, tty: Int, account: String, systemdRunning: Bool,
                               system: SystemProbe) throws(AdminError) -> [Step] {
        guard (1...63).contains(tty) else { throw AdminError(Say("--tty \(tty) 不是 1–63", "--tty \(tty) is not 1–63")) }
        var steps = Accounts.ensureAccount(account, shell: layout.noLoginShell, groups: [], system)
        if let s = Accounts.ensureNotMember(account, of: layout.group, system) { steps.append(s) }
        let name = unitName(tty: tty), path = layout.unitDirectory + "/" + name
        let text = Array(unitText(layout, tty: tty, account: account).utf8)
        if system.contents(path) == text {
            steps.append(.kept(Say("\(path) 已是最新", "\(path) is up to date")))
        } else {
            steps.append(.change(Say("写入 \(path)", "wrote \(path)"),
                                 .writeFile(path: path, bytes: text, mode: 0o644, owner: "root", group: "root", lock: nil)))
        }
        if systemdRunning {
            steps.append(.change(Say("启用并启动 \(name)", "enabled and started \(name)"),
                                 .command(["systemctl", "daemon-reload"]), .command(["systemctl", "enable", "--now", name])))
        } else {
            steps.append(.kept(Say("systemd 未运行：之后用 systemctl enable --now \(name) 启用", "systemd is not running: enable it later with systemctl enable --now \(name)")))
        }
        return steps
    }

    /// The SSH kiosk: an account in the kiosk group (which the sshd drop-in pins
    /// to `duban kiosk`), never in the writers' group.
    public static func sshAccount(_ layout: Layout, account: String, key: String?, system: SystemProbe) throws(AdminError) -> [Step] {
        guard ReporterSetup.isAccountName(account) else {
            throw AdminError(Say("\"\(account)\" 不是账号名", "\"\(account)\" is not an account name"))
        }
        var steps = [Accounts.ensureGroup(layout.kioskGroup, system)]
        steps += Accounts.ensureAccount(account, shell: layout.sshShell, groups: [layout.kioskGroup], system)
        for g in [layout.group, layout.reportersGroup] {
            if let s = Accounts.ensureNotMember(account, of: g, system) { steps.append(s) }
        }
        if let key { steps += try Accounts.ensureKey(account, key: key, system) }
        return steps
    }
}
