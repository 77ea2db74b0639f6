import ScreenKit

/// How many colours the screen will actually use.
public enum ColorDepth: Int, Sendable, Comparable {
    case mono = 0, eight = 8, sixteen = 16, full = 256

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }

    /// Monochrome when `NO_COLOR` is set, the terminal has no colour, or the
    /// theme names no colour (the `mono` theme); otherwise what the terminal has.
    public static func choose(colors: Int, hasColors: Bool, noColor: Bool, themeUsesColor: Bool) -> ColorDepth {
        if noColor || !hasColors || !themeUsesColor || colors < 8 { return .mono }
        if colors >= 256 { return .full }
        if colors >= 16 { return .sixteen }
        return .eight
    }
}

/// A role's look as the terminal will draw it: palette indexes (-1 is the
/// terminal's default colour) and attributes.
struct TerminalStyle: Hashable, Sendable {
    var fg: Int
    var bg: Int
    var attrs: ThemeAttributes
}

/// Maps a theme down to what the terminal can show. Pure, so every rule is
/// tested without a terminal: 256 → 16 → 8 colours by nearest palette colour,
/// then monochrome by attributes; foreground and background never end up
/// equal, and a role with only a background gets a readable foreground.
enum ColorMapper {
    /// In monochrome the meaning carried by colour moves to attributes, so a
    /// selection or a header stays visible whatever the theme says.
    static let monoEssentials: [StyleRole: ThemeAttributes] = [
        .selected: .reverse, .selectedUnfocused: .underline,
        .header: .bold, .title: .bold, .borderFocused: .bold,
        .badge: .reverse, .error: [.bold, .reverse], .notice: .bold,
        .footer: .reverse, .key: .bold, .red: .bold, .statusBehind: .bold,
        .dim: .dim, .barEmpty: .dim,
    ]

    /// Every role resolved. `defaultColors` is false when the terminal cannot
    /// use its own default colours (`use_default_colors` failed): default then
    /// means white on black.
    static func resolve(_ theme: Theme, depth: ColorDepth, defaultColors: Bool = true) -> [StyleRole: TerminalStyle] {
        var out: [StyleRole: TerminalStyle] = [:]
        for role in StyleRole.allCases {
            out[role] = resolve(theme.style(role), role: role, depth: depth, defaultColors: defaultColors)
        }
        return out
    }

    static func resolve(_ style: RoleStyle, role: StyleRole, depth: ColorDepth, defaultColors: Bool) -> TerminalStyle {
        if depth == .mono {
            return TerminalStyle(fg: -1, bg: -1, attrs: style.attrs.union(monoEssentials[role] ?? []))
        }
        var attrs = style.attrs
        var fg = map(style.fg, depth: depth)
        let bg = map(style.bg, depth: depth)
        // Grey text has no 8-colour equivalent: white, dimmed, never black
        // (black would vanish on the usual black background).
        if depth == .eight, style.fg == .indexed(8) { attrs.insert(.dim) }
        var resolvedBG = bg
        if !defaultColors {
            if fg < 0 { fg = 7 }
            if resolvedBG < 0 { resolvedBG = 0 }
        }
        if resolvedBG >= 0, fg < 0 || fg == resolvedBG { fg = contrast(on: resolvedBG, depth: depth) }
        return TerminalStyle(fg: fg, bg: resolvedBG, attrs: attrs)
    }

    static func map(_ color: ThemeColor, depth: ColorDepth) -> Int {
        guard case .indexed(let i) = color else { return -1 }
        let index = max(0, min(255, i))
        switch depth {
        case .full: return index
        case .sixteen: return index < 16 ? index : nearest(index, among: 16)
        case .eight:
            if index == 8 { return 7 }
            if index < 16 { return index % 8 }
            return nearest(index, among: 8)
        case .mono: return -1
        }
    }

    /// Black or white, whichever reads on `bg`.
    static func contrast(on bg: Int, depth: ColorDepth) -> Int {
        luminance(bg) > 0.5 ? 0 : (depth >= .sixteen ? 15 : 7)
    }

    /// The palette entry below `count` closest to `index` in RGB.
    static func nearest(_ index: Int, among count: Int) -> Int {
        let (r, g, b) = rgb(index)
        var best = 0
        var bestDistance = Int.max
        for candidate in 0..<count {
            let (cr, cg, cb) = rgb(candidate)
            let d = (r - cr) * (r - cr) + (g - cg) * (g - cg) + (b - cb) * (b - cb)
            if d < bestDistance { best = candidate; bestDistance = d }
        }
        return best
    }

    /// xterm's default palette.
    static func rgb(_ index: Int) -> (Int, Int, Int) {
        let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { return basic[max(0, index)] }
        if index < 232 {
            let levels = [0, 95, 135, 175, 215, 255]
            let i = index - 16
            return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
        }
        let grey = 8 + (index - 232) * 10
        return (grey, grey, grey)
    }

    static func luminance(_ index: Int) -> Double {
        let (r, g, b) = rgb(index)
        return (0.2126 * Double(r) + 0.7152 * Double(g) + 0.0722 * Double(b)) / 255
    }
}
