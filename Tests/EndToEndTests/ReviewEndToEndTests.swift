import Foundation
import PlanModel
import Testing

/// The closure cycle between two real sessions in tmux: a reporter for
/// 省农牧厅 (a separate Unix user) applies for closure of task 3.6 from its
/// dashboard, the office's inbox shows it live and returns it, the
/// reporter's "my tasks" shows the return, it applies again, the office
/// approves, and `duban log` holds the trail in order.
@Suite(.serialized) struct ReviewEndToEndTests {
    static var reporterUser: [String]? { getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
        ? ["--reuid=nobody", "--regid=nogroup", "--clear-groups"] : nil }

    /// A copy of the sample store both users may write: the office is this
    /// user, `nobody` reports for 省农牧厅.
    static func sharedStore() throws -> String {
        let src = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../SampleData/store").standardized.path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-review-e2e-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: src, toPath: dir)
        let me = String(cString: getpwuid(getuid())!.pointee.pw_name)
        try #"{"office": ["\#(me)"], "reporters": {"nobody": ["省农牧厅"]}}"#.write(toFile: dir + "/access.json", atomically: true, encoding: .utf8)
        let fm = FileManager.default
        // The lock files a writer opens, made now so that neither user's mode locks out the other.
        let journals = try fm.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".journal.jsonl") }
        let locks = [".lock"] + journals.map { String($0.dropLast(".journal.jsonl".count)) + ".lock" }
        for name in locks where !fm.fileExists(atPath: dir + "/" + name) {
            fm.createFile(atPath: dir + "/" + name, contents: Data())
        }
        for name in try fm.contentsOfDirectory(atPath: dir) where name != "access.json" {
            try fm.setAttributes([.posixPermissions: 0o666], ofItemAtPath: dir + "/" + name)
        }
        try fm.setAttributes([.posixPermissions: 0o1777], ofItemAtPath: dir)
        return dir
    }

    /// Requests in gansu-2014's snapshot header without a decision.
    static func pendingRequests(_ store: String) throws -> Int {
        let text = try String(contentsOfFile: store + "/gansu-2014.json", encoding: .utf8)
        let header = try JSONParser.parse(String(text.prefix { $0 != "\n" }))
        return (header["reviews"]?["requests"]?.array ?? []).filter { $0["decision"] == nil }.count
    }

    @Test(.enabled(if: reporterUser != nil, "needs root and setpriv to run the reporter as another user"))
    func closureIsAppliedReturnedAppliedAgainAndApproved() throws {
        let store = try Self.sharedStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let env = ["DUBAN_THEME": "", "NO_COLOR": ""]
        let office = try Tmux("\(Duban.binary) --store \(store) --lang en", width: 120, height: 40, env: env)
        let reporter = try Tmux("/usr/bin/setpriv \(Self.reporterUser!.joined(separator: " ")) \(Duban.binary) --store \(store) --lang en",
                                width: 120, height: 40, env: env)
        try office.wait(for: "Tasks 29/29")
        // A reporting unit's session starts on its tasks: Esc shows the whole plan.
        try reporter.wait(for: "My tasks · 省农牧厅")
        try reporter.send("Escape")
        try reporter.wait(for: "Tasks 29/29")
        // The sample's own requests awaiting review, counted from its snapshot; 3.6's comes after them.
        let pending = try Self.pendingRequests(store)
        try office.send("T")
        try office.wait(for: "Inbox · requests awaiting review (\(pending))")

        // The reporter finds 3.6 and applies for closure.
        try reporter.send("2", "/")
        try reporter.send("加强农产品质量安全监管", literal: true)
        try reporter.send("Enter")
        try reporter.wait(for: "Tasks 1/29")
        try reporter.send("a")
        try reporter.wait(for: "Closure request from 省农牧厅")
        try reporter.send("已完成农产品质量安全专项整治", literal: true)
        try reporter.send("Enter")
        try reporter.wait(for: "saved: 3.6")

        // The office's inbox shows it live, and the office returns it with a reason.
        try office.wait(for: "Inbox · requests awaiting review (\(pending + 1))", timeout: 3)
        for _ in 0..<pending { try office.send("j") }
        let inbox = try office.wait(for: "已完成农产品质量安全专项整治")
        #expect(inbox.contains("3.6") && inbox.contains("closure") && inbox.contains("省农牧厅"))
        try office.send("x")
        try office.wait(for: "Reason for return")
        try office.send("缺少检测报告", literal: true)
        try office.send("Enter")
        try office.wait(for: "Inbox · requests awaiting review (\(pending))")

        // The reporter's session shows the return in its tasks.
        try reporter.send("M")
        _ = try reporter.wait(timeout: 3, for: "3.6 returned") { s in
            s.split(separator: "\n").contains { $0.contains("3.6 ") && $0.contains("returned") }
        }
        // It applies again from there.
        // The list starts on screen row 5 (box, blank line, header); the cursor on its first row.
        let mine = try reporter.screen().split(separator: "\n", omittingEmptySubsequences: false)
        let row36 = try #require(mine.firstIndex { $0.contains("3.6 ") && $0.contains("returned") })
        for _ in 0..<(row36 - 5) { try reporter.send("j") }
        try reporter.send("a")
        try reporter.wait(for: "Closure request from 省农牧厅")
        try reporter.send("补充了检测报告", literal: true)
        try reporter.send("Enter")
        _ = try reporter.wait(timeout: 3, for: "3.6 awaiting review") { s in
            s.split(separator: "\n").contains { $0.contains("3.6 ") && $0.contains("awaiting review") }
        }

        try office.wait(for: "补充了检测报告", timeout: 3)
        for _ in 0..<pending { try office.send("j") }
        try office.send("y")
        try office.wait(for: "Inbox · requests awaiting review (\(pending))")
        _ = try reporter.wait(timeout: 3, for: "3.6 done") { s in
            s.split(separator: "\n").contains { $0.contains("3.6 ") && $0.contains("done") }
        }
        try office.send("Escape", "q")
        try reporter.send("Escape", "q")
        #expect(try office.waitForExit() == 0)
        #expect(try reporter.waitForExit() == 0)

        // The whole trail, in order, with who did each step.
        let log = try Duban.run(["log", "gansu-2014", "3.6", "--json", "--store", store])
        #expect(log.status == 0, "\(log.err)")
        let trail = (try JSONParser.parse(log.out).array ?? []).compactMap { e -> String? in
            guard let f = e["field"]?.string, f == "request" || f == "review" else { return nil }
            return [f, e["user"]?.string ?? "", e["new"]?["outcome"]?.string ?? e["new"]?["text"]?.string ?? ""].joined(separator: " ")
        }
        let me = String(cString: getpwuid(getuid())!.pointee.pw_name)
        #expect(trail == ["request nobody 已完成农产品质量安全专项整治", "review \(me) returned", "request nobody 补充了检测报告",
                          "review \(me) approved"], "\(trail)")
    }
}
