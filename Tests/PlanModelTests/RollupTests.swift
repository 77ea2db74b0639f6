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

@Suite struct RollupDepartmentTests {
    func plan(_ tasks: [[Assignment]]) -> Plan {
        Plan(id: "p", title: "p", period: Period(start: Day("2014-01-01")!, end: Day("2014-12-31")!),
             sections: [Section(number: "一", title: "一")],
             tasks: tasks.enumerated().map { i, a in
                 PlanTask(key: "1.\(i + 1)", number: "\(i + 1)", section: 0, title: "t", text: "t。", assignments: a,
                          due: Day("2014-12-31")!)
             })
    }

    func ids(_ r: Rollup, _ task: Int) -> [Int] {
        r.taskWorkloads[Int(r.taskWorkloadStarts[task])..<Int(r.taskWorkloadStarts[task + 1])].map { Int($0) }
    }

    @Test func eachTaskListsItsDepartmentsOnce() {
        let r = Rollup(samplePlan(), Evaluation(today: Day("2014-07-01")!))
        #expect(r.taskWorkloadStarts.count == 5)
        for (i, t) in samplePlan().tasks.enumerated() {
            var names: [String] = []
            for a in t.assignments where !names.contains(a.department) { names.append(a.department) }
            #expect(ids(r, i).map { r.workloads[$0].department } == names)
        }
        let twice = Rollup(plan([[.init(department: "省财政厅", role: .lead), .init(department: "省财政厅", role: .joint)]]),
                           Evaluation(today: Day("2014-07-01")!))
        #expect(ids(twice, 0) == [0])
        #expect(twice.workloads[0].total == 1 && twice.workloads[0].count(.lead) == 1 && twice.workloads[0].count(.joint) == 1)
    }

    @Test func manyNamesKeepTheirOwnWorkloads() {
        // Enough names to grow the byte index several times; some share their
        // first and last bytes, and some are short.
        let names = (0..<300).map { $0 % 3 == 0 ? "省\($0)厅" : $0 % 3 == 1 ? "d\($0)" : "省第\($0)个很长的部门名称厅" }
        let p = plan(names.indices.map { i in [.init(department: names[i], role: .lead), .init(department: names[(i * 7) % 300], role: .cooperate)] })
        let r = Rollup(p, Evaluation(today: Day("2014-07-01")!))
        #expect(r.workloads.count == 300)
        for (i, t) in p.tasks.enumerated() {
            var expected: [String] = []
            for a in t.assignments where !expected.contains(a.department) { expected.append(a.department) }
            #expect(ids(r, i).map { r.workloads[$0].department } == expected)
        }
        #expect(r.workloads.allSatisfy { $0.count(.lead) == 1 })
    }

    @Test func copiesAndSharedNamesAreOneWorkload() {
        // Built apart, the same long name has storage of its own each time;
        // copied, it shares one. Both must land in one workload.
        func fresh(_ s: String) -> String { String(decoding: Array(s.utf8), as: UTF8.self) }
        let shared = fresh("省工业和信息化委员会"), short = "省财政厅"
        var tasks: [[Assignment]] = []
        for i in 0..<200 {
            let name = i % 3 == 0 ? shared : i % 3 == 1 ? fresh(shared) : fresh(short)
            tasks.append([.init(department: name, role: .lead), .init(department: fresh("部门\(i % 50)"), role: .cooperate)])
        }
        let r = Rollup(plan(tasks), Evaluation(today: Day("2014-07-01")!))
        #expect(r.workloads.count == 52)
        #expect(r.workload("省工业和信息化委员会")?.total == 134 && r.workload(short)?.total == 66)
        #expect(r.workloads.filter { $0.department.hasPrefix("部门") }.allSatisfy { $0.total == 4 })
        for (i, t) in tasks.enumerated() { #expect(ids(r, i).map { r.workloads[$0].department } == t.map(\.department)) }
    }

    @Test func canonicallyEqualSpellingsAreOneWorkload() {
        let r = Rollup(plan([[.init(department: "Caf\u{E9}", role: .lead)], [.init(department: "Cafe\u{301}", role: .lead)]]),
                       Evaluation(today: Day("2014-07-01")!))
        #expect(r.workloads.count == 1 && r.workloads[0].total == 2)
        #expect(ids(r, 0) == [0] && ids(r, 1) == [0])
    }

    @Test func ordinalsAreAllCasesOrder() {
        for (i, s) in TaskStatus.allCases.enumerated() { #expect(s.ordinal == i) }
        for (i, l) in Light.allCases.enumerated() { #expect(l.ordinal == i) }
        for (i, r) in Role.allCases.enumerated() { #expect(r.ordinal == i) }
        #expect(Light.red < .yellow && Light.yellow < .green && Role.lead < .implement)
    }
}
