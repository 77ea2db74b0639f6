/// The steps of committing one change that need nothing but the plan in
/// memory: stamping a note, access and validity, the compare-and-swap, the
/// entry that records the change, and the change that undoes one. The store
/// wraps them in its lock, journal append and fsync; anything else holding
/// plans in memory calls the same steps, so the rules exist once.
public struct ChangeCommit: Sendable {
    public let user: String
    public let role: AccessRole
    /// `SSH_CLIENT` of the session, written into each entry.
    public let ssh: String?
    /// A reporter closes a task only through a closure request (the store's setting).
    public let closureReview: Bool
    /// Per plan, the day a request counts as filed (the store's evaluation dates).
    public let evaluationDates: [String: Day]

    public init(user: String, role: AccessRole, ssh: String? = nil, closureReview: Bool = false,
                evaluationDates: [String: Day] = [:]) {
        self.user = user
        self.role = role
        self.ssh = ssh
        self.closureReview = closureReview
        self.evaluationDates = evaluationDates
    }

    /// Notes, feedback, rounds and chases carry the committing user and time
    /// whatever the caller put in them; a reporter's note or feedback names
    /// the first of its departments the task names, by name or alias.
    public func stamp(_ edit: Edit, time: String, plan: Plan, task key: String) -> Edit {
        switch edit {
        case .addNote(let n):
            var department = n.department
            if department == nil, case .reporter(let deps) = role, let t = plan.task(key) {
                department = deps.first { d in
                    t.assignments.contains { plan.department(named: d)?.isNamed($0.department) ?? ($0.department == d) }
                }
            }
            return .addNote(Note(time: time, user: user, department: department, text: n.text))
        case .addFeedback(var f):
            f.task = key
            f.time = time
            f.user = user
            f.text = CleanText.clean(f.text, multiline: true)
            f.evidence = f.evidence.map { CleanText.clean($0, multiline: false) }
            f.department = unit(f.department, plan: plan, among: plan.task(key).map { plan.reportingUnits(of: $0) })
            f.onBehalf = role == .office
            return .addFeedback(f)
        case .setRound(var r):
            r.name = CleanText.clean(r.name, multiline: false)
            if r.closedAt == nil {
                r.openedAt = time
            } else if let open = plan.supervision.round(named: r.name), open.isOpen {
                // Closing freezes the tally as it stands under the lock; the
                // journal holds the round as closed, what undoing it compares.
                r = open
                r.closedAt = time
                r.frozen = plan.liveTally(of: open)
            }
            return .setRound(r)
        case .addChase(var c):
            c.time = time
            c.user = user
            c.department = plan.department(named: c.department)?.name ?? c.department
            return .addChase(c)
        case .request(var r):
            r.time = time
            r.user = user
            r.text = CleanText.clean(r.text, multiline: true)
            r.evidence = r.evidence.map { CleanText.clean($0, multiline: false) }
            // Filed on the plan's evaluation date where one is set, as lights are.
            r.filedOn = evaluationDates[plan.id] ?? Day(time.prefix(10))
            r.department = unit(r.department, plan: plan, among: plan.task(key).map { plan.responsibleUnits(of: $0) })
            r.onBehalf = role == .office
            return .request(r)
        case .review(var d):
            d.time = time
            d.user = user
            d.reason = CleanText.clean(d.reason, multiline: true)
            d.department = plan.department(named: d.department)?.name ?? d.department
            if d.department.isEmpty, let t = plan.task(key) {
                // The only unit with a pending request of the kind.
                let pending = plan.responsibleUnits(of: t).filter { plan.reviews.pending(task: key, kind: d.kind, department: $0) != nil }
                if pending.count == 1 { d.department = pending[0] }
            }
            // What undoing the decision puts back.
            d.before = plan.task(key).map(TaskStanding.init)
            return .review(d)
        case .withdraw(var w):
            w.time = time
            w.user = user
            w.text = w.text.map { CleanText.clean($0, multiline: true) }
            return .withdraw(w)
        default:
            return edit
        }
    }

    /// The unit a feedback or request is filed for, by its canonical name:
    /// the one named, or else a reporter's first own department among `units`
    /// (the task's units that may file it).
    private func unit(_ named: String, plan: Plan, among units: [String]?) -> String {
        var name = named
        if name.isEmpty, case .reporter(let deps) = role, let units {
            name = deps.map { plan.department(named: $0)?.name ?? $0 }.first { units.contains($0) } ?? ""
        }
        return plan.department(named: name)?.name ?? name
    }

