import Foundation
import PlanModel
import ScreenKit
import TextWidth
import Testing
@testable import Dashboard

/// Chase counts beside each department (the Departments pane) and each task
/// (the detail view), `C` chasing the department selected in the pane, and a
/// withdrawn feedback leaving the 报送 counts and the detail view. The plan is
/// `ReportingViewTests.plan()`; 省财政厅 owes 1.2 (overdue, feedback) and 3.1 (feedback).
@Suite struct ChaseCountViewTests {
    static func chased() throws -> Plan {
        var p = try ReportingViewTests.plan()
        try p.apply(.addChase(Chase(department: "省财政厅", date: Day("2014-09-30")!, reply: Day("2014-10-08")!,
                                    items: [ChaseItem(task: "1.2", owed: [.overdue], step: 1)])), task: "")
        return p
    }

    func make(_ p: Plan, _ lang: Language, _ w: Int, _ h: Int,
              session: SessionInfo = SessionInfo(user: "chief", role: .office, readOnly: false)) -> (DashboardApp, MemoryBackend) {
        let b = MemoryBackend([p], session: session, today: Day("2014-10-01")!)
        b.clock = "2014-10-01T10:00:00+08:00"
        let a = DashboardApp(backend: b, language: lang, initialPlan: nil, ascii: false)
        _ = a.render(width: w, height: h)
        return (a, b)
    }

    /// The row of the Departments pane naming `dept`, from its left border.
    func paneRow(_ f: Frame, _ dept: String) -> String? {
        guard let r = f.row(containing: "│" + dept) else { return nil }
        let text = f.rowText(r)
        guard let start = text.range(of: "│" + dept) else { return nil }
        return String(text[start.lowerBound...])
    }

    @Test func theDepartmentsPaneCountsChasesAtEverySize() throws {
        for (w, h) in [(80, 24), (120, 40)] {
            for lang in [Language.zh, .en] {
                let (a, _) = make(try Self.chased(), lang, w, h)
                a.press(.char("3"))
                let f = a.render(width: w, height: h)
                #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h) \(lang)")
                let header = lang == .zh ? "牵  配  共  完  逾  催" : "L   C   J   D   O  Ch"
                #expect(f.row(containing: header) != nil, "\(w)×\(h) \(lang)")
                // Lead, cooperate, joint, done, overdue, chased.
                let fin = try #require(paneRow(f, "省财政厅"), "\(w)×\(h) \(lang)")
                #expect(fin.contains("   1   1   0   0   1   1"), "\(fin)")
                let zj = try #require(paneRow(f, "省质监局"))
                #expect(zj.contains("   2   1   0   0   2   0"), "\(zj)")
                #expect(f[try #require(f.row(containing: "│省财政厅")), 0].style != .selected)
            }
        }
    }

    @Test func withoutChasesThePaneKeepsItsColumns() throws {
        let (a, _) = make(try ReportingViewTests.plan(), .zh, 80, 24)
        a.press(.char("3"))
        let f = a.render(width: 80, height: 24)
        #expect(f.row(containing: "牵  配  共  完  逾") != nil && f.row(containing: "逾  催") == nil)
    }

    @Test func capitalCChasesTheDepartmentSelectedInThePane() throws {
        let (a, b) = make(try Self.chased(), .zh, 80, 24)
        // Focus on the tasks: no department is selected, nothing is chased.
        a.press(.char("2"), .char("C"))
        #expect(b.journal.isEmpty && a.noticeText?.contains("未选择部门") == true)
        // 省财政厅 is the fourth row of the Departments pane.
        a.press(.char("3"), .down, .down, .down, .char("C"))
        let e = try #require(b.journal.last)
        #expect(e.field == "chase:省财政厅" && e.new["items"]?.array?.count == 2)
        var f = a.render(width: 80, height: 24)
        #expect(try #require(paneRow(f, "省财政厅")).contains("   1   1   0   0   1   2"))
        // Undone: the chase is withdrawn and the count drops.
        a.press(.char("u"))
        #expect(b.journal.last?.undoes == e.seq)
        f = a.render(width: 80, height: 24)
        #expect(try #require(paneRow(f, "省财政厅")).contains("   1   1   0   0   1   1"))
        a.press(.char("C"))
        // The task's count follows in its detail: 1.2 chased twice now.
        a.press(.char("2"), .down, .enter)
        #expect(a.selectedTaskKey == "1.2")
        let g = a.render(width: 120, height: 40)
        #expect(g.row(containing: "已催办 2 次") != nil)
    }

