/// Something taken back (撤回) and kept: a note, a unit's feedback or a
/// request, marked withdrawn; a decision, whose request is pending again; or,
/// with `text`, a note or feedback corrected (更正) by the office. The
/// original stays in the plan and the journal, so the trail keeps what was said.
public struct Withdrawal: Hashable, Sendable {
    /// The journal name of what is withdrawn: `note`, `feedback`, `request` or `review`.
    public var kind: String
    public var task: String
    /// Its position among the task's records of that kind, oldest first (a
    /// review: the position of the request it decided).
    public var index: Int
    /// Stamped by the store.
    public var time: String
    public var user: String
    /// A correction: the text that replaces the note's or feedback's.
    public var text: String?

    public init(kind: String, task: String = "", index: Int, time: String = "", user: String = "", text: String? = nil) {
        self.kind = kind
        self.task = task
        self.index = index
        self.time = time
        self.user = user
        self.text = text
    }

    /// The kinds that are withdrawn rather than undone by writing an old value back.
    public static let kinds = [ChangeKind.note, .feedback, .request, .review].map(\.journalName)
    /// The kinds the office corrects.
    public static let correctable = [ChangeKind.note.journalName, ChangeKind.feedback.journalName]

    public var isCorrection: Bool { text != nil }

    public func json(record: Bool) -> JSON {
        var o: [(String, JSON)] = [("kind", .string(kind))]
        if record { o.append(("task", .string(task))) }
        o += [("index", .int(index)), ("time", .string(time)), ("user", .string(user))]
        if let text { o.append(("text", .string(text))) }
        return .object(o)
    }
}

extension Plan {
    /// Whether the task's `index`th record of `kind` (`note`, `feedback`, `request`) was withdrawn.
    public func isWithdrawn(_ kind: ChangeKind, task key: String, index: Int) -> Bool {
        reviews.hasWithdrawals(task: key) && reviews.withdrawn(kind.journalName, task: key).contains(index)
    }

    /// The latest correction of the task's `index`th note or feedback, if any.
    public func correction(_ kind: ChangeKind, task key: String, index: Int) -> Withdrawal? {
        guard reviews.hasWithdrawals(task: key) else { return nil }
        return reviews.withdrawals(task: key).last { $0.kind == kind.journalName && $0.index == index && $0.isCorrection }
    }

    mutating func applyWithdrawal(_ w: Withdrawal, task key: String) throws(EditError) {
        guard let t = task(key) else { throw EditError(en: "no task \(key) in \(id)", zh: "\(id) 中没有任务 \(key)") }
        let what = Self.recordName(w.kind)
        let count: Int
        switch w.kind {
        case ChangeKind.note.journalName: count = t.noteCount
        case ChangeKind.feedback.journalName: count = supervision.feedbackCount(task: key)
        default: count = reviews.count(task: key)
        }
        guard (0..<count).contains(w.index) else {
            throw EditError(en: "task \(key) has no \(what.en) #\(w.index + 1)", zh: "任务 \(key) 没有第 \(w.index + 1) 条\(what.zh)")
        }
        if let text = w.text {
            guard Withdrawal.correctable.contains(w.kind) else {
                throw EditError(en: "only a note or feedback is corrected", zh: "只能更正备注或情况反馈")
            }
            guard !text.allSatisfy(\.isWhitespace) else {
                throw EditError(en: "an empty correction: withdraw the \(what.en) instead", zh: "更正内容为空；如要撤回请用撤回")
            }
            guard text.utf8.count <= SupervisionLimits.textBytes else {
                throw EditError(en: "a correction of \(text.utf8.count) bytes is longer than \(SupervisionLimits.textBytes)",
                                zh: "更正内容 \(text.utf8.count) 字节，超过上限 \(SupervisionLimits.textBytes)")
            }
        }
        if w.kind == ChangeKind.review.journalName {
            try reopen(task: key, request: w.index)
        } else if isWithdrawn(ChangeKind.named(w.kind) ?? .note, task: key, index: w.index) {
            throw EditError(en: "\(what.en) #\(w.index + 1) of task \(key) is already withdrawn", zh: "任务 \(key) 的第 \(w.index + 1) 条\(what.zh)已撤回")
        }
        if w.kind == ChangeKind.request.journalName {
            let r = reviews.requests(task: key)[w.index]
            guard r.isPending else {
                throw EditError(en: "the \(r.kind.rawValue) request #\(w.index + 1) of task \(key) was decided on \(r.decision?.day?.description ?? "?") and is no longer withdrawn; the office reopens it by undoing its review",
                                zh: "任务 \(key) 的第 \(w.index + 1) 条申请已于 \(r.decision?.day?.description ?? "?") 审核，不能再撤回；须由办公室撤销审核后重新办理")
            }
        }
        var w = w
        w.task = key
        reviews.withdraw(w)
    }

    /// How a kind of record is named in a message.
    static func recordName(_ kind: String) -> Bilingual {
        switch kind {
        case ChangeKind.note.journalName: return ChangeKind.note.label
        case ChangeKind.feedback.journalName: return ChangeKind.feedback.label
        case ChangeKind.review.journalName: return Bilingual(zh: "申请（审核）", en: "request (review)")
        default: return Bilingual(zh: "申请", en: "request")
        }
    }
}
