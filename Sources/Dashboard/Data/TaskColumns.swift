import PlanModel

/// The fields the Tasks pane filters and sorts on, as flat arrays parallel to
/// `Plan.tasks`: a pass over them reads a few bytes per task instead of
/// copying whole `PlanTask`s (strings, arrays and all).
struct TaskColumns {
    var section: [Int32] = []
    /// -1 for a task in no group.
    var group: [Int32] = []
    var status: [TaskStatus] = []
    /// Due dates as `Day.packed`.
    var due: [Int32] = []
    /// Progress counted toward completion (a done task counts 100).
    var progress: [Int32] = []

    init(capacity n: Int) {
        section.reserveCapacity(n)
        group.reserveCapacity(n)
        status.reserveCapacity(n)
        due.reserveCapacity(n)
        progress.reserveCapacity(n)
    }
}

extension Day {
    /// The date as one int whose order is date order: a sort key, not a count of days.
    var packed: Int32 { Int32(truncatingIfNeeded: year << 9 | month << 5 | day) }
}
