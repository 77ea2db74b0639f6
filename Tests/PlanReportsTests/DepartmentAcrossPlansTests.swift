import PlanModel
import Testing
@testable import PlanReports

@Suite struct DepartmentAcrossPlansTests {
    func plan2023() -> Plan {
        var p = Plan(id: "test-2023-2025", title: "测试省2023-2025年实施方案",
                     period: Period(start: Day("2023-01-01")!, end: Day("2025-12-31")!),
                     sections: [Section(number: "一", title: "任务")],
                     departments: [Department(name: "省市场监管局", aliases: ["市场监管部门"])])
        p.replaceTasks([
            PlanTask(key: "1.1", number: "1", section: 0, title: "提升食品质量", text: "",
                     assignments: [Assignment(department: "省市场监管局", role: .joint),
                                   Assignment(department: "省农业农村厅", role: .joint)],
                     due: Day("2025-12-31")!, status: .inProgress, progress: 40, notes: []),
            PlanTask(key: "1.2", number: "2", section: 0, title: "提升农产品质量", text: "",
                     assignments: [Assignment(department: "省农业农村厅", role: .lead)],
                     due: Day("2025-12-31")!, status: .notStarted, progress: 0, notes: []),
        ])
        return p
    }

    @Test func followsSuccessionAcrossPlans() {
        let plans = [(Fixture.plan(), Fixture.evaluation), (plan2023(), Evaluation(today: Day("2024-06-30")!))]
        let v = DepartmentAcrossPlans(name: "省质监局", plans: plans, successions: ["省质监局": "省市场监管局"])
        #expect(v.entries.map { "\($0.planID):\($0.key)" } ==
                ["test-2014:1.1", "test-2014:1.2", "test-2014:1.3", "test-2014:2.2", "test-2023-2025:1.1"])
        #expect(v.entries.last?.nameInPlan == "省市场监管局")
        #expect(v.entries[2].roles == [.cooperate])
        #expect(Set(v.names) == ["省质监局", "省市场监管局", "市场监管部门"])
    }

    @Test func withoutSuccessionOnlyTheSameName() {
        let plans = [(Fixture.plan(), Fixture.evaluation), (plan2023(), Evaluation(today: Day("2024-06-30")!))]
        let v = DepartmentAcrossPlans(name: "省质监局", plans: plans, successions: [:])
        #expect(v.entries.allSatisfy { $0.planID == "test-2014" } && v.entries.count == 4)
        #expect(DepartmentAcrossPlans.candidates("监", plans: plans.map(\.0)) == ["省质监局", "省市场监管局"])
    }
}
