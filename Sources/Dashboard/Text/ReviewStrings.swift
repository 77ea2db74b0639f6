import PlanModel

/// The 待办 inbox's, "my tasks"' and closure requests' strings, in both languages.
extension Strings {
    private func tr(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }

    var review: ReviewWords { ReviewWords(Vocabulary(lang)) }
    func inboxTitle(_ n: Int) -> String { tr("待办 · 待审核的申请（\(n)）", "Inbox · requests awaiting review (\(n))") }
    var inboxEmpty: String { tr("没有待审核的申请", "no request awaits review") }
    var inboxHint: String { tr("y 通过  x 退回  z 不予批准  Enter 任务详情", "y approve  x return  z reject  Enter task detail") }
    func myTasksTitle(_ units: String, _ n: Int) -> String { tr("我的任务 · \(units)（\(n)）", "My tasks · \(units) (\(n))") }
    var myTasksNone: String { tr("本单位在此计划中没有任务", "no task of your units in this plan") }
    var myTasksOffice: String { tr("“我的任务”供报送单位使用；办公室请用 T（待办）", "my tasks is for reporting units; the office uses T (inbox)") }
    var colFiled: String { tr("申请日期", "Filed") }
    var colKind: String { tr("类别", "Kind") }
    var colUnit: String { tr("单位", "Unit") }
    var colSummary: String { tr("说明", "Summary") }
    var colOwes: String { tr("待办事项", "Owes") }
    func kindShort(_ k: RequestKind) -> String {
        switch k {
        case .closure: return tr("办结", "closure")
        case .extension: return tr("延期", "extension")
        }
    }
    var noRequestSelected: String { tr("没有选中的申请", "no request selected") }
    func reasonPrompt(_ o: ReviewOutcome) -> String { o == .returned ? tr("退回理由", "Reason for return") : tr("不予批准的理由", "Reason for refusal") }
    var emptyReason: String { tr("理由不能为空", "a reason is needed") }
    func closurePrompt(_ d: String) -> String { tr("\(d) 办结申请：办结情况说明", "Closure request from \(d): what was done") }
    var emptySummary: String { tr("办结情况说明不能为空", "the summary must not be empty") }
    var notResponsible: String { tr("本单位不是该任务的责任单位", "your units are not responsible for this task") }
    var alreadyPending: String { tr("该任务的办结申请正在审核中", "a closure request on this task already awaits review") }
    /// 待审核 in the task table's six-column status cell.
    var awaitingReviewShort: String { tr("待审核", "review") }
    var requestsTitle: String { tr("办结与延期申请", "Closure and extension requests") }
    func pendingReviews(_ n: Int) -> String { tr("待审核 \(n)", "awaiting review \(n)") }
    func closureRate(_ pct: Int) -> String { tr("办结率 \(pct)%", "closed \(pct)%") }
}
