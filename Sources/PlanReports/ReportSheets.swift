import OfficeFiles
import PlanModel

/// The progress report as typed sheets: keys as text, progress as percentages,
/// dates as dates, lights as coloured cells.
struct ReportSheets {
    let r: ProgressReport
    let c: OfficeContext
    var l: Labels { c.labels }
    var text: ReportTables { ReportTables(r: r, l: l) }

    var titleLines: [String] {
        [l.s("进度报告", "Progress report") + l.s("：", ": ") + r.title, c.asOfLine(plan: r.planID, asOf: r.asOf)]
    }

    func light(_ x: Light) -> SheetCell { .filled(l.light(x), rgb: x.rgb) }

    static func deadlineCells(_ c: DeadlineCounts) -> [SheetCell] {
        [.integer(c.doneWithinExtension), .integer(c.doneLate), .integer(c.returns)]
    }

    /// Sections with their completion, and the plan's total below; the chart reads the first.
    var sections: SheetTable {
        SheetTable(header: text.sections.header, rows: r.sections.map { s in
            [.text("\(s.number)、\(s.title)"), .integer(s.tally.total), .integer(s.tally.count(.done)),
             .integer(s.tally.count(.inProgress)), .integer(s.tally.count(.red)), .percent(s.tally.completion / 100)]
        })
    }

    var summary: SheetTable {
        let t = r.summary
        return SheetTable(caption: l.s("总体情况", "Summary"), header: text.summary.header, rows: [[
            .integer(t.total), .integer(t.count(.done)), .integer(t.count(.inProgress)), .integer(t.count(.notStarted)),
            .integer(t.count(.behind)), .integer(t.count(.red)), .integer(t.count(.yellow)), .integer(t.count(.green)),
            .percent(t.completion / 100),
        ] + Self.deadlineCells(r.deadlines)])
    }

    var departments: SheetTable {
        SheetTable(header: text.departments.header, rows: r.departments.map { d in
            [.text(d.department), .integer(d.lead), .integer(d.cooperate), .integer(d.joint), .integer(d.implement),
             .integer(d.total), .integer(d.done), .integer(d.inProgress), .integer(d.overdue)] + Self.deadlineCells(d.deadlines)
        })
    }

    var attention: SheetTable {
        SheetTable(header: text.attention.header, rows: r.attention.map { a in
            [.text(a.key), .text(a.title), light(a.light), .text(a.status.label(l.en)), .percent(Double(a.progress) / 100),
             .date(a.due.calendarDate), .text(a.leads.joined(separator: "、")), .text(a.others.joined(separator: "、")),
             .text(a.latestNote.map { "\($0.time.prefix(10)) \($0.text)" } ?? "")]
        })
    }

    func notes(_ rows: [ProgressReport.NoteRow]) -> SheetTable {
        SheetTable(header: text.notes.header, rows: rows.map { n in
            [Day(n.note.time.prefix(10)).map { .date($0.calendarDate) } ?? .text(String(n.note.time.prefix(10))),
             .text(n.key), .text(n.note.department ?? ""), .text(n.note.user), .text(n.note.text)]
        })
    }

    func changes(_ w: ReportWindow) -> SheetTable {
        SheetTable(header: ReportTables.changesHeader(l), rows: w.changes.map { ch in
            [.date(ch.day.calendarDate), .text(ch.key), .text(ch.title), .text(l.change(ch)), .text(ch.user)]
        })
    }

    var indicators: SheetTable {
        SheetTable(header: text.indicators.header, rows: text.indicators.rows.map { $0.map { .text($0) } })
    }

    /// One row per task, every column typed; the plan's main table.
    var tasks: SheetTable {
        SheetTable(header: [l.plan] + text.tasks.header.dropFirst(), rows: zip(r.tasks, r.taskDeadlines).map { tx, d in
            let (t, x) = tx
            let section = r.sections.indices.contains(t.section) ? "\(r.sections[t.section].number)、\(r.sections[t.section].title)" : ""
            let last = t.notes.last
            return [.text(r.planID), .text(t.key), .text(t.number), .text(section), .text(t.title),
                    .text(t.status.label(l.en)), .percent(Double(t.effectiveProgress) / 100), light(x),
                    .date(t.due.calendarDate), .text(t.departments(.lead).joined(separator: "、")),
                    .text(t.departments(.cooperate).joined(separator: "、")), .text(t.departments(.joint).joined(separator: "、")),
                    .text(t.departments(.implement).joined(separator: "、")),
                    last.flatMap { Day($0.time.prefix(10)) }.map { .date($0.calendarDate) } ?? .empty,
                    .text(last?.text ?? ""), d.originalDue.map { .date($0.calendarDate) } ?? .empty,
                    d.timing.map { .text(l.timing($0)) } ?? .empty, .integer(d.returns)]
        })
    }

