import PlanModel

/// Tasks done within a granted extension and done late, and closure requests
/// returned: what reports and the assessment add up per department and in all.
public struct DeadlineCounts: Hashable, Sendable {
    public var doneWithinExtension = 0
    public var doneLate = 0
    /// Closure requests the office returned (退回重新办理).
    public var returns = 0

    public init(doneWithinExtension: Int = 0, doneLate: Int = 0, returns: Int = 0) {
        self.doneWithinExtension = doneWithinExtension
        self.doneLate = doneLate
        self.returns = returns
    }

    mutating func count(_ t: DoneTiming) {
        switch t {
        case .onTime: break
        case .withinExtension: doneWithinExtension += 1
        case .late: doneLate += 1
        }
    }

    static func += (a: inout DeadlineCounts, b: DeadlineCounts) {
        a.doneWithinExtension += b.doneWithinExtension
        a.doneLate += b.doneLate
        a.returns += b.returns
    }
}
