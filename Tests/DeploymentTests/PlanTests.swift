import PlanModel
import PlanStore
import Testing
@testable import Deployment

/// Plans checked on an in-memory machine: what each step would change, that
/// applying it leaves nothing to change on the next run, and what it refuses.
@Suite struct PlanTests {
    let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJtest zhijian@office"

    func machine() -> FakeMachine {
        let m = FakeMachine()
        m.files["/srv"] = (FileStatus(kind: .directory, mode: 0o755, uid: 0, gid: 0), [])
        m.addAccount("wangli")
        m.addAccount("zhaomin")
        return m
    }

    func apply(_ steps: [Step], _ m: FakeMachine) throws -> [String] {
        try steps.apply(with: m, english: true)
    }

    @Test func initStoreCreatesTheDirectoryAndOfficeOwnedRulesThenChangesNothing() throws {
        let m = machine(), layout = Layout()
        let steps = try StoreSetup.plan(layout, offices: ["wangli", "zhaomin"], sample: nil, system: m)
        #expect(m.applied.isEmpty, "planning changed the machine")
        let lines = try apply(steps, m)
        #expect(lines.contains("+ created group duban"), "\(lines)")
        #expect(lines.contains("+ created /srv/duban (wangli:duban, 3775)"), "\(lines)")
        let dir = try #require(m.status("/srv/duban"))
        #expect(dir.mode == 0o3775 && dir.uid == m.user("wangli")?.uid && dir.gid == m.groupID("duban"))
        #expect(m.groups(of: "wangli").contains("duban") && m.groups(of: "zhaomin").contains("duban"))
        let access = try #require(m.status("/srv/duban/access.json"))
        #expect(access.mode == 0o644 && access.uid == m.user("wangli")?.uid)
        let rules = try AccessRules(json: JSONParser.parse(try #require(m.text("/srv/duban/access.json"))))
        #expect(rules.office == ["wangli", "zhaomin"])

        let again = try StoreSetup.plan(layout, offices: ["wangli", "zhaomin"], sample: nil, system: m)
        #expect(!again.changes, "\(again.filter(\.changes))")
        #expect(try apply(again, m).allSatisfy { $0.hasPrefix("= ") })
    }

    @Test func initStoreKeepsReportersAndRepairsModesAndGroups() throws {
        let m = machine(), layout = Layout()
        _ = try apply(StoreSetup.plan(layout, offices: ["wangli"], sample: [("p.json", Array("{}".utf8)), ("p.journal.jsonl", [])], system: m), m)
        #expect(m.status("/srv/duban/p.json")?.mode == 0o644 && m.status("/srv/duban/p.journal.jsonl")?.mode == 0o664)
        #expect(m.status("/srv/duban/p.json")?.uid == m.user("wangli")?.uid)
        _ = try apply(ReporterSetup.add(layout, account: "zhijian", departments: ["省质监局"], key: nil, system: m), m)
        m.files["/srv/duban"]!.status.mode = 0o755
        m.files["/srv/duban/p.json"]!.status.gid = 0
        m.files["/srv/duban/p.json"]!.status.mode = 0o600
        m.files["/srv/duban/p.journal.jsonl"]!.status.mode = 0o644
        m.files["/srv/duban/access.json"]!.status.mode = 0o666

        let steps = try StoreSetup.plan(layout, offices: ["wangli"], sample: [("q.json", [])], system: m)
        let lines = try apply(steps, m)
        #expect(lines.contains("+ /srv/duban mode 755 → 3775 (setgid + sticky)"), "\(lines)")
        #expect(lines.contains("= the store already has plans; the sample is not copied"), "\(lines)")
        #expect(m.status("/srv/duban/q.json") == nil)
        #expect(m.status("/srv/duban/p.json")?.mode == 0o640 && m.status("/srv/duban/p.json")?.gid == m.groupID("duban"))
        #expect(m.status("/srv/duban/p.journal.jsonl")?.mode == 0o664)
        #expect(m.status("/srv/duban/access.json")?.mode == 0o644)
        let rules = try AccessRules(json: JSONParser.parse(try #require(m.text("/srv/duban/access.json"))))
        #expect(rules.role(of: "zhijian") == .reporter(departments: ["省质监局"]))
        #expect(!(try StoreSetup.plan(layout, offices: ["wangli"], sample: nil, system: m)).changes)
    }

    @Test func initStoreTurnsClosureReviewOnInANewStoreOnly() throws {
        let m = machine(), layout = Layout()
        let lines = try apply(StoreSetup.plan(layout, offices: ["wangli"], sample: nil, system: m), m)
        #expect(lines.contains("+ settings.json: closure review on (closureReview)"), "\(lines)")
        let settings = try StoreSettings(json: JSONParser.parse(try #require(m.text("/srv/duban/settings.json"))))
        #expect(settings.closureReview && settings.dueSoonDays == 30)
        let st = try #require(m.status("/srv/duban/settings.json"))
        #expect(st.mode == 0o644 && st.uid == m.user("wangli")?.uid && st.gid == m.groupID("duban"))
        // Run again: the settings are there and stay as they are, even when the office turned review off.
        m.files["/srv/duban/settings.json"]!.bytes = Array(#"{"closureReview": false}"#.utf8)
        #expect(!(try StoreSetup.plan(layout, offices: ["wangli"], sample: nil, system: m)).changes)

        // A store that already has plans keeps the direct "done" it had.
        let old = machine()
        old.files["/srv/duban"] = (FileStatus(kind: .directory, mode: 0o3775, uid: 0, gid: 0), [])
        old.files["/srv/duban/p.json"] = (FileStatus(kind: .file, mode: 0o644, uid: 0, gid: 0), Array("{}".utf8))
        _ = try apply(StoreSetup.plan(layout, offices: ["wangli"], sample: nil, system: old), old)
        #expect(old.status("/srv/duban/settings.json") == nil)

        // The sample's own settings are copied, not replaced.
        let sampled = machine()
        let own = Array(#"{"closureReview": true, "dueSoonDays": 15}"#.utf8)
        _ = try apply(StoreSetup.plan(layout, offices: ["wangli"], sample: [("p.json", Array("{}".utf8)), ("settings.json", own)],
                                      system: sampled), sampled)
        #expect(sampled.contents("/srv/duban/settings.json") == own)
    }

    @Test func initStoreRefusesAMissingOfficeAccount() throws {
        let m = machine()
        #expect(throws: AdminError.self) { try StoreSetup.plan(Layout(), offices: ["nobody"], sample: nil, system: m) }
        #expect(throws: AdminError.self) { try StoreSetup.plan(Layout(), offices: [], sample: nil, system: m) }
    }

    @Test func addReporterMakesAPinnedAccountWithKeyAndRuleOnce() throws {
        let m = machine(), layout = Layout()
        _ = try apply(StoreSetup.plan(layout, offices: ["wangli"], sample: nil, system: m), m)
        let steps = try ReporterSetup.add(layout, account: "zhijian", departments: ["省质监局", "省工信委"], key: key, system: m)
        #expect(steps.flatMap(\.operations).contains(.addUser(name: "zhijian", shell: "/bin/sh", groups: ["duban", "duban-reporters"])))
        _ = try apply(steps, m)
        #expect(m.groups(of: "zhijian").isSuperset(of: ["duban", "duban-reporters"]))
        #expect(m.status("/home/zhijian/.ssh")?.mode == 0o700)
        #expect(m.status("/home/zhijian/.ssh/authorized_keys")?.mode == 0o600)
        #expect(m.status("/home/zhijian/.ssh/authorized_keys")?.uid == m.user("zhijian")?.uid)
        #expect(m.text("/home/zhijian/.ssh/authorized_keys") == key + "\n")
        let rules = try AccessRules(json: JSONParser.parse(try #require(m.text("/srv/duban/access.json"))))
        #expect(rules.role(of: "zhijian") == .reporter(departments: ["省质监局", "省工信委"]))
        #expect(rules.office == ["wangli"])
        #expect(m.status("/srv/duban/access.json")?.uid == m.user("wangli")?.uid, "access.json changed hands")

        let again = try ReporterSetup.add(layout, account: "zhijian", departments: ["省质监局", "省工信委"], key: key, system: m)
        #expect(!again.changes, "\(again.filter(\.changes))")
        // A changed department list is one change to the rule, nothing else.
        let moved = try ReporterSetup.add(layout, account: "zhijian", departments: ["省商务厅"], key: key, system: m)
        #expect(moved.filter(\.changes).count == 1)
    }

    @Test func addReporterRefusesWhatWouldBeWrong() throws {
        let m = machine(), layout = Layout()
        #expect(throws: AdminError.self) { try ReporterSetup.add(layout, account: "zhijian", departments: ["省质监局"], key: nil, system: m) }
        _ = try apply(StoreSetup.plan(layout, offices: ["wangli"], sample: nil, system: m), m)
        for (account, depts, k) in [("wangli", ["省质监局"], nil), ("Bad Name", ["省质监局"], nil), ("zhijian", [], nil),
                                    ("zhijian", ["省质监局"], "not a key"), ("zhijian", ["省质监局"], "ssh-rsa")] as [(String, [String], String?)] {
            #expect(throws: AdminError.self, "\(account) \(depts) \(k ?? "-")") {
                try ReporterSetup.add(layout, account: account, departments: depts, key: k, system: m)
            }
        }
    }

    @Test func removeReporterUndoesItAndLeavesTheJournal() throws {
        let m = machine(), layout = Layout()
        _ = try apply(StoreSetup.plan(layout, offices: ["wangli"], sample: [("p.journal.jsonl", Array("{\"user\":\"zhijian\"}\n".utf8))], system: m), m)
        _ = try apply(ReporterSetup.add(layout, account: "zhijian", departments: ["省质监局"], key: key, system: m), m)
        let journal = m.files["/srv/duban/p.journal.jsonl"]!.bytes
        let lines = try apply(ReporterSetup.remove(layout, account: "zhijian", system: m), m)
        #expect(lines.count == 2 && lines.allSatisfy { $0.hasPrefix("+ ") }, "\(lines)")
        #expect(m.user("zhijian") == nil && m.status("/home/zhijian/.ssh/authorized_keys") == nil)
        let rules = try AccessRules(json: JSONParser.parse(try #require(m.text("/srv/duban/access.json"))))
        #expect(rules.role(of: "zhijian") == .viewer)
        #expect(m.files["/srv/duban/p.journal.jsonl"]!.bytes == journal)
        #expect(!(try ReporterSetup.remove(layout, account: "zhijian", system: m)).changes)
        // Not Duban's account: the rule goes, the account stays.
        _ = try apply(ReporterSetup.add(layout, account: "zhaomin", departments: ["省质监局"], key: nil, system: m), m)
        m.memberships["zhaomin"]?.remove("duban-reporters")
        _ = try apply(ReporterSetup.remove(layout, account: "zhaomin", system: m), m)
        #expect(m.user("zhaomin") != nil)
    }

    @Test func sshdDropInPinsBothGroupsAndIsWrittenOnce() throws {
        let m = machine()
        var layout = Layout()
        layout.sessionLanguage = "en"
        m.files["/etc"] = (FileStatus(kind: .directory, mode: 0o755, uid: 0, gid: 0), [])
        m.files["/etc/ssh"] = (FileStatus(kind: .directory, mode: 0o755, uid: 0, gid: 0), [])
        m.files["/etc/ssh/sshd_config"] = (FileStatus(kind: .file, mode: 0o644, uid: 0, gid: 0), Array("Include /etc/ssh/sshd_config.d/*.conf\nPort 22\n".utf8))
        let text = SSHDSetup.dropIn(layout)
        #expect(text.contains("Match Group duban-reporters\n    ForceCommand exec /usr/local/bin/duban --store /srv/duban\n    SetEnv LANG=C.UTF-8 DUBAN_LANG=en\n"))
        #expect(text.contains("Match Group duban-kiosk\n    ForceCommand exec /usr/local/bin/duban kiosk --store /srv/duban --interval 20\n"))
        for forbidden in ["AllowTcpForwarding no", "X11Forwarding no", "AllowAgentForwarding no", "PermitTunnel no"] {
            #expect(text.components(separatedBy: forbidden).count == 3, "\(forbidden)")
        }
        let lines = try apply(SSHDSetup.write(layout, reload: false, system: m), m)
        #expect(lines.first == "+ wrote /etc/ssh/sshd_config.d/duban.conf (checked with sshd -t)", "\(lines)")
        #expect(m.text(layout.sshdDropIn) == text)
        #expect(!SSHDSetup.write(layout, reload: true, system: m).changes)
        // A main configuration that does not include the directory is named.
        m.files["/etc/ssh/sshd_config"]!.bytes = Array("Port 22\n".utf8)
        #expect(SSHDSetup.write(layout, reload: false, system: m).first?.message.en.hasPrefix("note:") == true)
    }

    @Test func consoleKioskWritesAUnitAndStartsItOnlyUnderSystemd() throws {
        let m = machine()
        var layout = Layout()
        layout.unitDirectory = "/units"
        m.files["/units"] = (FileStatus(kind: .directory, mode: 0o755, uid: 0, gid: 0), [])
        let steps = try KioskSetup.console(layout, tty: 2, account: "wallscreen", systemdRunning: true, system: m)
        let lines = try apply(steps, m)
        #expect(lines.first == "+ created account wallscreen (no password)", "\(lines)")
        let unit = try #require(m.text("/units/duban-kiosk-tty2.service"))
        #expect(unit.contains("User=wallscreen\n") && unit.contains("TTYPath=/dev/tty2\n"))
        #expect(unit.contains("ExecStart=/usr/local/bin/duban kiosk --store /srv/duban --interval 20\n"))
        #expect(m.commands == [["systemctl", "daemon-reload"], ["systemctl", "enable", "--now", "duban-kiosk-tty2.service"]])
        #expect(m.user("wallscreen")?.shell == "/usr/sbin/nologin")
        let quiet = try KioskSetup.console(layout, tty: 2, account: "wallscreen", systemdRunning: false, system: m)
        #expect(!quiet.changes)
        #expect(throws: AdminError.self) { try KioskSetup.console(layout, tty: 0, account: "w", systemdRunning: false, system: m) }
    }

    @Test func sshKioskAccountIsOutOfTheWritersGroup() throws {
        let m = machine(), layout = Layout()
        _ = try apply(StoreSetup.plan(layout, offices: ["wangli"], sample: nil, system: m), m)
        m.addAccount("wallscreen")
        m.memberships["wallscreen"] = ["duban"]
        _ = try apply(KioskSetup.sshAccount(layout, account: "wallscreen", key: key, system: m), m)
        #expect(m.groups(of: "wallscreen").contains("duban-kiosk") && !m.groups(of: "wallscreen").contains("duban"))
        #expect(!(try KioskSetup.sshAccount(layout, account: "wallscreen", key: key, system: m)).changes)
    }

    @Test func accountOperationsRunTheSystemTools() {
        #expect(Operation.addUser(name: "zhijian", shell: "/bin/sh", groups: ["duban", "duban-reporters"]).commandLine
            == ["useradd", "--create-home", "--shell", "/bin/sh", "--password", "*", "--groups", "duban,duban-reporters", "zhijian"])
        #expect(Operation.addToGroup(user: "u", group: "g").commandLine == ["usermod", "--append", "--groups", "g", "u"])
        #expect(Operation.removeFromGroup(user: "u", group: "g").commandLine == ["gpasswd", "--delete", "u", "g"])
        #expect(Operation.deleteUser("u").commandLine == ["userdel", "--remove", "u"])
        #expect(Operation.setMode(path: "/x", mode: 0o644).commandLine == nil)
    }
}
