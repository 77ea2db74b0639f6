/// Every kind of change the journal records. `descriptor` is the table that
/// says, for each kind, how it is named in the journal, how its value is
/// written and read, how it is labelled, what it applies to, who may make it
/// and whether it can be undone; nothing else spells a journal field name.
///
/// Adding a kind: a case here, its row in `descriptor` (and its line in
/// `Edit.kind` / `Edit.newValue` below), the `Edit` case and its `apply`, and
/// the view that shows it. Raw values only index the table in memory; the
/// journal stores names, so cases may be added anywhere.
public enum ChangeKind: Int, CaseIterable, Hashable, Sendable {
    case status, progress, due, note, title, text, assignments
    /// A task added (`new` is the task) or removed (`new` is null).
    case task
    /// The actual value of a goal's indicator, keyed by the indicator's id.
    case indicator
    /// A plan imported or replaced as a whole; its effect is in the snapshot
    /// written with it, so replaying it needs no edit.
    case planImport
    /// A unit's own feedback on a task (情况反馈), appended.
    case feedback
    /// A reporting round, keyed by its name: opened (old null) or closed.
    case round
    /// A chase (催办) sent to the department that keys it.
    case chase
    /// A closure or extension request filed by a responsible unit, appended.
    case request
    /// The office's decision on a pending request.
    case review
    /// A note, feedback or request taken back, or a decision reopened, the original kept.
    case withdrawal
    /// A note or feedback corrected by the office, the original kept.
    case correction

    /// This kind's row of the table.
    public var descriptor: ChangeDescriptor { Self.rows[rawValue] }

    public var journalName: String { descriptor.journalName }
    public var scope: ChangeScope { descriptor.scope }
    public var permission: ChangePermission { descriptor.permission }
    public var undo: ChangeUndo { descriptor.undo }
    public var label: Bilingual { descriptor.label }

    /// The kind a journal name (the part before `:` for keyed kinds) stands for.
    public static func named(_ name: String) -> ChangeKind? {
        // A scan: a dozen short names compare faster than a string hashes.
        names.firstIndex(of: name).flatMap(ChangeKind.init(rawValue:))
    }

    private static let rows: [ChangeDescriptor] = allCases.map(\.row)
    private static let names: [String] = rows.map(\.journalName)

