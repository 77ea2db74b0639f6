/// What a responsible unit applies to the office for.
public enum RequestKind: String, Hashable, Sendable, CaseIterable {
    /// Closure (办结): the task, or the unit's part of a joint task, is done.
    case closure
    /// Extension (延期): a later due date.
    case `extension`
}

/// How the office decided a request.
public enum ReviewOutcome: String, Hashable, Sendable, CaseIterable {
    /// Closure closed (办结/销号), or extension granted.
    case approved
    /// Closure sent back for more work (退回重新办理).
    case returned
    /// Extension refused.
    case rejected

    /// Whether the outcome answers a request of this kind.
    public func answers(_ kind: RequestKind) -> Bool {
        switch self {
        case .approved: return true
        case .returned: return kind == .closure
        case .rejected: return kind == .extension
        }
    }
}

/// The office's decision on the pending request of one unit on one task:
/// the journal value of a review, and kept with the request it decides.
public struct Review: Hashable, Sendable {
    public var kind: RequestKind
    /// The unit whose request is decided (canonical name).
    public var department: String
    public var outcome: ReviewOutcome
    /// Why it was returned or refused; optional on approval.
    public var reason: String
    /// Stamped by the store.
    public var time: String
    public var user: String
    /// The task's status, progress and due date when decided (stamped by the
    /// store): what undoing the decision puts back.
    public var before: TaskStanding?

    public init(kind: RequestKind, department: String, outcome: ReviewOutcome, reason: String = "",
                time: String = "", user: String = "", before: TaskStanding? = nil) {
        self.kind = kind
        self.department = department
        self.outcome = outcome
        self.reason = reason
        self.time = time
        self.user = user
        self.before = before
    }

    /// The day of the decision: a closure's done date.
    public var day: Day? { Day(time.prefix(10)) }

    public var json: JSON {
        var o: [(String, JSON)] = [("kind", .string(kind.rawValue)), ("department", .string(department)),
                                   ("outcome", .string(outcome.rawValue))]
        if !reason.isEmpty { o.append(("reason", .string(reason))) }
        o += [("time", .string(time)), ("user", .string(user))]
        if let before { o.append(("before", before.json)) }
        return .object(o)
    }
}

/// A unit's application for closure (with its completion report) or for an
/// extension (with its reason and the date asked for), and the office's
/// decision once made. Filed, decided once, never changed otherwise.
public struct ReviewRequest: Hashable, Sendable {
    public var kind: RequestKind
    public var task: String
    /// The applying unit (canonical name): the lead, or a joint unit for its own part.
    public var department: String
    /// Closure: the completion report's summary (办结报告); extension: the reason.
    public var text: String
    /// 佐证材料: a file name or a short description.
    public var evidence: String?
    /// Extension: the date asked for.
    public var to: Day?
    /// Extension: the due date when filed, kept when the extension is granted.
    public var from: Day?
    /// The day it counts as filed: the plan's evaluation date, else the clock's.
    public var filedOn: Day?
    /// Stamped by the store.
    public var time: String
    public var user: String
    /// Filed by the office on the unit's behalf.
    public var onBehalf: Bool
    /// Nil while pending (待审核).
    public var decision: Review?
    /// Taken back by its unit before a decision (kept in `Reviews.withdrawals`,
    /// which a snapshot writes; set again when one is read).
    public internal(set) var withdrawn = false

    public init(kind: RequestKind, task: String = "", department: String = "", text: String,
                evidence: String? = nil, to: Day? = nil, from: Day? = nil, filedOn: Day? = nil,
                time: String = "", user: String = "", onBehalf: Bool = false, decision: Review? = nil) {
        self.kind = kind
        self.task = task
        self.department = department
        self.text = text
        self.evidence = evidence
        self.to = to
        self.from = from
        self.filedOn = filedOn
        self.time = time
        self.user = user
        self.onBehalf = onBehalf
        self.decision = decision
    }

    public var isPending: Bool { decision == nil && !withdrawn }

    /// The journal form (without task and decision) or the snapshot's (with both).
    public func json(record: Bool) -> JSON {
        var o: [(String, JSON)] = [("kind", .string(kind.rawValue))]
        if record { o.append(("task", .string(task))) }
        o += [("department", .string(department)), ("text", .string(text))]
        if let evidence { o.append(("evidence", .string(evidence))) }
        if let to { o.append(("to", .string(to.description))) }
        if let from { o.append(("from", .string(from.description))) }
        if let filedOn { o.append(("filedOn", .string(filedOn.description))) }
        o += [("time", .string(time)), ("user", .string(user))]
        if onBehalf { o.append(("onBehalf", .bool(true))) }
        if record, let decision { o.append(("decision", decision.json)) }
        return .object(o)
    }
}
