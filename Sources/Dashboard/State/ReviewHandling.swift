import FoundationEssentials
import PlanModel
import TextWidth

// The 待办 inbox (office), "my tasks" (reporting units), and applying for
// closure or deciding a request from the dashboard.
extension DashboardState {
    /// Pending requests of the open plan, oldest first.
    var inboxRequests: [ReviewRequest] { plan?.reviews.pending ?? [] }

    /// The session's departments under the plan's canonical names.
    var myUnits: [String] {
        guard case .reporter(let deps) = session.role else { return [] }
        return deps.map { plan?.department(named: $0)?.name ?? $0 }
    }

    /// Tasks where one of the session's departments has a role, in plan order.
    var myTaskKeys: [String] {
        guard let p = plan else { return [] }
        let mine = Set(myUnits)
        guard !mine.isEmpty else { return [] }
        let names = p.canonicalNames
        return p.tasks.filter { t in t.assignments.contains { mine.contains(names[$0.department] ?? $0.department) } }.map(\.key)
    }

    mutating func openInbox() {
        guard plan != nil else { return }
        screen = .inbox(ListCursor())
    }

    mutating func openMyTasks() {
        guard plan != nil else { return }
        screen = .myTasks(ListCursor())
    }

    /// The task under the cursor of the inbox or "my tasks".
    var reviewScreenTask: String? {
        switch screen {
        case .inbox(let l): return l.cursor < inboxRequests.count ? inboxRequests[l.cursor].task : nil
        case .myTasks(let l):
            let keys = myTaskKeys
            return l.cursor < keys.count ? keys[l.cursor] : nil
        default: return nil
        }
    }

    mutating func activateReviewScreen() -> [Effect] {
        guard let key = reviewScreenTask else { return [] }
        let from = screen
        screen = nil
        select(task: key)
        detail = DetailState(task: key, from: from)
        return historyReload()
    }

    /// y in the inbox: approve the selected request.
    mutating func approveSelected(now: Date) -> [Effect] {
        guard let p = plan, case .inbox(let l) = screen, l.cursor < inboxRequests.count else {
            show(strings.noRequestSelected, .error, now)
            return []
        }
        let r = inboxRequests[l.cursor]
        let edit = Edit.review(Review(kind: r.kind, department: r.department, outcome: .approved))
        if let why = refusal(edit, task: r.task, p) { show(strings.refused(why), .error, now, seconds: 8); return [] }
        return [.commit(plan: p.id, task: r.task, edit: edit, expected: p.currentValue(of: edit, task: r.task), force: false)]
    }

    /// x (return a closure) or z (refuse an extension): asks for the reason first.
    mutating func decideSelected(_ outcome: ReviewOutcome, now: Date) {
        guard let p = plan, case .inbox(let l) = screen, l.cursor < inboxRequests.count else {
            show(strings.noRequestSelected, .error, now)
            return
        }
        let r = inboxRequests[l.cursor]
        guard outcome.answers(r.kind) else {
            show(strings.refused(strings.review.kind(r.kind) + " → " + strings.review.outcome(outcome, r.kind)), .error, now)
            return
        }
        let probe = Edit.review(Review(kind: r.kind, department: r.department, outcome: outcome, reason: "-"))
        if let why = refusal(probe, task: r.task, p) { show(strings.refused(why), .error, now, seconds: 8); return }
        overlay = .entry(.reviewReason(kind: r.kind, department: r.department, outcome: outcome), task: r.task,
                         editor: LineEditor("", maxBytes: SupervisionLimits.textBytes), expected: .null, error: nil)
    }

    /// a: apply for closure of the selected task (the detail's, the list's or "my tasks"').
    mutating func openClosureRequest(now: Date) {
        guard let p = plan, let key = reviewScreenTask ?? detail?.task ?? currentTaskKey, let t = p.task(key) else { return }
        let responsible = p.responsibleUnits(of: t)
        let closed = Set(p.reviews.closedParts(task: key))
        let candidates = session.role == .office ? responsible : myUnits.filter(responsible.contains)
        guard let dept = candidates.first(where: { !closed.contains($0) && p.reviews.pending(task: key, kind: .closure, department: $0) == nil })
                ?? candidates.first else {
            show(strings.refused(strings.notResponsible), .error, now, seconds: 8)
            return
        }
        let probe = Edit.request(ReviewRequest(kind: .closure, department: dept, text: "-"))
        if let why = refusal(probe, task: key, p) { show(strings.refused(why), .error, now, seconds: 8); return }
        if p.reviews.pending(task: key, kind: .closure, department: dept) != nil {
            show(strings.alreadyPending, .error, now)
            return
        }
        overlay = .entry(.closureSummary(department: dept), task: key,
                         editor: LineEditor("", maxBytes: SupervisionLimits.textBytes), expected: .null, error: nil)
    }

    /// Enter in the reason or summary box.
    mutating func submitReview(_ kind: EntryKind, task: String, editor ed: LineEditor) -> [Effect] {
        guard let p = plan else { overlay = nil; return [] }
        let text = ed.text.trimmingWhitespaceAndNewlines()
        let edit: Edit
        switch kind {
        case .reviewReason(let k, let dept, let outcome):
            guard !text.isEmpty else {
                overlay = .entry(kind, task: task, editor: ed, expected: .null, error: strings.emptyReason)
                return []
            }
            edit = .review(Review(kind: k, department: dept, outcome: outcome, reason: text))
        case .closureSummary(let dept):
            guard !text.isEmpty else {
                overlay = .entry(kind, task: task, editor: ed, expected: .null, error: strings.emptySummary)
                return []
            }
            edit = .request(ReviewRequest(kind: .closure, department: dept, text: text))
        default:
            overlay = nil
            return []
        }
        overlay = nil
        return [.commit(plan: p.id, task: task, edit: edit, expected: p.currentValue(of: edit, task: task), force: false)]
    }

    /// The store's own rule, asked before the user types anything.
    private func refusal(_ edit: Edit, task key: String, _ p: Plan) -> String? {
        session.role.refusal(user: session.user, edit: edit, task: p.task(key), plan: p).map { $0.text(lang) }
    }
}
