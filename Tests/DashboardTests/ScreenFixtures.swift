import PlanModel
@testable import Dashboard

extension Sample {
    /// The sample plan with indicators on its goals and on a task.
    static func withIndicators() -> Plan {
        var p = plan()
        p.indicators = [
            Indicator(id: "goal.1", name: "主要农产品例行监测合格率", target: 98, unit: "%",
                      source: "主要农产品例行监测合格率达到98%以上", actual: 97.5),
            Indicator(id: "goal.2", name: "制造业产品质量合格率", target: 94, unit: "%",
                      source: "制造业产品质量合格率达到94%以上"),
            Indicator(id: "2.1.1", taskKey: "2.1", name: "食品安全放心工程示范企业", target: 20, unit: "家",
                      source: "培育省级食品安全放心工程示范企业20家", actual: 21),
        ]
        return p
    }

    /// A later plan naming 省质监局 by its successor after the 2018 reform.
    static func reformed() -> Plan {
        let end = Day("2019-12-31")!
        return Plan(id: "gansu-2019", title: "2019年质量工作要点", period: Period(start: Day("2019-01-01")!, end: end),
                    sections: [Section(number: "一", title: "质量提升")],
                    tasks: [
                        PlanTask(key: "1.1", number: "一", section: 0, title: "开展质量提升行动", text: "开展质量提升行动。",
                                 assignments: [Assignment(department: "省市场监管局", role: .lead)], due: end,
                                 status: .inProgress, progress: 50),
                        PlanTask(key: "1.2", number: "二", section: 0, title: "推进标准化改革", text: "推进标准化改革。",
                                 assignments: [Assignment(department: "省财政厅", role: .lead),
                                               Assignment(department: "省市场监管局", role: .cooperate)], due: end),
                    ])
    }
}
