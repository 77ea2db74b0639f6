/// What a Unix user may do in a store, from its access rules.
public enum AccessRole: Hashable, Sendable {
    /// Everything: progress, structure, imports, access rules.
    case office
    /// Status, progress and notes of tasks where one of these departments has any role.
    case reporter(departments: [String])
    /// Nothing.
    case viewer

    public var name: String {
        switch self {
        case .office: return "office"
        case .reporter: return "reporter"
        case .viewer: return "viewer"
        }
    }
}

/// A change refused by the access rules or because the session is read-only.
public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// The same in Chinese, where the rule says it in both languages.
    public var zh: String?
    /// The rule of the table that refuses it (`PermissionRule`).
    public var rule: PermissionRule?
    public init(_ message: String) { self.message = message }
    public init(en: String, zh: String, rule: PermissionRule? = nil) { self.message = en; self.zh = zh; self.rule = rule }
    public var description: String { message }
}

extension AccessRole {
    /// Why `user` in this role may not make `edit` on `task` (nil when allowed),
    /// by the rules table (`PermissionRule`). The one place permissions are
    /// decided; the store calls it before every commit. `closureReview`: a
    /// reporter closes a task only through a closure request.
    public func refusal(user: String, edit: Edit, task: PlanTask?, plan: Plan?, closureReview: Bool = false) -> Refusal? {
        let rule = PermissionRule.governing(edit.kind.permission)
        switch self {
        case .office:
            return nil
        case .viewer:
            return Refusal(en: "\(user) is read-only in this store (not an office user or a reporter)",
                           zh: "\(user) 在此存储中只读（不是办公室用户或报送单位用户）", rule: .othersRead)
        case .reporter(let departments):
            let units = departments.joined(separator: "、")
            if edit.kind.permission == .supervision || edit.kind.permission == .review {
                return Refusal(en: "\(user) reports for \(units); only the office may review requests, open or close rounds and chase units",
                               zh: "\(user) 是\(units)的报送人员，只有督办办公室可以审核申请、开启或关闭报送轮次和催办", rule: .reviewByOffice)
            }
            if edit.kind.permission == .correction {
                return Refusal(en: "\(user) reports for \(units); only the office corrects notes and feedback",
                               zh: "\(user) 是\(units)的报送人员，只有督办办公室可以更正备注和情况反馈", rule: .correctionByOffice)
            }
            guard edit.kind.permission.reporterMay else {
                return Refusal(en: "\(user) reports for \(units) and may change only status, progress and notes",
                               zh: "\(user) 是\(units)的报送人员，只能修改本单位任务的状态、进度和备注", rule: .structureByOffice)
            }
            guard let task else { return Refusal(en: "no such task", zh: "没有该任务") }
            let names = plan?.canonicalNames ?? [:]
            let aliases: (String) -> [String] = { name in
                plan?.departments.first { $0.isNamed(name) }.map { [$0.name] + $0.aliases } ?? [name]
            }
            let mine = Set(departments.flatMap(aliases))
            if case .addFeedback(let f) = edit, !mine.contains(f.department) {
                return Refusal(en: "\(user) reports for \(units) and may not file feedback for \(f.department)",
                               zh: "\(user) 只能为本单位（\(units)）报送情况，不能为\(f.department)报送", rule: .feedbackForOwnUnit)
            }
            guard task.assignments.contains(where: { mine.contains($0.department) }) else {
                return Refusal(en: "\(user) reports for \(units), which has no role in task \(task.key)",
                               zh: "\(units)在任务 \(task.key) 中没有职责，\(user) 不能修改该任务", rule: rule)
            }
            if case .withdraw(let w) = edit, let refusal = withdrawalRefusal(user: user, units: units, w, task: task, plan: plan) {
                return refusal
            }
            switch edit.kind.permission {
            case .taskProgress:
                if !task.statusUnits(names).contains(where: { mine.contains($0) }) {
                    let leads = task.statusUnits(names)
                    let who = leads.isEmpty ? "" : "（\(leads.joined(separator: "、"))）"
                    return Refusal(en: "\(user) reports for \(units), which does not lead task \(task.key)\(leads.isEmpty ? "" : " (" + leads.joined(separator: "、") + ")")",
                                   zh: "\(units)不是任务 \(task.key) 的牵头单位\(who)，\(user) 不能修改其状态和进度", rule: .statusByLead)
                }
                if closureReview, case .setStatus(.done) = edit {
                    return Refusal(en: "\(user) may not mark task \(task.key) done directly: apply for closure with duban request \(plan?.id ?? "PLAN") \(task.key) closure --summary TEXT, and the office reviews it",
                                   zh: "\(user) 不能直接将任务 \(task.key) 设为已完成：请用 duban request \(plan?.id ?? "PLAN") \(task.key) closure --summary 说明 申请办结，由办公室审核",
                                   rule: .doneByReview)
                }
            case .request:
                if case .request(let r) = edit {
                    let dept = plan?.department(named: r.department)?.name ?? r.department
                    if !r.department.isEmpty, !mine.contains(r.department) && !mine.contains(dept) {
                        return Refusal(en: "\(user) reports for \(units) and may not apply for \(r.department)",
                                       zh: "\(user) 只能为本单位（\(units)）申请，不能为\(r.department)申请", rule: .requestsByResponsible)
                    }
                    let responsible = task.answerableUnits(names)
                    if !responsible.contains(where: { mine.contains($0) }) {
                        return Refusal(en: "\(user) reports for \(units), which is not responsible for task \(task.key) (\(responsible.joined(separator: "、")))",
                                       zh: "\(units)不是任务 \(task.key) 的责任单位（\(responsible.joined(separator: "、"))），\(user) 不能申请", rule: .requestsByResponsible)
                    }
                    if r.kind == .extension, let on = r.filedOn, on >= task.due {
                        return Refusal(en: "an extension must be requested before the due date (\(task.due)); ask the office",
                                       zh: "延期须在截止日期（\(task.due)）前申请；请联系办公室", rule: .requestsByResponsible)
                    }
                }
            default:
                break
            }
            return nil
        }
    }
}

