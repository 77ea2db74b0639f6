import PlanModel

/// The tables of a progress report, shared by every format.
struct ReportTables {
    let r: ProgressReport
    let l: Labels

    var summary: Table {
        let t = r.summary
        return Table(
            header: [l.s("任务", "tasks"), TaskStatus.done.label(l.en), TaskStatus.inProgress.label(l.en),
                     TaskStatus.notStarted.label(l.en), TaskStatus.behind.label(l.en),
                     l.light(.red), l.light(.yellow), l.light(.green), l.s("完成度", "completion")],
            rows: [[String(t.total), String(t.count(.done)), String(t.count(.inProgress)),
                    String(t.count(.notStarted)), String(t.count(.behind)), String(t.count(.red)),
                    String(t.count(.yellow)), String(t.count(.green)), l.percent(t.completion)]],
            numeric: Set(0...8))
    }

    var sections: Table {
        Table(header: [l.s("章节", "section"), l.s("任务", "tasks"), TaskStatus.done.label(l.en),
                       TaskStatus.inProgress.label(l.en), l.s("逾期", "overdue"), l.s("完成度", "completion")],
              rows: r.sections.map { s in
                  ["\(s.number)、\(s.title)", String(s.tally.total), String(s.tally.count(.done)),
                   String(s.tally.count(.inProgress)), String(s.tally.count(.red)), l.percent(s.tally.completion)]
              },
              numeric: Set(1...5))
    }

    var departments: Table {
        Table(header: [l.s("部门", "department"), l.role(.lead), l.role(.cooperate), l.role(.joint),
                       l.role(.implement), l.s("任务", "tasks"), TaskStatus.done.label(l.en),
                       TaskStatus.inProgress.label(l.en), l.s("逾期", "overdue")],
              rows: r.departments.map { d in
                  [d.department, String(d.lead), String(d.cooperate), String(d.joint), String(d.implement),
                   String(d.total), String(d.done), String(d.inProgress), String(d.overdue)]
              },
              numeric: Set(1...8))
    }

    var attention: Table {
        Table(header: [l.s("任务", "task"), l.s("标题", "title"), l.s("灯", "light"), l.s("状态", "status"),
                       l.s("进度", "progress"), l.s("期限", "due"), l.s("牵头", "lead"),
                       l.s("其他责任单位", "others"), l.s("最新进展", "latest note")],
              rows: r.attention.map { a in
                  [a.key, a.title, l.light(a.light), a.status.label(l.en), "\(a.progress)%", a.due.description,
                   a.leads.joined(separator: "、"), a.others.joined(separator: "、"),
                   a.latestNote.map { "\($0.time.prefix(10)) \($0.text)" } ?? ""]
              },
              numeric: [4])
    }

    var notes: Table {
        Table(header: [l.s("日期", "date"), l.s("任务", "task"), l.s("部门", "department"), l.s("用户", "user"),
                       l.s("内容", "note")],
              rows: r.recentNotes.map { n in
                  [String(n.note.time.prefix(10)), n.key, n.note.department ?? "", n.note.user, n.note.text]
              })
    }

    static func changesHeader(_ l: Labels) -> [String] {
        [l.s("日期", "date"), l.s("任务", "task"), l.s("标题", "title"), l.s("变化", "change"), l.s("用户", "user")]
    }

    func changes(_ w: ReportWindow) -> Table {
        Table(header: Self.changesHeader(l), rows: w.changes.map { c in [c.day.description, c.key, c.title, l.change(c), c.user] })
    }

    func notes(_ rows: [ProgressReport.NoteRow]) -> Table {
        Table(header: notes.header, rows: rows.map { n in
            [String(n.note.time.prefix(10)), n.key, n.note.department ?? "", n.note.user, n.note.text]
        })
    }

    var indicators: Table {
        Table(header: [l.s("指标", "indicator"), l.s("任务", "task"), l.s("目标", "target"),
                       l.s("实际", "actual"), l.s("达标", "met")],
              rows: r.indicators.map { i in
                  let target = (i.comparison == .atLeast ? "≥" : "") + l.number(i.target) + i.unit
                  let actual = i.actual.map { l.number($0) + i.unit } ?? "-"
                  let met = i.met.map { $0 ? l.s("是", "yes") : l.s("否", "no") } ?? "-"
                  return [i.name, i.taskKey ?? l.s("目标", "goal"), target, actual, met]
              })
    }

    /// One row per task: the CSV form of the report.
    var tasks: Table {
        Table(header: ["plan", l.s("任务", "task"), l.s("序号", "number"), l.s("章节", "section"),
                       l.s("标题", "title"), l.s("状态", "status"), l.s("进度", "progress"),
                       l.s("灯", "light"), l.s("期限", "due"), l.role(.lead), l.role(.cooperate),
                       l.role(.joint), l.role(.implement), l.s("最新进展日期", "latest note date"),
                       l.s("最新进展", "latest note")],
              rows: r.tasks.map { t, light in
                  [r.planID, t.key, t.number, String(t.section + 1), t.title, t.status.label(l.en),
                   String(t.effectiveProgress), l.light(light), t.due.description,
                   t.departments(.lead).joined(separator: "、"), t.departments(.cooperate).joined(separator: "、"),
                   t.departments(.joint).joined(separator: "、"), t.departments(.implement).joined(separator: "、"),
                   t.notes.last.map { String($0.time.prefix(10)) } ?? "", t.notes.last?.text ?? ""]
              },
              numeric: [6], textColumns: [0, 1, 2])
    }
}

