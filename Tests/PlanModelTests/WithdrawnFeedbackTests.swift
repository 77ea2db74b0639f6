import PlanModel
import Testing

/// A withdrawn feedback (the undo of filing it) stays in the record and
/// counts nowhere: not in a round's tally, not as a unit's latest, not in a
/// joint task's derived progress, not against what a unit owes. On the
/// fixture plan: 1.1 省发展改革委, 省质监局 (leads), 省工信委 (cooperates);
/// 1.2 省质监局; 2.3 省工信委 (joint); 2.4 省发展改革委.
@Suite struct WithdrawnFeedbackTests {
    let fg = "省发展改革委", zj = "省质监局", gx = "省工信委"
    let round = Round(name: "三季度", opened: Day("2014-09-20")!, due: Day("2014-10-10")!, openedAt: "2014-09-20T09:00:00+08:00")

    func file(_ p: inout Plan, _ task: String, _ dept: String, _ day: String, progress: Int? = nil, text: String = "进展") throws {
        try p.apply(.addFeedback(UnitFeedback(task: task, time: day + "T10:00:00+08:00", user: "u", department: dept,
                                              text: text, progress: progress)), task: task)
    }

    /// Withdraws the task's `index`th feedback, as the store's undo does.
    func withdraw(_ p: inout Plan, _ task: String, _ index: Int) throws {
        try p.apply(.withdraw(Withdrawal(kind: "feedback", index: index, time: "2014-10-15T10:00:00+08:00", user: "u")), task: task)
    }

    func plan() throws -> Plan {
        var p = samplePlan()
        try p.apply(.setRound(round), task: "")
        return p
    }

    @Test func aWithdrawnFeedbackLeavesTheRoundsTally() throws {
        var p = try plan()
        try file(&p, "1.2", zj, "2014-09-25")            // on time, then withdrawn
        try file(&p, "2.4", fg, "2014-09-25")            // on time, withdrawn, late one stands
        try file(&p, "2.4", fg, "2014-10-12")
        let before = p.tally(of: round)
        #expect(before.onTime == 2 && before.lateCount == 0)
        try withdraw(&p, "1.2", 0)
        try withdraw(&p, "2.4", 0)
        let t = p.tally(of: round)
        #expect(t.onTime == 0 && t.lateCount == 1 && t.missingCount == before.missingCount + 1)
        #expect(t.missing.contains(.init(task: "1.2", department: zj)))
        #expect(t.late == [.init(task: "2.4", department: fg)])
        #expect(t.row(zj)?.missing == t.row(zj)?.expected)
        // The records stay, for the trail.
        #expect(p.supervision.feedbackCount(task: "2.4") == 2 && p.effectiveFeedbackCount(task: "2.4") == 1)
    }

    @Test func theLatestFeedbackIsTheLatestThatStands() throws {
        var p = try plan()
        try file(&p, "1.1", zj, "2014-09-21", progress: 30, text: "第一次")
        try file(&p, "1.1", fg, "2014-09-22", progress: 50, text: "发改委")
        try file(&p, "1.1", zj, "2014-09-23", progress: 60, text: "第二次")
        #expect(p.latestFeedback(task: "1.1")[zj]?.text == "第二次")
        try withdraw(&p, "1.1", 2)
        #expect(p.latestFeedback(task: "1.1")[zj]?.text == "第一次")
        try withdraw(&p, "1.1", 0)
        #expect(p.latestFeedback(task: "1.1")[zj] == nil && p.latestFeedback(task: "1.1")[fg]?.text == "发改委")
        #expect(p.effectiveFeedback(task: "1.1").map(\.text) == ["发改委"])
        #expect(p.effectiveFeedback(task: "1.1", department: zj).isEmpty)
        #expect(p.feedbackLines(of: p.task("1.1")!).map { $0.latest?.text } == ["发改委", nil, nil])
    }

