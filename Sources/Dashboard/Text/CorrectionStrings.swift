import PlanModel

/// The detail view's words for correcting and withdrawing notes and feedback.
extension Strings {
    private func tc(_ zh: String, _ en: String) -> String { v.pick(zh, en) }

    /// After the header of a corrected record: who corrected it and when
    /// (the original is in the history below).
    func correctedMark(_ user: String, _ time: String) -> String {
        tc("  [已更正：\(user) \(time)]", "  [corrected: \(user) \(time)]")
    }
    var withdrawnMark: String { tc("  [已撤回]", "  [withdrawn]") }
    var noRecordSelected: String { tc("请先用 [ 或 ] 选择一条备注或情况反馈", "select a note or feedback first with [ or ]") }
    var noRecords: String { tc("该任务没有备注或情况反馈", "this task has no notes or feedback") }
    func correctPrompt(_ what: String, _ n: Int) -> String { tc("更正第 \(n) 条\(what)", "correct \(what) #\(n)") }
    var emptyCorrection: String { tc("更正内容为空；如要撤回请按 X", "empty correction; press X to withdraw instead") }
    func recordName(_ kind: ChangeKind) -> String { tc(kind.label.zh, kind.label.en) }
    var alreadyWithdrawn: String { tc("该条已撤回", "it is already withdrawn") }
}