extension AccessRole {
    /// A unit takes back only what its user filed (undoing it); reopening a
    /// decision is the office's.
    func withdrawalRefusal(user: String, units: String, _ w: Withdrawal, task: PlanTask, plan: Plan?) -> Refusal? {
        if w.kind == ChangeKind.review.journalName {
            return Refusal(en: "\(user) reports for \(units); only the office reopens a decided request",
                           zh: "\(user) 是\(units)的报送人员，只有督办办公室可以撤销审核", rule: .reviewByOffice)
        }
        let filedBy: String?
        switch w.kind {
        case ChangeKind.note.journalName:
            // A note left on disk (a display plan) is not known to be theirs.
            let i = w.index - task.olderNotes
            filedBy = task.notes.indices.contains(i) ? task.notes[i].user : (0..<task.noteCount).contains(w.index) ? "" : nil
        case ChangeKind.feedback.journalName:
            let f = plan?.supervision.feedback(task: task.key) ?? []
            filedBy = f.indices.contains(w.index) ? f[w.index].user : nil
        default:
            let r = plan?.reviews.requests(task: task.key) ?? []
            filedBy = r.indices.contains(w.index) ? r[w.index].user : nil
        }
        // A record that is not there is the edit's own error, not a refusal.
        guard let filedBy, filedBy != user else { return nil }
        let what = Plan.recordName(w.kind)
        return Refusal(en: "\(user) reports for \(units) and withdraws only what they filed; \(what.en) #\(w.index + 1) of task \(task.key) is not theirs: the office corrects or withdraws it",
                       zh: "\(user) 是\(units)的报送人员，只能撤回本人提交的记录；任务 \(task.key) 的第 \(w.index + 1) 条\(what.zh)不是本人提交的，须由督办办公室更正或撤回",
                       rule: .correctionByOffice)
    }
}

extension PlanTask {
    /// The units that set status and progress: the leads; with none, the units
    /// carrying it out unless joint units answer for parts (canonical names).
    public func statusUnits(_ names: [String: String]) -> [String] {
        let leads = assignments.filter { $0.role == .lead && !$0.collective }.map { names[$0.department] ?? $0.department }
        if !leads.isEmpty { return leads }
        if assignments.contains(where: { $0.role == .joint && !$0.collective }) { return [] }
        return answerableUnits(names)
    }
}

/// Who is running this session and what it may do: shown in the header.
public struct SessionInfo: Hashable, Sendable {
    public var user: String
    public var role: AccessRole
    /// Read-only whatever the role: kiosk, viewer, or a store that cannot be written.
    public var readOnly: Bool
    /// Why it is read-only, e.g. "store directory is not writable".
    public var readOnlyReason: String?
    public var kiosk: Bool

    public init(user: String, role: AccessRole, readOnly: Bool, readOnlyReason: String? = nil, kiosk: Bool = false) {
        self.user = user
        self.role = role
        self.readOnly = readOnly || kiosk || role == .viewer
        self.readOnlyReason = readOnlyReason
        self.kiosk = kiosk
    }
}

/// What a store watcher reports: one plan changed, with the journal entries that
/// did it (empty when the snapshot was replaced, e.g. by an import).
public struct PlanChange: Hashable, Sendable {
    public var plan: String
    public var entries: [JournalEntry]
    public init(plan: String, entries: [JournalEntry]) {
        self.plan = plan
        self.entries = entries
    }
}
