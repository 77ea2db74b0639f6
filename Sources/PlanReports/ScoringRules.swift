import PlanModel

/// How the annual assessment (考核) scores a department from its tasks. Lives in
/// the store settings under "scoring", so an office can adopt its own rules.
public struct ScoringRules: Hashable, Sendable {
    /// How much a task counts for an assignee in this role.
    public var roleWeights: [Role: Double]
    /// Credit (0–100) for a task done on or before its due date.
    public var doneOnTime: Double
    /// Credit for a task done after its due date.
    public var doneLate: Double
    /// Credit for a task not yet due, scaled by its progress (50% progress earns half).
    public var inProgress: Double
    /// Credit for a task past its due date and not done.
    public var overdue: Double
    /// Credit for a task done after its original due date but within an
    /// extension the office granted: the unit asked in time and the office
    /// agreed, so it is not late work, yet the commitment slipped, so it earns
    /// less than on time. 90 by default, between on time (100) and late (70).
    public var doneExtended: Double = 90
    /// Points taken off a task's credit for each closure request the office
    /// returned (退回重新办理), to no less than 0: 5 by default, so a return
    /// weighs on the score without outweighing the work done.
    public var perReturn: Double = 5
    /// Lowest score of grades A, B and C; anything lower is D.
    public var gradeA: Double, gradeB: Double, gradeC: Double
    /// Share of the score (0–1) that comes from reporting in closed rounds,
    /// for a department that was asked for feedback in one.
    public var reportingWeight = 0.1
    /// Credit (0–100) for feedback filed late; on time earns 100, none 0.
    public var lateFeedbackCredit = 50.0
    /// Points taken off per chase (催办) received, and at most in all.
    public var chasePenalty = 2.0
    public var chasePenaltyCap = 10.0

    /// The defaults: leading a task weighs most; finishing on time earns full
    /// credit, late work most of it, unfinished work a share of its progress,
    /// and overdue work nothing. Grades follow the national A/B/C/D scale.
    public static let standard = ScoringRules(
        roleWeights: [.lead: 1.0, .joint: 0.8, .implement: 0.8, .cooperate: 0.5],
        doneOnTime: 100, doneLate: 70, inProgress: 80, overdue: 0,
        gradeA: 90, gradeB: 80, gradeC: 60)

    public init(roleWeights: [Role: Double], doneOnTime: Double, doneLate: Double, inProgress: Double,
                overdue: Double, gradeA: Double, gradeB: Double, gradeC: Double) {
        self.roleWeights = roleWeights
        self.doneOnTime = doneOnTime
        self.doneLate = doneLate
        self.inProgress = inProgress
        self.overdue = overdue
        self.gradeA = gradeA
        self.gradeB = gradeB
        self.gradeC = gradeC
    }

    public func weight(_ r: Role) -> Double { roleWeights[r] ?? 0 }

    /// Credit for a done task by when it was done.
    public func credit(_ t: DoneTiming) -> Double {
        switch t {
        case .onTime: return doneOnTime
        case .withinExtension: return doneExtended
        case .late: return doneLate
        }
    }

    public func grade(_ score: Double) -> String {
        // Compare rounded scores so 89.96 shown as 90.0 is an A, as printed.
        let s = (score * 10).rounded() / 10
        if s >= gradeA { return "A" }
        if s >= gradeB { return "B" }
        if s >= gradeC { return "C" }
        return "D"
    }
}

extension ScoringRules {
    /// The settings form: `{"roleWeights":{"lead":1,…},"credit":{"doneOnTime":100,…},"grades":{"A":90,"B":80,"C":60}}`.
    public var json: JSON {
        .object([
            ("roleWeights", .object(Role.allCases.map { ($0.rawValue, .double(weight($0))) })),
            ("credit", .object([("doneOnTime", .double(doneOnTime)), ("doneLate", .double(doneLate)),
                                ("inProgress", .double(inProgress)), ("overdue", .double(overdue)),
                                ("doneExtended", .double(doneExtended)), ("perReturn", .double(perReturn))])),
            ("grades", .object([("A", .double(gradeA)), ("B", .double(gradeB)), ("C", .double(gradeC))])),
            ("reporting", .object([("weight", .double(reportingWeight)), ("lateCredit", .double(lateFeedbackCredit)),
                                   ("chasePenalty", .double(chasePenalty)), ("chasePenaltyCap", .double(chasePenaltyCap))])),
        ])
    }

    /// Reads rules from settings; keys left out keep their standard values.
    /// `path` names the place in the settings file for errors.
    public init(json: JSON, path: String = "scoring") throws(ScoringRulesError) {
        self = .standard
        guard case .object(let top) = json else { throw ScoringRulesError("\(path): expected an object") }
        for (key, value) in top {
            guard case .object(let fields) = value else { throw ScoringRulesError("\(path).\(key): expected an object") }
            for (name, v) in fields {
                guard let n = v.double, n.isFinite, n >= 0 else {
                    throw ScoringRulesError("\(path).\(key).\(name): expected a number ≥ 0, got \(v.brief)")
                }
                switch (key, name) {
                case ("roleWeights", _):
                    guard let r = Role(rawValue: name) else {
                        throw ScoringRulesError("\(path).roleWeights.\(name): unknown role (lead, cooperate, joint, implement)")
                    }
                    roleWeights[r] = n
                case ("credit", "doneOnTime"): doneOnTime = n
                case ("credit", "doneLate"): doneLate = n
                case ("credit", "inProgress"): inProgress = n
                case ("credit", "overdue"): overdue = n
                case ("credit", "doneExtended"): doneExtended = n
                case ("credit", "perReturn"): perReturn = n
                case ("grades", "A"): gradeA = n
                case ("grades", "B"): gradeB = n
                case ("grades", "C"): gradeC = n
                case ("reporting", "weight"):
                    guard n <= 1 else { throw ScoringRulesError("\(path).reporting.weight: expected a share from 0 to 1, got \(v.brief)") }
                    reportingWeight = n
                case ("reporting", "lateCredit"): lateFeedbackCredit = n
                case ("reporting", "chasePenalty"): chasePenalty = n
                case ("reporting", "chasePenaltyCap"): chasePenaltyCap = n
                default: throw ScoringRulesError("\(path).\(key).\(name): unknown setting")
                }
            }
        }
        guard gradeA >= gradeB && gradeB >= gradeC else {
            throw ScoringRulesError("\(path).grades: expected A ≥ B ≥ C, got \(gradeA), \(gradeB), \(gradeC)")
        }
    }
}

public struct ScoringRulesError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}
