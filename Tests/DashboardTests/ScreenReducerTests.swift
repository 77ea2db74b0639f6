import Foundation
import ScreenKit
import Testing
import PlanModel
import PlanReports
@testable import Dashboard

/// Keys that open and leave the full-screen views, the jump from a department's
/// task to its plan, and the indicator editor through the one dispatcher.
@Suite struct ScreenReducerTests {
    func make(_ session: SessionInfo = SessionInfo(user: "zhang", role: .office, readOnly: false),
              lang: Language = .zh) -> (DashboardApp, MemoryBackend) {
        let b = MemoryBackend([Sample.withIndicators(), Sample.second(), Sample.reformed()], session: session,
                              today: Day("2014-10-01")!)
        b.renamed = ["省质监局": "省市场监管局"]
        let a = DashboardApp(backend: b, language: lang, initialPlan: nil, ascii: false, now: TestClock().now)
        _ = a.render(width: 120, height: 40)
        return (a, b)
    }

    @Test func keysOpenAndCloseTheViews() {
        let (a, _) = make()
        for (key, ctx) in [("A", KeyContext.report), ("D", .report), ("I", .indicators)] {
            a.press(.char(Character(key)))
            #expect(a.state.context == ctx, "\(key)")
            #expect(a.state.screen != nil)
            a.press(.escape)
            #expect(a.state.context == .main && a.state.screen == nil, "\(key)")
            a.press(.char(Character(key)), .char("q"))
            #expect(a.state.context == .main, "q closes \(key) without quitting")
            #expect(a.handle(.tick))
        }
        // Help works over a view and closes back to it.
        a.press(.char("A"), .char("?"))
        #expect(a.state.context == .help)
        a.press(.escape)
        #expect(a.state.context == .report)
    }

    @Test func assessmentUsesTheBackendsRulesAndJournal() {
        let (a, b) = make()
        // 1.1 marked done on 2014-06-30, before its due date 2014-12-31: on time.
        a.press(.char("s"), .char("3"))
        #expect(b.journal.last?.field == "status")
        a.press(.char("A"))
        guard case .assessment(let r?, _) = a.state.screen else { Issue.record("no ranking"); return }
        let zj = r.rows.first { $0.department == "省质监局" }!
        #expect(zj.doneOnTime == 1 && zj.overdue == 2 && zj.tasks == 3)
        // (1×100 + 1×0 + 0.5×0) / 2.5 = 40.
        #expect(zj.score == 40)
        // The store's rules, not the defaults: credit nothing for unfinished work.
        b.rules.inProgress = 0
        a.press(.escape, .char("A"))
        guard case .assessment(let r2?, _) = a.state.screen else { Issue.record("no ranking"); return }
        #expect(r2.rows.first { $0.department == "各市州政府" }?.score == 0)
        #expect(r2.rules.inProgress == 0)
        // Bad rules in the settings: the footer says why, and no ranking is made up.
        b.rulesError = ScoringRulesError("settings.json: scoring.grades: expected A ≥ B ≥ C")
        a.press(.escape, .char("A"))
        #expect(a.noticeText == "失败：settings.json: scoring.grades: expected A ≥ B ≥ C")
        #expect(a.state.screen == nil && a.state.context == .main)
    }

    @Test func movingInTheRankingAndOpeningADepartment() {
        let (a, _) = make()
        a.press(.char("A"), .down, .down)
        #expect(a.state.screen?.list.cursor == 2)
        a.press(.char("G"))
        #expect(a.state.screen?.list.cursor == 9)
        a.press(.pageUp, .pageUp)
        #expect(a.state.screen?.list.cursor == 0)
        a.press(.down, .enter)  // 各市州政府
        guard case .department(let name, let v?, _) = a.state.screen else { Issue.record("no department view"); return }
        #expect(name == "各市州政府")
        #expect(v.entries.map(\.key) == ["2.10"])
    }

    @Test func departmentKeyTakesTheSelectedTasksLeadOutsideTheDepartmentsPane() {
        let (a, _) = make()
        a.press(.down, .down)  // 2.1, led by 省食品药品监管局
        a.press(.char("D"))
        guard case .department(let name, let v?, _) = a.state.screen else { Issue.record("no department view"); return }
        #expect(name == "省食品药品监管局" && v.entries.count == 1)
    }

