@testable import PlanModel

/// A small two-section plan used across model tests.
func samplePlan() -> Plan {
    let end = Day("2014-12-31")!
    func task(_ key: String, _ n: String, _ s: Int, _ g: Int?, _ title: String, _ a: [Assignment],
              due: Day = end, status: TaskStatus = .notStarted, progress: Int = 0) -> PlanTask {
        PlanTask(key: key, number: n, section: s, group: g, title: title, text: title + "。正文。",
                 assignments: a, due: due, status: status, progress: progress)
    }
    let zj = "省质监局", fg = "省发展改革委", gx = "省工信委"
    return Plan(
        id: "test-2014", title: "测试行动计划", issuer: "测试办公厅", issued: Day("2014-04-28"),
        period: Period(start: Day("2014-01-01")!, end: end), source: "test.txt",
        sections: [Section(number: "一", title: "第一部分", groups: [Group(number: "一", title: "分组")]),
                   Section(number: "二", title: "第二部分")],
        tasks: [
            task("1.1", "一", 0, 0, "加快质量诚信体系建设", [.init(department: fg, role: .lead), .init(department: zj, role: .lead), .init(department: gx, role: .cooperate)],
                 due: Day("2014-06-30")!, status: .inProgress, progress: 40),
            task("1.2", "二", 0, 0, "整顿市场秩序", [.init(department: zj, role: .lead)], status: .done, progress: 100),
            task("2.3", "三", 1, nil, "完善激励机制", [.init(department: gx, role: .joint), .init(department: "各成员单位", role: .cooperate, collective: true)],
                 due: Day("2014-10-15")!, status: .inProgress, progress: 10),
            task("2.4", "四", 1, nil, "推进标准化", [.init(department: fg, role: .joint)], status: .behind, progress: 30),
        ],
        departments: [Department(name: fg), Department(name: zj, aliases: ["质监"]), Department(name: gx),
                      Department(name: "各成员单位", collective: true)])
}
