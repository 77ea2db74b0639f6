/// An assignee of a plan: a department, a collective body, or an implementing
/// government, under its canonical name.
public struct Department: Hashable, Sendable {
    public var name: String
    /// Other spellings in the same document (`质监` for `质监部门`).
    public var aliases: [String]
    public var collective: Bool
    /// Standing duties from the responsibility system, when known.
    public var duties: [String]

    public init(name: String, aliases: [String] = [], collective: Bool = false, duties: [String] = []) {
        self.name = name
        self.aliases = aliases
        self.collective = collective
        self.duties = duties
    }

    /// True when `text` is this department's name or one of its aliases.
    public func isNamed(_ text: String) -> Bool {
        name == text || aliases.contains(text)
    }
}