extension ProgressReport {
    /// The report in one format. `english` switches headings; plan text stays as written.
    public func render(_ format: ReportFormat, english: Bool = false) -> String {
        let l = Labels(en: english)
        let t = ReportTables(r: self, l: l)
        if format == .csv { return CSVWriter.document(t.tasks) }
        var parts: [(String, Table?)] = [
            (l.s("总体情况", "Summary"), t.summary),
            (l.s("分章节进展", "By section"), t.sections),
            (l.s("分部门进展", "By department"), t.departments),
            (l.s("逾期和滞后任务", "Overdue and behind"), attention.isEmpty ? nil : t.attention),
        ]
        if let w = window {
            let span = l.s("\(w.from)至\(w.to)", "\(w.from) to \(w.to)")
            parts.append((l.s("本期变化（\(span)）", "Changes (\(span))"), w.changes.isEmpty ? nil : t.changes(w)))
            parts.append((l.s("本期进展（\(span)）", "Notes (\(span))"), w.notes.isEmpty ? nil : t.notes(w.notes)))
        } else {
            parts.append((l.s("近\(noteDays)天进展", "Notes of the last \(noteDays) days"), recentNotes.isEmpty ? nil : t.notes))
        }
        if !indicators.isEmpty { parts.append((l.s("量化指标", "Indicators"), t.indicators)) }
        let none = l.s("（无）", "(none)")
        let heading = l.s("进度报告", "Progress report") + l.s("：", ": ") + title
        let asOfLine = l.s("截至 \(asOf)　计划 \(planID)", "As of \(asOf), plan \(planID)")
        switch format {
        case .md:
            var out = "# \(heading)\n\n\(asOfLine)\n"
            for (h, table) in parts { out += "\n## \(h)\n\n" + (table.map(TableWriter.markdown) ?? "\(none)\n") }
            return out
        case .txt, .csv, .xlsx, .docx:
            var out = "\(heading)\n\(asOfLine)\n"
            for (h, table) in parts {
                out += "\n\(h)\n\(String(repeating: "=", count: h.displayWidth))\n" + (table.map(TableWriter.text) ?? "\(none)\n")
            }
            return out
        }
    }
}

extension Assessment {
    public func table(english: Bool = false) -> Table {
        let l = Labels(en: english)
        return Table(
            header: [l.s("名次", "rank"), l.s("部门", "department"), l.s("任务", "tasks"),
                     l.s("按时完成", "done on time"), l.s("逾期完成", "done late"),
                     TaskStatus.inProgress.label(english), TaskStatus.notStarted.label(english),
                     l.s("逾期未完成", "overdue"), l.s("得分", "score"), l.s("等级", "grade")],
            rows: rows.map { r in
                [r.rank == 0 ? "-" : String(r.rank), r.department, String(r.tasks), String(r.doneOnTime),
                 String(r.doneLate), String(r.inProgress), String(r.notStarted), String(r.overdue),
                 r.score.map { String(format1: $0) } ?? "-", r.grade]
            },
            numeric: [0, 2, 3, 4, 5, 6, 7, 8])
    }

    /// The scoring rules in one sentence.
    func rulesLine(_ l: Labels) -> String {
        let w = rules.roleWeights
        return l.s(
            "评分：牵头×\(l.number(w[.lead] ?? 0))、共同负责×\(l.number(w[.joint] ?? 0))、具体实施×\(l.number(w[.implement] ?? 0))、配合×\(l.number(w[.cooperate] ?? 0))；按时完成\(l.number(rules.doneOnTime))分，逾期完成\(l.number(rules.doneLate))分，未到期按进度计至多\(l.number(rules.inProgress))分，逾期未完成\(l.number(rules.overdue))分；A≥\(l.number(rules.gradeA))，B≥\(l.number(rules.gradeB))，C≥\(l.number(rules.gradeC))，其余为D。",
            "Scoring: lead ×\(l.number(w[.lead] ?? 0)), joint ×\(l.number(w[.joint] ?? 0)), implement ×\(l.number(w[.implement] ?? 0)), cooperate ×\(l.number(w[.cooperate] ?? 0)); done on time \(l.number(rules.doneOnTime)), done late \(l.number(rules.doneLate)), not yet due up to \(l.number(rules.inProgress)) by progress, overdue \(l.number(rules.overdue)); A ≥ \(l.number(rules.gradeA)), B ≥ \(l.number(rules.gradeB)), C ≥ \(l.number(rules.gradeC)), else D.")
    }

    public func render(_ format: ReportFormat, english: Bool = false, title: String) -> String {
        let l = Labels(en: english)
        let t = table(english: english)
        if format == .csv { return CSVWriter.document(t) }
        let heading = l.s("年度考核", "Annual assessment") + l.s("：", ": ") + title
        let rulesText = rulesLine(l)
        let asOfLine = l.s("截至 \(asOf)　计划 \(planID)", "As of \(asOf), plan \(planID)")
        switch format {
        case .md: return "# \(heading)\n\n\(asOfLine)\n\n\(rulesText)\n\n" + TableWriter.markdown(t)
        case .txt, .csv, .xlsx, .docx: return "\(heading)\n\(asOfLine)\n\(rulesText)\n\n" + TableWriter.text(t)
        }
    }
}

extension String {
    /// One decimal place, without Foundation's locale-dependent formatting.
    init(format1 d: Double) {
        let tenths = Int((d * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
