/// One task of a plan, e.g. Gansu 2014 （十三） with key `3.13`.
public struct PlanTask: Hashable, Sendable {
    /// `<section>.<number>` in Arabic digits; unique within a plan.
    public var key: String
    /// The numeral as printed, without brackets: `十三`, `1`.
    public var number: String
    /// Index into `Plan.sections`.
    public var section: Int
    /// Index into that section's `groups`, when the task sits in a group.
    public var group: Int?
    /// The first sentence, up to the first `。`.
    public var title: String {
        get { titleText.value }
        set { titleText = TaskText(newValue) }
    }
    /// The full text as written, without the trailing department list.
    public var text: String {
        get { bodyText.value }
        set { bodyText = TaskText(newValue) }
    }
    /// The same, possibly not yet made Strings (see `TaskText`): read these
    /// where many tasks are scanned.
    public var titleText: TaskText
    public var bodyText: TaskText
    public var assignments: [Assignment]
    public var due: Day
    public var status: TaskStatus
    /// 0–100.
    public var progress: Int
    public var notes: [Note]
    /// Notes written before `notes` that were left on disk: a plan loaded for
    /// display keeps only newer notes in memory (see `Store.displayPlan`).
    /// Zero in a plan loaded whole; such a plan must never be written back.
    public var olderNotes: Int = 0

    public init(key: String, number: String, section: Int, group: Int? = nil,
                title: String, text: String, assignments: [Assignment], due: Day,
                status: TaskStatus = .notStarted, progress: Int = 0, notes: [Note] = []) {
        self.key = key
        self.number = number
        self.section = section
        self.group = group
        self.titleText = TaskText(title)
        self.bodyText = TaskText(text)
        self.assignments = assignments
        self.due = due
        self.status = status
        self.progress = progress
        self.notes = notes
    }

    public func departments(_ role: Role) -> [String] {
        assignments.filter { $0.role == role }.map(\.department)
    }

    /// True when `department` has any role in this task.
    public func involves(_ department: String) -> Bool {
        assignments.contains { $0.department == department }
    }

    /// Notes in all, whether held here or left on disk.
    public var noteCount: Int { olderNotes + notes.count }

    /// Progress counted toward completion: a done task counts as 100.
    public var effectiveProgress: Int { status == .done ? 100 : progress }
}

/// A section `一、…` of a plan.
public struct Section: Hashable, Sendable {
    /// The numeral as printed: `一`.
    public var number: String
    public var title: String
    public var groups: [Group]

    public init(number: String, title: String, groups: [Group] = []) {
        self.number = number
        self.title = title
        self.groups = groups
    }
}

/// A heading inside a section that holds tasks but names no departments,
/// such as the 2023 plan's `(一)推进民生消费质量提升`.
public struct Group: Hashable, Sendable {
    public var number: String
    public var title: String

    public init(number: String, title: String) {
        self.number = number
        self.title = title
    }
}
