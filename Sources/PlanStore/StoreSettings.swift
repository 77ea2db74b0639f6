import PlanModel

/// `settings.json`. Unknown keys are kept when the file is rewritten, so later
/// settings (scoring rules…) survive an older binary.
public struct StoreSettings: Hashable, Sendable {
    /// A task due within this many days is "due soon".
    public var dueSoonDays: Int
    /// Per plan, the date lights are evaluated at (e.g. inside a past plan's period).
    public var evaluationDates: [String: Day]
    /// How chases escalate and when a reply is due (`"chase": {"again": 2,
    /// "circulate": 3, "replyDays": 5}`).
    public var chase = ChaseSettings()
    /// A reporter closes a task only by a closure request the office approves
    /// (`"closureReview": true`); absent in a store made before it existed,
    /// which keeps the direct "done". New stores are made with it on.
    public var closureReview = false
    /// The file as read, for the keys this type does not know.
    public var raw: JSON

    public init(dueSoonDays: Int = 30, evaluationDates: [String: Day] = [:]) {
        self.dueSoonDays = dueSoonDays
        self.evaluationDates = evaluationDates
        self.raw = .object([])
    }

    public func today(for planID: String) -> Day? { evaluationDates[planID] }

    /// A value already parsed (`duban sample-store` merges one).
    public init(json v: JSON) throws(PlanFormatError) {
        self = try SmallFile.decode(StoreSettings.self, from: Array(JSONWriter.compact(v).utf8))
    }

    public var json: JSON {
        let dates: JSON = .object(evaluationDates.keys.sorted().map { ($0, .string(evaluationDates[$0]!.description)) })
        var o: [(String, JSON)] = [("dueSoonDays", .int(dueSoonDays)), ("evaluationDates", dates)]
        if chase != ChaseSettings() {
            o.append(("chase", .object([("again", .int(chase.again)), ("circulate", .int(chase.circulate)), ("replyDays", .int(chase.replyDays))])))
        }
        if closureReview || raw["closureReview"] != nil { o.append(("closureReview", .bool(closureReview))) }
        for (k, v) in raw.object ?? [] where k != "dueSoonDays" && k != "evaluationDates" && k != "chase" && k != "closureReview" {
            o.append((k, v))
        }
        return .object(o)
    }
}
