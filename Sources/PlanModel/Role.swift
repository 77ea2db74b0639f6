/// What an assignee does for a task, as the documents say it.
public enum Role: String, CaseIterable, Sendable, Comparable {
    /// 牵头: leads the task.
    case lead
    /// 配合: cooperates with the leads.
    case cooperate
    /// 按职责分工负责: jointly responsible, each for its own part.
    case joint
    /// 负责具体实施: the local governments that carry it out.
    case implement

    public static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Where a task has got. Stored as these raw strings.
public enum TaskStatus: String, CaseIterable, Sendable {
    case notStarted = "not_started"
    case inProgress = "in_progress"
    case done
    /// Explicitly reported as blocked or behind schedule.
    case behind
}

/// The derived warning light of a task.
public enum Light: String, CaseIterable, Sendable, Comparable {
    case red, yellow, green

    /// Red sorts first: the most urgent light.
    public static func < (a: Light, b: Light) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

extension Role {
    /// Raw values as bytes, in `allCases` order, for decoding without a String.
    static let rawBytes: [[UInt8]] = allCases.map { Array($0.rawValue.utf8) }
}

extension TaskStatus {
    static let rawBytes: [[UInt8]] = allCases.map { Array($0.rawValue.utf8) }
}
