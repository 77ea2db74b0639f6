import PlanModel

/// The tables of a progress report, shared by every format.
struct ReportTables {
    let r: ProgressReport
    let l: Vocabulary

    var summary: Table {
        let t = r.summary
        return Table(
            header: [l.tasks, l.statusShort(.done), l.statusShort(.inProgress),
                     l.statusShort(.notStarted), l.statusShort(.behind),
                     l.light(.red), l.light(.yellow), l.light(.green), l.completion] + Self.deadlineHeader(l),
            rows: [[String(t.total), String(t.count(.done)), String(t.count(.inProgress)),
                    String(t.count(.notStarted)), String(t.count(.behind)), String(t.count(.red)),
                    String(t.count(.yellow)), String(t.count(.green)), NumberText.percent(t.completion, tenths: true)]
                   + Self.deadlineCells(r.deadlines)],
            numeric: Set(0...11))
    }

    var sections: Table {
        Table(header: [l.section, l.tasks, l.statusShort(.done),
                       l.statusShort(.inProgress), l.overdue, l.completion],
              rows: r.sections.map { s in
                  ["\(s.number)、\(s.title)", String(s.tally.total), String(s.tally.count(.done)),
                   String(s.tally.count(.inProgress)), String(s.tally.count(.red)), NumberText.percent(s.tally.completion, tenths: true)]
              },
              numeric: Set(1...5))
    }

    var departments: Table {
        Table(header: [l.department, l.role(.lead), l.role(.cooperate), l.role(.joint),
                       l.role(.implement), l.tasks, l.statusShort(.done),
                       l.statusShort(.inProgress), l.overdue] + Self.deadlineHeader(l),
              rows: r.departments.map { d in
                  [d.department, String(d.lead), String(d.cooperate), String(d.joint), String(d.implement),
                   String(d.total), String(d.done), String(d.inProgress), String(d.overdue)] + Self.deadlineCells(d.deadlines)
              },
              numeric: Set(1...11))
    }

    /// After a table's own columns, so theirs keep their places: done within
    /// an extension, done late, returns.
    static func deadlineHeader(_ l: Labels) -> [String] { [l.doneWithinExtension, l.doneLate, l.returnsCount] }
    static func deadlineCells(_ c: DeadlineCounts) -> [String] {
        [String(c.doneWithinExtension), String(c.doneLate), String(c.returns)]
    }

    var attention: Table {
        Table(header: [l.task, l.title, l.lightShort, l.statusWord,
                       l.progress, l.due, l.role(.lead),
                       l.others, l.latestNote],
              rows: r.attention.map { a in
                  [a.key, a.title, l.light(a.light), l.statusShort(a.status), "\(a.progress)%", a.due.description,
                   a.leads.joined(separator: "、"), a.others.joined(separator: "、"),
                   a.latestNote.map { "\($0.time.prefix(10)) \($0.text)" } ?? ""]
              },
              numeric: [4])
    }

    var notes: Table {
        Table(header: [l.date, l.task, l.department, l.user, l.note],
              rows: r.recentNotes.map { n in
                  [String(n.note.time.prefix(10)), n.key, n.note.department ?? "", n.note.user, n.note.text]
              })
    }

    static func changesHeader(_ l: Labels) -> [String] {
        [l.date, l.task, l.title, l.change, l.user]
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
        Table(header: [l.indicator, l.task, l.target, l.actual, l.metWord],
              rows: r.indicators.map { i in
                  let target = (i.comparison == .atLeast ? "≥" : "") + NumberText.plain(i.target) + i.unit
                  let actual = i.actual.map { NumberText.plain($0) + i.unit } ?? "-"
                  let met = i.met.map { $0 ? l.yes : l.no } ?? "-"
                  return [i.name, i.taskKey ?? l.goal, target, actual, met]
              })
    }