    @Test func aWithdrawnPartLeavesAJointTasksDerivedProgress() throws {
        var p = try plan()
        let own = p.overallProgress(of: p.task("2.3")!)
        try file(&p, "2.3", gx, "2014-09-25", progress: 40)
        try file(&p, "2.3", gx, "2014-09-26", progress: 100)
        #expect(p.overallProgress(of: p.task("2.3")!).status == .done)
        try withdraw(&p, "2.3", 1)
        #expect(p.overallProgress(of: p.task("2.3")!) == OverallProgress(status: .inProgress, progress: 40, derived: true, unitsDone: 0, units: 1))
        try withdraw(&p, "2.3", 0)
        #expect(p.overallProgress(of: p.task("2.3")!) == own)
    }

    @Test func aWithdrawnFeedbackIsOwedAgainAndChasedAgain() throws {
        var p = try plan()
        let today = Day("2014-10-01")!
        try file(&p, "1.2", zj, "2014-09-25")
        #expect(!p.owed(task: p.task("1.2")!, department: zj, today: today, dueSoonDays: 0).contains(.feedback))
        try withdraw(&p, "1.2", 0)
        #expect(p.owed(task: p.task("1.2")!, department: zj, today: today, dueSoonDays: 0).contains(.feedback))
        let zjItems = p.owedItems(today: today, dueSoonDays: 0, department: zj).first?.items ?? []
        #expect(zjItems.contains { $0.task == "1.2" && $0.owed.contains(.feedback) })
        let draft = p.chaseDrafts(today: today, dueSoonDays: 0, department: zj)
        #expect(draft.first?.items.contains { $0.task == "1.2" && $0.owed.contains(.feedback) } == true)
    }

    @Test func withdrawalsAreFoundPerTaskAfterAJSONRoundTrip() throws {
        var p = try plan()
        try file(&p, "1.2", zj, "2014-09-25")
        try file(&p, "1.2", zj, "2014-09-26")
        try withdraw(&p, "1.2", 1)
        let back = try Reviews(json: p.reviews.json, path: "reviews")
        var q = p
        q.reviews = back
        #expect(q.isWithdrawn(.feedback, task: "1.2", index: 1) && !q.isWithdrawn(.feedback, task: "1.2", index: 0))
        #expect(q.reviews.withdrawalCount(task: "1.2") == 1 && q.reviews.withdrawalCount(task: "1.1") == 0)
        #expect(q.tally(of: round) == p.tally(of: round))
        #expect(throws: EditError.self) { try withdraw(&q, "1.2", 1) }
    }
}

/// A feedback the office corrected (更正) still counts, with the correction's text.
@Suite struct CorrectedFeedbackTests {
    @Test func aCorrectedFeedbackStandsWithItsNewText() throws {
        let t = WithdrawnFeedbackTests()
        var p = try t.plan()
        try t.file(&p, "1.2", t.zj, "2014-09-25", text: "错字的报告")
        let before = p.tally(of: t.round)
        try p.apply(.withdraw(Withdrawal(kind: "feedback", index: 0, time: "2014-09-26T10:00:00+08:00", user: "chief", text: "更正后的报告")),
                    task: "1.2")
        #expect(p.effectiveFeedback(task: "1.2").map(\.text) == ["更正后的报告"])
        #expect(p.latestFeedback(task: "1.2")[t.zj]?.text == "更正后的报告" && p.effectiveFeedbackCount(task: "1.2") == 1)
        #expect(p.tally(of: t.round) == before && !p.isWithdrawn(.feedback, task: "1.2", index: 0))
        // Withdrawn after its correction: it counts nowhere.
        try t.withdraw(&p, "1.2", 0)
        #expect(p.effectiveFeedback(task: "1.2").isEmpty && p.effectiveFeedbackCount(task: "1.2") == 0)
        #expect(p.tally(of: t.round).missingCount == before.missingCount + 1)
    }
}
