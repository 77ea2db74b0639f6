import PlanModel

/// What a session holds of one plan: the plan as of journal entry `seq`, and
/// how far into the journal file it has read, so catching up reads only the
/// bytes appended since.
struct PlanState {
    var plan: Plan
    /// Last journal entry applied (snapshot's seq when none followed).
    var seq: Int
    /// Journal offset just after the last complete line read.
    var offset: Int
    var snapshotSignature: POSIXFile.Signature?
    var journalSignature: POSIXFile.Signature?
    /// Set when the snapshot's notes were left on disk (`Store.displayPlan`).
    var notesOnDisk: NotesOnDisk?
    /// Set when the plan holds only this task (see `Store.plan(_:onlyTask:)`):
    /// journal entries about other tasks are counted, not applied.
    var only: String?
    /// Latest entry per "task\u{0}field", to name who made a conflicting change.
    var lastChange: [String: JournalEntry] = [:]
    /// Latest entry of the plan, for "last updated".
    var latest: JournalEntry?
    /// Set when the journal has lost entries the snapshot holds: the plan
    /// reads, but no writer touches its files.
    var damage: StoreReason?

    static func key(_ task: String, _ field: String) -> String { task + "\u{0}" + field }
}

/// Files of one plan.
struct PlanFiles {
    let id: String
    let snapshot: String
    let journal: String
    let lock: String

    init(dir: String, id: String) {
        self.id = id
        snapshot = dir + "/" + id + ".json"
        journal = dir + "/" + id + ".journal.jsonl"
        lock = dir + "/" + id + ".lock"
    }
}
