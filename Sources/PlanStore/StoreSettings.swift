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
    /// The file as read, for the keys this type does not know.
    public var raw: JSON

    public init(dueSoonDays: Int = 30, evaluationDates: [String: Day] = [:]) {
        self.dueSoonDays = dueSoonDays
        self.evaluationDates = evaluationDates
        self.raw = .object([])
    }

    public func today(for planID: String) -> Day? { evaluationDates[planID] }

    public init(json v: JSON) throws(PlanFormatError) {
        let f = try JSONFields(v, path: "")
        self.init(dueSoonDays: try f.optionalInt("dueSoonDays") ?? 30)
        guard dueSoonDays >= 0 else { throw PlanFormatError(path: "dueSoonDays", message: "must not be negative") }
        if let d = f.raw("evaluationDates"), !d.isNull {
            guard let o = d.object else { throw PlanFormatError(path: "evaluationDates", message: "expected an object of plan: date") }
            for (plan, day) in o {
                guard let s = day.string, let dd = Day(s) else {
                    throw PlanFormatError(path: "evaluationDates.\(plan)", message: "expected a date YYYY-MM-DD, got \(day.brief)")
                }
                evaluationDates[plan] = dd
            }
        }
        if let c = v["chase"], !c.isNull {
            func step(_ key: String, _ d: Int) throws(PlanFormatError) -> Int {
                guard let x = c[key], !x.isNull else { return d }
                guard let n = x.int, n >= 1 else { throw PlanFormatError(path: "chase.\(key)", message: "expected a whole number of at least 1, got \(x.brief)") }
                return n
            }
            chase = ChaseSettings(again: try step("again", 2), circulate: try step("circulate", 3), replyDays: try step("replyDays", 5))
        }
        raw = v
    }

    public var json: JSON {
        let dates: JSON = .object(evaluationDates.keys.sorted().map { ($0, .string(evaluationDates[$0]!.description)) })
        var o: [(String, JSON)] = [("dueSoonDays", .int(dueSoonDays)), ("evaluationDates", dates)]
        if chase != ChaseSettings() {
            o.append(("chase", .object([("again", .int(chase.again)), ("circulate", .int(chase.circulate)), ("replyDays", .int(chase.replyDays))])))
        }
        for (k, v) in raw.object ?? [] where k != "dueSoonDays" && k != "evaluationDates" && k != "chase" { o.append((k, v)) }
        return .object(o)
    }
}
