/// A task's status, progress and due date at one moment: what a decision
/// found, and what undoing it puts back.
public struct TaskStanding: Hashable, Sendable {
    public var status: TaskStatus
    public var progress: Int
    public var due: Day

    public init(status: TaskStatus, progress: Int, due: Day) {
        self.status = status
        self.progress = progress
        self.due = due
    }

    public init(_ t: PlanTask) { self.init(status: t.status, progress: t.progress, due: t.due) }

    public var json: JSON {
        .object([("status", .string(status.rawValue)), ("progress", .int(progress)), ("due", .string(due.description))])
    }
}