    @Test func enterJumpsToTheTaskInItsPlan() {
        let (a, _) = make()
        a.press(.char("w"))  // a light filter that hides some tasks
        a.press(.char("3"), .char("D"))
        guard case .department(_, let v?, _) = a.state.screen else { Issue.record("no department view"); return }
        #expect(v.entries.map { "\($0.planID) \($0.key)" } == [
            "gansu-2014 1.1", "gansu-2014 1.2", "gansu-2014 2.3", "gansu-2015 1.1", "gansu-2019 1.1", "gansu-2019 1.2"])
        // Same plan: the task is selected in the Tasks pane, filters cleared if they hid it.
        a.press(.down, .down, .enter)
        #expect(a.state.screen == nil && a.planID == "gansu-2014")
        #expect(a.selectedTaskKey == "2.3" && a.focusedPane == .tasks)
        #expect(a.visibleTaskKeys.contains("2.3"))
        // Another plan: it is opened and the task selected there.
        a.press(.char("3"), .char("D"), .char("G"), .enter)
        #expect(a.planID == "gansu-2019")
        #expect(a.selectedTaskKey == "1.2" && a.focusedPane == .tasks && a.state.screen == nil)
        let f = a.render(width: 120, height: 40)
        #expect(f.row(containing: "推进标准化改革") != nil)
    }

    @Test func officeRecordsAnIndicatorValue() {
        let (a, b) = make()
        a.press(.char("I"), .down, .char("e"))
        #expect(a.state.context == .editor)
        a.type("95.2%")
        a.press(.enter)
        let ind = b.plans["gansu-2014"]!.indicators[1]
        #expect(ind.actual == 95.2 && ind.met == true)
        let e = b.journal.last!
        #expect(e.field == "indicator:goal.2" && e.task == "" && e.old == .null && e.new == .double(95.2))
        #expect(a.noticeText == "已保存：指标 goal.2")
        #expect(a.state.context == .indicators)
        let f = a.render(width: 120, height: 40)
        #expect(f.rowText(3).hasPrefix("│共 3 项指标 · 已录入 3 项 · 达标 2 项"))
        // A task's indicator is journaled against its task; a unit after the number is accepted.
        a.press(.down, .enter)
        for _ in 0..<4 { a.press(.backspace) }
        a.type("18家")
        a.press(.enter)
        #expect(b.plans["gansu-2014"]!.indicators[2].actual == 18)
        #expect(b.journal.last?.task == "2.1")
        // Empty clears the value; a non-number is refused in the box.
        a.press(.up, .up, .enter)
        a.press(.ctrl("a"), .delete, .delete, .delete, .delete)
        a.press(.enter)
        #expect(b.plans["gansu-2014"]!.indicators[0].actual == nil)
        a.press(.enter)
        a.type("abc")
        a.press(.enter)
        #expect(a.state.context == .editor)
        a.press(.escape)
        #expect(a.state.context == .indicators && b.plans["gansu-2014"]!.indicators[0].actual == nil)
        #expect(b.journal.count == 3)
    }

    @Test func readOnlySessionsAreRefusedTheIndicatorEditor() {
        let clock = TestClock()
        let b = MemoryBackend([Sample.withIndicators()],
                              session: SessionInfo(user: "guest", role: .viewer, readOnly: true, readOnlyReason: "store directory is not writable"))
        let a = DashboardApp(backend: b, language: .zh, now: clock.now)
        a.press(.char("I"))
        for key in [Key.char("e"), .enter] {
            a.press(key)
            #expect(a.state.context == .indicators, "\(key)")
            #expect(a.noticeText == "不允许：store directory is not writable")
        }
        #expect(b.journal.isEmpty)
        // The footer leaves the mutating key out.
        clock.advance(10)
        _ = a.handle(.tick)
        let f = a.render(width: 120, height: 40)
        #expect(f.rowText(39).contains("Esc 返回") && !f.rowText(39).contains("录入实际值"))
    }

    @Test func reportersAreRefusedBeforeTyping() {
        let (a, b) = make(SessionInfo(user: "li", role: .reporter(departments: ["省食品药品监管局"]), readOnly: false))
        // A reporting unit's session starts on its tasks: Esc shows the whole plan.
        a.press(.escape)
        a.press(.char("I"), .char("G"), .char("e"))
        #expect(a.state.context == .indicators)
        #expect(a.noticeText == "不允许：li reports for 省食品药品监管局 and may change only status, progress and notes")
        #expect(b.journal.isEmpty)
    }

    @Test func clicksDoNothingInAViewAndTheWheelScrolls() {
        let (a, _) = make()
        a.press(.char("A"))
        _ = a.handle(.click(row: 10, col: 10))
        #expect(a.state.screen != nil && a.focusedPane == .tasks)
        _ = a.handle(.scrollDown(row: 10, col: 10))
        #expect(a.state.screen?.list.cursor == 3)
    }

    @Test func rankingFollowsChangesFromOtherSessions() {
        let (a, b) = make()
        a.press(.char("A"))
        b.external(.setStatus(.done), plan: "gansu-2014", task: "3.1", user: "li", time: "2014-09-01T10:00:00+08:00")
        _ = a.handle(.tick)
        guard case .assessment(let r?, _) = a.state.screen else { Issue.record("no ranking"); return }
        let cz = r.rows.first { $0.department == "省财政厅" }!
        #expect(cz.doneOnTime == 1)
    }
}
