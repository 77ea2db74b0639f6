import Foundation
import PlanModel
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A deployment as the README describes it, on this machine: a group-writable
/// store, access rules, a private sshd whose Match blocks pin a reporter to the
/// dashboard and a kiosk account to the kiosk, and throw-away users.
final class SSHDeployment {
    static let office = "dubanoffice", reporter = "dubanreporter", kiosk = "dubankiosk", group = "dubantest"
    static let department = "省质监局"
    static let available = Shell.isRoot && FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd")
        && Shell.which("ssh") && Shell.which("tmux") && Shell.which("setpriv") && Shell.which("useradd")

    let base: String
    let store: String
    let binary: String
    let server: SSHServer

    init() throws {
        base = "/tmp/duban-ssh-\(UUID().uuidString.prefix(8))"
        store = base + "/store"
        binary = base + "/bin/duban"
        let fm = FileManager.default
        try fm.createDirectory(atPath: base + "/bin", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: base + "/sshd", withIntermediateDirectories: true)
        // The build directory may be unreadable to other users (e.g. under /root).
        // With cp, not in this process: a descriptor open for writing here could
        // be inherited by a process another test is starting, and exec would
        // then fail with ETXTBSY.
        try Shell.must(["cp", Duban.binary, binary])
        try Shell.must(["chmod", "755", base, base + "/bin", binary])
        let src = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../SampleData/store").standardized.path
        try fm.copyItem(atPath: src, toPath: store)
        let rules = #"{"office": ["\#(Self.office)"], "reporters": {"\#(Self.reporter)": ["\#(Self.department)"]}}"#
        try rules.write(toFile: store + "/access.json", atomically: true, encoding: .utf8)

        let cmd = "\(binary) --store \(store) --lang en"
        server = try SSHServer(dir: base + "/sshd", matchBlocks: """
            Match User \(Self.reporter),\(Self.office)
                ForceCommand exec \(cmd)
                SetEnv LANG=C.UTF-8
                PermitTTY yes
                AllowTcpForwarding no
                X11Forwarding no
            Match User \(Self.kiosk)
                ForceCommand exec \(binary) kiosk --store \(store) --lang en --interval 20
                SetEnv LANG=C.UTF-8
                PermitTTY yes
                AllowTcpForwarding no
                X11Forwarding no
            """)
        do {
            try Shell.must(["groupadd", "-f", Self.group])
            try server.addUser(Self.office, groups: [Self.group])
            try server.addUser(Self.reporter, groups: [Self.group])
            try server.addUser(Self.kiosk)
            // The README's store directory: setgid, sticky, group-writable, the writers' group.
            try Shell.must(["chown", "-R", "root:\(Self.group)", store])
            try Shell.must(["chmod", "-R", "g+w", store])
            // Setgid and sticky; the rules, settings and roster are the office's alone.
            try Shell.must(["chmod", "3775", store])
            try Shell.must(["chmod", "g-w", store + "/access.json", store + "/settings.json", store + "/roster.json"])
            let probe = try Duban.run(["plans", "--store", store], asUser: Self.setpriv(Self.reporter), binary: binary)
            guard probe.status == 0 else {
                throw Shell.Failure(description: "the copied duban does not run as \(Self.reporter): \(probe.err)")
            }
            try server.start()
        } catch {
            stop()
            throw error
        }
    }

    static func setpriv(_ user: String) -> [String] { ["--reuid=\(user)", "--regid=\(user)", "--init-groups"] }

    /// Runs duban as `user` (nil: as root) on the store.
    func duban(_ args: [String], as user: String? = nil) throws -> Duban.Result {
        try Duban.run(args + ["--store", store], asUser: user.map(Self.setpriv) ?? [], binary: binary)
    }

    func task(_ key: String) throws -> JSON {
        let r = try duban(["show", "gansu-2014", key, "--json"])
        guard r.status == 0 else { throw Shell.Failure(description: "show \(key): \(r.err)") }
        return try JSONParser.parse(r.out)
    }

    /// Running processes of `user` other than sshd's own session process. An
    /// exited process whose parent (sshd's session process) is gone waits for
    /// init to reap it, which may take a while: zombies do not count.
    func processes(of user: String) -> [(pid: Int32, name: String)] {
        guard let r = try? Shell.run(["ps", "-o", "pid=,stat=,comm=", "-u", user]), r.status == 0 else { return [] }
        return r.out.split(separator: "\n").compactMap { line in
            let f = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard f.count >= 3, let pid = Int32(f[0]), !f[1].hasPrefix("Z"), f[2] != "sshd" else { return nil }
            return (pid, f[2...].joined(separator: " "))
        }
    }

