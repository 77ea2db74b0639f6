import Foundation
import PlanModel
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A deployment made only with `duban admin`, from the installed one-file
/// binary, served by a private sshd on loopback whose configuration directory
/// receives the drop-in; throw-away accounts and groups, removed afterwards.
final class AdminDeployment {
    static let office = "dubdoffice", reporters = ["dubdrep1", "dubdrep2"], kiosk = "dubdkiosk"
    static let departments = ["省质监局", "省商务厅"]
    static let groups = (writers: "dubdwriters", reporters: "dubdreporters", kiosk: "dubdkiosk-g")
    static let available = Shell.isRoot && FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd")
        && Shell.which("ssh") && Shell.which("tmux") && Shell.which("setpriv") && Shell.which("useradd")
        && Shell.which("plink") && Shell.which("puttygen") && Shell.which("swift")

    let base = "/tmp/duban-deploy-\(UUID().uuidString.prefix(8))"
    var store: String { base + "/store" }
    var sshd: String { base + "/sshd" }
    let binary: String
    let port = 30000 + Int(getpid() % 20000)
    private var sshdPID: pid_t?

    init(binary: String) throws {
        self.binary = binary
        try Shell.must(["install", "-d", "-m", "755", base, base + "/keys", sshd, sshd + "/sshd_config.d", base + "/units", "/run/sshd"])
        do {
            // The office's own staff account exists before the set-up.
            _ = try? Shell.run(["userdel", "-r", "-f", Self.office])
            try Shell.must(["useradd", "-m", "-s", "/bin/sh", Self.office])
            for u in Self.reporters + [Self.kiosk] {
                _ = try? Shell.run(["userdel", "-r", "-f", u])
                try Shell.must(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", base + "/keys/" + u])
            }
            try Shell.must(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", sshd + "/host_key"])
            // Debian's layout: the drop-in directory included first.
            try """
                Include \(sshd)/sshd_config.d/*.conf
                Port \(port)
                ListenAddress 127.0.0.1
                HostKey \(sshd)/host_key
                PidFile \(sshd)/sshd.pid
                UsePAM no
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PubkeyAuthentication yes
                PermitRootLogin no
                Subsystem sftp internal-sftp

                """.write(toFile: sshd + "/sshd_config", atomically: true, encoding: .utf8)
        } catch {
            stop()
            throw error
        }
    }

    /// `duban admin ARGS` with this deployment's paths, from an empty environment.
    func admin(_ args: [String], lang: String = "en") throws -> Shell.Result {
        let argv = ["/usr/bin/env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", binary, "admin"] + args + [
            "--store", store, "--group", Self.groups.writers, "--reporters-group", Self.groups.reporters,
            "--kiosk-group", Self.groups.kiosk, "--binary", binary, "--sshd-config", sshd + "/sshd_config",
            "--sshd-drop-in", sshd + "/sshd_config.d/duban.conf", "--unit-directory", base + "/units", "--lang", lang,
        ]
        let r = try Spawn.run(argv)
        return Shell.Result(status: r.status, out: String(decoding: r.out, as: UTF8.self), err: String(decoding: r.err, as: UTF8.self))
    }

    func mustAdmin(_ args: [String]) throws -> String {
        let r = try admin(args)
        guard r.status == 0 else { throw Shell.Failure(description: "admin \(args.joined(separator: " ")) → \(r.status)\n\(r.out)\(r.err)") }
        return r.out
    }

    func startSSHD() throws {
        sshdPID = try Spawn.start(["/usr/sbin/sshd", "-D", "-e", "-f", sshd + "/sshd_config"], stderr: sshd + "/sshd.log")
        for _ in 0..<100 {
            if (try? Shell.run(["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/\(port)"]).status) == 0 { return }
            usleep(50_000)
        }
        throw Shell.Failure(description: "sshd did not start on port \(port)")
    }

    func ssh(_ user: String, options: [String] = []) -> String {
        (["ssh", "-tt", "-q", "-i", base + "/keys/" + user, "-p", "\(port)", "-o", "StrictHostKeyChecking=no",
          "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes"] + options + ["\(user)@127.0.0.1"]).joined(separator: " ")
    }

    /// PuTTY's own client, from a saved session as PuTTY keeps one: the key in
    /// PuTTY's format, TERM=putty, and DUBAN_LINES=ascii among the environment
    /// variables it sends (the README's setting for garbled lines); the host key
    /// is given by fingerprint, so batch mode does not prompt.
    func plink(_ user: String) throws -> String {
        let ppk = base + "/keys/" + user + ".ppk"
        try Shell.must(["puttygen", base + "/keys/" + user, "-O", "private", "-o", ppk])
        let home = base + "/putty-home"
        try FileManager.default.createDirectory(atPath: home + "/.putty/sessions", withIntermediateDirectories: true)
        try """
            Protocol=ssh
            HostName=127.0.0.1
            PortNumber=\(port)
            UserName=\(user)
            PublicKeyFile=\(ppk)
            TerminalType=putty
            Environment=DUBAN_LINES=ascii

            """.write(toFile: home + "/.putty/sessions/duban", atomically: true, encoding: .utf8)
        let fp = try Shell.must(["ssh-keygen", "-l", "-E", "sha256", "-f", sshd + "/host_key.pub"]).split(separator: " ")[1]
        return "env HOME=\(home) plink -batch -t -hostkey \(fp) -load duban"
    }

    func duban(_ args: [String]) throws -> Shell.Result {
        let r = try Spawn.run([binary] + args + ["--store", store])
        return Shell.Result(status: r.status, out: String(decoding: r.out, as: UTF8.self), err: String(decoding: r.err, as: UTF8.self))
    }

    func task(_ key: String) throws -> JSON {
        let r = try duban(["show", "gansu-2014", key, "--json"])
        guard r.status == 0 else { throw Shell.Failure(description: "show \(key): \(r.err)") }
        return try JSONParser.parse(r.out)
    }

    func processes(of user: String) -> [pid_t] {
        guard let r = try? Shell.run(["ps", "-o", "pid=", "-u", user]), r.status == 0 else { return [] }
        return r.out.split(separator: "\n").compactMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// The environment of `user`'s running duban, as sshd gave it.
    func environment(of user: String) -> [String] {
        for pid in processes(of: user) {
            guard let comm = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8), comm.hasPrefix("duban"),
                  let env = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { continue }
            return env.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        }
        return []
    }

    func stop() {
        if let sshdPID { kill(sshdPID, SIGTERM); _ = Spawn.wait(sshdPID) }
        sshdPID = nil
        for u in Self.reporters + [Self.kiosk, Self.office] {
            for p in processes(of: u) { kill(p, SIGKILL) }
            _ = try? Shell.run(["userdel", "-r", "-f", u])
        }
        for g in [Self.groups.writers, Self.groups.reporters, Self.groups.kiosk] { _ = try? Shell.run(["groupdel", g]) }
        try? FileManager.default.removeItem(atPath: base)
    }
}

@Suite(.serialized, .enabled(if: AdminDeployment.available, "needs root, sshd, ssh, plink, puttygen, tmux, setpriv and swift"))
struct DeploymentEndToEndTests {
    /// gansu-2014's tasks in the order the Tasks pane lists them, with their departments.
    func tasks(_ d: AdminDeployment) throws -> [(key: String, departments: Set<String>, collective: Bool, leads: Set<String>)] {
        let j = try JSONParser.parse(try d.duban(["export", "gansu-2014"]).out)
        let collective = Set((j["departments"]?.array ?? []).filter { $0["collective"]?.bool == true }.compactMap { $0["name"]?.string })
        return try Kiosk.tasks(d.store, binary: d.binary).map { t in
            let deps = Set((t["assignments"]?.array ?? []).compactMap { $0["department"]?.string })
            let leads = Set((t["assignments"]?.array ?? []).filter { $0["role"]?.string == "lead" }.compactMap { $0["department"]?.string })
            return (t["key"]?.string ?? "", deps, !deps.isDisjoint(with: collective), leads)
        }
    }

    /// Logs in through `command`, sets the progress of the first task
    /// `department` leads (status and progress are the lead's), and tries to
    /// change a task it has no role in.
    func reportAndBeRefused(_ d: AdminDeployment, user: String, command: String, department: String,
                            check: (_ screen: String, _ environment: [String]) -> Void) throws {
        let all = try tasks(d)
        let mine = try #require(all.firstIndex { $0.leads.contains(department) })
        let other = try #require(all.indices.first { $0 > mine && !all[$0].departments.contains(department) && !all[$0].collective })
        let mineKey = all[mine].key, otherKey = all[other].key
        let otherBefore = try d.task(otherKey)
        let progress = (try d.task(mineKey)["progress"]?.int ?? 0) == 77 ? 78 : 77

        let t = try Tmux(command, width: 100, height: 30)
        defer { _ = try? t.run(["kill-server"]) }
        let screen = try t.wait(for: "reports for: \(department)", timeout: 15)
        check(screen, d.environment(of: user))
        try t.setProgressAsReporter(row: mine, key: mineKey, to: progress)
        #expect(try d.task(mineKey)["progress"]?.int == progress)

        try t.send("Escape")
        for _ in 0..<(other - mine) { try t.send("j") }
        try t.send("Enter")
        try t.wait(for: "Task \(otherKey)")
        try t.send("e")
        let refused = try t.wait(for: "refused")
        #expect(refused.contains("no role in task \(otherKey)"), "\(refused)")
        try t.send("Escape", "Escape")
        #expect(try d.task(otherKey) == otherBefore)
        try t.send("q")
        #expect(try t.waitForExit(timeout: 5) == 0)
    }

    @Test func adminSetsUpADeploymentThatReportersAndTheKioskUseAndDoctorChecks() throws {
        let start = Date()
        let inst = try OneFileBuild.get()
        let d = try AdminDeployment(binary: inst.binary)
        defer { d.stop() }
        typealias D = AdminDeployment

        // The set-up, as the README gives it; every step a second time changes nothing.
        let steps: [[String]] = [
            ["init-store", d.store, "--office", D.office, "--sample"],
            ["add-reporter", D.reporters[0], "--dept", D.departments[0], "--key", d.base + "/keys/\(D.reporters[0]).pub"],
            ["add-reporter", D.reporters[1], "--dept", D.departments[1], "--key", d.base + "/keys/\(D.reporters[1]).pub"],
            ["kiosk", "--account", D.kiosk, "--key", d.base + "/keys/\(D.kiosk).pub"],
            ["sshd", "--write", "--no-reload", "--session-lang", "en"],
        ]
        for s in steps {
            let first = try d.mustAdmin(s)
            #expect(first.contains("+ "), "\(s[0]) changed nothing:\n\(first)")
            let again = try d.mustAdmin(s)
            #expect(!again.contains("+ "), "\(s[0]) is not idempotent:\n\(again)")
        }
        let st = try #require(fileStatus(d.store))
        #expect(st.mode == 0o3775)
        try d.startSSHD()

        let doctor = try d.admin(["doctor"])
        #expect(doctor.status == 0, "\(doctor.out)\(doctor.err)")
        #expect(doctor.out.hasSuffix("no problems\n") && doctor.out.contains("✓ duban check: no problems"), "\(doctor.out)")
        #expect(try d.admin(["doctor"], lang: "zh").out.hasSuffix("没有问题\n"))

        // Reporter 1 over OpenSSH, with Unicode line drawing.
        try reportAndBeRefused(d, user: D.reporters[0], command: d.ssh(D.reporters[0]), department: D.departments[0]) { screen, env in
            #expect(env.contains("LANG=C.UTF-8") && env.contains("DUBAN_LANG=en"), "\(env)")
            #expect(screen.contains("甘肃省贯彻实施质量发展纲要2014年行动计划"), "\(screen)")
            #expect(screen.unicodeScalars.contains { (0x2500...0x257F).contains($0.value) }, "no box drawing:\n\(screen)")
        }
        // Reporter 2 with PuTTY's plink, TERM=putty, asking for ASCII lines: Chinese stays, boxes go.
        try reportAndBeRefused(d, user: D.reporters[1], command: try d.plink(D.reporters[1]), department: D.departments[1]) { screen, env in
            #expect(env.contains("TERM=putty") && env.contains("DUBAN_LINES=ascii") && env.contains("LANG=C.UTF-8"), "\(env)")
            #expect(screen.contains("甘肃省贯彻实施质量发展纲要2014年行动计划"), "\(screen)")
            #expect(!screen.unicodeScalars.contains { (0x2500...0x257F).contains($0.value) }, "box drawing despite DUBAN_LINES=ascii:\n\(screen)")
        }
        let log = try d.duban(["log", "gansu-2014"]).out
        for u in D.reporters { #expect(log.contains(u), "the journal lacks \(u)") }

        // The kiosk account: the kiosk, and nothing it types changes the store.
        let before = try snapshotOfDirectory(d.store)
        let k = try Tmux(d.ssh(D.kiosk), width: 100, height: 30)
        defer { _ = try? k.run(["kill-server"]) }
        try k.wait(for: "KIOSK", timeout: 15)
        for s in ["exit\r", "sh -i\r", "e", "s4", "n不应保存\r", "u", "q"] { try k.send(s, literal: true); usleep(50_000) }
        try k.send("C-c", "C-z", "C-d")
        usleep(300_000)
        #expect(try k.exitStatus() == nil, "the kiosk session ended")
        _ = try? k.run(["kill-server"])
        #expect(try snapshotOfDirectory(d.store) == before, "the kiosk account changed the store")

        // Broken on purpose: a mode, and a locale that does not exist.
        try Shell.must(["chmod", "2775", d.store])
        let broken = try d.admin(["doctor", "--locale", "xx_XX.UTF-8"])
        #expect(broken.status == 1)
        #expect(broken.out.contains("✗ \(d.store) has mode 2775, not 3775") && broken.out.contains("fix: chmod 3775 \(d.store)"), "\(broken.out)")
        #expect(broken.out.contains("✗ locale xx_XX.UTF-8 is not available"), "\(broken.out)")
        // The store's own check names the missing sticky bit too.
        #expect(broken.out.contains("✗ duban check: ") && broken.out.contains("sticky"), "\(broken.out)")
        #expect(broken.out.hasSuffix(" problems\n"), "\(broken.out)")
        let zh = try d.admin(["doctor", "--locale", "xx_XX.UTF-8"], lang: "zh")
        #expect(zh.out.contains("修复：chmod 3775 \(d.store)"), "\(zh.out)")
        try Shell.must(["chmod", "3775", d.store])

        // Removing a reporter keeps what it filed.
        let journal = try Data(contentsOf: URL(fileURLWithPath: d.store + "/gansu-2014.journal.jsonl"))
        let removed = try d.mustAdmin(["remove-reporter", D.reporters[1]])
        #expect(removed.contains("+ removed account \(D.reporters[1])"), "\(removed)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: d.store + "/gansu-2014.journal.jsonl")) == journal)
        #expect(try Shell.run(["id", D.reporters[1]]).status != 0)
        #expect(try d.admin(["doctor"]).status == 0)
        print("deployment end-to-end: \(String(format: "%.0f", Date().timeIntervalSince(start))) s (the one-file build, shared with OneFileTests, took \(String(format: "%.0f", inst.seconds)) s)")
    }
}

/// The mode bits of a path.
func fileStatus(_ path: String) -> (mode: UInt32, uid: UInt32)? {
    var st = stat()
    guard lstat(path, &st) == 0 else { return nil }
    return (UInt32(st.st_mode) & 0o7777, st.st_uid)
}