    @Test func aReporterMayNotChaseFromThePane() throws {
        let session = SessionInfo(user: "tongji", role: .reporter(departments: ["省统计局"]), readOnly: false)
        let (a, b) = make(try Self.chased(), .en, 80, 24, session: session)
        // A reporter's session opens on its own tasks: back to the main screen first.
        a.press(.escape, .char("3"), .down, .down, .down, .char("C"))
        #expect(b.journal.isEmpty)
        #expect(a.noticeText?.contains("office") == true, "\(a.noticeText ?? "")")
    }

    @Test func theDetailViewCountsATasksChasesAtEverySize() throws {
        for (w, h) in [(80, 24), (120, 40)] {
            for lang in [Language.zh, .en] {
                let (a, _) = make(try Self.chased(), lang, w, h)
                a.press(.char("2"), .down, .enter)
                #expect(a.selectedTaskKey == "1.2")
                // Scroll until the feedback block shows (80×24 holds little).
                var found = false
                for _ in 0..<8 {
                    let f = a.render(width: w, height: h)
                    #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
                    if f.row(containing: lang == .zh ? "已催办 1 次" : "chased 1 times") != nil { found = true; break }
                    a.press(.pageDown)
                }
                #expect(found, "\(w)×\(h) \(lang)")
            }
        }
    }

    @Test func undoingAFeedbackTakesItOutOfTheCountsAndTheDetail() throws {
        for lang in [Language.zh, .en] {
            let (a, b) = make(try ReportingViewTests.plan(), lang, 120, 40)
            a.press(.char("2"), .down, .enter, .char("f"), .down, .enter)
            a.type("已安排资金")
            a.press(.enter, .enter)
            #expect(b.journal.last?.field == "feedback")
            var f = a.render(width: 120, height: 40)
            #expect(f.row(containing: "已安排资金") != nil)
            a.press(.escape, .char("R"))
            f = a.render(width: 80, height: 24)
            #expect(f.rowText(3).hasPrefix(lang == .zh ? "│应报 13  已报 4（按时 3，逾期 1）  未报 9" : "│expected 13  reported 4 (on time 3, late 1)  missing 9"))
            a.press(.escape, .char("u"))
            #expect(b.journal.last?.field == "withdraw")
            a.press(.char("R"))
            f = a.render(width: 80, height: 24)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
            #expect(f.rowText(3).hasPrefix(lang == .zh ? "│应报 13  已报 3（按时 2，逾期 1）  未报 10" : "│expected 13  reported 3 (on time 2, late 1)  missing 10"))
            a.press(.escape, .enter)
            #expect(a.selectedTaskKey == "1.2")
            f = a.render(width: 120, height: 40)
            // Still shown for the trail, marked withdrawn and dimmed, not as the unit's feedback.
            let head = try #require(f.row(containing: "2014-10-01 10:00 chief"))
            #expect(f.rowText(head).contains(lang == .zh ? "[已撤回]" : "[withdrawn]"))
            #expect(f.rowText(head - 1).contains(lang == .zh ? "省发展改革委：从未报送" : "省发展改革委: never reported"))
            #expect(f.row(containing: lang == .zh ? "省发展改革委：从未报送" : "省发展改革委: never reported") != nil)
        }
    }
}

