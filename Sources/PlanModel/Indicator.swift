/// A quantitative target of a plan (`合格率达到98%以上`, `省级20家`), with the
/// sentence it comes from and, once the office records it, the actual value.
public struct Indicator: Hashable, Sendable {
    /// Stable id within the plan, e.g. `goal.1` or `4.2.1`.
    public var id: String
    /// The task it belongs to; nil for the plan's goals.
    public var taskKey: String?
    /// What is measured, e.g. `主要农产品例行监测合格率`.
    public var name: String
    public var target: Double
    /// `%`, `家`, `个`, `名`…
    public var unit: String
    public var comparison: Comparison
    /// The sentence the target was read from.
    public var source: String
    public var actual: Double?

    public enum Comparison: String, Sendable, CaseIterable {
        case atLeast = "at_least"
        case exactly
    }

    public init(id: String, taskKey: String? = nil, name: String, target: Double, unit: String,
                comparison: Comparison = .atLeast, source: String, actual: Double? = nil) {
        self.id = id
        self.taskKey = taskKey
        self.name = name
        self.target = target
        self.unit = unit
        self.comparison = comparison
        self.source = source
        self.actual = actual
    }

    /// Nil until an actual value is recorded.
    public var met: Bool? {
        guard let a = actual else { return nil }
        switch comparison {
        case .atLeast: return a >= target
        case .exactly: return a == target
        }
    }
}

extension Indicator {
    /// A value as the office types it: `97.5`, `97.5%`, `21家` (this indicator's
    /// unit may follow the number). Nil when it is not a finite number.
    public func parseValue(_ text: String) -> Double? {
        var t = Substring(text).drop { $0 == " " }
        while t.last == " " { t = t.dropLast() }
        if !unit.isEmpty, t.hasSuffix(unit) { t = t.dropLast(unit.count) }
        if t.hasSuffix("%") { t = t.dropLast() }
        while t.last == " " { t = t.dropLast() }
        guard let d = Double(t), d.isFinite else { return nil }
        return d
    }
}
