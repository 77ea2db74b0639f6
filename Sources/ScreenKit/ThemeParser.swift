/// A theme file that cannot be used, located to the line and key.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var key: String?
    public var message: String

    /// `Themes/bad.theme:7: unknown role "hedaer" (…)`: the message names the key.
    public var description: String { "\(file):\(line): \(message)" }

    public init(file: String, line: Int, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }
}

/// Reads the theme format:
///
///     # comment
///     role = foreground [background] [attribute,attribute]
///
/// Colours are `default`, `black red green yellow blue magenta cyan white`,
/// `bright-black` … `bright-white`, or 0–255. Attributes are `bold dim underline
/// reverse` (comma-separated) or `none`. Role names are StyleRole's, in
/// kebab-case or camelCase (`border-focused`, `borderFocused`).
public enum ThemeParser {
    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    public static func parse(_ text: String, name: String, file: String) throws(ThemeError) -> Theme {
        var styles: [StyleRole: RoleStyle] = [:]
        var firstLine: [StyleRole: Int] = [:]
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let trimmed = line.themeTrimmed
            if trimmed.isEmpty { continue }
            guard let eq = trimmed.firstIndex(of: "=") else {
                throw ThemeError(file: file, line: lineNumber, key: nil,
                                 message: "expected \"role = foreground [background] [attributes]\", found \"\(trimmed)\"")
            }
            if trimmed.hasPrefix("=") {
                throw ThemeError(file: file, line: lineNumber, key: nil, message: "missing role name before \"=\"")
            }
            let key = String(trimmed[..<eq]).themeTrimmed
            let value = String(trimmed[trimmed.index(after: eq)...]).themeTrimmed
            guard let role = role(named: key) else {
                throw ThemeError(file: file, line: lineNumber, key: key,
                                 message: "unknown role \"\(key)\" (known roles: \(StyleRole.allCases.map { kebab($0.rawValue) }.joined(separator: ", ")))")
            }
            if let first = firstLine[role] {
                throw ThemeError(file: file, line: lineNumber, key: key,
                                 message: "role \"\(key)\" given twice (first on line \(first))")
            }
            firstLine[role] = lineNumber
            do {
                styles[role] = try style(value)
            } catch let message {
                throw ThemeError(file: file, line: lineNumber, key: key, message: "role \"\(key)\": \(message.message)")
            }
        }
        return Theme(name: name, styles: styles)
    }

    struct Message: Error { var message: String }

    static func style(_ value: String) throws(Message) -> RoleStyle {
        let tokens = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if tokens.isEmpty { throw Message(message: "no colours given") }
        var colors: [ThemeColor] = []
        var attrs: ThemeAttributes? = nil
        for token in tokens {
            if let c = color(token) {
                guard attrs == nil else { throw Message(message: "colour \"\(token)\" after the attributes") }
                guard colors.count < 2 else { throw Message(message: "more than two colours (\"\(token)\")") }
                colors.append(c)
            } else if let a = try attributes(token) {
                guard attrs == nil else { throw Message(message: "attributes given twice (\"\(token)\")") }
                attrs = a
            } else {
                throw Message(message: "\"\(token)\" is not a colour (default, black…white, bright-black…bright-white, 0–255)")
            }
        }
        return RoleStyle(colors.first ?? .default, colors.count > 1 ? colors[1] : .default, attrs ?? [])
    }

    static func color(_ token: String) -> ThemeColor? {
        let t = token.lowercased()
        if t == "default" || t == "-" { return .default }
        if let i = colorNames.firstIndex(of: t) { return .indexed(i) }
        if t.hasPrefix("bright-"), let i = colorNames.firstIndex(of: String(t.dropFirst(7))) { return .indexed(8 + i) }
        if let n = Int(t), (0...255).contains(n) { return .indexed(n) }
        return nil
    }

    /// nil when the token does not look like attributes at all.
    static func attributes(_ token: String) throws(Message) -> ThemeAttributes? {
        let t = token.lowercased()
        if t == "none" { return [] }
        let names = t.split(separator: ",", omittingEmptySubsequences: false)
        var a: ThemeAttributes = []
        var anyKnown = false
        for n in names {
            switch n {
            case "bold": a.insert(.bold)
            case "dim": a.insert(.dim)
            case "underline": a.insert(.underline)
            case "reverse": a.insert(.reverse)
            default:
                if anyKnown || names.count > 1 {
                    throw Message(message: "unknown attribute \"\(n)\" (bold, dim, underline, reverse, none)")
                }
                return nil
            }
            anyKnown = true
        }
        return a
    }

    static func role(named key: String) -> StyleRole? {
        let k = key.lowercased().filter { $0 != "-" && $0 != "_" }
        return StyleRole.allCases.first { $0.rawValue.lowercased() == k }
    }

    /// `borderFocused` → `border-focused`, as theme files spell roles.
    public static func kebab(_ name: String) -> String {
        var out = ""
        for ch in name {
            if ch.isUppercase { out += "-" + ch.lowercased() } else { out.append(ch) }
        }
        return out
    }
}

extension StringProtocol {
    fileprivate var themeTrimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