    /// Access and validity, checked on a one-task copy of the plan so the
    /// cost does not depend on the plan's size.
    public func check(_ edit: Edit, plan: Plan, task key: String) throws {
        if let r = role.refusal(user: user, edit: edit, task: plan.task(key), plan: plan, closureReview: closureReview) { throw r }
        if edit.kind.scope.needsExistingTask, plan.task(key) == nil { throw EditError("no task \(key) in \(plan.id)") }
        if edit.kind == .round || edit.kind == .chase {
            // Checked against every task; only the supervision record is copied.
            var copy = plan
            try copy.apply(edit, task: key)
            return
        }
        var mini = Plan(id: plan.id, title: plan.title, period: plan.period, sections: plan.sections,
                        tasks: plan.task(key).map { [$0] } ?? [], departments: plan.departments,
                        indicators: plan.indicators)
        if edit.kind == .request || edit.kind == .review || edit.kind == .withdrawal { mini.reviews = plan.reviews }
        if edit.kind == .withdrawal || edit.kind == .correction {
            mini.reviews = plan.reviews
            mini.supervision = plan.supervision
        }
        try mini.apply(edit, task: key)
    }

    /// The compare-and-swap, then the entry that records `edit` as entry
    /// `seq`. `expected` is the value the caller saw (nil: no check). A
    /// conflict leaves `by` for the caller, who knows the journal, to fill.
    public func entry(for edit: Edit, plan: Plan, task key: String, expected: JSON?, force: Bool,
                      seq: Int, time: String, undoes: Int? = nil) throws(Conflict) -> JournalEntry {
        let current = plan.currentValue(of: edit, task: key)
        if let expected, !force, expected != current {
            throw Conflict(plan: plan.id, task: key, field: edit.field, expected: expected, current: current, by: nil)
        }
        return JournalEntry(seq: seq, time: time, user: user, ssh: ssh, plan: plan.id, task: key,
                            field: edit.field, old: current, new: edit.newValue, undoes: undoes)
    }

    /// What undoing `last` commits, in `plan` as it is now: its inverse, with
    /// the value `last` left as the value expected, so a field changed since
    /// is a conflict. Appended records are withdrawn and a decision reopened,
    /// comparing nothing: applying the withdrawal checks what it needs (a
    /// request not decided since, a task not changed since its review); a
    /// chase expects the department's count it left.
    public static func undo(_ last: JournalEntry, in plan: Plan) throws -> (edit: Edit, expected: JSON?) {
        let kind = try last.changeField().kind
        let formed: Edit?
        do { formed = try last.inverse(in: plan) } catch {
            // An entry written before its kind recorded what undoing needs.
            throw EditError(en: "entry \(last.seq) (\(kind.label.en)) was recorded in an older form and cannot be undone: \(error)",
                            zh: "第 \(last.seq) 条（\(kind.label.zh)）是旧格式的记录，不能撤销：\(error)")
        }
        guard let inverse = formed else { throw notUndone(last, kind) }
        switch kind.scope {
        case .taskEvent: return (inverse, nil)
        case .planRecord: return (inverse, last.old.int.map { .int($0 + 1) })
        default: return (inverse, last.new)
        }
    }

    /// Why an entry is not undone, in both languages.
    static func notUndone(_ last: JournalEntry, _ kind: ChangeKind) -> EditError {
        switch kind {
        case .planImport:
            return EditError(en: "an import cannot be undone (entry \(last.seq)); import the earlier document again instead",
                             zh: "导入不能撤销（第 \(last.seq) 条）；请重新导入原来的文件")
        case .withdrawal, .correction:
            return EditError(en: "a \(kind.label.en) cannot be undone (entry \(last.seq)): the original stays in the journal; correct the record again or add a new one",
                             zh: "\(kind.label.zh)不能撤销（第 \(last.seq) 条）：原记录仍在变更记录中；请再次更正或另行添加")
        case .review:
            return EditError(en: "the request this review decided (entry \(last.seq)) is no longer in task \(last.task)",
                             zh: "此次审核（第 \(last.seq) 条）所针对的申请已不在任务 \(last.task) 中")
        default:
            return EditError(en: "a \(last.field) change cannot be undone (entry \(last.seq)); make a new change instead",
                             zh: "\(kind.label.zh)的修改不能撤销（第 \(last.seq) 条）；请另行修改")
        }
    }
}

extension Plan {
    /// Applies a committed entry: the change it records, as the store applied
    /// it. An import's effect is in its snapshot and is not applied here.
    public mutating func apply(_ entry: JournalEntry) throws {
        guard let edit = try entry.edit() else { return }
        try apply(edit, task: entry.task)
    }
}
