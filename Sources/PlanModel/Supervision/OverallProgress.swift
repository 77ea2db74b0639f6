/// A task's overall status and progress as the office reads it.
public struct OverallProgress: Hashable, Sendable {
    public var status: TaskStatus
    public var progress: Int
    /// True when derived from the joint units' feedback rather than the
    /// task's own status and progress.
    public var derived: Bool
    /// For a derived progress: joint units whose part is done, and all of them.
    public var unitsDone: Int
    public var units: Int

    public init(status: TaskStatus, progress: Int, derived: Bool, unitsDone: Int = 0, units: Int = 0) {
        self.status = status
        self.progress = progress
        self.derived = derived
        self.unitsDone = unitsDone
        self.units = units
    }
}

extension Plan {
    /// The overall progress of a task. With a lead (牵头) unit, the task's own
    /// status and progress stand: the lead compiles them, and the other
    /// units' feedback informs it. A joint task (按职责分工负责, no lead) has
    /// no one to compile it, so its progress is the mean of its joint units'
    /// latest stated progress (withdrawn feedback does not count) (a unit that has not stated one counts 0), and
    /// it is done only when every joint unit's part is at 100. A joint task
    /// no unit has reported on yet keeps its own status and progress.
    public func overallProgress(of t: PlanTask) -> OverallProgress {
        let own = OverallProgress(status: t.status, progress: t.effectiveProgress, derived: false)
        guard !t.assignments.contains(where: { $0.role == .lead }) else { return own }
        var joint: [String] = []
        for a in t.assignments where a.role == .joint && !a.collective && !joint.contains(a.department) {
            joint.append(a.department)
        }
        guard !joint.isEmpty, supervision.feedbackCount(task: t.key) > 0 else { return own }
        var stated: [String: Int] = [:]
        forEachEffectiveFeedback(task: t.key) { f in if let p = f.progress { stated[f.department] = p } }
        guard !stated.isEmpty else { return own }
        let parts = joint.map { stated[$0] ?? 0 }
        let done = parts.filter { $0 >= 100 }.count
        let mean = parts.reduce(0, +) / parts.count
        let status: TaskStatus
        if done == parts.count { status = .done }
        else if t.status == .behind { status = .behind }
        else { status = parts.contains { $0 > 0 } ? .inProgress : .notStarted }
        // Never 100 before every part is done: integer division already floors.
        return OverallProgress(status: status, progress: status == .done ? 100 : min(mean, 99), derived: true,
                               unitsDone: done, units: parts.count)
    }
}
