import Dashboard
import PlanModel
import PlanReports
import PlanStore

/// The real store behind the dashboard and the kiosk. Every change goes through
/// `Store.commit`, where access and conflicts are decided.
public final class StoreBackend: DashboardBackend {
    public let store: Store
    private let today: Day?
    private let kiosk: Bool
    /// The language the store's warnings, read-only reasons and failures are shown in.
    private let language: Language

    /// `today`: evaluate lights as of this date instead of the store's setting or the clock.
    public init(store: Store, today: Day?, kiosk: Bool = false, language: Language = .zh) {
        self.store = store
        self.today = today
        self.kiosk = kiosk
        self.language = language
    }

    public var session: SessionInfo {
        var s = store.session
        let why = store.readOnlyCause?.text(language) ?? s.readOnlyReason
        s = SessionInfo(user: s.user, role: s.role, readOnly: s.readOnly || kiosk, readOnlyReason: why, kiosk: kiosk)
        return s
    }

    public func planIDs() -> [String] { store.planIDs() }
    public var warnings: [String] { store.warnings(language) }
    /// From the snapshot's header: the plan list does not load every plan.
    public func planTitle(_ id: String) -> String? { store.planTitle(id) }
    /// Notes stay on disk until a task is opened: a display holds what it shows.
    public func plan(_ id: String) throws -> Plan { try localized { try store.displayPlan(id) } }
    public func planAndSeq(_ id: String) throws -> (plan: Plan, seq: Int?) {
        let (p, seq) = try localized { try store.displayPlanAndSeq(id) }
        return (p, seq)
    }
    public func history(plan: String, task: String) -> [JournalEntry] { store.history(plan: plan, task: task) }
    public func notes(plan: String, task: String) -> [Note] { (try? store.notes(plan: plan, task: task)) ?? [] }
    public func lastChange(plan: String) -> JournalEntry? { store.lastChange(plan: plan) }

    public func commit(_ edit: Edit, plan: String, task: String, expected: JSON, force: Bool) throws -> JournalEntry {
        // The kiosk opens the store read-only; refuse here too so no path can write.
        guard !kiosk else { throw Refusal("the kiosk is read-only") }
        // Appended records (notes, feedback, chases) never conflict: their "old value" is only a count.
        let appends = edit.kind.scope == .taskEvent || edit.kind.scope == .planRecord
        // A task added or removed is not compared, as `duban edit` does not: the
        // plan applies it only to a key that is new (or still there), and the
        // task as shown may leave older notes on disk.
        let whole = edit.kind.scope == .taskLifecycle
        return try localized { try store.commit(edit, plan: plan, task: task, expected: appends || whole ? nil : expected, force: force) }
    }

    public func chaseSettings() -> ChaseSettings { store.settings.chase }

    public func undoLast(plan: String) throws -> JournalEntry {
        guard !kiosk else { throw Refusal("the kiosk is read-only") }
        return try localized { try store.undoLast(plan: plan) }
    }

    /// A store failure in the session's language; every other error as it is.
    private func localized<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as StoreError { throw StoreFailure(description: e.text(language)) }
    }

    public func pollChanges() -> [PlanChange] { store.pollChanges() }

    public func evaluation(for plan: Plan) -> Evaluation { store.evaluation(for: plan, today: today) }

    public func statusChanges(plan: String) -> [JournalEntry] { (try? store.journal(plan, fields: [ChangeKind.status.journalName])) ?? [] }

    public func scoringRules() throws -> ScoringRules {
        guard let j = store.settings.raw["scoring"] else { return .standard }
        return try ScoringRules(json: j, path: "settings.json: scoring")
    }

    /// A roster that does not parse is left out: `check` names the file.
    public func roster() -> DutyRoster? { (try? store.roster()) ?? nil }

    public func successions() -> [String: String] {
        guard let o = store.settings.raw["successions"]?.object else { return [:] }
        var m: [String: String] = [:]
        for (k, v) in o { if let v = v.string { m[k] = v } }
        return m
    }

    public func office() -> String? {
        store.settings.raw["office"]?.string.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// A store failure as the dashboard shows it, already in the session's language.
struct StoreFailure: Error, CustomStringConvertible {
    var description: String
}
