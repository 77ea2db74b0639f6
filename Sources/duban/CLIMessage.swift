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

    /// A journaled change as one line: `e2e 1.1 progress: 0 → 5 (#3)`.
    static func committed(_ e: JournalEntry, plan: String, _ v: Vocabulary) -> String {
        let value: String
        if e.field == "note", let t = e.new["text"]?.string { value = JSON.string(t).brief } else { value = e.new.brief }
        let subject = e.task.isEmpty ? plan : "\(plan) \(e.task)"
        return "\(subject) \(e.field)\(v.colon)\(e.old.brief) → \(value) (#\(e.seq))"
    }
}
