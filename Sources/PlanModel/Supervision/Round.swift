/// A reporting round (报送): the office asks every unit with a role on the
/// tasks in scope for feedback by `due`. Feedback filed from `opened` to
/// `due` is on time, later is late; a closed round counts nothing filed after
/// it closed and keeps the tally it had then (`frozen`).
public struct Round: Hashable, Sendable {
    /// Unique within a plan, e.g. `2014年三季度`.
    public var name: String
    /// The day the round opened (the day lights are evaluated at).
    public var opened: Day
    /// The day the round's feedback covers up to, when given.
    public var coversTo: Day?
    public var due: Day
    /// Section indices in scope; nil with `tasks` nil: the whole plan.
    public var sections: [Int]?
    /// Task keys in scope, besides whole sections.
    public var tasks: [String]?
    /// When it was opened and closed, ISO 8601, stamped by the store.
    public var openedAt: String
    public var closedAt: String?
    /// The tally at closing.
    public var frozen: RoundTally?

    public init(name: String, opened: Day, coversTo: Day? = nil, due: Day, sections: [Int]? = nil,
                tasks: [String]? = nil, openedAt: String = "", closedAt: String? = nil, frozen: RoundTally? = nil) {
        self.name = name
        self.opened = opened
        self.coversTo = coversTo
        self.due = due
        self.sections = sections
        self.tasks = tasks
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.frozen = frozen
    }

    public var isOpen: Bool { closedAt == nil }

    /// Whether `task` is in the round's scope.
    public func covers(_ task: PlanTask) -> Bool {
        if sections == nil && tasks == nil { return true }
        return sections?.contains(task.section) == true || tasks?.contains(task.key) == true
    }

    /// Whether a feedback falls in the round at all, and if so on time.
    public func timing(of f: UnitFeedback) -> FeedbackTiming? {
        timing(of: f, opened: Self.number(opened), due: Self.number(due))
    }

    /// The same with the round's dates as `YYYYMMDD` numbers, computed once per tally.
    func timing(of f: UnitFeedback, opened: Int, due: Int) -> FeedbackTiming? {
        let d = f.dayNumber
        guard d != 0, d >= opened else { return nil }
        if let closedAt, f.time > closedAt { return nil }
        return d <= due ? .onTime : .late
    }

    static func number(_ d: Day) -> Int { d.year * 10_000 + d.month * 100 + d.day }

    public var json: JSON {
        var o: [(String, JSON)] = [("name", .string(name)), ("opened", .string(opened.description))]
        if let coversTo { o.append(("coversTo", .string(coversTo.description))) }
        o.append(("due", .string(due.description)))
        if let sections { o.append(("sections", .array(sections.map { .int($0) }))) }
        if let tasks { o.append(("tasks", .array(tasks.map { .string($0) }))) }
        o.append(("openedAt", .string(openedAt)))
        if let closedAt { o.append(("closedAt", .string(closedAt))) }
        if let frozen { o.append(("frozen", frozen.json)) }
        return .object(o)
    }
}

public enum FeedbackTiming: String, Hashable, Sendable {
    case onTime = "on_time"
    case late
}

/// What a round expected and got: a row per department and the (task,
/// department) pairs still owed, in plan order.
public struct RoundTally: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var department: String
        public var expected = 0
        public var onTime = 0
        public var late = 0
        public var missing: Int { expected - onTime - late }
        public var reported: Int { onTime + late }
        public init(department: String, expected: Int = 0, onTime: Int = 0, late: Int = 0) {
            self.department = department
            self.expected = expected
            self.onTime = onTime
            self.late = late
        }
    }

    /// A feedback owed: task key and department.
    public struct Owed: Hashable, Sendable {
        public var task: String
        public var department: String
        public init(task: String, department: String) { self.task = task; self.department = department }
    }

    /// In the order of the plan's departments, then of first appearance.
    public var rows: [Row]
    public var missing: [Owed]
    /// Late feedback, in plan order.
    public var late: [Owed]

    public init(rows: [Row] = [], missing: [Owed] = [], late: [Owed] = []) {
        self.rows = rows
        self.missing = missing
        self.late = late
    }

    public var expected: Int { rows.reduce(0) { $0 + $1.expected } }
    public var onTime: Int { rows.reduce(0) { $0 + $1.onTime } }
    public var lateCount: Int { rows.reduce(0) { $0 + $1.late } }
    public var reported: Int { onTime + lateCount }
    public var missingCount: Int { expected - reported }

    public func row(_ department: String) -> Row? { rows.first { $0.department == department } }

    public var json: JSON {
        let owed: (Owed) -> JSON = { .array([.string($0.task), .string($0.department)]) }
        return .object([
            ("rows", .array(rows.map { .object([("department", .string($0.department)), ("expected", .int($0.expected)),
                                                 ("onTime", .int($0.onTime)), ("late", .int($0.late))]) })),
            ("missing", .array(missing.map(owed))),
            ("late", .array(late.map(owed))),
        ])
    }
}