    /// One row per task: the CSV form of the report.
    var tasks: Table {
        Table(header: ["plan", l.task, l.number, l.section,
                       l.title, l.statusWord, l.progress,
                       l.lightShort, l.due, l.role(.lead), l.role(.cooperate),
                       l.role(.joint), l.role(.implement), l.pick("最新进展日期", "latest note date"),
                       l.latestNote, l.originalDue, l.pick("完成情况", "done"), l.returnsCount],
              rows: zip(r.tasks, r.taskDeadlines).map { x, d in
                  let (t, light) = x
                  return [r.planID, t.key, t.number, String(t.section + 1), t.title, l.statusShort(t.status),
                          String(t.effectiveProgress), l.light(light), t.due.description,
                          t.departments(.lead).joined(separator: "、"), t.departments(.cooperate).joined(separator: "、"),
                          t.departments(.joint).joined(separator: "、"), t.departments(.implement).joined(separator: "、"),
                          t.notes.last.map { String($0.time.prefix(10)) } ?? "", t.notes.last?.text ?? "",
                          d.originalDue?.description ?? "", d.timing.map(l.timing) ?? "", String(d.returns)]
              },
              numeric: [6, 17], textColumns: [0, 1, 2])
    }
}

extension ProgressReport {
    /// The report in one format. `english` switches headings; plan text stays as written.
    public func render(_ format: ReportFormat, english: Bool = false) -> String {
        let l = Vocabulary(english ? .en : .zh)
        let t = ReportTables(r: self, l: l)
        if format == .csv { return CSVWriter.document(t.tasks) }
        var parts: [(String, Table?)] = [
            (l.pick("总体情况", "Summary"), t.summary),
            (l.bySection, t.sections),
            (l.pick("分部门进展", "By department"), t.departments),
            (l.pick("逾期和滞后任务", "Overdue and behind"), attention.isEmpty ? nil : t.attention),
        ]
        if let w = window {
            let span = l.pick("\(w.from)至\(w.to)", "\(w.from) to \(w.to)")
            parts.append((l.pick("本期变化（\(span)）", "Changes (\(span))"), w.changes.isEmpty ? nil : t.changes(w)))
            parts.append((l.pick("本期进展（\(span)）", "Notes (\(span))"), w.notes.isEmpty ? nil : t.notes(w.notes)))
        } else {
            parts.append((l.pick("近\(noteDays)天进展", "Notes of the last \(noteDays) days"), recentNotes.isEmpty ? nil : t.notes))
        }
        if !indicators.isEmpty { parts.append((l.pick("量化指标", "Indicators"), t.indicators)) }
        let none = l.pick("（无）", "(none)")
        let heading = l.pick("进度报告", "Progress report") + l.colon + title
        let asOfLine = l.pick("截至 \(asOf)　计划 \(planID)", "As of \(asOf), plan \(planID)")
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
        let l = Vocabulary(english ? .en : .zh)
        if countsReporting { return reportingTable(l) }
        return Table(
            header: [l.rank, l.department, l.tasks, l.doneOnTime, l.doneLate,
                     l.statusShort(.inProgress), l.statusShort(.notStarted),
                     l.overdueNotDone, l.score, l.grade] + Self.reviewHeader(l),
            rows: rows.map { r in
                [r.rank == 0 ? "-" : String(r.rank), r.department, String(r.tasks), String(r.doneOnTime),
                 String(r.doneLate), String(r.inProgress), String(r.notStarted), String(r.overdue),
                 r.score.map(NumberText.oneDecimal) ?? "-", r.grade] + Self.reviewCells(r)
            },
            numeric: [0, 2, 3, 4, 5, 6, 7, 8, 10, 11])
    }

    /// Last, so the columns every assessment had keep their places: tasks done
    /// within an extension, and closure requests returned.
    static func reviewHeader(_ l: Vocabulary) -> [String] { [l.doneWithinExtension, l.returnsCount] }
    static func reviewCells(_ r: Row) -> [String] { [String(r.doneExtended), String(r.returns)] }

    /// The plan's totals below the table: each task once, however many units share it.
    func totalsLine(_ l: Vocabulary) -> String {
        let t = totals
        return l.pick("合计（每项任务计一次）：\(l.doneWithinExtension) \(t.doneWithinExtension) 项，\(l.doneLate) \(t.doneLate) 项，退回 \(t.returns) 次。",
                      "In all (each task once): \(t.doneWithinExtension) done within an extension, \(t.doneLate) done late, \(t.returns) returns.")
    }

