import ScreenKit
import TextWidth

/// The key help, generated from the keymap so it can never disagree with dispatch.
enum HelpOverlay {
    static func lines(_ st: DashboardState) -> [StyledLine] {
        let s = st.strings
        var out: [StyledLine] = [StyledLine(text: s.mutatingLegend, style: .dim)]
        for ctx in KeyContext.allCases {
            out.append(StyledLine(text: s.context(ctx), style: .title))
            var seen = Set<String>()
            for b in Keymap.bindings(in: ctx) {
                let keys = b.keys.map { $0.label(asciiOnly: st.ascii) }.joined(separator: " ")
                let desc = b.description(st.lang)
                guard seen.insert(keys + desc).inserted else { continue }
                // Mutating keys are marked, and dimmed where this session may not use them.
                let style: StyleRole = b.mutates && st.session.readOnly ? .dim : .help
                out.append(StyledLine(text: keys.padded(toWidth: 14) + " " + desc + (b.mutates ? " *" : ""),
                                      style: style, indent: 2))
            }
        }
        return out
    }

    static func draw(_ f: inout Frame, _ body: Rect, _ st: DashboardState, scroll: Int, glyphs g: Glyphs) {
        let w = min(body.width, 64), h = body.height
        let r = Rect(row: body.row, col: body.col + (body.width - w) / 2, width: w, height: h)
        f.box(r, title: st.strings.helpTitle, focused: true, glyphs: g, clear: true)
        let inner = r.inner
        guard inner.height > 0 else { return }
        let all = lines(st)
        let top = clamp(scroll, 0, max(0, all.count - inner.height))
        for line in 0..<inner.height where top + line < all.count {
            let l = all[top + line]
            f.put(l.text, in: inner, line: line, at: l.indent, style: l.style)
        }
    }
}