    func session(_ user: String, width: Int = 100, height: Int = 30) throws -> Tmux {
        try Tmux(server.sshCommand(user), width: width, height: height)
    }

    /// Stops sshd, ends what the test users still run, removes them, the group and the files.
    func stop() {
        server.stop()
        for u in [Self.office, Self.reporter, Self.kiosk] {
            for p in processes(of: u) { kill(p.pid, SIGKILL) }
            _ = try? Shell.run(["userdel", "-r", "-f", u])
        }
        _ = try? Shell.run(["groupdel", Self.group])
        try? FileManager.default.removeItem(atPath: base)
    }
}

/// Real `ssh -tt` sessions against a private sshd, driven in tmux.
@Suite(.serialized, .enabled(if: SSHDeployment.available, "needs root (to add users), /usr/sbin/sshd, ssh, tmux and setpriv"))
struct SSHEndToEndTests {
    /// Tasks of gansu-2014 in key order, with whether 省质监局 has a role.
    func tasks(_ d: SSHDeployment) throws -> [(key: String, ours: Bool, collective: Bool)] {
        let r = try d.duban(["export", "gansu-2014"])
        let j = try JSONParser.parse(r.out)
        let collective = Set((j["departments"]?.array ?? []).filter { $0["collective"]?.bool == true }.compactMap { $0["name"]?.string })
        return try Kiosk.tasks(d.store, binary: d.binary).map { t in
            let deps = (t["assignments"]?.array ?? []).compactMap { $0["department"]?.string }
            return (t["key"]?.string ?? "", deps.contains(SSHDeployment.department), deps.contains { collective.contains($0) })
        }
    }

    @Test func reporterSeesCJKUpdatesItsTaskAndIsRefusedOnAnother() throws {
        let d = try SSHDeployment()
        defer { d.stop() }
        let all = try tasks(d)
        let mine = try #require(all.firstIndex { $0.ours })
        let other = try #require(all.firstIndex { !$0.ours && !$0.collective })
        let mineKey = all[mine].key, otherKey = all[other].key
        let otherBefore = try d.task(otherKey)
        let newProgress = (try d.task(mineKey)["progress"]?.int ?? 0) == 77 ? 78 : 77

        let t = try d.session(SSHDeployment.reporter)
        defer { _ = try? t.run(["kill-server"]) }
        let screen = try t.wait(for: "甘肃省贯彻实施质量发展纲要2014年行动计划", timeout: 10)
        #expect(screen.contains("reports for: 省质监局"), "\(screen)")
        #expect(screen.contains(SSHDeployment.reporter))

        // Its own task: progress through the editor.
        try t.setProgressAsReporter(row: mine, key: mineKey, to: newProgress)
        #expect(try d.task(mineKey)["progress"]?.int == newProgress)
        let log = try d.duban(["log", "gansu-2014", mineKey])
        #expect(log.out.contains(SSHDeployment.reporter), "\(log.out)")

        // Another department's task: refused, on screen, and nothing written.
        try t.send("Escape")
        for _ in 0..<(other - mine) { try t.send("j") }
        try t.send("Enter")
        try t.wait(for: "Task \(otherKey)")
        try t.send("e")
        try t.wait(for: "refused")
        let refused = try t.screen()
        #expect(refused.contains("no role in task \(otherKey)"), "\(refused)")
        try t.send("n")
        try t.send("不应保存", literal: true)
        try t.send("Enter", "s")
        usleep(300_000)
        try t.send("Escape", "Escape")
        #expect(try d.task(otherKey) == otherBefore)

        try t.send("q")
        #expect(try t.waitForExit(timeout: 5) == 0)
    }

