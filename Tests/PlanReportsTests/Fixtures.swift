import PlanModel

/// A plan with one task in each state an assessment distinguishes, as of 2014-10-01:
/// 1.1 done on time, 1.2 done late, 1.3 in progress (not due), 2.1 overdue, 2.2 behind.
enum Fixture {
    static let asOf = Day("2014-10-01")!
    static let evaluation = Evaluation(today: asOf, dueSoonDays: 30)

    static func plan() -> Plan {
        func t(_ key: String, _ section: Int, _ title: String, _ a: [(String, Role)], due: String,
               status: TaskStatus, progress: Int, notes: [Note] = []) -> PlanTask {
            PlanTask(key: key, number: String(key.split(separator: ".")[1]), section: section, title: title,
                     text: title + "具体内容。", assignments: a.map { Assignment(department: $0.0, role: $0.1) },
                     due: Day(due)!, status: status, progress: progress, notes: notes)
        }
        var p = Plan(id: "test-2014", title: "测试省2014年行动计划", issuer: "测试省人民政府",
                     issued: Day("2014-04-28"), period: Period(start: Day("2014-01-01")!, end: Day("2014-12-31")!),
                     sections: [Section(number: "一", title: "强化质量基础"), Section(number: "二", title: "提升质量水平")],
                     tasks: [])
        p.replaceTasks([
            t("1.1", 0, "完善质量法规", [("省质监局", .lead), ("省工商局", .cooperate)], due: "2014-06-30",
              status: .done, progress: 100),
            t("1.2", 0, "建立质量信用, 档案", [("省质监局", .lead), ("省商务厅", .cooperate)], due: "2014-06-30",
              status: .done, progress: 100),
            t("1.3", 0, "推进标准化\"示范\"", [("省商务厅", .lead), ("省质监局", .cooperate)], due: "2014-12-31",
              status: .inProgress, progress: 50,
              notes: [Note(time: "2014-09-20T10:00:00+08:00", user: "shangwu", department: "省商务厅", text: "已完成试点遴选")]),
            t("2.1", 1, "开展质量提升行动", [("省工商局", .lead)], due: "2014-09-01",
              status: .inProgress, progress: 30,
              notes: [Note(time: "2014-05-02T09:00:00+08:00", user: "gongshang", department: "省工商局", text: "启动")]),
            t("2.2", 1, "加强质量监管", [("省工商局", .joint), ("省质监局", .joint)], due: "2014-12-31",
              status: .behind, progress: 10),
        ])
        return p
    }

    /// The journal says 1.1 was done on 2014-06-20 and 1.2 on 2014-07-15 (late).
    static let journal: [JournalEntry] = [
        JournalEntry(seq: 1, time: "2014-06-20T10:00:00+08:00", user: "zhijian", plan: "test-2014", task: "1.1",
                     field: "status", old: .string("in_progress"), new: .string("done")),
        JournalEntry(seq: 2, time: "2014-07-15T10:00:00+08:00", user: "zhijian", plan: "test-2014", task: "1.2",
                     field: "status", old: .string("in_progress"), new: .string("done")),
    ]
}
