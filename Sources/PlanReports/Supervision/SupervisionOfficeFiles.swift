import OfficeFiles
import PlanModel

/// The supervision reports as workbooks and official documents, through the
/// same writers as the progress report: a round's status and summary, and
/// the chase notices.
extension RoundStatusReport {
    public func workbook(_ c: OfficeContext) -> WorkbookSpec {
        let l = c.labels
        let t = table(english: c.english)
        let rows: [[SheetCell]] = tally.rows.map { r in
            [.text(r.department), .integer(r.expected), .integer(r.onTime), .integer(r.late),
             r.missing > 0 ? .filled(String(r.missing), rgb: 0xFF0000) : .integer(0), .integer(chases[r.department] ?? 0)]
        } + [[.text(l.s("合计", "Total")), .integer(tally.expected), .integer(tally.onTime), .integer(tally.lateCount),
              .integer(tally.missingCount), .integer(tally.rows.reduce(0) { $0 + (chases[$1.department] ?? 0) })]]
        let owed = tally.missing.map { [SheetCell.text($0.task), .text($0.department)] }
        let head = l.s("\(round.name) 报送情况", "\(round.name): reporting")
        let sheet = SheetSpec(
            name: l.s("报送情况", "Reporting"),
            titleLines: [head, l.s("截止 \(round.due)　\(c.office)", "Due \(round.due) · \(c.office)")],
            tables: [SheetTable(header: t.header, rows: rows),
                     SheetTable(caption: l.s("未报事项", "Feedback missing"), header: [l.s("任务", "Task"), l.s("单位", "Department")], rows: owed)],
            chart: BarChartSpec(title: l.s("各单位未报数", "Missing by department"), categoryColumn: 0, valueColumn: 4, percent: false))
        return WorkbookSpec(title: head, author: c.office, sheets: [sheet])
    }
}

extension RoundSummary {
    public func workbook(_ c: OfficeContext) -> WorkbookSpec {
        let l = c.labels
        var rows: [[SheetCell]] = []
        for t in tasks {
            for e in t.entries {
                let f = e.feedback
                rows.append([.text(t.key), .text(t.title), .text(e.department), .text(e.role.map { l.role($0) } ?? ""),
                             e.timing == nil ? .filled(timingLabel(e, l), rgb: 0xFF0000) : .text(timingLabel(e, l)),
                             f?.progress.map { .integer($0) } ?? .empty, .text(f?.time ?? ""), .text(f?.text ?? ""),
                             .text(f?.evidence ?? ""), .text(f?.onBehalf == true ? l.s("代报", "on behalf") : "")])
            }
        }
        let head = l.s("\(planTitle) \(round.name) 工作进展情况汇总", "\(planTitle): summary of \(round.name)")
        let header = [l.s("任务", "Task"), l.s("标题", "Title"), l.s("单位", "Department"), l.s("职责", "Role"),
                      l.s("报送", "Reported"), l.s("进度", "Progress"), l.s("时间", "Time"), l.s("情况", "Feedback"),
                      l.s("佐证材料", "Evidence"), l.s("备注", "Remark")]
        let missing = notReported.map { [SheetCell.text($0.department), .integer($0.tasks.count), .text($0.tasks.joined(separator: "、"))] }
        return WorkbookSpec(title: head, author: c.office, sheets: [
            SheetSpec(name: l.s("汇总", "Summary"), titleLines: [head, l.s("报送截止 \(round.due)", "Due \(round.due)")],
                      tables: [SheetTable(header: header, rows: rows)]),
            SheetSpec(name: l.s("未报送单位", "Not reported"), titleLines: [l.s("未报送单位", "Units that have not reported")],
                      tables: [SheetTable(header: [l.s("单位", "Department"), l.s("未报项数", "Items"), l.s("任务", "Tasks")], rows: missing)]),
        ])
    }

