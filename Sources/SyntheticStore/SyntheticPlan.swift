import PlanModel

/// What to generate.
public struct SyntheticSpec: Hashable, Sendable {
    public var plans: Int
    /// Tasks in all, spread over the plans.
    public var tasks: Int
    public var departments: Int
    /// Journal entries (progress notes and status/progress changes) in all.
    public var notes: Int
    public var seed: UInt64

    public init(plans: Int, tasks: Int, departments: Int, notes: Int, seed: UInt64) {
        self.plans = plans
        self.tasks = tasks
        self.departments = departments
        self.notes = notes
        self.seed = seed
    }
}

/// Deterministic synthetic plans: a provincial plan and plans of cities and
/// counties, with realistic Chinese titles and text, roles, statuses and due dates.
public enum SyntheticPlan {
    public static func make(index: Int, tasks count: Int, spec: SyntheticSpec) -> Plan {
        var rng = SeededRandom(seed: spec.seed &+ UInt64(index) &* 0x9E37)
        let year = 2014 + index % 10
        let start = Day(year: year, month: 1, day: 1)!
        let end = Day(year: year, month: 12, day: 31)!
        let sectionCount = min(8, max(1, count / 40 + 3))
        let sections = (0..<sectionCount).map { i in
            Section(number: Vocabulary.numerals[i % 10] + (i >= 10 ? "\(i / 10)" : ""),
                    title: Vocabulary.sectionTitles[i % Vocabulary.sectionTitles.count])
        }
        let pool = Array(Vocabulary.departments.prefix(max(2, min(spec.departments, Vocabulary.departments.count))))
            + (Vocabulary.departments.count < spec.departments
               ? (Vocabulary.departments.count..<spec.departments).map { "市直部门\($0)" } : [])
        var tasks: [PlanTask] = []
        tasks.reserveCapacity(count)
        var perSection = Array(repeating: 0, count: sectionCount)
        for i in 0..<count {
            let s = i * sectionCount / max(1, count)
            perSection[s] += 1
            let n = perSection[s]
            let title = rng.pick(Vocabulary.verbs) + rng.pick(Vocabulary.objects)
            let text = title + "。" + (0..<(2 + rng.below(3))).map { _ in rng.pick(Vocabulary.clauses) }.joined(separator: "；") + "。"
            var assignments: [Assignment] = []
            var used = Set<String>()
            for r in [Role.lead, .cooperate, .cooperate, .joint] {
                let d = rng.pick(pool)
                if used.insert(d).inserted { assignments.append(Assignment(department: d, role: r)) }
            }
            let due = rng.below(3) == 0 ? start.adding(days: 90 * (1 + rng.below(3))) : end
            let roll = rng.below(100)
            let status: TaskStatus = roll < 25 ? .done : roll < 65 ? .inProgress : roll < 75 ? .behind : .notStarted
            let progress = status == .done ? 100 : status == .notStarted ? 0 : 5 * (1 + rng.below(18))
            tasks.append(PlanTask(key: "\(s + 1).\(n)", number: String(n), section: s, title: title, text: text,
                                  assignments: assignments, due: due, status: status, progress: progress, notes: []))
        }
        let place = index == 0 ? "省" : index <= 14 ? "第\(index)市" : "第\(index)县"
        return Plan(id: "synthetic-" + String(String(index + 10000).dropFirst()), title: "\(place)贯彻实施质量发展纲要\(year)年行动计划",
                    issuer: "\(place)人民政府", issued: Day(year: year, month: 3, day: 1),
                    period: Period(start: start, end: end), source: "synthetic", sections: sections, tasks: tasks,
                    departments: pool.map { Department(name: $0) })
    }

    /// How many tasks plan `index` of `spec` holds: the first (the province's) is
    /// the largest; the rest share the remainder evenly.
    public static func taskCount(index: Int, spec: SyntheticSpec) -> Int {
        guard spec.plans > 1 else { return spec.tasks }
        let first = spec.tasks / 4
        let rest = spec.tasks - first
        if index == 0 { return first }
        let others = spec.plans - 1
        return rest / others + (index - 1 < rest % others ? 1 : 0)
    }

    /// The journal entries of plan `index`: notes and progress changes by the
    /// departments of its tasks, in time order, with sequence numbers from 1.
    public static func journal(for plan: Plan, count: Int, seed: UInt64) -> [JournalEntry] {
        guard count > 0, !plan.tasks.isEmpty else { return [] }
        var rng = SeededRandom(seed: seed ^ 0x5EED)
        var progress = plan.tasks.map { _ in 0 }
        var notes = plan.tasks.map { _ in 0 }
        let span = max(1, plan.period.start.days(until: plan.period.end))
        var out: [JournalEntry] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            let ti = rng.below(plan.tasks.count)
            let t = plan.tasks[ti]
            let day = plan.period.start.adding(days: i * span / count)
            let time = "\(day)T\(10 + i % 8):\(10 + i % 50):00+08:00"
            let dept = t.assignments.first?.department ?? ""
            let user = "user\(ti % 97)"
            if rng.below(3) == 0 {
                let new = min(100, progress[ti] + 5 * (1 + rng.below(4)))
                out.append(JournalEntry(seq: i + 1, time: time, user: user, plan: plan.id, task: t.key,
                                        field: ChangeKind.progress.journalName, old: .int(progress[ti]), new: .int(new)))
                progress[ti] = new
            } else {
                let note = Note(time: time, user: user, department: dept, text: rng.pick(Vocabulary.notes))
                out.append(JournalEntry(seq: i + 1, time: time, user: user, plan: plan.id, task: t.key,
                                        field: ChangeKind.note.journalName, old: .int(notes[ti]), new: note.json))
                notes[ti] += 1
            }
        }
        return out
    }
}
