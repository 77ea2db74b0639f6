/// Finding a department's standing duties in the roster although the plan
/// may call it otherwise: by its aliases, by the bodies it succeeded or that
/// succeeded it (`省质监局` → `省市场监管局`), and with or without `省`.
extension DutyRoster {
    /// Member entries whose department is `name` under any of its names.
    public func entries(for name: String, aliases: [String] = [], successions: [String: String] = [:]) -> [DutyEntry] {
        var names = Set([name] + aliases)
        // Follow successions both ways until nothing new turns up.
        var grew = true
        while grew {
            grew = false
            for (old, new) in successions {
                if names.contains(old), names.insert(new).inserted { grew = true }
                if names.contains(new), names.insert(old).inserted { grew = true }
            }
        }
        let keys = Set(names.map(DutyRoster.matchKey))
        return entries.filter { $0.kind == .member && keys.contains(DutyRoster.matchKey($0.body)) }
    }

    /// Duties of `name`, in roster order.
    public func duties(for name: String, aliases: [String] = [], successions: [String: String] = [:]) -> [String] {
        entries(for: name, aliases: aliases, successions: successions).flatMap(\.duties)
    }

    static func matchKey(_ name: String) -> String {
        name.hasPrefix("省") && name.count > 2 ? String(name.dropFirst()) : name
    }
}
