/// A change to one plan, as every front end asks for it. The store checks access,
/// compares the old value, journals and applies it; `apply` is the pure part.
/// How each case is journaled, labelled and permitted is in `ChangeKind`.
public enum Edit: Hashable, Sendable {
    case setStatus(TaskStatus)
    case setProgress(Int)
    case setDue(Day)
    case addNote(Note)
    case setTitle(String)
    case setText(String)
    case setAssignments([Assignment])
    case addTask(PlanTask)
    case removeTask
    /// Records the actual value of an indicator (nil clears it).
    case setIndicatorActual(id: String, value: Double?)
    /// Appends a unit's feedback to the task (the store stamps time and user).
    case addFeedback(UnitFeedback)
    /// Opens a round (none of that name yet) or closes the open one of that name.
    case setRound(Round)
    /// Records a chase sent to a department.
    case addChase(Chase)
    /// Files a closure or extension request (the store stamps time, user and date).
    case request(ReviewRequest)
    /// Decides the pending request of one unit on the task.
    case review(Review)
    /// Takes back a note, a unit's feedback or a request, or reopens a
    /// decided request, the original kept (the undo of adding one); with
    /// text, corrects a note or feedback.
    case withdraw(Withdrawal)
    /// Puts a round back as it was (undo): nil withdraws it, an open round reopens it.
    case restoreRound(name: String, round: Round?)
    /// Withdraws the department's latest chase, leaving it `count` (undo).
    case withdrawChase(department: String, count: Int)
}

/// Why an edit cannot be applied to a plan, whoever asks.
public struct EditError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// The same in Chinese, where the kind of change says it in both languages.
    public var zh: String?
    public init(_ message: String) { self.message = message }
    public init(en: String, zh: String) { self.message = en; self.zh = zh }
    public var description: String { message }
}

extension Plan {
    /// The current value of the field `edit` changes, in journal form: what a
    /// compare-and-swap compares. Notes append, so their "old value" is the count.
    public func currentValue(of edit: Edit, task key: String) -> JSON {
        edit.changeField.current(in: self, task: key)
    }

    /// Checks an edit's value and applies it. Throws with a message naming the
    /// bad value; the plan is unchanged on error.
    public mutating func apply(_ edit: Edit, task key: String) throws(EditError) {
        if case .addTask(let t) = edit {
            guard task(t.key) == nil else { throw EditError("task \(t.key) already exists in \(id)") }
            guard t.key == key else { throw EditError("task key \(t.key) does not match \(key)") }
            guard t.section >= 0 && t.section < sections.count else {
                throw EditError("task \(t.key): no section \(t.section + 1) in \(id)")
            }
            insert(t)
            return
        }
        if case .setIndicatorActual(let id, let v) = edit {
            guard let i = indicators.firstIndex(where: { $0.id == id }) else {
                throw EditError("no indicator \(id) in \(self.id)")
            }
            if let v, !v.isFinite { throw EditError("indicator value \(v) is not a number") }
            indicators[i].actual = v
            return
        }
        switch edit {
        case .setRound(let r): try applyRound(r); return
        case .addChase(let c): try applyChase(c); return
        case .restoreRound(let name, let r): try restoreRound(name, to: r); return
        case .withdrawChase(let d, let n): try withdrawChase(d, count: n); return
        default: break
        }
        guard task(key) != nil else { throw EditError("no task \(key) in \(id)") }
        switch edit {
        case .setStatus(let s):
            modifyTask(key) {
                $0.status = s
                if s == .done { $0.progress = 100 }
            }
        case .setProgress(let p):
            guard (0...100).contains(p) else { throw EditError("progress \(p) is outside 0–100") }
            modifyTask(key) {
                $0.progress = p
                if p > 0 && $0.status == .notStarted { $0.status = .inProgress }
                // A done task counts 100% wherever it is shown: lowering its
                // progress reopens it, so the number entered is the one shown.
                if p < 100 && $0.status == .done { $0.status = .inProgress }
            }
        case .setDue(let d):
            modifyTask(key) { $0.due = d }
        case .addNote(let n):
            guard !n.text.isEmpty else { throw EditError("empty note") }
            guard n.text.utf8.count <= Limits.noteBytes else {
                throw EditError("note of \(n.text.utf8.count) bytes is longer than \(Limits.noteBytes)")
            }
            modifyTask(key) { $0.notes.append(n) }
        case .setTitle(let s):
            guard !s.isEmpty else { throw EditError("empty title") }
            modifyTask(key) { $0.title = s }
        case .setText(let s):
            modifyTask(key) { $0.text = s }
        case .setAssignments(let a):
            modifyTask(key) { $0.assignments = a }
        case .removeTask:
            removeTask(key)
        case .addFeedback(let f):
            try applyFeedback(f, task: key)
        case .request(let r):
            try applyRequest(r, task: key)
        case .review(let d):
            try applyReview(d, task: key)
        case .withdraw(let w):
            try applyWithdrawal(w, task: key)
        case .addTask, .setIndicatorActual, .setRound, .addChase, .restoreRound, .withdrawChase:
            break
        }
    }
}

public enum Limits {
    /// Longest note accepted: a progress report, not a document.
    public static let noteBytes = 4096
}
