import OfficeFiles
import PlanModel

/// The progress report as an official document: the figures in a sentence, a
/// bar per section, the tables, and the task list as an attachment.
struct ReportDocumentContent {
    let r: ProgressReport
    let c: OfficeContext
    var l: Labels { c.labels }
    var t: ReportTables { ReportTables(r: r, l: l) }

    var opening: String {
        let s = r.summary, d = r.deadlines
        let deadlines = d == DeadlineCounts() ? "" : l.s(
            "其中延期内完成\(d.doneWithinExtension)项、超期完成\(d.doneLate)项，办结申请被退回\(d.returns)次。",
            " Of the done tasks \(d.doneWithinExtension) were done within an approved extension and \(d.doneLate) late; closure requests were returned \(d.returns) times.")
        return l.s(
            "截至\(r.asOf.calendarDate.chinese)，计划共有任务\(s.total)项，已完成\(s.count(.done))项，进行中\(s.count(.inProgress))项，未开始\(s.count(.notStarted))项，滞后\(s.count(.behind))项；红灯\(s.count(.red))项、黄灯\(s.count(.yellow))项，总体完成度\(l.percent(s.completion))。",
            "As of \(r.asOf), the plan has \(s.total) tasks: \(s.count(.done)) done, \(s.count(.inProgress)) in progress, \(s.count(.notStarted)) not started and \(s.count(.behind)) behind; \(s.count(.red)) red and \(s.count(.yellow)) yellow lights; overall completion \(l.percent(s.completion)).") + deadlines
    }

    func table(_ x: Table) -> DocBlock { .table(DocTable(header: x.header, rows: x.rows, numeric: x.numeric)) }

    /// Headings from `level` down; a report of several plans puts each one level deeper.
    func body(level: Int) -> [DocBlock] {
        let none = l.s("无。", "None.")
        var out: [DocBlock] = [
            .heading(level, l.s("总体情况", "Summary")),
            .paragraph(opening),
            .bars(r.sections.map { s in
                DocBar(label: "\(s.number)、\(s.title)", fraction: s.tally.completion / 100, value: l.percent(s.tally.completion))
            }),
            .heading(level, l.bySection), table(t.sections),
            .heading(level, l.s("分部门进展", "By department")), table(t.departments),
            .heading(level, l.s("逾期和滞后任务", "Overdue and behind")),
            r.attention.isEmpty ? .paragraph(none) : table(t.attention),
        ]
        if let w = r.window {
            let span = l.s("\(w.from.calendarDate.chinese)至\(w.to.calendarDate.chinese)", "\(w.from) to \(w.to)")
            out += [.heading(level, l.s("本期变化（\(span)）", "Changes (\(span))")),
                    w.changes.isEmpty ? .paragraph(none) : table(t.changes(w)),
                    .heading(level, l.s("本期进展（\(span)）", "Notes (\(span))")),
                    w.notes.isEmpty ? .paragraph(none) : table(t.notes(w.notes))]
        } else {
            out += [.heading(level, l.s("近\(r.noteDays)天进展", "Notes of the last \(r.noteDays) days")),
                    r.recentNotes.isEmpty ? .paragraph(none) : table(t.notes)]
        }
        if !r.indicators.isEmpty { out += [.heading(level, l.s("量化指标", "Indicators")), table(t.indicators)] }
        return out
    }

    /// Every task with its lead, status, progress, due date and light.
    var taskList: DocAttachment {
        let rows = r.tasks.map { task, light in
            [task.key, task.title, task.departments(.lead).joined(separator: "、"), task.status.label(l.en),
             "\(task.effectiveProgress)%", task.due.description, l.light(light)]
        }
        let header = [l.task, l.title, l.role(.lead), l.statusWord, l.progress, l.due, l.lightShort]
        return DocAttachment(title: r.title + l.s("任务清单", ": task list"),
                             body: [.table(DocTable(header: header, rows: rows, numeric: [4]))])
    }

    var subtitle: String {
        if let w = r.window {
            return l.s("（\(w.from.calendarDate.chinese)至\(w.to.calendarDate.chinese)）", "(\(w.from) to \(w.to))")
        }
        return l.s("（截至\(r.asOf.calendarDate.chinese)）", "(as of \(r.asOf))")
    }
}

extension ProgressReport {
    /// One plan's report as an official document.
    public func document(_ c: OfficeContext) -> OfficialDocument {
        let d = ReportDocumentContent(r: self, c: c)
        return OfficialDocument(title: title + c.labels.s("进展情况报告", ": progress report"), subtitle: d.subtitle,
                                body: d.body(level: 1), issuer: c.office, date: asOf.calendarDate,
                                attachments: [d.taskList], english: c.english)
    }

    /// Several plans in one document: a part per plan, a task list per plan attached.
    public static func document(_ reports: [ProgressReport], _ c: OfficeContext) -> OfficialDocument {
        let l = c.labels
        var body: [DocBlock] = []
        var attachments: [DocAttachment] = []
        for r in reports {
            let d = ReportDocumentContent(r: r, c: c)
            body.append(.heading(1, r.title))
            body += d.body(level: 2)
            attachments.append(d.taskList)
        }
        let asOf = reports.map(\.asOf).max() ?? Day(year: 2000, month: 1, day: 1)!
        let subtitle = reports.first?.window != nil ? ReportDocumentContent(r: reports[0], c: c).subtitle
            : l.s("（截至\(asOf.calendarDate.chinese)）", "(as of \(asOf))")
        return OfficialDocument(title: l.s("行动计划进展情况报告", "Progress report on the action plans"), subtitle: subtitle,
                                body: body, issuer: c.office, date: asOf.calendarDate, attachments: attachments,
                                english: c.english)
    }
}