    public func document(_ c: OfficeContext, date: Day) -> OfficialDocument {
        let l = c.labels
        var body: [DocBlock] = [.paragraph(l.s("现将各成员单位\(round.name)工作进展情况汇总如下（报送截止\(round.due.calendarDate.chinese)）。",
                                                "The members' feedback for \(round.name) (due \(round.due)) is compiled below."))]
        for t in tasks {
            body.append(.heading(1, "\(t.key) \(t.title)"))
            for e in t.entries {
                var p = e.department + (e.role.map { "（\(l.role($0))）" } ?? "") + l.s("：", ": ")
                if let f = e.feedback {
                    p += f.text.replacing("\n", with: " ")
                    if let pr = f.progress { p += l.s("（本单位进度\(pr)%）", " (own part \(pr)%)") }
                    if let ev = f.evidence { p += l.s("［佐证：\(ev)］", " [evidence: \(ev)]") }
                    if f.onBehalf { p += l.s("［代报］", " [filed by the office]") }
                    if e.timing == .late { p += l.s("［逾期报送］", " [late]") }
                } else {
                    p += l.s("未报送。", "not reported.")
                }
                body.append(.paragraph(p))
            }
        }
        body.append(.heading(1, l.s("未报送单位", "Units that have not reported")))
        body.append(notReported.isEmpty ? .paragraph(l.s("无。", "None."))
                    : .table(DocTable(header: [l.s("单位", "Department"), l.s("未报事项", "Tasks")],
                                      rows: notReported.map { [$0.department, $0.tasks.joined(separator: "、")] })))
        return OfficialDocument(title: l.s("\(planTitle)\(round.name)工作进展情况汇总", "\(planTitle): summary of \(round.name)"),
                                subtitle: round.coversTo.map { l.s("（情况截至\($0.calendarDate.chinese)）", "(covering up to \($0))") },
                                body: body, issuer: c.office, date: date.calendarDate, english: c.english)
    }
}

extension ChaseNotice {
    public func document(_ c: OfficeContext) -> OfficialDocument {
        let l = c.labels
        let en = c.english
        let rows = chase.items.map { i -> [String] in
            let (title, due) = tasks[i.task] ?? ("", chase.date)
            return [i.task, title, due.description, owed(i, en), en ? settings.label(i.step).en : settings.label(i.step).zh]
        }
        let body: [DocBlock] = [
            .paragraph(chase.department + l.s("：", ":")),
            .paragraph(l.s("经梳理，贵单位承担的以下任务存在超期、临近截止或未按时报送进展情况等问题。请高度重视，抓紧推进，并于\(chase.reply.calendarDate.chinese)前将办理情况书面反馈\(office)。",
                           "The following tasks of your department are overdue, due soon or lack the feedback asked for. Please act on them and report to \(office) by \(chase.reply).")),
            .table(DocTable(header: [l.s("任务", "Task"), l.s("标题", "Title"), l.s("截止日期", "Due"), l.s("事项", "Owed"), l.s("催办次数", "Chase")],
                            rows: rows)),
        ]
        return OfficialDocument(title: title(english: en), body: body, issuer: office, date: chase.date.calendarDate, english: en)
    }
}

/// Every chase of one run in one workbook: a row per (department, item).
public enum ChaseWorkbook {
    public static func workbook(_ notices: [ChaseNotice], _ c: OfficeContext) -> WorkbookSpec {
        let l = c.labels
        var rows: [[SheetCell]] = []
        for n in notices {
            for i in n.chase.items {
                let (title, due) = n.tasks[i.task] ?? ("", n.chase.date)
                let step = c.english ? n.settings.label(i.step).en : n.settings.label(i.step).zh
                rows.append([.text(n.chase.department), .text(i.task), .text(title), .date(due.calendarDate),
                             .text(n.owed(i, c.english)), i.step > 1 ? .filled(step, rgb: 0xFFC000) : .text(step),
                             .date(n.chase.reply.calendarDate)])
            }
        }
        let head = l.s("催办清单", "Chase list")
        let date = notices.first?.chase.date
        return WorkbookSpec(title: head, author: c.office, sheets: [SheetSpec(
            name: head, titleLines: [head + (date.map { "　\($0)" } ?? ""), c.office],
            tables: [SheetTable(header: [l.s("单位", "Department"), l.s("任务", "Task"), l.s("标题", "Title"), l.s("截止日期", "Due"),
                                         l.s("事项", "Owed"), l.s("催办", "Chase"), l.s("反馈时限", "Reply by")], rows: rows)])])
    }
}
