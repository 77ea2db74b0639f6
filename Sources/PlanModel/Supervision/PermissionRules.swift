/// Who may do what: the rules table. `AccessRole.refusal` decides every
/// commit by it, `duban access` prints it, and every refusal names its rule.
public enum PermissionRule: String, CaseIterable, Hashable, Sendable {
    /// Status and progress: the task's lead units; a task with neither lead nor
    /// joint units, the units carrying it out. Joint units answer for their own
    /// parts through feedback and closure requests instead.
    case statusByLead
    /// With closure review on, a unit asks for closure; it does not mark its task done.
    case doneByReview
    /// Progress notes: any unit with a role in the task.
    case notesByAssigned
    /// Feedback (情况反馈): any unit with a role, for itself; the office on its behalf.
    case feedbackForOwnUnit
    /// Closure and extension requests: the responsible unit (lead; each joint unit
    /// for its part), an extension only before the current due date.
    case requestsByResponsible
    /// Deciding requests, reporting rounds and chases: the office.
    case reviewByOffice
    /// The plan's structure, indicators, imports and the access rules: the office.
    case structureByOffice
    /// Anyone who is neither an office user nor a reporter only reads.
    case othersRead
    /// Correcting or withdrawing a note or feedback: the office; a unit
    /// withdraws only what it filed itself (its own undo).
    case correctionByOffice

    /// The rule that governs a kind of change.
    public static func governing(_ p: ChangePermission) -> PermissionRule {
        switch p {
        case .taskProgress: return .statusByLead
        case .progressReport: return .notesByAssigned
        case .unitFeedback: return .feedbackForOwnUnit
        case .request: return .requestsByResponsible
        case .review, .supervision: return .reviewByOffice
        case .structure, .indicator, .administration: return .structureByOffice
        case .correction: return .correctionByOffice
        }
    }

    /// What the rule covers, for the table's first column.
    public var what: Bilingual {
        switch self {
        case .statusByLead: return Bilingual(zh: "任务状态和进度", en: "a task's status and progress")
        case .doneByReview: return Bilingual(zh: "办结（已完成）", en: "closing a task (done)")
        case .notesByAssigned: return Bilingual(zh: "进展备注", en: "progress notes")
        case .feedbackForOwnUnit: return Bilingual(zh: "情况反馈", en: "feedback (情况反馈)")
        case .requestsByResponsible: return Bilingual(zh: "办结申请、延期申请", en: "closure and extension requests")
        case .reviewByOffice: return Bilingual(zh: "审核申请、报送轮次、催办", en: "reviews, reporting rounds, chases")
        case .structureByOffice: return Bilingual(zh: "计划结构、指标、导入、权限", en: "plan structure, indicators, imports, access")
        case .othersRead: return Bilingual(zh: "其他人", en: "everyone else")
        case .correctionByOffice: return Bilingual(zh: "更正、撤回备注和情况反馈", en: "correcting or withdrawing notes and feedback")
        }
    }

    /// Who may, for the table's second column.
    public var who: Bilingual {
        switch self {
        case .statusByLead:
            return Bilingual(zh: "牵头单位（无牵头、非共同负责的任务：承办单位）或办公室；共同负责的单位通过情况反馈和办结申请报告本单位部分",
                             en: "the lead unit (a task with neither lead nor joint units: the units carrying it out) or the office; joint units report their parts through feedback and closure requests")
        case .doneByReview:
            return Bilingual(zh: "开启办结审核（closureReview）时：责任单位申请办结，办公室审核通过",
                             en: "with closure review on (closureReview): the responsible unit applies, the office approves")
        case .notesByAssigned: return Bilingual(zh: "在任务中有职责的单位，或办公室", en: "any unit with a role in the task, or the office")
        case .feedbackForOwnUnit: return Bilingual(zh: "有职责的单位为本单位报送；办公室代报", en: "any unit with a role, for itself; the office on its behalf")
        case .requestsByResponsible:
            return Bilingual(zh: "责任单位（牵头单位；共同负责的任务各单位为本单位部分），延期须在截止日期前申请；办公室可代为申请",
                             en: "the responsible unit (the lead; each joint unit for its own part), an extension before the due date; the office on its behalf")
        case .reviewByOffice: return Bilingual(zh: "办公室", en: "the office")
        case .structureByOffice: return Bilingual(zh: "办公室", en: "the office")
        case .othersRead: return Bilingual(zh: "只读", en: "read only")
        case .correctionByOffice:
            return Bilingual(zh: "办公室；报送单位只能撤回本人提交的（撤销）", en: "the office; a unit withdraws only what it filed itself (undo)")
        }
    }

    /// The rule as a refusal names it: `规则：任务状态和进度——牵头单位…`.
    public var named: Bilingual {
        Bilingual(zh: "规则：" + what.zh + "——" + who.zh, en: "rule: " + what.en + " — " + who.en)
    }
}

/// An error whose message a person reads, in either language.
public protocol PersonMessage: Error {
    func text(_ language: Language) -> String
}

extension Refusal: PersonMessage {
    /// The message in the language, followed by the rule it applies.
    public func text(_ language: Language) -> String {
        let body = language == .zh ? (zh ?? message) : message
        guard let rule else { return body }
        return language == .zh ? body + "（" + rule.named.zh + "）" : body + " (" + rule.named.en + ")"
    }
}

extension EditError: PersonMessage {
    public func text(_ language: Language) -> String { language == .zh ? (zh ?? message) : message }
}

extension Conflict: PersonMessage {
    public func text(_ language: Language) -> String {
        guard language == .zh else { return description }
        let label = (try? ChangeField(journal: field))?.label.zh ?? field
        var s = "冲突：\(plan) \(task) 的\(label)现在是 \(current.brief)，不是 \(expected.brief)"
        if let by { s += "（由 \(by.user) 于 \(by.time) 修改）" }
        return s
    }
}
