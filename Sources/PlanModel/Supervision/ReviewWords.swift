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
    public var doneWithinExtension: String { v.pick("延期内完成", "done within extension") }

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
}
