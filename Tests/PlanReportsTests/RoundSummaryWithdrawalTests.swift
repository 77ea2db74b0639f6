import PlanModel
import PlanReports
import Testing

/// The round summary (汇总) compiles only feedback that stands: a withdrawn
/// one leaves its unit among those that have not reported.
@Suite struct RoundSummaryWithdrawalTests {
    @Test func aWithdrawnFeedbackIsNotCompiled() throws {
        var p = Fixture.plan()
        let round = Round(name: "三季度", opened: Day("2014-09-15")!, due: Day("2014-09-30")!)
        try p.apply(.setRound(round), task: "")
        for (text, day) in [("第一次报送", "2014-09-20"), ("第二次报送", "2014-09-25")] {
            try p.apply(.addFeedback(UnitFeedback(task: "2.1", time: day + "T10:00:00+08:00", user: "gongshang", department: "省工商局",
                                                  text: text, progress: 40)), task: "2.1")
        }
        var md = RoundSummary(plan: p, round: round).render(.md, english: false)
        #expect(md.contains("第二次报送") && !md.contains("第一次报送"))
        try p.apply(.withdraw(Withdrawal(kind: "feedback", index: 1, time: "2014-09-26T10:00:00+08:00", user: "gongshang")), task: "2.1")
        md = RoundSummary(plan: p, round: round).render(.md, english: false)
        #expect(md.contains("第一次报送") && !md.contains("第二次报送"))
        try p.apply(.withdraw(Withdrawal(kind: "feedback", index: 0, time: "2014-09-26T10:01:00+08:00", user: "gongshang")), task: "2.1")
        let s = RoundSummary(plan: p, round: round)
        #expect(s.notReported.first { $0.department == "省工商局" }?.tasks.contains("2.1") == true)
        let en = s.render(.txt, english: true)
        #expect(!en.contains("报送") && en.contains("2.1") && en.split(separator: "\n").contains { $0.contains("省工商局") && $0.hasSuffix(": not reported") })
    }
}