    @Test func kioskAccountChangesNothingAndGetsNoShell() throws {
        let d = try SSHDeployment()
        defer { d.stop() }
        let before = try snapshotOfDirectory(d.store)
        let t = try d.session(SSHDeployment.kiosk)
        defer { _ = try? t.run(["kill-server"]) }
        let screen = try t.wait(for: "KIOSK", timeout: 10)
        #expect(screen.contains("甘肃省贯彻实施质量发展纲要2014年行动计划"), "\(screen)")
        let running = d.processes(of: SSHDeployment.kiosk)

        for s in ["exit\r", "!sh\r", ":q!\r", "sh -i\r", "e", "s4", "n不应保存\r", "u", "q", "~."] {
            try t.send(s, literal: true)
            usleep(50_000)
        }
        for k in KioskEndToEndTests.controlKeys { try t.send(k); usleep(20_000) }
        let printable = String((0x20...0x7e).map { Character(UnicodeScalar(UInt8($0))) })
        try t.send(printable, literal: true)
        try t.send("C-c", "C-z", "C-\\", "C-d")
        usleep(500_000)

        #expect(try t.exitStatus() == nil, "the kiosk session ended")
        #expect(try t.screen().contains("KIOSK"))
        let procs = d.processes(of: SSHDeployment.kiosk)
        #expect(procs.map(\.name) == ["duban"], "the kiosk account runs \(procs)")
        #expect(procs.map(\.pid) == running.map(\.pid), "before: \(running), after: \(procs)")
        #expect(try snapshotOfDirectory(d.store) == before, "the kiosk account changed the store")
    }

    @Test func killingTheClientKeepsCommittedChangesAndLeavesNoLock() throws {
        let d = try SSHDeployment()
        defer { d.stop() }
        let all = try tasks(d)
        let mine = try #require(all.firstIndex { $0.ours })
        let key = all[mine].key
        let newProgress = (try d.task(key)["progress"]?.int ?? 0) == 64 ? 65 : 64
        let note = "未提交的说明 unsubmitted"

        let t = try d.session(SSHDeployment.reporter)
        defer { _ = try? t.run(["kill-server"]) }
        try t.wait(for: "reports for: 省质监局", timeout: 10)
        // A reporting unit's session starts on its tasks: Esc shows the whole plan.
        try t.wait(for: "My tasks")
        try t.send("Escape")
        try t.wait(for: "Sections")
        try t.send("2")
        try t.wait(for: "Tasks 29/29")
        for _ in 0..<mine { try t.send("j") }
        try t.send("Enter")
        try t.wait(for: "Task \(key)")
        try t.send("e")
        try t.wait(for: "Progress (0–100)")
        try t.send("BSpace", "BSpace", "BSpace")
        try t.send("\(newProgress)", literal: true)
        try t.send("Enter")
        try t.wait(for: "saved: \(key) progress")
        try t.send("n")
        try t.send(note, literal: true)
        try t.wait(for: "unsubmitted")
        let remote = d.processes(of: SSHDeployment.reporter).filter { $0.name == "duban" }
        #expect(remote.count == 1, "\(remote)")

        // The connection drops: the client dies without a word to the server.
        let start = Date()
        kill(try t.pid(), SIGKILL)
        var gone = false
        while Date().timeIntervalSince(start) < 5 {
            if d.processes(of: SSHDeployment.reporter).allSatisfy({ $0.name != "duban" }) { gone = true; break }
            usleep(50_000)
        }
        let after = Date().timeIntervalSince(start)
        #expect(gone, "the remote duban is still running 5 s after the client was killed")
        #expect(after < 2, "the remote duban took \(after) s to exit")
        print("ssh: remote duban gone \(String(format: "%.2f", after)) s after SIGKILL of the client")

        let check = try d.duban(["check"])
        #expect(check.status == 0, "\(check.out)\(check.err)")
        let j = try d.task(key)
        #expect(j["progress"]?.int == newProgress)
        #expect(!(j["notes"]?.array ?? []).contains { $0["text"]?.string?.contains("未提交") == true })
        let journal = try String(contentsOfFile: d.store + "/gansu-2014.journal.jsonl", encoding: .utf8)
        #expect(!journal.contains("未提交"))

        // No lock held, and none that keeps the office out: it commits at once.
        let t0 = Date()
        let r = try d.duban(["update", "gansu-2014", key, "--note", "断线后办公室更新"], as: SSHDeployment.office)
        let took = Date().timeIntervalSince(t0)
        #expect(r.status == 0, "\(r.err)")
        #expect(took < 2, "the update after the drop took \(took) s")
        #expect(try d.task(key)["notes"]?.array?.last?["text"]?.string == "断线后办公室更新")
        // And the reporter can still commit too.
        let r2 = try d.duban(["update", "gansu-2014", key, "--note", "报送单位再次更新"], as: SSHDeployment.reporter)
        #expect(r2.status == 0, "\(r2.err)")
    }
}
