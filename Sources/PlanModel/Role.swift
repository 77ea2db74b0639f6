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

    public static func < (a: Role, b: Role) -> Bool { a.ordinal < b.ordinal }

    /// Position in `allCases`, without building the array (sorts and counters
    /// ask for it per task).
    public var ordinal: Int {
        switch self {
        case .lead: return 0
        case .cooperate: return 1
        case .joint: return 2
        case .implement: return 3
        }
    }
}

/// Where a task has got. Stored as these raw strings.
public enum TaskStatus: String, CaseIterable, Sendable {
    case notStarted = "not_started"
    case inProgress = "in_progress"
    case done
    /// Explicitly reported as blocked or behind schedule.
    case behind

    /// Position in `allCases`, without building the array.
    public var ordinal: Int {
        switch self {
        case .notStarted: return 0
        case .inProgress: return 1
        case .done: return 2
        case .behind: return 3
        }
    }
}

/// The derived warning light of a task.
public enum Light: String, CaseIterable, Sendable, Comparable {
    case red, yellow, green

    /// Red sorts first: the most urgent light.
    public static func < (a: Light, b: Light) -> Bool { a.ordinal < b.ordinal }

    /// Position in `allCases` (red 0), without building the array.
    public var ordinal: Int {
        switch self {
        case .red: return 0
        case .yellow: return 1
        case .green: return 2
        }
    }
}

extension Role {
    /// Raw values as bytes, in `allCases` order, for decoding without a String.
    static let rawBytes: [[UInt8]] = allCases.map { Array($0.rawValue.utf8) }
}

extension TaskStatus {
    static let rawBytes: [[UInt8]] = allCases.map { Array($0.rawValue.utf8) }
}
