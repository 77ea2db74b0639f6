/// A task on which a department owes something, as a chase lists it.
public struct OwedItem: Hashable, Sendable {
    public var task: String
    public var department: String
    public var owed: [OwedKind]
    public var due: Day

    public init(task: String, department: String, owed: [OwedKind], due: Day) {
        self.task = task
        self.department = department
        self.owed = owed
        self.due = due
    }
}

extension PlanTask {
    /// The units answerable for the task's own deadline: its leads, else its
    /// joint units, else those carrying it out, else every unit with a role.
    public var answerableUnits: [String] {
        answerableUnits([:])
    }

    /// The same under canonical names (`Plan.canonicalNames`).
    public func answerableUnits(_ names: [String: String]) -> [String] {
        for role in [Role.lead, .joint, .implement] {
            var out: [String] = []
            for a in assignments where a.role == role && !a.collective {
                let n = names[a.department] ?? a.department
                if !out.contains(n) { out.append(n) }
            }
            if !out.isEmpty { return out }
        }
        return reportingUnits.map { names[$0] ?? $0 }
    }
}

extension Plan {
    /// What `department` owes on task `t` as of `today`: past due or due
    /// within `dueSoonDays` when it answers for the deadline and the task is
    /// not done, feedback missing in an open round covering the task. Items
    /// such as a returned closure request add their kind here.
    public func owed(task t: PlanTask, department: String, today: Day, dueSoonDays: Int) -> [OwedKind] {
        owed(task: t, department: department, today: today, dueSoonDays: dueSoonDays, canonicalNames)
    }

    func owed(task t: PlanTask, department: String, today: Day, dueSoonDays: Int, _ names: [String: String]) -> [OwedKind] {
        var out: [OwedKind] = []
        if t.status != .done && t.answerableUnits(names).contains(department) {
            if t.due < today { out.append(.overdue) } else if today.days(until: t.due) <= dueSoonDays { out.append(.dueSoon) }
        }
        for r in supervision.rounds where r.isOpen && r.covers(t) && reportingUnits(of: t, names).contains(department) {
            let filed = effectiveFeedback(task: t.key, department: department).contains { r.timing(of: $0) != nil }
            if !filed { out.append(.feedback); break }
        }
        // A closure the office returned, with nothing filed by the unit since.
        if t.status != .done, let last = reviews.requests(task: t.key).last(where: { $0.kind == .closure && $0.department == department }),
           last.decision?.outcome == .returned {
            out.append(.returned)
        }
        return out
    }

    /// Everything owed, per department in the plan's order (then others in
    /// the order they first appear), each department's tasks in plan order.
    public func owedItems(today: Day, dueSoonDays: Int, department only: String? = nil) -> [(department: String, items: [OwedItem])] {
        var order: [String] = departments.filter { !$0.collective }.map(\.name)
        var items: [String: [OwedItem]] = [:]
        let names = canonicalNames
        let only = only.map { names[$0] ?? $0 }
        for t in tasks {
            for unit in reportingUnits(of: t, names) where only == nil || unit == only {
                let owed = owed(task: t, department: unit, today: today, dueSoonDays: dueSoonDays, names)
                guard !owed.isEmpty else { continue }
                if !order.contains(unit) { order.append(unit) }
                items[unit, default: []].append(OwedItem(task: t.key, department: unit, owed: owed, due: t.due))
            }
        }
        return order.compactMap { d in items[d].map { (d, $0) } }
    }

    /// Chases sent to a department so far.
    public func chaseCount(department: String) -> Int {
        supervision.chases.reduce(0) { $0 + ($1.department == department ? 1 : 0) }
    }

    /// Chases that included a task, whichever department they went to.
    public func chaseCount(task key: String) -> Int {
        supervision.chases.reduce(0) { n, c in n + (c.items.contains { $0.task == key } ? 1 : 0) }
    }

    /// Chase counts per department and per task, in one pass (for views
    /// that show them beside every row).
    public func chaseCounts() -> (departments: [String: Int], tasks: [String: Int]) {
        var d: [String: Int] = [:], t: [String: Int] = [:]
        for c in supervision.chases {
            d[c.department, default: 0] += 1
            for i in c.items { t[i.task, default: 0] += 1 }
        }
        return (d, t)
    }

    /// The chases to send now, one per department that owes something, each
    /// item at the step it reaches (its earlier chases to that department + 1).
    public func chaseDrafts(today: Day, dueSoonDays: Int, settings: ChaseSettings = ChaseSettings(),
                            department only: String? = nil) -> [Chase] {
        var before: [String: Int] = [:]
        for c in supervision.chases { for i in c.items { before[c.department + "\u{0}" + i.task, default: 0] += 1 } }
        return owedItems(today: today, dueSoonDays: dueSoonDays, department: only).map { d, items in
            Chase(department: d, date: today, reply: today.adding(days: settings.replyDays),
                  items: items.map { ChaseItem(task: $0.task, owed: $0.owed, step: before[d + "\u{0}" + $0.task, default: 0] + 1) })
        }
    }
}
