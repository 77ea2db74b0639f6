/// How requests and decisions read to a person, in the session's language.
public struct ReviewWords: Sendable {
    public let v: Vocabulary
    public init(_ v: Vocabulary) { self.v = v }

    public func kind(_ k: RequestKind) -> String {
        switch k {
        case .closure: return v.pick("办结申请", "closure request")
        case .extension: return v.pick("延期申请", "extension request")
        }
    }

    public func outcome(_ o: ReviewOutcome, _ k: RequestKind) -> String {
        switch (o, k) {
        case (.approved, .closure): return v.pick("已办结", "closed")
        case (.approved, .extension): return v.pick("已批准延期", "extension granted")
        case (.returned, _): return v.pick("已退回", "returned")
        case (.rejected, _): return v.pick("不予批准", "refused")
        }
    }

    /// The task's state while a closure request waits: 待审核.
    public var awaitingReview: String { v.pick("待审核", "awaiting review") }
    public var returned: String { v.pick("退回", "returned") }
    public var extended: String { v.pick("已延期", "extended") }
    public var doneWithinExtension: String { v.doneWithinExtension }

    /// `gansu-2014 3.6 办结申请（省农牧厅）：已退回——材料不全`.
    public func decided(_ d: Review, plan: String, task: String) -> String {
        let why = d.reason.isEmpty ? "" : v.pick("——", " — ") + d.reason
        return "\(plan) \(task) " + kind(d.kind) + v.pick("（\(d.department)）", " (\(d.department))") + v.colon
            + outcome(d.outcome, d.kind) + why
    }

    /// A due date with its granted extension: `2014-12-31（原 2014-09-30）`.
    public func due(_ t: PlanTask, _ s: ReviewState) -> String {
        guard let o = s.originalDue else { return t.due.description }
        return t.due.description + v.pick("（原 \(o)）", " (was \(o))")
    }

    /// A task's status with where it stands in review: `进行中（待审核）`;
    /// a task closed after its original due date says whether it kept to a
    /// granted extension: `已完成（延期内完成）`, `已完成（超期完成）`.
    public func status(_ t: PlanTask, _ s: ReviewState) -> String {
        var out = v.status(t.status)
        if t.status == .done, s.closedOn != nil {
            let timing = DoneTiming(doneOn: s.closedOn, due: t.due, originalDue: s.originalDue)
            if timing == .withinExtension { out += v.pick("（延期内完成）", " (within extension)") }
            if timing == .late { out += v.pick("（超期完成）", " (late)") }
        }
        if s.awaitingReview { out += v.pick("（\(awaitingReview)）", " (\(awaitingReview))") }
        else if s.openReturn != nil { out += v.pick("（已退回）", " (returned)") }
        if !s.pendingExtension.isEmpty { out += v.pick("（延期待批）", " (extension pending)") }
        return out
    }

    /// A request in one line: `2014-10-01 办结申请 省农牧厅：已完成 [佐证：报告.docx] → 已退回——材料不全`.
    public func line(_ r: ReviewRequest) -> String {
        var out = (r.filedOn?.description ?? String(r.time.prefix(10))) + " " + kind(r.kind) + " " + r.department
        if r.onBehalf { out += v.pick("（代）", " (on its behalf)") }
        if let to = r.to { out += v.pick(" 至 \(to)", " to \(to)") }
        out += v.colon + String(r.text.map { $0 == "\n" ? " " : $0 })
        if let e = r.evidence { out += v.pick(" [佐证：\(e)]", " [evidence: \(e)]") }
        if r.withdrawn {
            out += " → " + withdrawnMark
        } else if let d = r.decision {
            out += " → " + outcome(d.outcome, d.kind) + (d.day.map { " \($0)" } ?? "") + (d.reason.isEmpty ? "" : v.pick("——", " — ") + d.reason)
        } else {
            out += " → " + awaitingReview
        }
        return out
    }

    /// A record taken back: `已撤回`.
    public var withdrawnMark: String { v.pick("已撤回", "withdrawn") }
    /// A note or feedback the office corrected: `已更正`.
    public var correctedMark: String { v.pick("已更正", "corrected") }

    /// The heading over a task's requests.
    public var requestsHeading: String { v.pick("办结与延期申请", "closure and extension requests") }
}
