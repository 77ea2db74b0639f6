/// The feedback that stands: what units filed, less what was withdrawn (撤回).
/// A withdrawn feedback stays in the record and the journal for the trail,
/// and counts nowhere: not in a round's tally, not as a unit's latest, not in
/// a joint task's derived progress, not against what a unit owes. Every
/// reader of feedback goes through `effectiveFeedback`.
extension Plan {
    /// A unit's effective feedback on a task (every unit's when `department`
    /// is nil), oldest first.
    public func effectiveFeedback(task key: String, department: String? = nil) -> [UnitFeedback] {
        var out: [UnitFeedback] = []
        forEachEffectiveFeedback(task: key) { f in
            if department == nil || f.department == department { out.append(f) }
        }
        return out
    }

    /// The same without building an array, for counts over every task. A
    /// feedback the office corrected (更正) stands with the correction's text.
    @inline(__always)
    func forEachEffectiveFeedback(task key: String, _ body: (UnitFeedback) -> Void) {
        guard let indices = supervision.feedbackByTask[key] else { return }
        // Read in place: a copy of each record would retain its five strings.
        supervision.feedback.withUnsafeBufferPointer { all in
            guard !reviews.withdrawals.isEmpty, reviews.hasWithdrawals(task: key) else {
                for i in indices { body(all[i]) }
                return
            }
            let taken = reviews.withdrawals(task: key).filter { $0.kind == ChangeKind.feedback.journalName }
            for (n, i) in indices.enumerated() where !taken.contains(where: { $0.index == n && !$0.isCorrection }) {
                if let text = taken.last(where: { $0.index == n && $0.isCorrection })?.text {
                    var f = all[i]
                    f.text = text
                    body(f)
                } else {
                    body(all[i])
                }
            }
        }
    }

    /// The latest effective feedback of each department on a task.
    public func latestFeedback(task key: String) -> [String: UnitFeedback] {
        var out: [String: UnitFeedback] = [:]
        forEachEffectiveFeedback(task: key) { out[$0.department] = $0 }
        return out
    }

    /// How many feedback records of a task stand.
    public func effectiveFeedbackCount(task key: String) -> Int {
        supervision.feedbackCount(task: key)
            - (reviews.hasWithdrawals(task: key) ? Set(reviews.withdrawn(ChangeKind.feedback.journalName, task: key)).count : 0)
    }
}
