/// A plan's closure and extension requests with their decisions, in the
/// order filed. Kept with the plan (a snapshot writes it in its header line)
/// and changed only by journaled requests and reviews.
public struct Reviews: Hashable, Sendable {
    public private(set) var requests: [ReviewRequest] = []
    /// Notes and feedback taken back, in the order withdrawn.
    public private(set) var withdrawals: [Withdrawal] = []
    /// Positions in `requests` per task, kept in step with it.
    private var byTask: [String: [Int]] = [:]
    /// Positions in `withdrawals` per task, kept in step with it: every count
    /// of feedback asks what was withdrawn, task by task.
    private var withdrawalsByTask: [String: [Int]] = [:]

    public init(requests: [ReviewRequest] = []) {
        for r in requests { append(r) }
    }

    public var isEmpty: Bool { requests.isEmpty && withdrawals.isEmpty }

    mutating func withdraw(_ w: Withdrawal) {
        withdrawalsByTask[w.task, default: []].append(withdrawals.count)
        withdrawals.append(w)
        mark(w)
    }

    /// A withdrawal as a snapshot holds it: each request is written as it
    /// stands, decided again after a reopening or not, so only a withdrawn
    /// request is marked.
    mutating func load(_ w: Withdrawal) {
        withdrawalsByTask[w.task, default: []].append(withdrawals.count)
        withdrawals.append(w)
        if w.kind == ChangeKind.request.journalName { mark(w) }
    }

    /// What a withdrawal changes in the requests: a request withdrawn, or a
    /// decision taken back (the request pending again).
    private mutating func mark(_ w: Withdrawal) {
        guard let i = byTask[w.task].flatMap({ $0.indices.contains(w.index) ? $0[w.index] : nil }) else { return }
        if w.kind == ChangeKind.request.journalName { requests[i].withdrawn = true }
        if w.kind == ChangeKind.review.journalName { requests[i].decision = nil }
    }

    /// A task's withdrawals, as a commit compares them.
    public func withdrawalCount(task key: String) -> Int { withdrawalsByTask[key]?.count ?? 0 }

    /// A task's withdrawals and corrections, in the order made; empty for nearly every task.
    public func withdrawals(task key: String) -> [Withdrawal] {
        withdrawalsByTask[key].map { $0.map { withdrawals[$0] } } ?? []
    }

    /// Positions of a task's withdrawn records of `kind` (`note`, `feedback`,
    /// `request`), corrections aside, in the order withdrawn.
    public func withdrawn(_ kind: String, task key: String) -> [Int] {
        guard let all = withdrawalsByTask[key] else { return [] }
        return all.compactMap { withdrawals[$0].kind == kind && !withdrawals[$0].isCorrection ? withdrawals[$0].index : nil }
    }

    /// Whether a task has any withdrawal or correction: the common answer is no.
    public func hasWithdrawals(task key: String) -> Bool { withdrawalsByTask[key] != nil }

    /// A task's requests, oldest first.
    public func requests(task key: String) -> [ReviewRequest] {
        byTask[key].map { $0.map { requests[$0] } } ?? []
    }

    public func count(task key: String) -> Int { byTask[key]?.count ?? 0 }

    /// The pending request of one kind by one unit on a task, if any.
    public func pending(task key: String, kind: RequestKind, department: String) -> ReviewRequest? {
        requests(task: key).last { $0.kind == kind && $0.department == department && $0.isPending }
    }

    /// Every pending request, oldest first: the office's inbox (待办).
    public var pending: [ReviewRequest] { requests.filter(\.isPending) }

    /// The units whose part of a task is closed: their latest closure request approved.
    public func closedParts(task key: String) -> [String] {
        var latest: [(String, Bool)] = []
        for r in requests(task: key) where r.kind == .closure && r.decision != nil {
            let ok = r.decision?.outcome == .approved
            if let i = latest.firstIndex(where: { $0.0 == r.department }) { latest[i].1 = ok } else { latest.append((r.department, ok)) }
        }
        return latest.filter(\.1).map(\.0)
    }

    /// Closure requests of a task returned for more work.
    public func returns(task key: String) -> [ReviewRequest] {
        requests(task: key).filter { $0.decision?.outcome == .returned }
    }

    /// The due date before the first granted extension, nil when none was granted.
    public func originalDue(task key: String) -> Day? {
        requests(task: key).first { $0.kind == .extension && $0.decision?.outcome == .approved }?.from
    }

    /// The day the closure that closed the task was approved: its done date.
    public func closedOn(task key: String) -> Day? {
        requests(task: key).last { $0.kind == .closure && $0.decision?.outcome == .approved }?.decision?.day
    }

    mutating func append(_ r: ReviewRequest) {
        byTask[r.task, default: []].append(requests.count)
        requests.append(r)
    }

    /// Records the decision on the pending request it answers; false when none.
    mutating func decide(task key: String, _ d: Review) -> Bool {
        guard let i = byTask[key]?.last(where: {
            requests[$0].kind == d.kind && requests[$0].department == d.department && requests[$0].isPending
        }) else { return false }
        requests[i].decision = d
        return true
    }

    public static func == (a: Reviews, b: Reviews) -> Bool { a.requests == b.requests && a.withdrawals == b.withdrawals }
    public func hash(into h: inout Hasher) { h.combine(requests.count) }

    /// The snapshot form: `{"requests":[…]}`.
    public var json: JSON {
        var o: [(String, JSON)] = [("requests", .array(requests.map { $0.json(record: true) }))]
        if !withdrawals.isEmpty { o.append(("withdrawals", .array(withdrawals.map { $0.json(record: true) }))) }
        return .object(o)
    }
}

/// Where a task stands in review, as views and reports show it.
public struct ReviewState: Hashable, Sendable {
    /// Closure requests awaiting the office (待审核), one per applying unit.
    public var pendingClosure: [ReviewRequest] = []
    public var pendingExtension: [ReviewRequest] = []
    /// Closure requests returned, oldest first.
    public var returns: [ReviewRequest] = []
    /// Units whose part is closed.
    public var closedParts: [String] = []
    /// The due date before a granted extension.
    public var originalDue: Day?
    /// The approval date of the closure that closed the task.
    public var closedOn: Day?

    public init() {}

    public var awaitingReview: Bool { !pendingClosure.isEmpty }
    /// The last return, when nothing was filed after it: what the unit owes again.
    public var openReturn: ReviewRequest?
}

extension Plan {
    /// The units that apply for closure and extension of a task, and whose
    /// closed parts close it: its leads, else its joint units, else those
    /// carrying it out, else every unit with a role (canonical names).
    public func responsibleUnits(of t: PlanTask) -> [String] { t.answerableUnits(canonicalNames) }

    /// A task's review state in one pass over its requests.
    public func reviewState(task key: String) -> ReviewState {
        var s = ReviewState()
        let rs = reviews.requests(task: key)
        guard !rs.isEmpty else { return s }
        for r in rs {
            if r.isPending { if r.kind == .closure { s.pendingClosure.append(r) } else { s.pendingExtension.append(r) } }
            if r.decision?.outcome == .returned { s.returns.append(r) }
        }
        s.closedParts = reviews.closedParts(task: key)
        s.originalDue = reviews.originalDue(task: key)
        s.closedOn = task(key)?.status == .done ? reviews.closedOn(task: key) : nil
        if let last = rs.last(where: { $0.kind == .closure && !$0.withdrawn }), last.decision?.outcome == .returned { s.openReturn = last }
        return s
    }
}