    /// The table. A switch, so a new case does not compile without its row.
    private var row: ChangeDescriptor {
        switch self {
        case .status:
            return ChangeDescriptor(
                "status", zh: "状态", en: "status", scope: .taskField, permission: .taskProgress, undo: .restoreOld,
                decode: { (f, v) throws(PlanFormatError) in
                    guard let s = v.string, let st = TaskStatus(rawValue: s) else { throw .badValue("a status", f, v) }
                    return .setStatus(st)
                },
                current: { p, t, _ in p.task(t).map { .string($0.status.rawValue) } ?? .null })
        case .progress:
            return ChangeDescriptor(
                "progress", zh: "进度", en: "progress", scope: .taskField, permission: .taskProgress, undo: .restoreOld,
                decode: { (f, v) throws(PlanFormatError) in
                    guard let n = v.int else { throw .badValue("an integer", f, v) }
                    return .setProgress(n)
                },
                current: { p, t, _ in p.task(t).map { .int($0.progress) } ?? .null })
        case .due:
            return ChangeDescriptor(
                "due", zh: "截止日期", en: "due date", scope: .taskField, permission: .structure, undo: .restoreOld,
                decode: { (f, v) throws(PlanFormatError) in
                    guard let s = v.string, let d = Day(s) else { throw .badValue("a date", f, v) }
                    return .setDue(d)
                },
                current: { p, t, _ in p.task(t).map { .string($0.due.description) } ?? .null })
        case .note:
            // Notes append: the "old value" is the task's note count.
            return ChangeDescriptor(
                "note", zh: "备注", en: "note", scope: .taskEvent, permission: .progressReport, undo: .withdraw,
                decode: { (_, v) throws(PlanFormatError) in .addNote(try Note(json: v, path: "new")) },
                current: { p, t, _ in p.task(t).map { .int($0.noteCount) } ?? .null },
                brief: Self.noteText,
                describe: { _, new in "+ " + Self.noteText(new) })
        case .title:
            return ChangeDescriptor(
                "title", zh: "标题", en: "title", scope: .taskField, permission: .structure, undo: .restoreOld,
                decode: { (f, v) throws(PlanFormatError) in
                    guard let s = v.string else { throw .badValue("a string", f, v) }
                    return .setTitle(s)
                },
                current: { p, t, _ in p.task(t).map { .string($0.title) } ?? .null })
        case .text:
            return ChangeDescriptor(
                "text", zh: "正文", en: "text", scope: .taskField, permission: .structure, undo: .restoreOld,
                decode: { (f, v) throws(PlanFormatError) in
                    guard let s = v.string else { throw .badValue("a string", f, v) }
                    return .setText(s)
                },
                current: { p, t, _ in p.task(t).map { .string($0.text) } ?? .null })
        case .assignments:
            return ChangeDescriptor(
                "assignments", zh: "责任分工", en: "assignments", scope: .taskField, permission: .structure,
                undo: .restoreOld,
                decode: { (f, v) throws(PlanFormatError) in
                    guard let a = v.array else { throw .badValue("an array", f, v) }
                    var out: [Assignment] = []
                    for (n, x) in a.enumerated() { out.append(try Assignment(json: x, path: "new[\(n)]")) }
                    return .setAssignments(out)
                },
                current: { p, t, _ in p.task(t).map { .array($0.assignments.map(\.json)) } ?? .null })
        case .task:
            // The old value is the task as exported with its place (null when
            // adding); undoing an addition removes it, a removal puts it back
            // whole, notes included.
            return ChangeDescriptor(
                "task", zh: "任务", en: "task", scope: .taskLifecycle, permission: .structure, undo: .restoreOld,
                decode: { (_, v) throws(PlanFormatError) in
                    if v.isNull { return .removeTask }
                    return .addTask(try PlanTask(journalValue: v, path: "new"))
                },
                current: { p, t, _ in p.task(t).map { Edit.addTask($0).newValue } ?? .null },
                brief: { v in v.isNull ? "—" : (v["key"]?.string ?? "?") + " " + (v["title"]?.string.map { JSON.string($0).brief } ?? "") },
                describe: { old, new in new.isNull ? "- " + (old["key"]?.string ?? "?") : "+ " + (new["key"]?.string ?? "?") })
        case .indicator:
            return ChangeDescriptor(
                "indicator", zh: "指标", en: "indicator", keyed: true, scope: .planField, permission: .indicator,
                undo: .restoreOld,
                decode: { (f, v) throws(PlanFormatError) in
                    if v.isNull { return .setIndicatorActual(id: f.key, value: nil) }
                    guard let d = v.double else { throw .badValue("a number", f, v) }
                    return .setIndicatorActual(id: f.key, value: d)
                },
                current: { p, _, id in p.indicators.first { $0.id == id }?.actual.map { .double($0) } ?? .null })
        case .planImport:
            // Written by the store's import with the whole plan as `new` and a
            // one-line summary of the plan it replaced as `old`.
            return ChangeDescriptor(
                "plan", zh: "导入计划", en: "import", scope: .planEvent, permission: .administration, undo: .never,
                decode: { (_, _) throws(PlanFormatError) in nil },
                current: { _, _, _ in .null },
                describe: { old, _ in "import" + (old.isNull ? "" : " (replaced \(old.brief))") })
        case .feedback:
            // Appends: the "old value" is the task's feedback count.
            return ChangeDescriptor(
                "feedback", zh: "情况反馈", en: "feedback", scope: .taskEvent, permission: .unitFeedback, undo: .withdraw,
                decode: { (_, v) throws(PlanFormatError) in .addFeedback(try UnitFeedback(json: v, task: "", path: "new")) },
                current: { p, t, _ in p.task(t) == nil ? .null : .int(p.supervision.feedbackCount(task: t)) },
                brief: Self.feedbackBrief,
                describe: { _, new in "+ " + Self.feedbackBrief(new) })
        case .round:
            // Undone by putting the round back as it was: an opening
            // withdraws the round, a closing reopens it.
            return ChangeDescriptor(
                "round", zh: "报送轮次", en: "reporting round", keyed: true, scope: .planField, permission: .supervision,
                undo: .restoreOld,
                decode: { (f, v) throws(PlanFormatError) in
                    let r = try Round(json: v, path: "new")
                    guard r.name == f.key else { throw .badValue("round \(f.key)", f, v) }
                    return .setRound(r)
                },
                restore: { (f, v) throws(PlanFormatError) in
                    if v.isNull { return .restoreRound(name: f.key, round: nil) }
                    let r = try Round(json: v, path: "new")
                    guard r.name == f.key else { throw .badValue("round \(f.key)", f, v) }
                    return .restoreRound(name: f.key, round: r)
                },
                current: { p, _, name in p.supervision.round(named: name)?.json ?? .null },
                brief: { v in v.isNull ? "—" : Self.roundBrief(v) },
                describe: { old, new in
                    if new.isNull { return "withdraw " + Self.roundBrief(old) }
                    if old.isNull { return "open " + Self.roundBrief(new) }
                    return new["closedAt"] == nil ? "reopen " + Self.roundBrief(new) : "close " + Self.roundBrief(new)
                })
        case .chase:
            // Appends: the "old value" is the count of chases sent to the
            // department. Undone by withdrawing the chase, back to that count.
            return ChangeDescriptor(
                "chase", zh: "催办", en: "chase", keyed: true, scope: .planRecord, permission: .supervision, undo: .restoreOld,
                decode: { (f, v) throws(PlanFormatError) in
                    let c = try Chase(json: v, path: "new")
                    guard c.department == f.key else { throw .badValue("a chase of \(f.key)", f, v) }
                    return .addChase(c)
                },
                restore: { (f, v) throws(PlanFormatError) in
                    guard let n = v.int else { throw .badValue("a count of chases", f, v) }
                    return .withdrawChase(department: f.key, count: n)
                },
                current: { p, _, d in .int(p.chaseCount(department: d)) },
                brief: { v in v.int.map { "\($0)" } ?? Self.chaseBrief(v) },
                describe: { old, new in new.int.map { "- #\($0 + 1) (\(old.brief) → \($0))" } ?? "+ " + Self.chaseBrief(new) })
        case .request:
            // Appends: the "old value" is the task's request count.
            return ChangeDescriptor(
                "request", zh: "申请", en: "request", scope: .taskEvent, permission: .request, undo: .withdraw,
                decode: { (_, v) throws(PlanFormatError) in .request(try ReviewRequest(json: v, task: "", path: "new")) },
                current: { p, t, _ in p.task(t) == nil ? .null : .int(p.reviews.count(task: t)) },
                brief: Self.requestBrief,
                describe: { _, new in "+ " + Self.requestBrief(new) })
        case .review:
            // Decides a request: the "old value" is the task's request count, as for filing.
            return ChangeDescriptor(
                "review", zh: "审核", en: "review", scope: .taskEvent, permission: .review, undo: .reopen,
                decode: { (_, v) throws(PlanFormatError) in .review(try Review(json: v, path: "new")) },
                current: { p, t, _ in p.task(t) == nil ? .null : .int(p.reviews.count(task: t)) },
                brief: Self.reviewBrief,
                describe: { _, new in Self.reviewBrief(new) })
        case .withdrawal:
            // Appends: the "old value" is the task's count of withdrawals and
            // corrections. Who may withdraw is who may add a note; a unit
            // withdraws only what it filed itself (undo), the office anything.
            return ChangeDescriptor(
                "withdraw", zh: "撤回", en: "withdrawal", scope: .taskEvent, permission: .progressReport, undo: .never,
                decode: { (_, v) throws(PlanFormatError) in .withdraw(try Withdrawal(json: v, task: "", path: "new")) },
                current: { p, t, _ in p.task(t) == nil ? .null : .int(p.reviews.withdrawalCount(task: t)) },
                brief: Self.withdrawalBrief,
                describe: { _, v in "- " + Self.withdrawalBrief(v) })
        case .correction:
            // A withdrawal with the corrected text, counted with them.
            return ChangeDescriptor(
                "correct", zh: "更正", en: "correction", scope: .taskEvent, permission: .correction, undo: .never,
                decode: { (_, v) throws(PlanFormatError) in .withdraw(try Withdrawal(json: v, task: "", path: "new")) },
                current: { p, t, _ in p.task(t) == nil ? .null : .int(p.reviews.withdrawalCount(task: t)) },
                brief: { v in Self.withdrawalBrief(v) + ": " + (v["text"]?.string.map { JSON.string($0).brief } ?? "") },
                describe: { _, v in Self.withdrawalBrief(v) + " → " + (v["text"]?.string.map { JSON.string($0).brief } ?? "") })
        }
    }
}