    /// With reporting counted: feedback on time of expected in closed rounds, and chases received.
    func reportingTable(_ l: Vocabulary) -> Table {
        Table(
            // After the grade, so the columns every assessment has keep their places.
            header: [l.rank, l.department, l.tasks, l.doneOnTime, l.doneLate,
                     l.statusShort(.inProgress), l.statusShort(.notStarted), l.overdueNotDone,
                     l.score, l.grade, l.pick("按时报送", "Feedback on time"), l.pick("被催办", "Chased")] + Self.reviewHeader(l),
            rows: rows.map { r in
                [r.rank == 0 ? "-" : String(r.rank), r.department, String(r.tasks), String(r.doneOnTime),
                 String(r.doneLate), String(r.inProgress), String(r.notStarted), String(r.overdue),
                 r.score.map(NumberText.oneDecimal) ?? "-", r.grade,
                 r.feedbackExpected > 0 ? "\(r.feedbackOnTime)/\(r.feedbackExpected)" : "-", String(r.chases)]
                + Self.reviewCells(r)
            },
            numeric: [0, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13])
    }

    /// The scoring rules in one sentence.
    func rulesLine(_ l: Vocabulary) -> String {
        let w = rules.roleWeights
        let n = NumberText.plain
        // Lead, joint, implement, cooperate: heaviest first.
        let weights = [Role.lead, .joint, .implement, .cooperate]
            .map { l.role($0) + (l.isEnglish ? " ×" : "×") + n(w[$0] ?? 0) }.joined(separator: l.isEnglish ? ", " : "、")
        return l.pick(
            "评分：\(weights)；\(l.doneOnTime)\(n(rules.doneOnTime))分，\(l.doneWithinExtension)\(n(rules.doneExtended))分，\(l.doneLate)\(n(rules.doneLate))分，未到期按进度计至多\(n(rules.inProgress))分，逾期未完成\(n(rules.overdue))分，每退回一次扣\(n(rules.perReturn))分；A≥\(n(rules.gradeA))，B≥\(n(rules.gradeB))，C≥\(n(rules.gradeC))，其余为D。",
            "Scoring: \(weights); done on time \(n(rules.doneOnTime)), done within an approved extension \(n(rules.doneExtended)), done late \(n(rules.doneLate)), not yet due up to \(n(rules.inProgress)) by progress, overdue \(n(rules.overdue)), less \(n(rules.perReturn)) per return; A ≥ \(n(rules.gradeA)), B ≥ \(n(rules.gradeB)), C ≥ \(n(rules.gradeC)), else D.")
            + reportingRule(l)
    }

    /// How reporting counts, when it does (closed rounds or chases exist).
    func reportingRule(_ l: Vocabulary) -> String {
        guard countsReporting else { return "" }
        let n = NumberText.plain
        let pct = n(rules.reportingWeight * 100)
        return l.pick(
            "\n报送与催办：已关闭报送轮次中按时报送占\(pct)%（逾期报送按\(n(rules.lateFeedbackCredit))分、未报0分计），每被催办一次扣\(n(rules.chasePenalty))分，至多扣\(n(rules.chasePenaltyCap))分。",
            "\nReporting: feedback in closed rounds weighs \(pct)% (late counts \(n(rules.lateFeedbackCredit)), missing 0); each chase received takes off \(n(rules.chasePenalty)), at most \(n(rules.chasePenaltyCap)).")
    }

    public func render(_ format: ReportFormat, english: Bool = false, title: String) -> String {
        let l = Vocabulary(english ? .en : .zh)
        let t = table(english: english)
        if format == .csv { return CSVWriter.document(t) }
        let heading = l.pick("年度考核", "Annual assessment") + l.colon + title
        let rulesText = rulesLine(l)
        let asOfLine = l.pick("截至 \(asOf)　计划 \(planID)", "As of \(asOf), plan \(planID)")
        switch format {
        case .md: return "# \(heading)\n\n\(asOfLine)\n\n\(rulesText)\n\n" + TableWriter.markdown(t) + "\n" + totalsLine(l) + "\n"
        case .txt, .csv, .xlsx, .docx: return "\(heading)\n\(asOfLine)\n\(rulesText)\n\n" + TableWriter.text(t) + "\n" + totalsLine(l) + "\n"
        }
    }
}
