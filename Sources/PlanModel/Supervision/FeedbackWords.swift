/// How a task's feedback by unit reads in `duban show`, in the session's language.
extension Vocabulary {
    public var feedbackByUnit: String { pick("各单位最近情况反馈", "latest feedback by unit") }
    public var neverReported: String { pick("从未报送", "never reported") }
    public var onBehalfMark: String { pick("（代报）", " (filed by the office)") }
    public func ownPart(_ p: Int) -> String { pick("本单位进度 \(p)%", "own part \(p)%") }
    public func evidence(_ e: String) -> String { pick("佐证材料：\(e)", "evidence: \(e)") }
    /// A joint task's progress derived from its units' feedback.
    public func derived(_ o: OverallProgress) -> String {
        pick("各单位综合进度 \(o.progress)%（\(o.unitsDone)/\(o.units) 个单位已完成）",
             "progress from the units' parts: \(o.progress)% (\(o.unitsDone)/\(o.units) units done)")
    }
}

/// One unit's latest effective feedback on a task, for `duban show`.
public struct UnitFeedbackLine: Sendable {
    public var department: String
    public var role: Role?
    /// Nil when the unit never reported (or withdrew all it filed).
    public var latest: UnitFeedback?
}

extension Plan {
    /// Each reporting unit of a task with its latest effective feedback, in assignment order.
    public func feedbackLines(of t: PlanTask) -> [UnitFeedbackLine] {
        let names = canonicalNames
        let latest = latestFeedback(task: t.key)
        return reportingUnits(of: t, names).map { u in
            UnitFeedbackLine(department: u, role: t.assignments.first { (names[$0.department] ?? $0.department) == u }?.role,
                             latest: latest[u])
        }
    }
}
