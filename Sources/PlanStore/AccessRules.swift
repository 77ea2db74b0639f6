import PlanModel

/// `access.json`: {"office": [users], "reporters": {user: [departments]}}.
/// Anyone not listed is a viewer.
public struct AccessRules: Hashable, Sendable {
    public var office: [String]
    /// User → departments, in file order.
    public var reporters: [(user: String, departments: [String])]

    public init(office: [String] = [], reporters: [(user: String, departments: [String])] = []) {
        self.office = office
        self.reporters = reporters
    }

    public static func == (a: AccessRules, b: AccessRules) -> Bool {
        a.office == b.office && a.reporters.count == b.reporters.count
            && zip(a.reporters, b.reporters).allSatisfy { $0.user == $1.user && $0.departments == $1.departments }
    }

    public func hash(into h: inout Hasher) {
        h.combine(office)
        for r in reporters { h.combine(r.user); h.combine(r.departments) }
    }

    public func role(of user: String) -> AccessRole {
        if office.contains(user) { return .office }
        if let r = reporters.first(where: { $0.user == user }) { return .reporter(departments: r.departments) }
        return .viewer
    }

    public mutating func setOffice(_ user: String) {
        remove(user)
        office.append(user)
    }

    public mutating func setReporter(_ user: String, departments: [String]) {
        remove(user)
        reporters.append((user, departments))
    }

    public mutating func remove(_ user: String) {
        office.removeAll { $0 == user }
        reporters.removeAll { $0.user == user }
    }

    public var json: JSON {
        .object([
            ("office", .array(office.map { .string($0) })),
            ("reporters", .object(reporters.map { ($0.user, .array($0.departments.map { .string($0) })) })),
        ])
    }

    public init(json v: JSON) throws(PlanFormatError) {
        self = try SmallFile.decode(AccessRules.self, from: Array(JSONWriter.compact(v).utf8))
    }
}
