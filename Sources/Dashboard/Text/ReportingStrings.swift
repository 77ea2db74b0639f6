import PlanModel

/// The 报送 view's and feedback's strings, in both languages.
extension Strings {
    private func tr(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }

    var noRound: String { tr("本计划还没有报送轮次（duban round open 开启）", "no reporting round in this plan (open one with duban round open)") }
    func reportingTitle(_ r: Round) -> String {
        tr("报送情况 · \(r.name) · 截止 \(r.due)" + (r.isOpen ? "" : "（已关闭）"), "Reporting · \(r.name) · due \(r.due)" + (r.isOpen ? "" : " (closed)"))
    }
    func reportingSummary(_ t: RoundTally) -> String {
        tr("应报 \(t.expected)  已报 \(t.reported)（按时 \(t.onTime)，逾期 \(t.lateCount)）  未报 \(t.missingCount)",
           "expected \(t.expected)  reported \(t.reported) (on time \(t.onTime), late \(t.lateCount))  missing \(t.missingCount)")
    }
    func owedByTitle(_ d: String, _ n: Int) -> String { tr("\(d) 未报事项（\(n)）", "\(d): \(n) items owed") }
    var byTaskTitle: String { tr("按任务：尚未报送的单位", "By task: units still owing") }
    var sortedByMissing: String { tr("按未报数排序", "sorted by missing") }
    var colExpected: String { tr("应报", "Exp.") }
    var colOnTimeShort: String { tr("按时", "On time") }
    var colLateShort: String { tr("逾期", "Late") }
    var colMissing: String { tr("未报", "Miss.") }
    var colChases: String { tr("催办", "Chased") }
    var colOwing: String { tr("未报单位", "Units owing") }
    var nothingOwed: String { tr("无未报事项", "nothing owed") }
    func nothingToChase(_ d: String) -> String { tr("\(d) 目前没有需要催办的事项", "nothing to chase for \(d)") }
    var noUnits: String { tr("该任务没有责任单位", "this task has no responsible unit") }
    var chooseUnit: String { tr("代哪个单位报送", "File for which unit") }
    func feedbackPrompt(_ d: String) -> String { tr("\(d) 情况反馈", "Feedback from \(d)") }
    func feedbackProgressPrompt(_ d: String) -> String { tr("\(d) 本单位进度 0–100（可空）", "\(d): own progress 0–100 (optional)") }
    var emptyFeedback: String { tr("情况反馈内容不能为空", "feedback must not be empty") }

    // Detail view
    var feedbackTitle: String { tr("各单位情况反馈", "Units' feedback") }
    var neverReported: String { tr("从未报送", "never reported") }
    var onBehalfMark: String { tr("（代报）", " (filed by the office)") }
    func ownProgress(_ p: Int) -> String { tr("本单位进度 \(p)%", "own part \(p)%") }
    func evidenceMark(_ e: String) -> String { tr("佐证：\(e)", "evidence: \(e)") }
    func derivedProgress(_ o: OverallProgress) -> String {
        tr("综合进度（按各共同负责单位反馈）：\(o.progress)%，\(o.unitsDone)/\(o.units) 个单位已完成",
           "Overall progress (from the joint units' feedback): \(o.progress)%, \(o.unitsDone)/\(o.units) units done")
    }
    func chasedTimes(_ n: Int) -> String { tr("已催办 \(n) 次", "chased \(n) times") }
    var moreFeedbackInHistory: String { tr("（更早的反馈见下方修改记录）", "(earlier feedback in the history below)") }
}
