/// A task's assignments written on one line, `部门:职责,部门:职责`: what
/// `duban edit --assign` takes and the dashboard's reassignment field shows.
/// A role is its English name (lead, cooperate, joint, implement) or its
/// Chinese one, long or short (牵头, 配合, 按职责分工负责 / 共同, 负责具体实施 / 实施);
/// full-width commas and colons are accepted as typed in Chinese text.
public enum AssignmentList {
    /// The part that is not `部门:职责`, as written.
    public struct BadPart: Error, Hashable, Sendable {
        public var part: String
        public init(_ part: String) { self.part = part }

        /// Names the bad part and the syntax, in the language.
        public func text(_ language: Language) -> String {
            Vocabulary(language).pick("“\(part)”应为 部门:职责（牵头、配合、共同、实施）",
                                      "\"\(part)\" is not DEPT:ROLE (lead, cooperate, joint, implement)")
        }
    }

    public static func role(_ name: String) -> Role? {
        if let r = Role(rawValue: name) { return r }
        let zh = Vocabulary(.zh)
        return Role.allCases.first { zh.role($0) == name || zh.roleShort($0) == name }
    }

    /// The assignments in order. `keeping` lends its flags (a collective body
    /// stays collective) to departments it names. Empty text is no assignment.
    public static func parse(_ text: String, keeping old: [Assignment] = []) throws(BadPart) -> [Assignment] {
        var out: [Assignment] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == "，" }) {
            let pair = part.split(maxSplits: 1, whereSeparator: { $0 == ":" || $0 == "：" }).map { trimmed($0) }
            guard pair.count == 2, !pair[0].isEmpty, let r = role(pair[1]) else {
                throw BadPart(trimmed(part))
            }
            let collective = old.first { $0.department == pair[0] }?.collective ?? false
            out.append(Assignment(department: pair[0], role: r, collective: collective))
        }
        return out
    }

    static func trimmed(_ s: Substring) -> String {
        String(s.drop { $0 == " " || $0 == "\u{3000}" }.reversed().drop { $0 == " " || $0 == "\u{3000}" }.reversed())
    }

    /// The line `parse` reads back, with the roles' short names in the language.
    public static func format(_ assignments: [Assignment], _ language: Language) -> String {
        let v = Vocabulary(language)
        return assignments.map { $0.department + ":" + (language == .zh ? v.roleShort($0.role) : $0.role.rawValue) }
            .joined(separator: language == .zh ? "，" : ",")
    }
}
