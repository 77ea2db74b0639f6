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
    public init(_ message: String) { self.message = message }
    public init(en: String, zh: String) { self.message = en; self.zh = zh }
    public var description: String { message }
}

extension AccessRole {
    /// Why `user` in this role may not make `edit` on `task` (nil when allowed).
    /// The one place permissions are decided; the store calls it before every commit.
    public func refusal(user: String, edit: Edit, task: PlanTask?, plan: Plan?) -> Refusal? {
        switch self {
        case .office:
            return nil
        case .viewer:
            return Refusal("\(user) is read-only in this store (not an office user or a reporter)")
        case .reporter(let departments):
            // The table says who may make each kind of change.
            let units = departments.joined(separator: "、")
            if edit.kind.permission == .supervision {
                return Refusal(en: "\(user) reports for \(units); only the office may open or close rounds and chase units",
                               zh: "\(user) 是\(units)的报送人员，只有督办办公室可以开启、关闭报送轮次和催办")
            }
            guard edit.kind.permission.reporterMay else {
                return Refusal("\(user) reports for \(departments.joined(separator: "、")) and may change only status, progress and notes")
            }
            guard let task else { return Refusal("no such task") }
            let aliases: (String) -> [String] = { name in
                plan?.departments.first { $0.isNamed(name) }.map { [$0.name] + $0.aliases } ?? [name]
            }
            let mine = Set(departments.flatMap(aliases))
            if case .addFeedback(let f) = edit, !mine.contains(f.department) {
                return Refusal(en: "\(user) reports for \(units) and may not file feedback for \(f.department)",
                               zh: "\(user) 只能为本单位（\(units)）报送情况，不能为\(f.department)报送")
            }
            if task.assignments.contains(where: { mine.contains($0.department) }) { return nil }
            if edit.kind.permission == .unitFeedback {
                return Refusal(en: "\(user) reports for \(units), which has no role in task \(task.key)",
                               zh: "\(units)在任务 \(task.key) 中没有职责，\(user) 不能报送该任务")
            }
            return Refusal("\(user) reports for \(departments.joined(separator: "、")), which has no role in task \(task.key)")
        }
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
