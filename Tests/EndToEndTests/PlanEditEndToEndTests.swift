import Foundation
import PlanModel
import Testing

/// Plan editing and the reporter's starting view, in the real binary in tmux
/// on a copy of the sample store.
@Suite(.serialized) struct PlanEditEndToEndTests {
    static let env = ["DUBAN_THEME": "", "NO_COLOR": ""]
    static var me: String { String(cString: getpwuid(getuid())!.pointee.pw_name) }

    /// The office edits task 1.1's title and adds task 1.99 from the
    /// dashboard; `duban log` holds both, by this user, in order.
    @Test func theOfficeEditsATitleAndAddsATask() throws {
        let store = try DashboardEndToEndTests.sampleStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let earlier = try Duban.run(["log", "gansu-2014", "--json", "--store", store])
        let before = try JSONParser.parse(earlier.out).array?.count ?? 0
        let t = try Tmux("\(Duban.binary) --store \(store) --lang en", width: 120, height: 40, env: Self.env)
        try t.wait(for: "Tasks 29/29")
        try t.send("2", "Enter")
        try t.wait(for: "Task 1.1")
        try t.send("E")
        try t.wait(for: "Edit task (office) · 1.1")
        try t.send("1")
        try t.wait(for: "Title · 1.1")
        try t.send("C-u")
        try t.send("建立健全质量统计分析制度（修订）", literal: true)
        try t.send("Enter")
        try t.wait(for: "saved: 1.1 title")
        #expect(try t.screen().contains("建立健全质量统计分析制度（修订）"))

        // A new task in the same section: its key, title and assignments.
        try t.send("E", "5")
        try t.wait(for: "New task key · 一、")
        try t.send("C-u")
        try t.send("1.99", literal: true)
        try t.send("Enter")
        try t.wait(for: "New task title · 1.99")
        try t.send("建立质量工作考核机制", literal: true)
        try t.send("Enter")
        try t.wait(for: "New task assignments")
        try t.send("省质监局:牵头，省审计厅:配合", literal: true)
        try t.send("Enter")
        // 省审计厅 is new to the plan: Enter again to add it.
        try t.wait(for: "no 省审计厅 in this plan yet")
        try t.send("Enter")
        try t.wait(for: "New task due date (YYYY-MM-DD) · 1.99")
        try t.send("C-u")
        try t.send("2014-11-30", literal: true)
        try t.send("Enter")
        try t.wait(for: "task 1.99 added")
        // The detail shows the new task; the list behind it has one more.
        try t.wait(for: "Task 1.99")
        try t.send("Escape")
        try t.wait(for: "Tasks 30/30")
        try t.send("q")
        #expect(try t.waitForExit() == 0)

        let log = try Duban.run(["log", "gansu-2014", "--json", "--store", store])
        #expect(log.status == 0, "\(log.err)")
        let mine = (try JSONParser.parse(log.out).array ?? []).dropFirst(before).filter { $0["user"]?.string == Self.me }
        #expect(mine.count == 2)
        let trail = mine.map { e in
            [e["task"]?.string ?? "", e["field"]?.string ?? "", e["new"]?.string ?? e["new"]?["title"]?.string ?? ""].joined(separator: " ")
        }
        #expect(trail == ["1.1 title 建立健全质量统计分析制度（修订）", "1.99 task 建立质量工作考核机制"], "\(trail)")
        let added = try #require(mine.last?["new"])
        #expect(added["assignments"]?.array?.count == 2 && added["due"]?.string == "2014-11-30", "\(added)")
        // And the plan, read again by another process, has both.
        let show = try Duban.run(["show", "gansu-2014", "1.99", "--json", "--store", store])
        #expect(show.status == 0, "\(show.err)")
        let shown = try JSONParser.parse(show.out)
        #expect(shown["title"]?.string == "建立质量工作考核机制")
    }

    /// A reporter's session opens on its tasks; Esc shows the whole plan and
    /// M goes back. The office's session opens on the whole plan.
    @Test func aReportersSessionStartsOnItsTasks() throws {
        let store = try DashboardEndToEndTests.sampleStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        try #"{"office": ["chief"], "reporters": {"\#(Self.me)": ["省农牧厅"]}}"#.write(toFile: store + "/access.json", atomically: true, encoding: .utf8)
        let t = try Tmux("\(Duban.binary) --store \(store) --lang en", width: 120, height: 40, env: Self.env)
        // The footer is drawn last: waiting for it sees the whole first screen.
        let first = try t.wait(for: "Esc whole plan")
        #expect(first.contains("My tasks · 省农牧厅"))
        #expect(!first.contains("Tasks 29/29"))
        #expect(first.split(separator: "\n").contains { $0.contains("3.6 ") }, "\(first)")
        try t.send("Escape")
        try t.wait(for: "Tasks 29/29")
        try t.send("M")
        try t.wait(for: "My tasks · 省农牧厅")
        // Plan editing is the office's: refused, naming the rule.
        try t.send("Escape")
        try t.wait(for: "Tasks 29/29")
        try t.send("E")
        let refused = try t.wait(for: "refused")
        #expect(refused.contains("may change only status, progress and notes"), "\(refused)")
        try t.send("q")
        #expect(try t.waitForExit() == 0)
    }

    /// `duban edit --assign` reads the same syntax and names the bad part.
    @Test func theCommandLineNamesTheBadAssignment() throws {
        let store = try DashboardEndToEndTests.sampleStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let r = try Duban.run(["edit", "gansu-2014", "3.6", "--assign", "省农牧厅:牵头，省公安厅 协助", "--store", store])
        #expect(r.status != 0 && r.err.contains("--assign：“省公安厅 协助”应为 部门:职责"), "\(r.err)")
        let en = try Duban.run(["edit", "gansu-2014", "3.6", "--assign", "省农牧厅:lead,省公安厅", "--store", store, "--lang", "en"])
        #expect(en.status != 0 && en.err.contains("--assign: \"省公安厅\" is not DEPT:ROLE"), "\(en.err)")
        let ok = try Duban.run(["edit", "gansu-2014", "3.6", "--assign", "省农牧厅：牵头，省公安厅:配合", "--store", store])
        #expect(ok.status == 0, "\(ok.err)")
    }
}
