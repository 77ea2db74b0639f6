/// Settings that derived values depend on.
public struct Evaluation: Hashable, Sendable {
    /// The date lights are evaluated at.
    public var today: Day
    /// A task due within this many days is "due soon".
    public var dueSoonDays: Int

    public init(today: Day, dueSoonDays: Int = 30) {
        self.today = today
        self.dueSoonDays = dueSoonDays
    }
}

extension PlanTask {
    /// Red: overdue and not done. Yellow: explicitly behind, or due soon with
    /// progress behind the share of the period elapsed, or done late (`done`,
    /// see `DoneTiming`). Green otherwise. `Plan.light(of:)` finds `done`.
    public func light(_ e: Evaluation, periodStart: Day, done: DoneTiming? = nil) -> Light {
        LightClock(e, periodStart: periodStart).light(status: status, due: due, progress: progress, done: done)
    }

    public func isOverdue(_ e: Evaluation) -> Bool { status != .done && e.today > due }
}

/// `PlanTask.light` for many tasks of one plan: the evaluation date and the
/// period start as day numbers once, and task fields passed in, so a pass
/// over every task copies no task.
struct LightClock {
    let e: Evaluation
    let today: Int, start: Int

    init(_ e: Evaluation, periodStart: Day) {
        self.e = e
        today = e.today.ordinal
        start = periodStart.ordinal
    }

    func light(status: TaskStatus, due: Day, progress: Int, done: DoneTiming? = nil) -> Light {
        if status == .done { return done?.light ?? .green }
        if e.today > due { return .red }
        if status == .behind { return .yellow }
        let dueDay = due.ordinal
        if dueDay - today <= e.dueSoonDays {
            let total = max(1, dueDay - start)
            let elapsed = max(0, today - start)
            let expected = min(100, elapsed * 100 / total)
            if progress < expected { return .yellow }
        }
        return .green
    }
}

/// Four counters kept in place, indexed by an enum's `ordinal`: a dictionary
/// would hash on every count and an array would allocate per tally.
struct Counts4: Hashable, Sendable {
    private var a = 0, b = 0, c = 0, d = 0

    subscript(i: Int) -> Int {
        get {
            switch i {
            case 0: return a
            case 1: return b
            case 2: return c
            default: return d
            }
        }
        set {
            switch i {
            case 0: a = newValue
            case 1: b = newValue
            case 2: c = newValue
            default: d = newValue
            }
        }
    }
}

/// Counts of tasks by status and by light, and mean completion.
public struct Tally: Hashable, Sendable {
    public var total = 0
    private var statuses = Counts4()
    private var lights = Counts4()
    /// Sum of effective progress; completion = progressSum / total.
    public var progressSum = 0

    public init() {}

    public mutating func add(_ t: PlanTask, light: Light) {
        add(status: t.status, effectiveProgress: t.effectiveProgress, light: light)
    }

    /// The same from the fields it reads, for passes that must not copy tasks.
    public mutating func add(status: TaskStatus, effectiveProgress: Int, light: Light) {
        total += 1
        statuses[status.ordinal] += 1
        lights[light.ordinal] += 1
        progressSum += effectiveProgress
    }

    /// Takes back what `add` counted, for a task that changed.
    public mutating func remove(status: TaskStatus, effectiveProgress: Int, light: Light) {
        total -= 1
        statuses[status.ordinal] -= 1
        lights[light.ordinal] -= 1
        progressSum -= effectiveProgress
    }

    /// Mean progress in percent (a done task counts 100), 0 for no tasks.
    public var completion: Double { total == 0 ? 0 : Double(progressSum) / Double(total) }
    public func count(_ s: TaskStatus) -> Int { statuses[s.ordinal] }
    public func count(_ l: Light) -> Int { lights[l.ordinal] }
}

/// One department's workload in a plan.
public struct Workload: Hashable, Sendable {
    public var department: String
    public var collective: Bool
    private var roles = Counts4()
    public var total = 0
    public var done = 0
    public var inProgress = 0
    public var overdue = 0

    public init(department: String, collective: Bool) {
        self.department = department
        self.collective = collective
    }

    init(department: String, collective: Bool, _ c: WorkloadCounts) {
        self.init(department: department, collective: collective)
        roles = c.roles
        total = c.total
        done = c.done
        inProgress = c.inProgress
        overdue = c.overdue
    }

    public func count(_ r: Role) -> Int { roles[r.ordinal] }
}

/// A workload's counters alone, kept apart from its name while counting:
/// changing a `Workload` in an array retains and releases its name.
struct WorkloadCounts {
    var roles = Counts4()
    var total = 0, done = 0, inProgress = 0, overdue = 0
}

/// Everything the dashboard and reports derive from a plan, computed in one pass.
public struct Rollup: Sendable {
    public var evaluation: Evaluation
    public var plan: Tally
    public var sections: [Tally]
    /// Light per task, parallel to `Plan.tasks`.
    public var lights: [Light]
    /// Workloads in order of first appearance in the plan.
    public var workloads: [Workload]
    /// Indices into `workloads` of each task's departments, each once, in
    /// assignment order: task `i`'s are
    /// `taskWorkloads[taskWorkloadStarts[i]..<taskWorkloadStarts[i + 1]]`.
    /// Flat and 32-bit so filters over 100,000 tasks compare small ints.
    public var taskWorkloads: [Int32]
    public var taskWorkloadStarts: [Int32]
    /// The journal's done days the lights were judged with.
    public var doneDays: [String: Day]

