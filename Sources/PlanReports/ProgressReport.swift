import PlanModel

/// Everything a progress report says, computed once; the formats only lay it out.
public struct ProgressReport: Sendable {
    public struct SectionRow: Hashable, Sendable {
        public var number: String
        public var title: String
        public var tally: Tally
    }

    public struct DepartmentRow: Hashable, Sendable {
        public var department: String
        public var collective: Bool
        public var lead: Int, cooperate: Int, joint: Int, implement: Int
        public var total: Int, done: Int, inProgress: Int, overdue: Int
        /// Its tasks done within an extension or late, and the returns on them.
        public var deadlines = DeadlineCounts()
    }

    /// What a task's row shows of its deadline beyond its status and light.
    public struct DeadlineRow: Hashable, Sendable {
        /// The due date before a granted extension.
        public var originalDue: Day?
        /// Nil while not done.
        public var timing: DoneTiming?
        public var returns: Int
    }

    /// An overdue or behind task, with who answers for it and what they last said.
    public struct AttentionRow: Hashable, Sendable {
        public var key: String
        public var title: String
        public var light: Light
        public var status: TaskStatus
        public var progress: Int
        public var due: Day
        public var leads: [String]
        public var others: [String]
        public var latestNote: Note?
    }

    public struct NoteRow: Hashable, Sendable {
        public var key: String
        public var note: Note
    }

    public var planID: String
    public var title: String
    public var asOf: Day
    public var noteDays: Int
    public var summary: Tally
    /// The plan's tasks done within an extension or late, and the returns, each task once.
    public var deadlines = DeadlineCounts()
    /// Per task, parallel to `tasks`.
    public var taskDeadlines: [DeadlineRow] = []
    public var sections: [SectionRow]
    public var departments: [DepartmentRow]
    public var attention: [AttentionRow]
    public var recentNotes: [NoteRow]
    public var indicators: [Indicator]
    /// Changes and notes between two dates; when set, reports list these
    /// instead of the notes of the last `noteDays` days.
    public var window: ReportWindow?
    /// One row per task, in plan order: what the CSV lists.
    public var tasks: [(task: PlanTask, light: Light)]

    /// `noteDays`: notes dated within this many days up to `asOf` are listed.
    /// `doneDays`: the days tasks were marked done, from the journal
    /// (`Assessment.doneDays`), so work marked done late counts as late.
    public init(plan: Plan, evaluation: Evaluation, noteDays: Int = 30, doneDays: [String: Day] = [:]) {
        let r = Rollup(plan, evaluation, doneDays: doneDays)
        planID = plan.id
        title = plan.title
        asOf = evaluation.today
        self.noteDays = noteDays
        summary = r.plan
        sections = plan.sections.enumerated().map { i, s in
            SectionRow(number: s.number, title: s.title, tally: r.sections[i])
        }
        departments = r.workloads.map { w in
            DepartmentRow(department: w.department, collective: w.collective,
                          lead: w.count(.lead), cooperate: w.count(.cooperate), joint: w.count(.joint),
                          implement: w.count(.implement), total: w.total, done: w.done,
                          inProgress: w.inProgress, overdue: w.overdue)
        }
        tasks = zip(plan.tasks, r.lights).map { ($0, $1) }
        // Each task once in the totals, and once for each of its departments.
        var byWorkload = Array(repeating: DeadlineCounts(), count: r.workloads.count)
        var total = DeadlineCounts()
        taskDeadlines = plan.tasks.indices.map { i in
            let t = plan.tasks[i]
            let reviewed = !plan.reviews.isEmpty
            let row = DeadlineRow(originalDue: reviewed ? plan.reviews.originalDue(task: t.key) : nil,
                                  timing: plan.doneTiming(of: t, doneDays: doneDays),
                                  returns: reviewed ? plan.reviews.returns(task: t.key).count : 0)
            var c = DeadlineCounts(returns: row.returns)
            if let timing = row.timing { c.count(timing) }
            if c != DeadlineCounts() {
                total += c
                for w in r.taskWorkloads[Int(r.taskWorkloadStarts[i])..<Int(r.taskWorkloadStarts[i + 1])] { byWorkload[Int(w)] += c }
            }
            return row
        }
        deadlines = total
        for i in departments.indices { departments[i].deadlines = byWorkload[i] }
        attention = zip(plan.tasks, r.lights).compactMap { t, l in
            guard l == .red || t.status == .behind else { return nil }
            let leads = t.departments(.lead)
            let others = t.assignments.filter { $0.role != .lead }.map(\.department)
            return AttentionRow(key: t.key, title: t.title, light: l, status: t.status, progress: t.effectiveProgress,
                                due: t.due, leads: leads, others: others, latestNote: t.notes.last)
        }
        // Overdue first, then behind; the longest overdue at the top.
        attention.sort { a, b in
            if a.light != b.light { return a.light < b.light }
            if a.due != b.due { return a.due < b.due }
            return TaskKey.less(a.key, b.key)
        }
        let from = evaluation.today.adding(days: -noteDays)
        recentNotes = plan.tasks.flatMap { t in
            t.notes.compactMap { n -> NoteRow? in
                guard let d = n.day, d > from, d <= evaluation.today else { return nil }
                return NoteRow(key: t.key, note: n)
            }
        }.sorted { $0.note.time > $1.note.time }
        indicators = plan.indicators
    }
}
