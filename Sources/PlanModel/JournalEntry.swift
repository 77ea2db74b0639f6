/// One committed change: a line of a plan's journal, and a row of the audit trail.
public struct JournalEntry: Hashable, Sendable {
    /// 1, 2, 3… within one plan's journal.
    public var seq: Int
    /// ISO 8601 with offset, e.g. `2014-06-30T10:32:05+08:00`.
    public var time: String
    /// Unix user name, from the process's uid.
    public var user: String
    /// `SSH_CLIENT` address when the session came over SSH.
    public var ssh: String?
    public var plan: String
    /// Task key; empty for plan-level changes.
    public var task: String
    public var field: String
    public var old: JSON
    public var new: JSON
    /// For undo entries, the sequence number undone.
    public var undoes: Int?

    public init(seq: Int, time: String, user: String, ssh: String? = nil, plan: String, task: String,
                field: String, old: JSON, new: JSON, undoes: Int? = nil) {
        self.seq = seq
        self.time = time
        self.user = user
        self.ssh = ssh
        self.plan = plan
        self.task = task
        self.field = field
        self.old = old
        self.new = new
        self.undoes = undoes
    }

    /// `HH:MM` of `time`, for "changed by X at 10:32".
    public var clock: String {
        let parts = time.split(separator: "T")
        guard parts.count > 1 else { return time }
        return String(parts[1].prefix(5))
    }
}

/// A change refused because the value changed since the session read it.
public struct Conflict: Error, Hashable, Sendable, CustomStringConvertible {
    public var plan: String
    public var task: String
    public var field: String
    /// What the session thought the value was.
    public var expected: JSON
    /// What it is now.
    public var current: JSON
    /// The change that made it so.
    public var by: JournalEntry?

    public init(plan: String, task: String, field: String, expected: JSON, current: JSON, by: JournalEntry?) {
        self.plan = plan
        self.task = task
        self.field = field
        self.expected = expected
        self.current = current
        self.by = by
    }

    public var description: String {
        var s = "conflict: \(plan) \(task) \(field) is now \(current.brief), not \(expected.brief)"
        if let by { s += " (changed by \(by.user) at \(by.time))" }
        return s
    }
}
