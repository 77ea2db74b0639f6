import PlanModel
import PlanReports
import PlanStore

/// What the reading commands ask of a store, with one-line errors.
enum StoreQuery {
    static func plan(_ s: Store, _ id: String) throws -> Plan {
        guard s.planIDs().contains(id) else {
            let ids = s.planIDs()
            throw CLIError("no plan \"\(id)\" in \(s.path)" + (ids.isEmpty ? " (the store has no plans)" : " (plans: \(ids.joined(separator: ", ")))"))
        }
        do { return try s.plan(id) } catch { throw CLIError("\(error)") }
    }

    /// Lights as of `--today`, else the store's date for this plan, else the system date.
    static func evaluation(_ s: Store, _ p: Plan, _ flag: String?) -> Evaluation {
        Evaluation(today: Today.resolve(flag, setting: s.settings.today(for: p.id)), dueSoonDays: s.settings.dueSoonDays)
    }

    static func scoringRules(_ s: Store) throws -> ScoringRules {
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
