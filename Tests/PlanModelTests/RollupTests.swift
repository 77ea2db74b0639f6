import Testing
@testable import PlanModel

@Suite struct RollupTests {
    let plan = samplePlan()

    @Test func lightsFollowDueDatesAndProgress() {
        // 1.1 due 06-30 at 40%; 2.3 due 10-15 at 10%; 2.4 behind; 1.2 done.
        let july = Rollup(plan, Evaluation(today: Day("2014-07-01")!))
        #expect(july.lights == [.red, .green, .green, .yellow])
        let october = Rollup(plan, Evaluation(today: Day("2014-10-01")!))
        // 2.3 is due in 14 days with 10% done after three quarters of the year.
        #expect(october.lights[2] == .yellow)
        let march = Rollup(plan, Evaluation(today: Day("2014-03-01")!))
        #expect(march.lights == [.green, .green, .green, .yellow])
    }

    @Test func tallyCountsStatusesLightsAndCompletion() {
        let r = Rollup(plan, Evaluation(today: Day("2014-07-01")!))
        #expect(r.plan.total == 4)
        #expect(r.plan.count(.inProgress) == 2 && r.plan.count(.done) == 1 && r.plan.count(.behind) == 1)
        #expect(r.plan.count(.red) == 1 && r.plan.count(.yellow) == 1 && r.plan.count(.green) == 2)
        #expect(r.plan.completion == Double(40 + 100 + 10 + 30) / 4)
        #expect(r.sections.map(\.total) == [2, 2])
        #expect(r.sections[0].completion == 70)
    }

    @Test func workloadCountsRolesDoneAndOverdue() {
        let r = Rollup(plan, Evaluation(today: Day("2014-07-01")!))
        let zj = r.workload("省质监局")!
        #expect(zj.count(.lead) == 2 && zj.total == 2 && zj.done == 1 && zj.overdue == 1)
        let fg = r.workload("省发展改革委")!
        #expect(fg.count(.lead) == 1 && fg.count(.joint) == 1 && fg.overdue == 1)
        #expect(r.workload("各成员单位")?.collective == true)
        #expect(r.workloads.map(\.department) == ["省发展改革委", "省质监局", "省工信委", "各成员单位"])
    }
}
