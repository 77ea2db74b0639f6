/// One (assignee, role) pair of a task, in document order.
public struct Assignment: Hashable, Sendable {
    /// Canonical department name within the plan (see `Department.aliases`).
    public var department: String
    public var role: Role
    /// A collective body such as 省质量发展领导小组各成员单位, not one department.
    public var collective: Bool

    public init(department: String, role: Role, collective: Bool = false) {
        self.department = department
        self.role = role
        self.collective = collective
    }
}

/// A progress note: who reported what, when.
public struct Note: Hashable, Sendable {
    /// ISO 8601 time, e.g. `2014-06-30T10:32:00+08:00`.
    public var time: String
    /// Unix user who recorded it.
    public var user: String
    /// The department it speaks for, when known.
    public var department: String?
    public var text: String

    public init(time: String, user: String, department: String? = nil, text: String) {
        self.time = time
        self.user = user
        self.department = department
        self.text = text
    }

    /// The date part of `time`.
    public var day: Day? { Day(time.prefix(10)) }
}
