import PlanModel
import PlanReports
import PlanStore

/// What the reading commands ask of a store, with one-line errors.
enum StoreQuery {
    static func plan(_ s: Store, _ id: String, _ v: Vocabulary) throws -> Plan {
        guard s.planIDs().contains(id) else { throw CLIMessage.noPlan(id, in: s, v) }
        do { return try s.plan(id) } catch { throw CLIError(failure: error) }
    }

    /// A plan holding the one task `key` with all its notes, read from its
    /// own snapshot lines and the journal since (see `Store.plan(_:onlyTask:)`);
    /// the whole plan when the task is not there, for the message that says
    /// so. Also when the one task's plan has no supervision record: whether
    /// units reported on other tasks since the snapshot is the whole plan's
    /// to say (a record it holds, the whole plan holds too).
    static func task(_ s: Store, _ id: String, _ key: String, _ v: Vocabulary) throws -> (plan: Plan, task: PlanTask) {
        guard s.planIDs().contains(id) else { throw CLIMessage.noPlan(id, in: s, v) }
        let p: Plan
        do { p = try s.plan(id, onlyTask: key, notes: true) } catch { throw CLIError(failure: error) }
        if let t = p.task(key), !p.supervision.isEmpty { return (p, t) }
        let whole = try plan(s, id, v)
        guard let t = whole.task(key) else { throw CLIMessage.noTask(key, in: whole, v) }
        return (whole, t)
    }

    /// Lights as of `--today`, else the store's date for this plan, else the system date.
    static func evaluation(_ s: Store, _ p: Plan, _ flag: String?) -> Evaluation {
        Evaluation(today: Today.resolve(flag, setting: s.settings.today(for: p.id)), dueSoonDays: s.settings.dueSoonDays)
    }

    static func scoringRules(_ s: Store) throws -> ScoringRules {
        // The path names the setting; the reason is the settings parser's own.
        guard let j = s.settings.raw["scoring"] else { return .standard }
        do { return try ScoringRules(json: j, path: "settings.json: scoring") } catch { throw CLIError("\(s.path)/\(error)") }
    }

    static func successions(_ s: Store) -> [String: String] {
        guard let o = s.settings.raw["successions"]?.object else { return [:] }
        var m: [String: String] = [:]
        for (k, v) in o { if let v = v.string { m[k] = v } }
        return m
    }
}
