/// The responsibility system of a leading group (document `003`): who has which
/// standing duties.
public struct DutyRoster: Hashable, Sendable {
    public var id: String
    public var title: String
    public var issuer: String
    public var issued: Day?
    public var source: String
    public var entries: [DutyEntry]

    public init(id: String, title: String, issuer: String = "", issued: Day? = nil,
                source: String = "", entries: [DutyEntry] = []) {
        self.id = id
        self.title = title
        self.issuer = issuer
        self.issued = issued
        self.source = source
        self.entries = entries
    }

    /// Duties of one body (department names as printed).
    public func duties(of body: String) -> [String] {
        entries.filter { $0.body == body }.flatMap(\.duties)
    }

    /// Member departments in order of first mention.
    public var memberDepartments: [String] {
        var seen = Set<String>()
        return entries.filter { $0.kind == .member }.map(\.body).filter { seen.insert($0).inserted }
    }
}

public struct DutyEntry: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// 领导小组
        case leadingGroup = "leading_group"
        /// 领导小组办公室
        case office
        /// 成员单位: one member department
        case member
        /// 成员单位 collectively (duties shared by all members)
        case allMembers = "all_members"
        /// 各地政府
        case localGovernment = "local_government"
    }

    public var kind: Kind
    /// Who: the department name, or the body's name for other kinds.
    public var body: String
    public var duties: [String]

    public init(kind: Kind, body: String, duties: [String]) {
        self.kind = kind
        self.body = body
        self.duties = duties
    }
}
