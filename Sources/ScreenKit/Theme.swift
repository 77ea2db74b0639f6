/// A terminal colour as a theme names it: the terminal's own default, or an
/// index into the xterm palette (0–7 basic, 8–15 bright, 16–255 extended).
public enum ThemeColor: Hashable, Sendable {
    case `default`
    case indexed(Int)
}

/// Attributes a theme may ask for; every terminal can show these.
public struct ThemeAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = ThemeAttributes(rawValue: 1)
    public static let dim = ThemeAttributes(rawValue: 2)
    public static let underline = ThemeAttributes(rawValue: 4)
    public static let reverse = ThemeAttributes(rawValue: 8)
}

/// How one style role looks.
public struct RoleStyle: Hashable, Sendable {
    public var fg: ThemeColor
    public var bg: ThemeColor
    public var attrs: ThemeAttributes

    public init(_ fg: ThemeColor = .default, _ bg: ThemeColor = .default, _ attrs: ThemeAttributes = []) {
        self.fg = fg
        self.bg = bg
        self.attrs = attrs
    }
}

/// Style roles mapped to colours and attributes. Roles a theme file leaves out
/// take the built-in default's look, so new roles never render invisible.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [StyleRole: RoleStyle]

    public init(name: String, styles: [StyleRole: RoleStyle]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: StyleRole) -> RoleStyle {
        styles[role] ?? Theme.builtIn.styles[role] ?? RoleStyle()
    }

    /// False for a theme that names no colour at all (like `mono`): it is drawn
    /// with attributes only, as on a terminal without colour.
    public var usesColor: Bool {
        styles.values.contains { $0.fg != .default || $0.bg != .default }
    }

    /// Used when no theme file can be found; matches Themes/default.theme.
    public static let builtIn: Theme = {
        let c = ThemeColor.indexed
        let s: [StyleRole: RoleStyle] = [
            .normal: RoleStyle(),
            .dim: RoleStyle(c(8), .default, []),
            .header: RoleStyle(c(15), c(4), [.bold]),
            .title: RoleStyle(c(14), .default, [.bold]),
            .border: RoleStyle(c(8), .default, []),
            .borderFocused: RoleStyle(c(6), .default, [.bold]),
            .selected: RoleStyle(c(0), c(6), []),
            .selectedUnfocused: RoleStyle(.default, c(8), []),
            .badge: RoleStyle(c(0), c(3), [.bold]),
            .notice: RoleStyle(c(11), .default, [.bold]),
            .error: RoleStyle(c(15), c(1), [.bold]),
            .help: RoleStyle(.default, .default, []),
            .footer: RoleStyle(c(7), c(8), []),
            .key: RoleStyle(c(11), .default, [.bold]),
            .red: RoleStyle(c(9), .default, [.bold]),
            .yellow: RoleStyle(c(11), .default, []),
            .green: RoleStyle(c(10), .default, []),
            .barFilled: RoleStyle(c(2), .default, []),
            .barEmpty: RoleStyle(c(8), .default, []),
            .statusNotStarted: RoleStyle(c(7), .default, []),
            .statusInProgress: RoleStyle(c(14), .default, []),
            .statusDone: RoleStyle(c(10), .default, []),
            .statusBehind: RoleStyle(c(9), .default, [.bold]),
        ]
        return Theme(name: "built-in", styles: s)
    }()
}
