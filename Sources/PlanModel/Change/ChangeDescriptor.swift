/// One row of the table of journaled changes (`ChangeKind.descriptor`). A
/// class, so reading a row for every journal line replayed copies a reference,
/// not a dozen fields.
public final class ChangeDescriptor: Sendable {
    /// The journal's `field` value, or its part before `:` for a keyed kind.
    public let journalName: String
    /// Field names of this kind carry a key: `indicator:<id>`.
    public let keyed: Bool
    public let label: Bilingual
    public let scope: ChangeScope
    public let permission: ChangePermission
    public let undo: ChangeUndo
    /// The edit that writes a journal value (`new`, or `old` to undo) to a
    /// field of this kind; nil for kinds that replay no edit (an import).
    public let decode: @Sendable (ChangeField, JSON) throws(PlanFormatError) -> Edit?
    /// The edit that puts a journal value back exactly, where that differs
    /// from the edit that writes it (reopening a round is not opening one):
    /// forms the inverse from `old` and replays an undo entry's `new`.
    public let restore: (@Sendable (ChangeField, JSON) throws(PlanFormatError) -> Edit)?
    /// The field's current value in journal form, what a commit records as
    /// `old` and compares with what the session saw: (plan, task key, field key).
    public let current: @Sendable (Plan, String, String) -> JSON
    /// A value of this kind in one line of a command's output.
    public let brief: @Sendable (JSON) -> String
    /// A change of this kind in one line of the audit trail: (old, new).
    public let describe: @Sendable (JSON, JSON) -> String

    init(_ journalName: String, zh: String, en: String, keyed: Bool = false, scope: ChangeScope,
         permission: ChangePermission, undo: ChangeUndo,
         decode: @escaping @Sendable (ChangeField, JSON) throws(PlanFormatError) -> Edit?,
         restore: (@Sendable (ChangeField, JSON) throws(PlanFormatError) -> Edit)? = nil,
         current: @escaping @Sendable (Plan, String, String) -> JSON,
         brief: @escaping @Sendable (JSON) -> String = { $0.brief },
         describe: (@Sendable (JSON, JSON) -> String)? = nil) {
        self.journalName = journalName
        self.keyed = keyed
        self.label = Bilingual(zh: zh, en: en)
        self.scope = scope
        self.permission = permission
        self.undo = undo
        self.decode = decode
        self.restore = restore
        self.current = current
        self.brief = brief
        self.describe = describe ?? { old, new in "\(old.brief) → \(brief(new))" }
    }
}

/// What a change applies to, which decides what a commit checks and records.
public enum ChangeScope: Hashable, Sendable {
    /// One field of an existing task; the old value is compared before writing.
    case taskField
    /// Something added to an existing task's record (a note): its "old value"
    /// is a count, and a command that appends one does not ask to compare it.
    case taskEvent
    /// A whole task added or removed under the entry's task key.
    case taskLifecycle
    /// A value of the plan named by the field's key (`indicator:<id>`); the
    /// entry's task is empty.
    case planField
    /// The plan as a whole (an import); the entry's task is empty.
    case planEvent
    /// Something added to the plan's record under the field's key (a chase of
    /// a department): its "old value" is a count, not compared by a command
    /// that appends one; the entry's task is empty.
    case planRecord

    /// Whether the task named by the entry must exist before the change.
    public var needsExistingTask: Bool { self == .taskField || self == .taskEvent }
    /// Whether the entry names a task at all.
    public var hasTask: Bool { self != .planField && self != .planEvent && self != .planRecord }
}

/// Who may make a change, as the access rules read it (`AccessRole.refusal`).
public enum ChangePermission: Hashable, Sendable {
    /// A progress report: the office, or a reporting unit on a task where one
    /// of its departments has a role.
    case progressReport
    /// The plan's structure (titles, text, assignments, due dates, tasks): the office only.
    case structure
    /// Indicator values: the office only.
    case indicator
    /// Importing or replacing a plan: the office only.
    case administration
    /// A unit's own feedback: a reporting unit for its own departments with a
    /// role on the task, the office on any such unit's behalf.
    case unitFeedback
    /// Reporting rounds and chases: the office only.
    case supervision
    /// A task's status and progress: its lead units (see `PermissionRule.statusByLead`), or the office.
    case taskProgress
    /// Closure and extension requests: the task's responsible units, each for itself, or the office on their behalf.
    case request
    /// Deciding requests: the office only.
    case review
    /// Correcting what a unit said (a note or feedback): the office only.
    case correction

    /// Whether a reporting unit may make it on its own tasks.
    public var reporterMay: Bool {
        self == .progressReport || self == .unitFeedback || self == .taskProgress || self == .request
    }
}

/// Whether a change can be undone, and how the undoing edit is formed.
public enum ChangeUndo: Hashable, Sendable {
    /// Not undoable: a new change must be made instead.
    case never
    /// Undone by writing the entry's old value back (the kind's `decode` of `old`).
    case restoreOld
    /// Appended records: undone by a journaled withdrawal of the record the
    /// entry added (its position is the entry's `old`, the count before it).
    case withdraw
    /// A decision: undone by reopening the request it decided (a journaled
    /// withdrawal of the decision), the task put back as it was before it.
    /// The request is found in the plan: the unit's latest of the kind.
    case reopen
}

/// A label in both of the interface's languages.
public struct Bilingual: Hashable, Sendable {
    public var zh: String
    public var en: String
    public init(zh: String, en: String) { self.zh = zh; self.en = en }
}