    var completionChart: BarChartSpec {
        BarChartSpec(title: l.s("各分项完成度", "Completion by section"), table: 0, categoryColumn: 0, valueColumn: 5, percent: true)
    }

    /// The sheets of one plan's report; `prefix` tells plans apart in a workbook of several.
    func sheets(prefix: String = "") -> [SheetSpec] {
        var out = [
            SheetSpec(name: prefix + l.s("分项进展", "Sections"), titleLines: titleLines, tables: [sections, summary],
                      chart: completionChart),
            SheetSpec(name: prefix + l.s("任务", "Tasks"), titleLines: titleLines, tables: [tasks]),
            SheetSpec(name: prefix + l.s("部门", "Departments"), titleLines: titleLines, tables: [departments]),
            SheetSpec(name: prefix + l.s("逾期滞后", "Overdue"), titleLines: titleLines, tables: [attention]),
        ]
        if let w = r.window {
            let span = l.s("\(w.from) 至 \(w.to)", "\(w.from) to \(w.to)")
            out.append(SheetSpec(name: prefix + l.s("本期变化", "Changes"), titleLines: titleLines + [span], tables: [changes(w)]))
            out.append(SheetSpec(name: prefix + l.s("本期进展", "Notes"), titleLines: titleLines + [span], tables: [notes(w.notes)]))
        } else {
            out.append(SheetSpec(name: prefix + l.s("近期进展", "Notes"), titleLines: titleLines, tables: [notes(r.recentNotes)]))
        }
        if !r.indicators.isEmpty {
            out.append(SheetSpec(name: prefix + l.s("量化指标", "Indicators"), titleLines: titleLines, tables: [indicators]))
        }
        return out
    }
}

extension ProgressReport {
    /// One plan's workbook: sections with a completion chart, tasks, departments,
    /// overdue tasks, notes (or the window's changes and notes), indicators.
    public func workbook(_ c: OfficeContext) -> WorkbookSpec {
        let s = ReportSheets(r: self, c: c)
        return WorkbookSpec(title: s.titleLines[0], author: c.office, sheets: s.sheets())
    }

    /// Several plans in one workbook: an overview with a chart of completion by
    /// plan, then one sheet of tasks per plan.
    public static func workbook(_ reports: [ProgressReport], _ c: OfficeContext) -> WorkbookSpec {
        let l = c.labels
        let title = l.s("行动计划进度报告", "Progress report on the action plans")
        let asOf = reports.map(\.asOf).max().map { l.s("截至 \($0)　\(c.office)", "as of \($0) · \(c.office)") } ?? c.office
        let overview = SheetTable(
            header: [l.plan, l.title, l.s("截至", "as of"), l.tasks,
                     TaskStatus.done.label(l.en), TaskStatus.inProgress.label(l.en), TaskStatus.notStarted.label(l.en),
                     TaskStatus.behind.label(l.en), l.light(.red), l.light(.yellow), l.light(.green), l.completion]
                + ReportTables.deadlineHeader(l),
            rows: reports.map { r in
                let t = r.summary
                return [.text(r.planID), .text(r.title), .date(r.asOf.calendarDate), .integer(t.total), .integer(t.count(.done)),
                        .integer(t.count(.inProgress)), .integer(t.count(.notStarted)), .integer(t.count(.behind)),
                        .integer(t.count(.red)), .integer(t.count(.yellow)), .integer(t.count(.green)), .percent(t.completion / 100)]
                    + ReportSheets.deadlineCells(r.deadlines)
            })
        var sheets = [SheetSpec(name: l.s("总览", "Overview"), titleLines: [title, asOf], tables: [overview],
                                chart: BarChartSpec(title: l.s("各计划完成度", "Completion by plan"), categoryColumn: 1,
                                                    valueColumn: 11, percent: true))]
        for r in reports {
            let s = ReportSheets(r: r, c: c)
            var tables = [s.tasks, s.sections]
            if let w = r.window {
                // What happened in the window, below the plan's figures.
                let span = l.s("\(w.from)至\(w.to)", "\(w.from) to \(w.to)")
                var changes = s.changes(w), notes = s.notes(w.notes)
                changes.caption = l.s("本期变化（\(span)）", "Changes (\(span))")
                notes.caption = l.s("本期进展（\(span)）", "Notes (\(span))")
                tables += [changes, notes]
            }
            sheets.append(SheetSpec(name: r.planID, titleLines: s.titleLines, tables: tables,
                                    chart: BarChartSpec(title: s.completionChart.title, table: 1, categoryColumn: 0,
                                                        valueColumn: 5, percent: true)))
        }
        return WorkbookSpec(title: title, author: c.office, sheets: sheets)
    }
}
