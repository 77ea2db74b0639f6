import ScreenKit
import TextWidth

/// The bottom row: a notice when there is one, else the keys that work now,
/// generated from the keymap (mutating keys are left out for read-only sessions).
enum FooterView {
    static func draw(_ f: inout Frame, _ r: Rect, _ st: DashboardState) {
        guard r.height > 0, r.width > 0 else { return }
        f.fill(row: r.row, col: r.col, width: r.width, height: 1, style: .footer)
        if let n = st.notice {
            f.put(" " + n.text, row: r.row, col: r.col, style: n.style, maxWidth: r.width)
            return
        }
        var x = r.col + 1
        let end = r.col + r.width
        // Quit and help are the keys people know; the rest get the room first.
        let bindings = Keymap.bindings(in: st.context).filter(\.inFooter)
        let ordered = bindings.filter { $0.action != .quit && $0.action != .help }
            + bindings.filter { $0.action == .quit || $0.action == .help }
        for b in ordered {
            if b.mutates && st.session.readOnly { continue }
            if b.officeOnly && st.session.role != .office { continue }
            let key = b.keys[0].label(asciiOnly: st.ascii)
            let desc = b.description(st.lang)
            // Only whole entries: a key without its meaning is noise.
            guard x + key.displayWidth + 1 + desc.displayWidth <= end else { break }
            x = f.put(key, row: r.row, col: x, style: .key)
            x = f.put(" " + desc + "  ", row: r.row, col: x, style: .footer, maxWidth: end - x)
        }
    }
}

/// The row of pane titles in tabs mode.
enum TabBar {
    /// Column range of each tab, shared by drawing and mouse clicks.
    static func ranges(_ s: Strings) -> [(Pane, Range<Int>)] {
        var x = 1
        var out: [(Pane, Range<Int>)] = []
        for p in Pane.allCases {
            let w = " \(p.rawValue + 1) \(s.pane(p)) ".displayWidth
            out.append((p, x..<(x + w)))
            x += w + 1
        }
        return out
    }

    static func draw(_ f: inout Frame, _ r: Rect, _ st: DashboardState) {
        f.fill(row: r.row, col: r.col, width: r.width, height: 1, style: .border)
        let s = st.strings
        var end = 0
        for (p, range) in ranges(s) {
            f.put(" \(p.rawValue + 1) \(s.pane(p)) ", row: r.row, col: r.col + range.lowerBound,
                  style: p == st.focus ? .borderFocused : .border, maxWidth: r.width - range.lowerBound)
            end = range.upperBound + 1
        }
        if end + s.tabHint.displayWidth + 1 < r.width { f.putRight(s.tabHint + " ", in: r, line: 0, style: .dim) }
    }
}
