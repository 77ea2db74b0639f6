import PlanModel
import Testing
@testable import PlanReports

/// Reporting in the assessment: feedback in closed rounds weighs
/// `reportingWeight` of the score, chases received cost points.
@Suite struct ReportingAssessmentTests {
    let doneDays = Assessment.doneDays(from: Fixture.journal)

    /// A closed round over the whole fixture plan (expected: 省质监局 4, 省工商局 3,
    /// 省商务厅 2): 省质监局 files all on time, 省商务厅 1.2 on time and 1.3 late,
    /// 省工商局 nothing; 省商务厅 was chased once, 省工商局 six times.
    func plan(closed: Bool = true) throws -> Plan {
        var p = Fixture.plan()
        let round = Round(name: "三季度", opened: Day("2014-09-01")!, due: Day("2014-09-20")!)
        try p.apply(.setRound(round), task: "")
        func file(_ task: String, _ dept: String, _ day: String) throws {
            try p.apply(.addFeedback(UnitFeedback(task: task, time: day + "T10:00:00+08:00", user: "u", department: dept, text: "已报")), task: task)
        }
        for t in ["1.1", "1.2", "1.3", "2.2"] { try file(t, "省质监局", "2014-09-10") }
        try file("1.2", "省商务厅", "2014-09-15")
        try file("1.3", "省商务厅", "2014-09-25")
        if closed {
            var c = round
            c.closedAt = "2014-09-30T18:00:00+08:00"
            c.frozen = p.liveTally(of: round)
            try p.apply(.setRound(c), task: "")
        }
        func chase(_ dept: String, _ task: String) throws {
            try p.apply(.addChase(Chase(department: dept, date: Day("2014-09-25")!, reply: Day("2014-09-30")!,
                                        items: [ChaseItem(task: task, owed: [.feedback], step: 1)])), task: "")
        }
        try chase("省商务厅", "1.3")
        for _ in 0..<6 { try chase("省工商局", "2.1") }
        return p
    }

    @Test func feedbackOnTimeAndChasesChangeTheScore() throws {
        let a = Assessment(plan: try plan(), evaluation: Fixture.evaluation, doneDays: doneDays)
        let by = Dictionary(uniqueKeysWithValues: a.rows.map { ($0.department, $0) })
        #expect(a.countsReporting)
        // 省商务厅: tasks 50; reporting (100 + 50) / 2 = 75; 0.9×50 + 0.1×75 − 2 = 50.5.
        #expect(abs(by["省商务厅"]!.score! - 50.5) < 1e-9)
        #expect(by["省商务厅"]!.feedbackExpected == 2 && by["省商务厅"]!.feedbackOnTime == 1 && by["省商务厅"]!.feedbackLate == 1)
        // 省质监局: all four on time: 0.9 × 196.4/3.3 + 0.1 × 100.
        #expect(abs(by["省质监局"]!.score! - (0.9 * 196.4 / 3.3 + 10)) < 1e-9)
        // 省工商局: nothing filed, six chases capped at 10 points: 0.9 × 56.4/2.3 − 10.
        #expect(abs(by["省工商局"]!.score! - (0.9 * 56.4 / 2.3 - 10)) < 1e-9)
        #expect(by["省工商局"]!.chases == 6)
        let text = a.render(.txt, title: "测试")
        #expect(text.contains("报送与催办：已关闭报送轮次中按时报送占10%"))
        #expect(text.contains("按时报送") && text.contains("4/4"))
    }

    @Test func anOpenRoundDoesNotCountAndNoRecordsChangeNothing() throws {
        let open = Assessment(plan: try plan(closed: false), evaluation: Fixture.evaluation, doneDays: doneDays)
        let shangwu = open.rows.first { $0.department == "省商务厅" }!
        // Only the chase counts while the round is open: 50 − 2.
        #expect(abs(shangwu.score! - 48) < 1e-9 && shangwu.feedbackExpected == 0)
        let plain = Assessment(plan: Fixture.plan(), evaluation: Fixture.evaluation, doneDays: doneDays)
        #expect(!plain.countsReporting)
        #expect(!plain.render(.txt, title: "测试").contains("按时报送"))
    }

    @Test func weightsComeFromTheSettings() throws {
        let rules = try ScoringRules(json: try JSONParser.parse(#"{"reporting":{"weight":0.5,"lateCredit":0,"chasePenalty":1,"chasePenaltyCap":3}}"#))
        #expect(rules.reportingWeight == 0.5 && rules.lateFeedbackCredit == 0 && rules.chasePenaltyCap == 3)
        let a = Assessment(plan: try plan(), evaluation: Fixture.evaluation, rules: rules, doneDays: doneDays)
        // 省商务厅: 0.5×50 + 0.5×50 − 1 = 49.
        #expect(abs(a.rows.first { $0.department == "省商务厅" }!.score! - 49) < 1e-9)
        #expect(throws: ScoringRulesError.self) { try ScoringRules(json: try JSONParser.parse(#"{"reporting":{"weight":2}}"#)) }
        #expect(try ScoringRules(json: rules.json) == rules)
    }
}