    /// `doneDays`: the days tasks were marked done, from the journal; a task
    /// closed by review takes its approval date from the plan (`DoneTiming`).
    public init(_ p: Plan, _ e: Evaluation, doneDays: [String: Day] = [:]) {
        evaluation = e
        self.doneDays = doneDays
        var total = Tally()
        var sections = Array(repeating: Tally(), count: p.sections.count)
        var lights: [Light] = []
        lights.reserveCapacity(p.tasks.count)
        var names: [String] = [], collective: [Bool] = [], counts: [WorkloadCounts] = []
        var ids: [Int32] = []
        ids.reserveCapacity(p.tasks.count * 4)
        var starts: [Int32] = [0]
        starts.reserveCapacity(p.tasks.count + 1)
        // Bytes first; a name whose bytes are new is still looked up as a
        // `String`, so canonically equal spellings stay one workload.
        var byBytes = ByteNameIndex()
        var byName: [String: Int] = [:]
        var recent = RecentNames()
        let clock = LightClock(e, periodStart: p.period.start)
        // Only a plan with review requests or journal days can have work done late.
        let timed = !p.reviews.isEmpty || !doneDays.isEmpty
        p.tasks.withUnsafeBufferPointer { tasks in
            for n in tasks.indices {
                let status = tasks[n].status
                let done = timed && status == .done ? p.doneTiming(of: tasks[n], doneDays: doneDays) : nil
                let l = clock.light(status: status, due: tasks[n].due, progress: tasks[n].progress, done: done)
                let progress = status == .done ? 100 : tasks[n].progress
                lights.append(l)
                total.add(status: status, effectiveProgress: progress, light: l)
                let section = tasks[n].section
                if section >= 0 && section < sections.count {
                    sections[section].add(status: status, effectiveProgress: progress, light: l)
                }
                let first = ids.count
                tasks[n].assignments.withUnsafeBufferPointer { assignments in
                    for a in assignments.indices {
                        var i: Int
                        let bits = RecentNames.bits(assignments[a].department)
                        if let bits, let j = recent.value(bits) { i = j } else if let j = byBytes.find(assignments[a].department) {
                            i = j
                            if let bits { recent.remember(bits, j) }
                        } else {
                            let name = assignments[a].department
                            if let j = byName[name] { i = j } else {
                                i = names.count
                                byName[name] = i
                                names.append(name)
                                collective.append(assignments[a].collective)
                                counts.append(WorkloadCounts())
                            }
                            byBytes.insert(name, value: i)
                        }
                        counts[i].roles[assignments[a].role.ordinal] += 1
                        // Counted once per task however many roles it has.
                        let id = Int32(i)
                        var seen = false
                        for x in first..<ids.count where ids[x] == id { seen = true; break }
                        if seen { continue }
                        ids.append(id)
                        counts[i].total += 1
                        if status == .done { counts[i].done += 1 }
                        if status == .inProgress { counts[i].inProgress += 1 }
                        if l == .red { counts[i].overdue += 1 }
                    }
                }
                starts.append(Int32(ids.count))
            }
        }
        plan = total
        self.sections = sections
        self.lights = lights
        workloads = names.indices.map { Workload(department: names[$0], collective: collective[$0], counts[$0]) }
        taskWorkloads = ids
        taskWorkloadStarts = starts
    }

    public func workload(_ department: String) -> Workload? {
        workloads.first { $0.department == department }
    }
}

extension Rollup {
    /// Counts task `i` of `plan` again after its status, progress or due date
    /// changed (`old` is the task before): the cost is its departments', not
    /// the plan's. Returns the light it had before.
    @discardableResult
    public mutating func recount(task i: Int, of plan: Plan, was old: PlanTask) -> Light {
        let t = plan.tasks[i]
        let before = lights[i]
        let after = LightClock(evaluation, periodStart: plan.period.start)
            .light(status: t.status, due: t.due, progress: t.progress, done: plan.doneTiming(of: t, doneDays: doneDays))
        lights[i] = after
        self.plan.remove(status: old.status, effectiveProgress: old.effectiveProgress, light: before)
        self.plan.add(status: t.status, effectiveProgress: t.effectiveProgress, light: after)
        if t.section >= 0 && t.section < sections.count {
            sections[t.section].remove(status: old.status, effectiveProgress: old.effectiveProgress, light: before)
            sections[t.section].add(status: t.status, effectiveProgress: t.effectiveProgress, light: after)
        }
        for w in taskWorkloads[Int(taskWorkloadStarts[i])..<Int(taskWorkloadStarts[i + 1])] {
            let w = Int(w)
            workloads[w].done += (t.status == .done ? 1 : 0) - (old.status == .done ? 1 : 0)
            workloads[w].inProgress += (t.status == .inProgress ? 1 : 0) - (old.status == .inProgress ? 1 : 0)
            workloads[w].overdue += (after == .red ? 1 : 0) - (before == .red ? 1 : 0)
        }
        return before
    }
}
