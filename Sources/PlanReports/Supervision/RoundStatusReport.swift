import PlanModel

/// Who has reported in a round: totals and a row per department, with the
/// chases each department has received.
public struct RoundStatusReport: Sendable {
    public let planID: String
    public let round: Round
    public let tally: RoundTally
    public let chases: [String: Int]

    public init(plan: Plan, round: Round) {
        planID = plan.id
        self.round = round
        tally = plan.tally(of: round)
        chases = plan.chaseCounts().departments
    }

    /// `expected`, `reported`, `onTime`, `late`, `missing` at the top, then a
    /// row per department and the items still owed.
    public var json: JSON {
        let owed: (RoundTally.Owed) -> JSON = { .object([("task", .string($0.task)), ("department", .string($0.department))]) }
        return .object([
            ("plan", .string(planID)), ("round", .string(round.name)),
            ("opened", .string(round.opened.description)), ("due", .string(round.due.description)),
            ("closed", round.closedAt.map { .string($0) } ?? .null),
            ("expected", .int(tally.expected)), ("reported", .int(tally.reported)), ("onTime", .int(tally.onTime)),
            ("late", .int(tally.lateCount)), ("missing", .int(tally.missingCount)),
            ("departments", .array(tally.rows.map { r in
                .object([("department", .string(r.department)), ("expected", .int(r.expected)), ("reported", .int(r.reported)),
                         ("onTime", .int(r.onTime)), ("late", .int(r.late)), ("missing", .int(r.missing)),
                         ("chases", .int(chases[r.department] ?? 0))])
            })),
            ("missingItems", .array(tally.missing.map(owed))),
            ("lateItems", .array(tally.late.map(owed))),
        ])
    }

    /// The per-department table, totals last.
    public func table(english: Bool) -> Table {
        let l = Labels(en: english)
        var rows = tally.rows.map { r in
            [r.department, "\(r.expected)", "\(r.onTime)", "\(r.late)", "\(r.missing)", "\(chases[r.department] ?? 0)"]
        }
        rows.append([l.s("合计", "Total"), "\(tally.expected)", "\(tally.onTime)", "\(tally.lateCount)", "\(tally.missingCount)",
                     "\(tally.rows.reduce(0) { $0 + (chases[$1.department] ?? 0) })"])
        return Table(header: [l.s("单位", "Department"), l.s("应报", "Expected"), l.s("按时", "On time"), l.s("逾期报送", "Late"),
                              l.s("未报", "Missing"), l.s("催办次数", "Chases")],
                     rows: rows, numeric: [1, 2, 3, 4, 5])
    }

    public func render(_ format: ReportFormat, english: Bool) -> String {
        let l = Labels(en: english)
        let state = round.isOpen ? l.s("进行中", "open") : l.s("已关闭", "closed")
        let head = l.s("\(round.name) 报送情况（截止 \(round.due)，\(state)）", "\(round.name): reporting (due \(round.due), \(state))")
        switch format {
        case .csv: return CSVWriter.document(table(english: english))
        case .md: return "## " + head + "\n\n" + TableWriter.markdown(table(english: english))
        case .txt, .xlsx, .docx: return head + "\n\n" + TableWriter.text(table(english: english))
        }
    }
}
