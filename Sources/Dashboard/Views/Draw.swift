import PlanModel
import ScreenKit
import TextWidth

/// Line-drawing and gauge glyphs, with ASCII stand-ins for non-UTF-8 locales.
struct Glyphs {
    let h, v, tl, tr, bl, br: String
    let filled, empty: String
    let marker: String

    init(ascii: Bool) {
        if ascii {
            (h, v, tl, tr, bl, br) = ("-", "|", "+", "+", "+", "+")
            (filled, empty, marker) = ("#", ".", ">")
        } else {
            (h, v, tl, tr, bl, br) = ("─", "│", "┌", "┐", "└", "┘")
            (filled, empty, marker) = ("█", "░", "▶")
        }
    }

    /// A light as one column: a coloured dot, or its initial in ASCII.
    func light(_ l: Light, ascii: Bool) -> String {
        if ascii {
            switch l { case .red: return "R"; case .yellow: return "Y"; case .green: return "G" }
        }
        return "●"
    }
}

extension StyleRole {
    static func of(_ l: Light) -> StyleRole {
        switch l { case .red: return .red; case .yellow: return .yellow; case .green: return .green }
    }
    static func of(_ s: TaskStatus) -> StyleRole {
        switch s {
        case .notStarted: return .statusNotStarted
        case .inProgress: return .statusInProgress
        case .done: return .statusDone
        case .behind: return .statusBehind
        }
    }
}

extension Frame {
    /// A bordered box with a title in the top edge. `clear` blanks the inside
    /// first: needed for overlays, wasted work on a fresh frame.
    mutating func box(_ r: Rect, title: String, focused: Bool, glyphs g: Glyphs, clear: Bool = false) {
        guard r.width >= 2, r.height >= 2 else { return }
        let style: StyleRole = focused ? .borderFocused : .border
        let right = r.col + r.width - 1, bottom = r.row + r.height - 1
        if clear { fill(row: r.row, col: r.col, width: r.width, height: r.height) }
        let edge = String(repeating: g.h, count: r.width - 2)
        put(g.tl + edge + g.tr, row: r.row, col: r.col, style: style)
        put(g.bl + edge + g.br, row: bottom, col: r.col, style: style)
        if r.height > 2 {
            for row in (r.row + 1)..<bottom {
                put(g.v, row: row, col: r.col, style: style)
                put(g.v, row: row, col: right, style: style)
            }
        }
        if r.width > 4, !title.isEmpty {
            put(" " + title + " ", row: r.row, col: r.col + 1, style: focused ? .title : .border, maxWidth: r.width - 2)
        }
    }

    /// The selected row of a list pane: the row's first `width` cells
    /// restyled and, in the focused pane, a marker in the blank column `gap`
    /// (between the name and the figures). Moving the selection then rewrites a few cells of two rows,
    /// not two whole rows of CJK text: well under 150 bytes over SSH.
    mutating func markSelection(row: Int, gap: Int, col: Int, width: Int, focused: Bool, glyphs g: Glyphs) {
        restyle(row: row, col: col, width: width, style: focused ? .selected : .selectedUnfocused)
        if focused, gap >= col { put(g.marker, row: row, col: gap, style: .selected) }
    }

    /// A gauge of `width` columns filled to `fraction`.
    mutating func bar(_ fraction: Double, row: Int, col: Int, width: Int, glyphs g: Glyphs) {
        guard width > 0 else { return }
        let f = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let n = Int((f * Double(width)).rounded())
        put(String(repeating: g.filled, count: n), row: row, col: col, style: .barFilled, maxWidth: n)
        put(String(repeating: g.empty, count: width - n), row: row, col: col + n, style: .barEmpty, maxWidth: width - n)
    }

    /// Text in a rect's row, clipped to the rect.
    @discardableResult
    mutating func put(_ text: String, in r: Rect, line: Int, at x: Int = 0, style: StyleRole = .normal, maxWidth: Int? = nil) -> Int {
        guard line >= 0, line < r.height, x < r.width else { return r.col + x }
        let w = min(r.width - x, maxWidth ?? r.width)
        return put(text, row: r.row + line, col: r.col + x, style: style, maxWidth: w)
    }

    /// Right-aligned text ending at the rect's right edge.
    mutating func putRight(_ text: String, in r: Rect, line: Int, style: StyleRole = .normal) {
        let t = text.clipped(toWidth: r.width)
        put(t, in: r, line: line, at: r.width - t.displayWidth, style: style)
    }
}

/// Percent with no decimals, e.g. `45%`.
func percent(_ v: Double) -> String { NumberText.percent(v) }

/// The first visible row of a list so that `cursor` is on screen, moving as
/// little as possible from `top`.
func clampTop(_ top: Int, cursor: Int, count: Int, visible: Int) -> Int {
    guard visible > 0, count > 0 else { return 0 }
    var t = min(top, max(0, count - visible))
    if cursor < t { t = cursor }
    if cursor >= t + visible { t = cursor - visible + 1 }
    return max(0, t)
}
