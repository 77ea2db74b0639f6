import PlanModel

/// The compilation of a round (汇总) for the leading group: every unit's
/// feedback in the round per task, in plan order, and who has not reported.
public struct RoundSummary: Sendable {
    public struct Entry: Sendable {
        public var department: String
        public var role: Role?
        /// The unit's latest feedback in the round, and whether any of it was on time.
        public var feedback: UnitFeedback?
        public var timing: FeedbackTiming?
    }

    public struct TaskEntry: Sendable {
        public var key: String
        public var title: String
        public var due: Day
        public var overall: OverallProgress
        public var entries: [Entry]
    }

    public let planTitle: String
    public let round: Round
    public let tasks: [TaskEntry]
    /// Units that owe feedback, with the tasks, in the order of the plan's departments.
    public let notReported: [(department: String, tasks: [String])]

    public init(plan: Plan, round: Round) {
        planTitle = plan.title
        self.round = round
        let names = plan.canonicalNames
        var out: [TaskEntry] = []
        var owed: [String: [String]] = [:]
        var order: [String] = plan.departments.map(\.name)
        for t in plan.tasks where round.covers(t) {
            let units = plan.reportingUnits(of: t, names)
            guard !units.isEmpty else { continue }
            let all = plan.effectiveFeedback(task: t.key)
            let entries = units.map { u -> Entry in
                let role = t.assignments.first { (names[$0.department] ?? $0.department) == u }?.role
                let mine = all.filter { $0.department == u && round.timing(of: $0) != nil }
                let timing: FeedbackTiming? = mine.isEmpty ? nil : (mine.contains { round.timing(of: $0) == .onTime } ? .onTime : .late)
                if mine.isEmpty {
                    owed[u, default: []].append(t.key)
                    if !order.contains(u) { order.append(u) }
                }
                return Entry(department: u, role: role, feedback: mine.last, timing: timing)
            }
            out.append(TaskEntry(key: t.key, title: t.title, due: t.due, overall: plan.overallProgress(of: t), entries: entries))
        }
        tasks = out
        notReported = order.compactMap { d in owed[d].map { (d, $0) } }
    }

    func timingLabel(_ e: Entry, _ l: Labels) -> String {
        switch e.timing {
        case .onTime?: return l.s("按时", "on time")
        case .late?: return l.s("逾期报送", "late")
        case nil: return l.s("未报", "not reported")
        }
    }

    func role(_ e: Entry, _ l: Labels) -> String { e.role.map(l.role) ?? "" }

    public func render(_ format: ReportFormat, english: Bool) -> String {
        let l = Labels(en: english)
        switch format {
        case .csv:
            var rows: [[String]] = []
            for t in tasks {
                for e in t.entries {
                    let f = e.feedback
                    rows.append([t.key, t.title, e.department, role(e, l), timingLabel(e, l), f?.progress.map { "\($0)" } ?? "",
                                 f?.time ?? "", f?.text ?? "", f?.evidence ?? "", f?.onBehalf == true ? l.s("代报", "on behalf") : ""])
                }
            }
            return CSVWriter.document(Table(header: [l.s("任务", "Task"), l.s("标题", "Title"), l.s("单位", "Department"),
                                                     l.s("职责", "Role"), l.s("报送", "Reported"), l.s("进度", "Progress"),
                                                     l.s("时间", "Time"), l.s("情况", "Feedback"), l.s("佐证材料", "Evidence"),
                                                     l.s("备注", "Remark")], rows: rows))
        case .md, .txt, .xlsx, .docx:
            let md = format == .md
            var out = (md ? "# " : "") + l.s("\(planTitle) \(round.name) 工作进展情况汇总", "\(planTitle): summary of \(round.name)") + "\n\n"
            out += l.s("报送截止：\(round.due)", "Due: \(round.due)") + (round.coversTo.map { l.s("；情况截至：\($0)", "; covering up to \($0)") } ?? "") + "\n\n"
            for t in tasks {
                out += (md ? "## " : "") + "\(t.key) \(t.title)\n"
                let overall = t.overall.derived
                    ? l.s("（各单位进度综合 \(t.overall.progress)%，\(t.overall.unitsDone)/\(t.overall.units) 个单位已完成）",
                          " (from units' parts: \(t.overall.progress)%, \(t.overall.unitsDone)/\(t.overall.units) units done)")
                    : l.s("（进度 \(t.overall.progress)%，截止 \(t.due)）", " (progress \(t.overall.progress)%, due \(t.due))")
                out += overall + "\n\n"
                for e in t.entries {
                    var line = (md ? "- **" : "  ") + e.department + (e.role.map { "（\(l.role($0))）" } ?? "") + (md ? "**" : "")
                    if let f = e.feedback {
                        line += l.s("：", ": ") + f.text.replacing("\n", with: " ")
                        if let p = f.progress { line += l.s("（本单位进度 \(p)%）", " (own part \(p)%)") }
                        if let ev = f.evidence { line += l.s("［佐证：\(ev)］", " [evidence: \(ev)]") }
                        if f.onBehalf { line += l.s("［代报］", " [filed by the office]") }
                        if e.timing == .late { line += l.s("［逾期报送］", " [late]") }
                    } else {
                        line += l.s("：未报送", ": not reported")
                    }
                    out += line + "\n"
                }
                out += "\n"
            }
            out += (md ? "## " : "") + l.s("未报送单位", "Units that have not reported") + "\n\n"
            if notReported.isEmpty { out += l.s("无。", "None.") + "\n" }
            for (d, ts) in notReported {
                out += (md ? "- " : "  ") + d + l.s("：", ": ") + ts.joined(separator: l.s("、", ", ")) + "\n"
            }
            return out
        }
    }
}
