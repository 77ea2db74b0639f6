import Foundation
import PlanModel
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A reporting round lived through by three Unix users: the office opens it
/// and watches the 报送 view in its dashboard while two reporters, each in a
/// dashboard session of its own, file their units' feedback; the office's
/// counts change as each filing lands.
enum ThreeUsers {
    static let available = Shell.isRoot && Shell.which("setpriv") && Shell.which("useradd") && Shell.which("tmux")
}

@Suite(.serialized, .enabled(if: ThreeUsers.available, "needs root (to add users), setpriv, useradd and tmux"))
struct ReportingRoundEndToEndTests {
    static let office = "c1office", zhijian = "c1zhijian", gongxin = "c1gongxin"

    /// The users have no group of their own (`useradd -N`): this suite leaves
    /// /etc/group alone while other suites add and remove groups.
    static func setpriv(_ user: String) -> [String] { ["--reuid=\(user)", "--regid=users", "--init-groups"] }

    /// useradd and userdel wait for the lock on /etc/passwd other suites may hold.
    static func retry(_ args: [String]) throws {
        for attempt in 0..<20 {
            let r = try Shell.run(args)
            if r.status == 0 { return }
            if attempt == 19 { throw Shell.Failure(description: "\(args.joined(separator: " ")): \(r.err)") }
            usleep(200_000)
        }
    }

    /// The e2e plan (1.1 and 1.3 led by 省工信委, 1.2 and 1.4 by 省质监局) in a
    /// store the three users may write, the binary where they can run it.
    func deploy(_ base: String) throws -> (store: String, binary: String) {
        let store = base + "/store", binary = base + "/bin/duban"
        try FileManager.default.createDirectory(atPath: base + "/bin", withIntermediateDirectories: true)
        try Shell.must(["cp", Duban.binary, binary])
        try Shell.must(["chmod", "755", base, base + "/bin", binary])
        let made = try makeE2EStore()
        try Shell.must(["mv", made, store])
        let rules = #"{"office": ["\#(Self.office)"], "reporters": {"\#(Self.zhijian)": ["省质监局"], "\#(Self.gongxin)": ["省工信委"]}}"#
        try rules.write(toFile: store + "/access.json", atomically: true, encoding: .utf8)
        for u in [Self.office, Self.zhijian, Self.gongxin] {
            _ = try? Shell.run(["userdel", "-f", u])
            try Self.retry(["useradd", "-M", "-N", "-s", "/bin/sh", u])
        }
        // Writable by all three (a deployment would use a writers' group, as the SSH test does).
        try Shell.must(["chmod", "-R", "a+rwX", store])
        return (store, binary)
    }

    func cleanUp(_ base: String) {
        for u in [Self.office, Self.zhijian, Self.gongxin] { try? Self.retry(["userdel", "-f", u]) }
        try? FileManager.default.removeItem(atPath: base)
    }

    func dashboard(_ user: String, _ binary: String, _ store: String, width: Int = 100, height: Int = 30) throws -> Tmux {
        let argv = ["/usr/bin/setpriv"] + Self.setpriv(user) + [binary, "--store", store, "--lang", "en"]
        return try Tmux(argv.map(Tmux.quote).joined(separator: " "), width: width, height: height,
                        env: ["DUBAN_THEME": "", "NO_COLOR": "", "HOME": "/tmp"])
    }

    /// A reporter files feedback on the task at `row` of the Tasks pane from its detail.
    func file(_ t: Tmux, row: Int, key: String, text: String, progress: String) throws {
        // A reporting unit's session starts on its tasks: Esc shows the whole plan.
        try t.wait(for: "My tasks")
        try t.send("Escape")
        try t.wait(for: "Sections")
        try t.send("2")
        for _ in 0..<row { try t.send("Down") }
        try t.send("Enter")
        try t.wait(for: "Task \(key)")
        try t.send("f")
        try t.wait(for: "Feedback from")
        try t.send(text, literal: true)
        try t.send("Enter")
        try t.wait(for: "own progress")
        try t.send(progress, literal: true)
        try t.send("Enter")
        try t.wait(for: "saved: \(key)")
    }

    @Test func twoReportersFileWhileTheOfficeWatchesTheCountsChange() throws {
        let base = "/tmp/duban-round-\(UUID().uuidString.prefix(8))"
        defer { cleanUp(base) }
        let (store, binary) = try deploy(base)
        func duban(_ args: [String], as user: String) throws -> Duban.Result {
            try Duban.run(args + ["--store", store, "--lang", "en"], asUser: Self.setpriv(user), binary: binary)
        }
        // A reporter may not open a round; the office does.
        let refused = try duban(["round", "open", "e2e", "--name", "Q3", "--due", "2099-12-31"], as: Self.zhijian)
        #expect(refused.status != 0 && refused.err.contains("only the office"), "\(refused.err)")
        let opened = try duban(["round", "open", "e2e", "--name", "Q3", "--due", "2099-12-31"], as: Self.office)
        #expect(opened.status == 0, "\(opened.err)")

        let office = try dashboard(Self.office, binary, store)
        defer { _ = try? office.send("q") }
        try office.wait(for: "Sections")
        try office.send("R")
        try office.wait(for: "expected 4  reported 0 (on time 0, late 0)  missing 4")

        let zj = try dashboard(Self.zhijian, binary, store)
        defer { _ = try? zj.send("q") }
        try file(zj, row: 1, key: "1.2", text: "zhijian: inspection done", progress: "60")
        // The office's view follows without a key pressed.
        try office.wait(timeout: 10, for: "one filing") { $0.contains("reported 1 (on time 1, late 0)  missing 3") }

        let gx = try dashboard(Self.gongxin, binary, store)
        defer { _ = try? gx.send("q") }
        try file(gx, row: 0, key: "1.1", text: "gongxin: standards drafted", progress: "100")
        let screen = try office.wait(timeout: 10, for: "two filings") { $0.contains("reported 2 (on time 2, late 0)  missing 2") }
        // Each unit's row: 1 of 2 on time, 1 missing.
        let rows = screen.split(separator: "\n").filter { $0.contains("省质监局") || $0.contains("省工信委") }
        #expect(rows.count == 2 && rows.allSatisfy { $0.hasSuffix("2       1    0     1      0│") }, "\(screen)")

        // Each filing is recorded for its own unit, by its own user.
        let status = try JSONParser.parse(try duban(["round", "status", "e2e", "--json"], as: Self.office).out)
        #expect(status["reported"]?.int == 2 && status["missing"]?.int == 2)
        let log = try duban(["log", "e2e", "--json"], as: Self.office)
        let entries = try JSONParser.parse(log.out).array ?? []
        let filed = entries.filter { $0["field"]?.string == "feedback" }
        #expect(filed.map { $0["user"]?.string ?? "" } == [Self.zhijian, Self.gongxin])
        #expect(filed.map { $0["new"]?["department"]?.string ?? "" } == ["省质监局", "省工信委"])
        // A reporter cannot file for the other unit, even naming it.
        let other = try duban(["feedback", "e2e", "1.1", "--text", "x", "--dept", "省工信委"], as: Self.zhijian)
        #expect(other.status != 0 && other.err.contains("may not file feedback for 省工信委"), "\(other.err)")
    }
}