extension ChangeKind {
    /// A note's text in one line.
    @Sendable static func noteText(_ v: JSON) -> String {
        v["text"]?.string.map { JSON.string($0).brief } ?? v.brief
    }
}

extension ChangeKind {
    @Sendable static func feedbackBrief(_ v: JSON) -> String {
        let p = v["progress"]?.int.map { " \($0)%" } ?? ""
        return (v["department"]?.string ?? "?") + p + ": " + (v["text"]?.string.map { JSON.string($0).brief } ?? v.brief)
    }

    @Sendable static func roundBrief(_ v: JSON) -> String {
        (v["name"]?.string ?? "?") + " due " + (v["due"]?.string ?? "?")
    }

    @Sendable static func requestBrief(_ v: JSON) -> String {
        let to = v["to"]?.string.map { " to " + $0 } ?? ""
        return (v["kind"]?.string ?? "?") + " " + (v["department"]?.string ?? "?") + to + ": "
            + (v["text"]?.string.map { JSON.string($0).brief } ?? v.brief)
    }

    @Sendable static func reviewBrief(_ v: JSON) -> String {
        let why = v["reason"]?.string.map { ": " + JSON.string($0).brief } ?? ""
        return (v["kind"]?.string ?? "?") + " " + (v["department"]?.string ?? "?") + " " + (v["outcome"]?.string ?? "?") + why
    }

