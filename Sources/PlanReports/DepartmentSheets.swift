import OfficeFiles
import PlanModel

extension DepartmentAcrossPlans {
    /// One sheet per plan of the department's tasks.
    public func workbook(_ c: OfficeContext, asOf: [String: Day]) -> WorkbookSpec {
        let l = c.labels
        let heading = l.s("部门任务", "Department tasks") + l.s("：", ": ") + names.joined(separator: " = ")
        var order: [String] = []
        var byPlan: [String: [Entry]] = [:]
        for e in entries {
            if byPlan[e.planID] == nil { order.append(e.planID) }
            byPlan[e.planID, default: []].append(e)
        }
        let header = [l.plan, l.task, l.department, l.roleWord, l.statusWord, l.progress, l.due, l.lightShort, l.title]
        let sheets = order.map { id -> SheetSpec in
            let mine = byPlan[id]!
            let rows: [[SheetCell]] = mine.map { e in
                [.text(e.planID), .text(e.key), .text(e.nameInPlan), .text(e.roles.map { l.role($0) }.joined(separator: "、")),
                 .text(e.status.label(l.en)), .percent(Double(e.progress) / 100), .date(e.due.calendarDate),
                 .filled(l.light(e.light), rgb: e.light.rgb), .text(e.title)]
            }
            let line = asOf[id].map { c.asOfLine(plan: id, asOf: $0) } ?? id
            return SheetSpec(name: id, titleLines: [heading, mine[0].planTitle, line], tables: [SheetTable(header: header, rows: rows)])
        }
        return WorkbookSpec(title: heading, author: c.office, sheets: sheets)
    }
}

extension DepartmentAcrossPlans {
    /// One row per task, plan and key kept as text in CSV.
    public func table(english: Bool = false) -> Table {
        let l = Labels(en: english)
        return Table(header: [l.plan, l.task, l.department, l.roleWord, l.statusWord, l.progress, l.due, l.lightShort, l.title],
                     rows: entries.map { e in
                         [e.planID, e.key, e.nameInPlan, e.roles.map { l.role($0) }.joined(separator: "、"), e.status.label(english),
                          "\(e.progress)%", e.due.description, l.light(e.light), e.title]
                     },
                     numeric: [5], textColumns: [0, 1])
    }
}
