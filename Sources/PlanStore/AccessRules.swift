import PlanModel

/// `access.json`: {"office": [users], "reporters": {user: [departments]}}.
/// Anyone not listed is a viewer.
public struct AccessRules: Hashable, Sendable {
    public var office: [String]
    /// User → departments, in file order.
    public var reporters: [(user: String, departments: [String])]
    /// Keys this version does not know (a typo such as "offices", or a later
    /// version's), in file order: `check` names them, and rewriting keeps them.
    public var unknown: [(key: String, value: JSON)] = []
    public static let knownKeys = ["office", "reporters"]

    public init(office: [String] = [], reporters: [(user: String, departments: [String])] = []) {
        self.office = office
        self.reporters = reporters
    }

    public static func == (a: AccessRules, b: AccessRules) -> Bool {
        a.office == b.office && a.reporters.count == b.reporters.count
            && zip(a.reporters, b.reporters).allSatisfy { $0.user == $1.user && $0.departments == $1.departments }
            && a.unknown.map(\.key) == b.unknown.map(\.key) && a.unknown.map(\.value) == b.unknown.map(\.value)
    }

    /// Why these rules cannot be written: a user name that no account can have
    /// (empty, blank, with control characters), or no office user left, after
    /// which nobody could change the rules again.
    public func problem() -> StoreReason? {
        let names = office + reporters.map(\.user)
        if let bad = names.first(where: { !AccessRules.isUserName($0) }) { return .notUserName(bad) }
        if office.isEmpty { return .noOfficeUser }
        return nil
    }

    /// A name an account can have: not empty, no white space, no control character.
    public static func isUserName(_ s: String) -> Bool {
        !s.isEmpty && !s.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
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
        ] + unknown.map { ($0.key, $0.value) })
    }

    public init(json v: JSON) throws(PlanFormatError) {
        self = try JSONReader.decode(v, path: "") { (r) throws(JSONReader.Failure) in try AccessRules(reading: &r) }
    }

    /// Decoded with the plan's reader rather than `Codable`: unknown keys are
    /// kept in file order, which `Codable`'s keyed containers do not keep.
    init(reading r: inout JSONReader) throws(JSONReader.Failure) {
        self.init()
        guard case .object(let members) = try r.value() else { throw r.invalid("expected an object", at: 0) }
        for (key, value) in members {
            switch key {
            case "office":
                guard let a = value.array, let names = Optional(a.compactMap(\.string)), names.count == a.count else {
                    throw r.invalid("expected an array of user names, got \(value.brief)", at: 0).under("office")
                }
                office = names
            case "reporters":
                if value.isNull { continue }
                guard let o = value.object else {
                    throw r.invalid("expected an object of user: [departments]", at: 0).under("reporters")
                }
                for (user, deps) in o {
                    guard let a = deps.array, let names = Optional(a.compactMap(\.string)), names.count == a.count else {
                        throw r.invalid("expected an array of department names", at: 0).under("reporters." + user)
                    }
                    reporters.append((user, names))
                }
            default:
                unknown.append((key, value))
            }
        }
    }

    /// `access.json`; nil when there is none. Errors name the line and column.
    static func read(_ path: String) throws(StoreError) -> AccessRules? {
        guard let bytes = try POSIXFile.read(path) else { return nil }
        do { return try JSONReader.decode(bytes) { (r) throws(JSONReader.Failure) in try AccessRules(reading: &r) } } catch {
            throw error.isSyntax ? StoreError("\(path):\(error.line):\(error.column): \(error.message)")
                                 : StoreError("\(path): \(error.formatError)")
        }
    }
}