    @Sendable static func withdrawalBrief(_ v: JSON) -> String {
        // A decision taken back reopens its request.
        let what = v["kind"]?.string == ChangeKind.review.journalName ? "review of request" : (v["kind"]?.string ?? "?")
        return what + " #" + String((v["index"]?.int ?? -1) + 1)
    }

    @Sendable static func chaseBrief(_ v: JSON) -> String {
        let n = v["items"]?.array?.count ?? 0
        return (v["department"]?.string ?? "?") + ": \(n) item" + (n == 1 ? "" : "s")
    }
}

extension Edit {
    /// The kind of change this edit makes.
    public var kind: ChangeKind {
        switch self {
        case .setStatus: return .status
        case .setProgress: return .progress
        case .setDue: return .due
        case .addNote: return .note
        case .setTitle: return .title
        case .setText: return .text
        case .setAssignments: return .assignments
        case .addTask, .removeTask: return .task
        case .setIndicatorActual: return .indicator
        case .addFeedback: return .feedback
        case .setRound: return .round
        case .addChase: return .chase
        case .request: return .request
        case .review: return .review
        case .withdraw(let w): return w.text == nil ? .withdrawal : .correction
        case .restoreRound: return .round
        case .withdrawChase: return .chase
        }
    }

    /// The journal field this edit changes, with its key for keyed kinds
    /// (a new keyed kind returns its key here too).
    public var changeField: ChangeField {
        if case .setIndicatorActual(let id, _) = self { return ChangeField(.indicator, key: id) }
        if case .setRound(let r) = self { return ChangeField(.round, key: r.name) }
        if case .addChase(let c) = self { return ChangeField(.chase, key: c.department) }
        if case .restoreRound(let name, _) = self { return ChangeField(.round, key: name) }
        if case .withdrawChase(let d, _) = self { return ChangeField(.chase, key: d) }
        return ChangeField(kind)
    }

    /// The journal's field name.
    public var field: String { changeField.journalName }

    /// The value this edit writes, as the journal's `new` holds it; the
    /// inverse of its kind's `decode`.
    public var newValue: JSON {
        switch self {
        case .setStatus(let s): return .string(s.rawValue)
        case .setProgress(let p): return .int(p)
        case .setDue(let d): return .string(d.description)
        case .addNote(let n): return n.json
        case .setTitle(let s), .setText(let s): return .string(s)
        case .setAssignments(let a): return .array(a.map(\.json))
        case .addTask(let t):
            guard case .object(var o) = t.json else { return t.json }
            o.append(("section", .int(t.section)))
            o.append(("group", t.group.map { .int($0) } ?? .null))
            return .object(o)
        case .removeTask: return .null
        case .setIndicatorActual(_, let v): return v.map { .double($0) } ?? .null
        case .addFeedback(let f): return f.json(withTask: false)
        case .setRound(let r): return r.json
        case .addChase(let c): return c.json
        case .request(let r): return r.json(record: false)
        case .review(let d): return d.json
        case .withdraw(let w): return w.json(record: false)
        case .restoreRound(_, let r): return r?.json ?? .null
        case .withdrawChase(_, let n): return .int(n)
        }
    }
}

extension PlanFormatError {
    /// A journal value of the wrong shape for its field.
    static func badValue(_ expected: String, _ field: ChangeField, _ got: JSON) -> PlanFormatError {
        PlanFormatError(path: "new", message: "\(expected) expected for field \(field.journalName), got \(got.brief)")
    }
}
