import PlanModel

/// The annual assessment (考核) of a plan's assignees under a set of scoring rules.
public struct Assessment: Sendable {
    public struct Row: Hashable, Sendable {
        public var department: String
        public var collective: Bool
        public var tasks: Int
        public var doneOnTime: Int, doneLate: Int, inProgress: Int, notStarted: Int, overdue: Int
        /// Done after the original due date, within an extension the office granted.
        public var doneExtended = 0
        /// Closure requests on its tasks that the office returned.
        public var returns = 0
        /// 0–100, nil when the department has no task with a positive weight.
        public var score: Double?
        public var grade: String
        /// 1-based; equal scores share a rank.
        public var rank: Int
        /// Feedback asked of it in closed rounds, filed on time, filed late.
        public var feedbackExpected: Int
        public var feedbackOnTime: Int
        public var feedbackLate: Int
        /// Chases (催办) it has received.
        public var chases: Int
    }

    /// Whether reporting counted for anyone: closed rounds or chases exist.
    public var countsReporting = false
    /// The plan's tasks done within an extension and done late, and the
    /// returns on them, each task counted once however many units it has.
    public var totals = DeadlineCounts()

    public var planID: String
    public var asOf: Day
    public var rules: ScoringRules
    /// Best first.
    public var rows: [Row]

    /// `doneDays`: the day each done task was marked done, from the journal. A done
    /// task without one (imported as done) counts as done on time. A task closed
    /// by review is done on the day its closure was approved; done after its
    /// original due date but by a granted extension's it earns `doneExtended`;
    /// each returned closure request takes `perReturn` off its credit.
    public init(plan: Plan, evaluation: Evaluation, rules: ScoringRules = .standard, doneDays: [String: Day] = [:]) {
        planID = plan.id
        asOf = evaluation.today
        self.rules = rules
        struct Acc { var collective = false; var weight = 0.0; var earned = 0.0; var row: Row }
        var order: [String] = []
        var acc: [String: Acc] = [:]
        var totals = DeadlineCounts()
        for t in plan.tasks {
            let overdue = t.isOverdue(evaluation)
            let credit: Double
            var kind = 0  // 0 on time, 1 late, 2 in progress, 3 not started, 4 overdue, 5 done within extension
            let returns = plan.reviews.isEmpty ? 0 : plan.reviews.returns(task: t.key).count
            if let timing = plan.doneTiming(of: t, doneDays: doneDays) {
                credit = rules.credit(timing)
                switch timing {
                case .onTime: kind = 0
                case .late: kind = 1
                case .withinExtension: kind = 5
                }
                totals.count(timing)
            } else if overdue {
                credit = rules.overdue
                kind = 4
            } else {
                credit = rules.inProgress * Double(t.progress) / 100
                kind = t.progress > 0 || t.status != .notStarted ? 2 : 3
            }
            totals.returns += returns
            let earned = max(0, credit - rules.perReturn * Double(returns))
            // A department named twice in one task (lead and cooperate) counts once, in its heaviest role.
            var best: [String: (Double, Bool)] = [:]
            for a in t.assignments {
                let w = rules.weight(a.role)
                if let b = best[a.department], b.0 >= w { continue }
                best[a.department] = (w, a.collective)
            }
            for a in t.assignments where best[a.department] != nil {
                let (w, collective) = best.removeValue(forKey: a.department)!
                if acc[a.department] == nil {
                    order.append(a.department)
                    acc[a.department] = Acc(row: Row(department: a.department, collective: collective, tasks: 0,
                                                     doneOnTime: 0, doneLate: 0, inProgress: 0, notStarted: 0,
                                                     overdue: 0, score: nil, grade: "-", rank: 0, feedbackExpected: 0,
                                                     feedbackOnTime: 0, feedbackLate: 0, chases: 0))
                }
                acc[a.department]!.weight += w
                acc[a.department]!.earned += w * earned
                acc[a.department]!.row.tasks += 1
                acc[a.department]!.row.returns += returns
                switch kind {
                case 0: acc[a.department]!.row.doneOnTime += 1
                case 1: acc[a.department]!.row.doneLate += 1
                case 2: acc[a.department]!.row.inProgress += 1
                case 3: acc[a.department]!.row.notStarted += 1
                case 5: acc[a.department]!.row.doneExtended += 1
                default: acc[a.department]!.row.overdue += 1
                }
            }
        }
        // Reporting: feedback in closed rounds (their frozen tallies) and chases received.
        let names = plan.canonicalNames
        var reported: [String: RoundTally.Row] = [:]
        for r in plan.supervision.rounds where !r.isOpen {
            for row in plan.tally(of: r).rows {
                var x = reported[row.department] ?? RoundTally.Row(department: row.department)
                x.expected += row.expected; x.onTime += row.onTime; x.late += row.late
                reported[row.department] = x
            }
        }
        let chases = plan.chaseCounts().departments
        countsReporting = !reported.isEmpty || !chases.isEmpty
        var rows: [Row] = []
        rows.reserveCapacity(order.count)
        for name in order {
            let a = acc[name]!
            var row = a.row
            let unit = names[name] ?? name
            let r = reported[unit]
            row.feedbackExpected = r?.expected ?? 0
            row.feedbackOnTime = r?.onTime ?? 0
            row.feedbackLate = r?.late ?? 0
            row.chases = chases[unit] ?? 0
            if a.weight > 0 {
                let s = Self.score(tasks: a.earned / a.weight, row, rules)
                row.score = s
                row.grade = rules.grade(s)
            }
            rows.append(row)
        }
        // Stable: equal scores keep document order.
        rows = rows.enumerated().sorted { x, y in
            let a = x.element.score ?? -1, b = y.element.score ?? -1
            return a != b ? a > b : x.offset < y.offset
        }.map(\.element)
        var rank = 0
        var last: Double? = nil
        for i in rows.indices {
            let s = rows[i].score.map { ($0 * 10).rounded() / 10 }
            if s == nil { rows[i].rank = 0; continue }
            if s != last { rank = i + 1; last = s }
            rows[i].rank = rank
        }
        self.rows = rows
        self.totals = totals
    }

    /// The task score blended with reporting: a share `reportingWeight` from
    /// feedback in closed rounds (on time 100, late `lateFeedbackCredit`,
    /// missing 0) when the department was asked for any, less
    /// `chasePenalty` per chase received up to `chasePenaltyCap`; 0 at least.
    static func score(tasks: Double, _ r: Row, _ rules: ScoringRules) -> Double {
        var s = tasks
        if r.feedbackExpected > 0 {
            let reporting = (Double(r.feedbackOnTime) * 100 + Double(r.feedbackLate) * rules.lateFeedbackCredit) / Double(r.feedbackExpected)
            s = (1 - rules.reportingWeight) * tasks + rules.reportingWeight * reporting
        }
        s -= min(rules.chasePenaltyCap, Double(r.chases) * rules.chasePenalty)
        return max(0, s)
    }

    /// The day each task was last marked done, from a plan's journal.
    public static func doneDays(from journal: [JournalEntry]) -> [String: Day] {
        var days: [String: Day] = [:]
        for e in journal where e.field == ChangeKind.status.journalName {
            if e.new.string == TaskStatus.done.rawValue, let d = Day(e.time.prefix(10)) {
                days[e.task] = d
            } else {
                days[e.task] = nil
            }
        }
        return days
    }
}
