import PlanModel
import PlanStore

/// Messages more than one command prints, in the session's language.
enum CLIMessage {
    static func noPlan(_ id: String, in s: Store, _ v: Vocabulary) -> CLIError {
        let ids = s.planIDs()
        let list = ids.joined(separator: ", ")
        return CLIError(v.pick(
            "\(s.path) 中没有计划“\(id)”" + (ids.isEmpty ? "（存储中还没有计划）" : "（现有计划：\(list)）"),
            "no plan \"\(id)\" in \(s.path)" + (ids.isEmpty ? " (the store has no plans)" : " (plans: \(list))")))
    }

    static func noTask(_ key: String, in p: Plan, _ v: Vocabulary) -> CLIError {
        let last = p.tasks.last?.key ?? "-"
        return CLIError(v.pick("计划 \(p.id) 中没有任务 \(key)（编号形如 1.1 … \(last)）",
                               "no task \(key) in \(p.id) (keys look like 1.1 … \(last))"))
    }

    /// A journaled change as one line: `e2e 1.1 进度：0 → 5 (#3)`, `e2e 1.1 progress: 0 → 5 (#3)`.
    static func committed(_ e: JournalEntry, plan: String, _ v: Vocabulary) -> String {
        let subject = e.task.isEmpty ? plan : "\(plan) \(e.task)"
        return "\(subject) \(field(e.field, v))\(v.colon)\(value(e.old, e, v)) → \(value(e.new, e, v, new: true)) (#\(e.seq))"
    }

    /// A journal field as a person reads it: the table's Chinese label, or in
    /// English the journal's own name (English words already, and what scripts grep for).
    static func field(_ name: String, _ v: Vocabulary) -> String {
        guard !v.isEnglish, let f = try? ChangeField(journal: name) else { return name }
        return v.label(f.label)
    }

    /// A change in one line of the audit trail: `进行中 → 已完成`, `+ "text"`, `导入`.
    static func change(_ e: JournalEntry, _ v: Vocabulary) -> String {
        guard let kind = (try? e.changeField())?.kind else { return e.summary }
        switch kind {
        case .status: return "\(value(e.old, e, v)) → \(value(e.new, e, v))"
        case .planImport: return v.isEnglish ? e.summary : "导入" + (e.old.isNull ? "" : "（替换 \(e.old.brief)）")
        default: return e.summary
        }
    }

    /// A value in one line; a status by its label, a note by its text.
    private static func value(_ j: JSON, _ e: JournalEntry, _ v: Vocabulary, new: Bool = false) -> String {
        if (try? e.changeField())?.kind == .status, let s = j.string.flatMap(TaskStatus.init(rawValue:)) {
            return v.status(s)
        }
        if new { return e.newBrief }
        // A record put back or taken away (a round, a task) reads as the table briefs it.
        if j.object != nil, let d = (try? e.changeField())?.kind.descriptor { return d.brief(j) }
        return j.brief
    }
}
