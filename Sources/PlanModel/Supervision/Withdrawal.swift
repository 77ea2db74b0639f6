/// A note or a unit's feedback taken back (撤回): the original stays in the
/// plan and the journal, marked withdrawn, so the trail keeps what was said.
public struct Withdrawal: Hashable, Sendable {
    /// The journal name of what is withdrawn: `note` or `feedback`.
    public var kind: String
    public var task: String
    /// Its position among the task's records of that kind, oldest first.
    public var index: Int
    /// Stamped by the store.
    public var time: String
    public var user: String

    public init(kind: String, task: String = "", index: Int, time: String = "", user: String = "") {
        self.kind = kind
        self.task = task
        self.index = index
        self.time = time
        self.user = user
    }

    /// The kinds that are withdrawn rather than undone by writing an old value back.
    public static let kinds = [ChangeKind.note.journalName, ChangeKind.feedback.journalName]

    public func json(record: Bool) -> JSON {
        var o: [(String, JSON)] = [("kind", .string(kind))]
        if record { o.append(("task", .string(task))) }
        o += [("index", .int(index)), ("time", .string(time)), ("user", .string(user))]
        return .object(o)
    }
}

extension Plan {
    /// Whether the task's `index`th record of `kind` (`note`, `feedback`) was withdrawn.
    public func isWithdrawn(_ kind: ChangeKind, task key: String, index: Int) -> Bool {
        reviews.hasWithdrawals(task: key) && reviews.withdrawn(kind.journalName, task: key).contains(index)
    }

    mutating func applyWithdrawal(_ w: Withdrawal, task key: String) throws(EditError) {
        guard let t = task(key) else { throw EditError(en: "no task \(key) in \(id)", zh: "\(id) 中没有任务 \(key)") }
        let count = w.kind == ChangeKind.note.journalName ? t.noteCount : supervision.feedbackCount(task: key)
        guard (0..<count).contains(w.index) else {
            throw EditError(en: "task \(key) has no \(w.kind) #\(w.index + 1)", zh: "任务 \(key) 没有第 \(w.index + 1) 条\(w.kind == ChangeKind.note.journalName ? "备注" : "情况反馈")")
        }
        guard !reviews.withdrawn(w.kind, task: key).contains(w.index) else {
            throw EditError(en: "\(w.kind) #\(w.index + 1) of task \(key) is already withdrawn", zh: "任务 \(key) 的第 \(w.index + 1) 条已撤回")
        }
        var w = w
        w.task = key
        reviews.withdraw(w)
    }
}
