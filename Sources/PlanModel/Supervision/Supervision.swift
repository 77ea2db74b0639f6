/// A plan's supervision record: units' feedback, reporting rounds and
/// chases, in the order they were committed. Kept with the plan (a snapshot
/// writes it in its header line) and changed only by journaled edits.
public struct Supervision: Hashable, Sendable {
    public private(set) var feedback: [UnitFeedback] = []
    public internal(set) var rounds: [Round] = []
    public internal(set) var chases: [Chase] = []
    /// Positions in `feedback` per task, kept in step with it.
    var feedbackByTask: [String: [Int]] = [:]

    public init(feedback: [UnitFeedback] = [], rounds: [Round] = [], chases: [Chase] = []) {
        self.rounds = rounds
        self.chases = chases
        for f in feedback { append(f) }
    }

    public var isEmpty: Bool { feedback.isEmpty && rounds.isEmpty && chases.isEmpty }

    /// Every feedback record on one task, oldest first, withdrawn or not
    /// (what counts: `Plan.effectiveFeedback`).
    public func feedback(task key: String) -> [UnitFeedback] {
        feedbackByTask[key].map { $0.map { feedback[$0] } } ?? []
    }

    public func feedbackCount(task key: String) -> Int { feedbackByTask[key]?.count ?? 0 }

    public func round(named name: String) -> Round? { rounds.first { $0.name == name } }

    /// The round the office is collecting now: the latest opened that is not closed.
    public var openRound: Round? { rounds.last { $0.isOpen } }

    mutating func append(_ f: UnitFeedback) {
        feedbackByTask[f.task, default: []].append(feedback.count)
        feedback.append(f)
    }

    mutating func setRound(_ r: Round) {
        if let i = rounds.firstIndex(where: { $0.name == r.name }) { rounds[i] = r } else { rounds.append(r) }
    }

    mutating func append(_ c: Chase) { chases.append(c) }

    public static func == (a: Supervision, b: Supervision) -> Bool {
        a.feedback == b.feedback && a.rounds == b.rounds && a.chases == b.chases
    }

    public func hash(into h: inout Hasher) {
        h.combine(feedback.count); h.combine(rounds.count); h.combine(chases.count)
    }

    /// The snapshot form: `{"feedback":[…],"rounds":[…],"chases":[…]}`.
    public var json: JSON {
        .object([
            ("feedback", .array(feedback.map { $0.json(withTask: true) })),
            ("rounds", .array(rounds.map(\.json))),
            ("chases", .array(chases.map(\.json))),
        ])
    }
}
