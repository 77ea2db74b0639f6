import PlanModel

/// `settings.json`. Unknown keys are kept when the file is rewritten, so later
/// settings (scoring rules…) survive an older binary.
public struct StoreSettings: Hashable, Sendable {
    /// A task due within this many days is "due soon".
    public var dueSoonDays: Int
    /// Per plan, the date lights are evaluated at (e.g. inside a past plan's period).
    public var evaluationDates: [String: Day]
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
        for (k, v) in raw.object ?? [] where k != "dueSoonDays" && k != "evaluationDates" { o.append((k, v)) }
        return .object(o)
    }
}
