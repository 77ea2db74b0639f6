import PlanModel
import PlanReports

/// The store as the dashboard sees it. The executables adapt the real store
/// (`StoreBackend` in the DashboardStore module); tests use an in-memory one.
/// Every mutation goes through `commit`/`undo`, where the store checks access
/// and conflicts.
public protocol DashboardBackend: AnyObject {
    var session: SessionInfo { get }
    func planIDs() -> [String]
    func plan(_ id: String) throws -> Plan
    /// The same with the sequence number of the last journal entry it
    /// reflects (nil when unknown), read together: a dashboard holding it
    /// applies the entries that follow instead of reading the plan again.
    func planAndSeq(_ id: String) throws -> (plan: Plan, seq: Int?)
    /// Journal entries of one task, oldest first.
    func history(plan: String, task: String) -> [JournalEntry]
    /// Every note of a task, oldest first: a plan from `plan(_:)` may hold
    /// only the newest in memory (`PlanTask.olderNotes`).
    func notes(plan: String, task: String) -> [Note]
    /// A plan's title, for the plan list; nil when the plan cannot be read.
    func planTitle(_ id: String) -> String?
    /// Latest journal entry of a plan, for "last updated HH:MM by USER".
    func lastChange(plan: String) -> JournalEntry?
    /// Commits one edit. `expected` is the value this session saw (compare-and-swap);
    /// throws `Conflict`, `Refusal` or `EditError`.
    func commit(_ edit: Edit, plan: String, task: String, expected: JSON, force: Bool) throws -> JournalEntry
    /// Undoes this session's last change in a plan, as a new journaled change.
    func undoLast(plan: String) throws -> JournalEntry
    /// Plans changed by anyone since the last call; cheap enough to call every tick.
    func pollChanges() -> [PlanChange]
    /// The date lights are evaluated at for a plan, and the due-soon window.
    func evaluation(for plan: Plan) -> Evaluation
    /// The status changes in a plan's journal, oldest first: when tasks were marked done.
    func statusChanges(plan: String) -> [JournalEntry]
    /// The office's assessment rules; throws when the settings hold bad ones.
    func scoringRules() throws -> ScoringRules
    /// Renamed bodies, old name → new name, so a department is followed across plans.
    func successions() -> [String: String]
    /// How chases escalate and when a reply is due (the store's setting).
    func chaseSettings() -> ChaseSettings
    /// The duty roster (责任分工), when one was imported.
    func roster() -> DutyRoster?
    /// Reads a document into a plan without storing it; messages in English
    /// when `english`.
    func previewImport(path: String, english: Bool) throws -> ImportPreviewData
    /// Stores a previewed plan (office users only: the store decides).
    func importPlan(_ plan: Plan) throws
    /// The issuing office named in written reports (settings "office"); nil for the default.
    func office() -> String?
    /// What the store noticed and carried on past, one line each, for the
    /// screen to show: a file that is not a plan, a damaged journal, access
    /// rules that do not parse, a torn last line.
    var warnings: [String] { get }
}

extension DashboardBackend {
    public func chaseSettings() -> ChaseSettings { ChaseSettings() }
    public func office() -> String? { nil }
    public var warnings: [String] { [] }
    public func planTitle(_ id: String) -> String? { (try? plan(id))?.title }
    public func planAndSeq(_ id: String) throws -> (plan: Plan, seq: Int?) { (try plan(id), nil) }

    /// For backends without a roster.
    public func roster() -> DutyRoster? { nil }

    /// For backends that cannot import.
    public func previewImport(path: String, english: Bool) throws -> ImportPreviewData {
        throw EditError(english ? "importing is not available here" : "此处不能导入")
    }

    public func importPlan(_ plan: Plan) throws {
        throw EditError("importing is not available here")
    }

    /// For backends whose plans hold every note.
    public func notes(plan: String, task: String) -> [Note] {
        ((try? self.plan(plan))?.task(task)?.notes) ?? []
    }
}
