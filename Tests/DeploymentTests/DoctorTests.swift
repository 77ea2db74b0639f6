import Testing
@testable import Deployment

/// The doctor on an in-memory deployment, with sshd's answers scripted.
@Suite struct DoctorTests {
    let layout = Layout()

    /// A deployment as the admin steps leave it, with sshd -T answering as the drop-in says.
    func deployed() throws -> FakeMachine {
        let m = FakeMachine()
        for d in ["/srv", "/etc", "/etc/ssh", "/usr", "/usr/local", "/usr/local/bin", "/lib", "/lib/terminfo", "/units"] {
            m.files[d] = (FileStatus(kind: .directory, mode: 0o755, uid: 0, gid: 0), [])
        }
        for t in ["x/xterm-256color", "t/tmux-256color", "p/putty", "l/linux"] {
            let dir = "/lib/terminfo/" + t.prefix(1)
            m.files[dir] = (FileStatus(kind: .directory, mode: 0o755, uid: 0, gid: 0), [])
            m.files["/lib/terminfo/" + t] = (FileStatus(kind: .file, mode: 0o644, uid: 0, gid: 0), [1])
        }
        m.files[layout.binary] = (FileStatus(kind: .file, mode: 0o755, uid: 0, gid: 0), [1])
        m.files[layout.sshdConfig] = (FileStatus(kind: .file, mode: 0o644, uid: 0, gid: 0), Array("Include /etc/ssh/sshd_config.d/*.conf\n".utf8))
        m.addAccount("wangli")
        let layout = self.layout
        let plans: [() throws -> [Step]] = [
            { try StoreSetup.plan(layout, offices: ["wangli"], sample: [("p.journal.jsonl", [])], system: m) },
            { try ReporterSetup.add(layout, account: "zhijian", departments: ["省质监局"], key: nil, system: m) },
            { try KioskSetup.sshAccount(layout, account: "wallscreen", key: nil, system: m) },
            { SSHDSetup.write(layout, reload: false, system: m) },
        ]
        for plan in plans { _ = try plan().apply(with: m, english: true) }
        let common = SSHDSetup.restrictions.map { "\($0.0.lowercased()) \($0.1)" }.joined(separator: "\n")
        m.answers["/usr/sbin/sshd -T -f /etc/ssh/sshd_config -C user=zhijian,host=localhost,addr=127.0.0.1"] = CommandResult(
            status: 0, output: "port 22\nforcecommand \(SSHDSetup.dashboardCommand(layout))\nsetenv LANG=C.UTF-8\n\(common)\n")
        m.answers["/usr/sbin/sshd -T -f /etc/ssh/sshd_config -C user=wallscreen,host=localhost,addr=127.0.0.1"] = CommandResult(
            status: 0, output: "forcecommand \(SSHDSetup.kioskCommand(layout))\nsetenv LANG=C.UTF-8\n\(common)\n")
        return m
    }

    func doctor(_ m: FakeMachine) -> Doctor {
        var d = Doctor(layout: layout, system: m, runner: m)
        d.terminfoDirectories = ["/lib/terminfo"]
        d.localeExists = { $0 == "C.UTF-8" }
        d.departments = ["省质监局", "省商务厅"]
        return d
    }

    func problems(_ d: Doctor) -> [String] { d.run().filter { !$0.ok }.map { $0.line(english: true) } }

    @Test func aFreshDeploymentIsClean() throws {
        let m = try deployed()
        #expect(problems(doctor(m)) == [])
        #expect(m.commands.contains(["setpriv", "--reuid=zhijian", "--regid=\(m.user("zhijian")!.gid)", "--init-groups", layout.binary, "--help"]))
        #expect(m.commands.contains { $0.starts(with: ["/usr/sbin/sshd", "-T"]) && $0.last == "user=wallscreen,host=localhost,addr=127.0.0.1" })
    }

    @Test func eachBreakageIsNamedWithItsFix() throws {
        let cases: [(String, (FakeMachine, inout Doctor) -> Void, String)] = [
            ("mode", { m, _ in m.files["/srv/duban"]!.status.mode = 0o2775 }, "chmod 3775 /srv/duban"),
            ("access", { m, _ in m.files["/srv/duban/access.json"]!.status.mode = 0o664 }, "chmod 644 /srv/duban/access.json"),
            ("journal", { m, _ in m.files["/srv/duban/p.journal.jsonl"]!.status.mode = 0o644 }, "chmod 664 /srv/duban/p.journal.jsonl"),
            ("symlink", { m, _ in m.files["/srv/duban/x.json"] = (FileStatus(kind: .symlink, mode: 0o777, uid: 0, gid: 0), []) }, "remove /srv/duban/x.json"),
            ("group", { m, _ in m.memberships["zhijian"]?.remove("duban") }, "duban admin add-reporter zhijian --dept 省质监局"),
            ("locale", { _, d in d.locale = "zz_ZZ.UTF-8" }, "localedef"),
            ("department", { _, d in d.departments = ["省质检局", "省商务厅"] }, "zhijian's department 省质监局 is in no plan"),
            ("terminfo", { m, _ in m.files["/lib/terminfo/p/putty"] = nil }, "apt-get install ncurses-term"),
            ("sshd", { m, _ in
                let key = "/usr/sbin/sshd -T -f /etc/ssh/sshd_config -C user=zhijian,host=localhost,addr=127.0.0.1"
                m.answers[key]!.output = "x11forwarding yes\n" + m.answers[key]!.output
            }, "X11Forwarding yes"),
            ("binary", { m, _ in m.answers["setpriv --reuid=wallscreen"] = CommandResult(status: 126, output: "", error: "Permission denied") }, "chmod 755"),
            ("unit", { m, d in
                m.files["/units/duban-kiosk-tty2.service"] = (FileStatus(kind: .file, mode: 0o644, uid: 0, gid: 0), [])
                m.answers["systemctl is-active"] = CommandResult(status: 3, output: "failed\n")
                d.layout.unitDirectory = "/units"; d.systemdRunning = true
            }, "duban-kiosk-tty2.service is failed"),
        ]
        for (name, breakIt, expected) in cases {
            let m = try deployed()
            var d = doctor(m)
            breakIt(m, &d)
            let found = problems(d)
            #expect(found.count == 1 && found[0].contains(expected), "\(name): \(found)")
        }
    }

    @Test func messagesFollowTheSessionLanguage() throws {
        let m = try deployed()
        m.files["/srv/duban"]!.status.mode = 0o755
        let f = try #require(doctor(m).run().first { !$0.ok })
        #expect(f.line(english: false) == "✗ /srv/duban 权限为 755，应为 3775（setgid + sticky，组可写） —— 修复：chmod 3775 /srv/duban")
        #expect(f.line(english: true) == "✗ /srv/duban has mode 755, not 3775 (setgid + sticky, group-writable) — fix: chmod 3775 /srv/duban")
    }
}