/// The 报送 view lists the pairs owed only once a list of them opens.
@Suite struct ReportingBoardListingTests {
    @Test func departmentRowsHoldCountsAndListsComeOnDemand() throws {
        let p = try ReportingViewTests.plan()
        var b = ReportingBoard(plan: p)
        #expect(!b.owedListed && b.tally.missing.isEmpty && b.taskRows.isEmpty)
        #expect(b.tally.missingCount == 10 && b.departmentRows.first?.department == "省质监局")
        b.listOwed(p)
        #expect(b.owedListed && b.tally.missing.count == 10)
        #expect(b.taskRows.first == ReportingBoard.TaskRow(task: "1.1", owing: ["省统计局"]))
        b.mode = .owedBy("省财政厅")
        #expect(b.rowCount == 2 && b.task(at: 0) == "1.2" && b.task(at: 1) == "3.1")
    }
}

/// Feedback, rounds, withdrawals and chases committed elsewhere apply in
/// place: nothing derived from the tasks is computed again, and the chase
/// counts follow.
@Suite struct SupervisionAppliedInPlaceTests {
    func entry(_ edit: Edit, task: String, seq: Int) -> JournalEntry {
        JournalEntry(seq: seq, time: "2014-10-01T10:00:00+08:00", user: "u", plan: "gansu-2014", task: task, field: edit.field,
                     old: .null, new: edit.newValue)
    }

    @Test func feedbackAndChasesApplyInPlace() throws {
        let p = try ReportingViewTests.plan()
        var d = PlanData(p, Evaluation(today: Day("2014-10-01")!))
        let feedback = Edit.addFeedback(UnitFeedback(task: "1.2", time: "2014-10-01T10:00:00+08:00", user: "u",
                                                      department: "省财政厅", text: "已安排资金", progress: 30))
        #expect(try d.apply(entry(feedback, task: "1.2", seq: 1)) == .sameTasks)
        #expect(d.plan.latestFeedback(task: "1.2")["省财政厅"]?.text == "已安排资金")
        let withdraw = Edit.withdraw(Withdrawal(kind: "feedback", index: 1, time: "2014-10-01T10:05:00+08:00", user: "u"))
        #expect(try d.apply(entry(withdraw, task: "1.2", seq: 2)) == .sameTasks)
        #expect(d.plan.latestFeedback(task: "1.2")["省财政厅"] == nil)
        #expect(d.chasesByDepartment.isEmpty)
        let chase = Edit.addChase(Chase(department: "省财政厅", date: Day("2014-10-01")!, reply: Day("2014-10-06")!,
                                        items: [ChaseItem(task: "1.2", owed: [.overdue, .feedback], step: 1),
                                                ChaseItem(task: "3.1", owed: [.feedback], step: 1)]))
        #expect(try d.apply(entry(chase, task: "", seq: 3)) == .sameTasks)
        #expect(d.chasesByDepartment == ["省财政厅": 1] && d.chasesByTask == ["1.2": 1, "3.1": 1])
        #expect(d.chasesByDepartment == d.plan.chaseCounts().departments && d.chasesByTask == d.plan.chaseCounts().tasks)
    }

    @Test func aChaseCommittedElsewhereShowsInThePane() throws {
        let b = MemoryBackend([try ChaseCountViewTests.chased()], today: Day("2014-10-01")!)
        let a = DashboardApp(backend: b, language: .zh, initialPlan: nil, ascii: false)
        _ = a.render(width: 80, height: 24)
        a.press(.char("3"))
        b.external(.addChase(Chase(department: "省财政厅", date: Day("2014-10-01")!, reply: Day("2014-10-06")!,
                                   items: [ChaseItem(task: "3.1", owed: [.feedback], step: 1)])),
                   plan: "gansu-2014", task: "", user: "chief", time: "2014-10-01T11:00:00+08:00")
        _ = a.handle(.tick)
        let f = a.render(width: 80, height: 24)
        let row = try #require(f.row(containing: "│省财政厅"))
        #expect(f.rowText(row).contains("   1   1   0   0   1   2"))
    }
}
