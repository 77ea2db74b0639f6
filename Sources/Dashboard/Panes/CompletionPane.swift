import PlanModel
import ScreenKit
import TextWidth

/// Status breakdown, lights, per-section gauges, and the overdue list.
enum CompletionPane {
    /// Side by side when wide enough, else the overdue list below the summary.
    static func split(_ inner: Rect) -> (summary: Rect, overdue: Rect) {
        if inner.width >= 56 {
            let lw = inner.width / 2
            return (Rect(row: inner.row, col: inner.col, width: lw - 1, height: inner.height),
                    Rect(row: inner.row, col: inner.col + lw, width: inner.width - lw, height: inner.height))
        }
        let sh = min(inner.height / 2, 7)
        return (Rect(row: inner.row, col: inner.col, width: inner.width, height: sh),
                Rect(row: inner.row + sh, col: inner.col, width: inner.width, height: inner.height - sh))
    }

    /// The selectable overdue rows (below their heading).
    static func overdueRect(_ inner: Rect) -> Rect { split(inner).overdue.dropFirst(1) }

    static func draw(_ f: inout Frame, _ r: Rect, data: PlanData?, cursor: Int?, top: Int, focused: Bool,
                     strings s: Strings, glyphs g: Glyphs, ascii: Bool) {
        f.box(r, title: s.pane(.completion), focused: focused, glyphs: g)
        let inner = r.inner
        guard inner.width > 0, inner.height > 0, let d = data else { return }
        let (sum, od) = split(inner)
        drawSummary(&f, sum, d, s, g, ascii)
        // Overdue list.
        f.put("\(s.overdue) \(d.overdue.count)", in: od, line: 0, style: .title)
        let list = od.dropFirst(1)
        if d.overdue.isEmpty { f.put(s.noOverdue, in: list, line: 0, style: .dim); return }
        for line in 0..<list.height {
            let i = top + line
            guard i < d.overdue.count else { break }
            let t = d.plan.tasks[d.overdue[i]]
            let due = list.width >= 30 ? " " + t.due.description : ""
            let keyW = 6
            f.put(t.key.padded(toWidth: keyW), in: list, line: line)
            let titleW = max(0, list.width - keyW - due.displayWidth)
            f.put(t.title.truncated(toWidth: titleW), in: list, line: line, at: keyW)
            if !due.isEmpty { f.putRight(due, in: list, line: line, style: .red) }
            if cursor == i {
                // As in the task table: the key highlighted, a marker after it.
                f.restyle(row: list.row + line, col: list.col, width: min(keyW - 1, list.width), style: focused ? .selected : .selectedUnfocused)
                if focused, t.key.displayWidth < keyW { f.put(g.marker, in: list, line: line, at: keyW - 1, style: .selected) }
            }
        }
    }

    static func drawSummary(_ f: inout Frame, _ r: Rect, _ d: PlanData, _ s: Strings, _ g: Glyphs, _ ascii: Bool) {
        let t = d.rollup.plan
        var line = 0
        let labelW = max(8, min(16, r.width / 3)), numW = 5
        let barW = max(0, r.width - labelW - numW - 1)
        /// `frac` nil: nothing to measure (a section with no tasks), no bar.
        func gauge(_ label: String, _ n: Int, _ frac: Double?, _ style: StyleRole, numText: String? = nil) {
            guard line < r.height else { return }
            f.put(label.truncated(toWidth: labelW).padded(toWidth: labelW), in: r, line: line, style: style)
            f.put((numText ?? String(n)).padded(toWidth: numW, alignRight: true), in: r, line: line, at: labelW)
            if barW > 0, let frac { f.bar(frac, row: r.row + line, col: r.col + labelW + numW + 1, width: barW, glyphs: g) }
            line += 1
        }
        f.put(s.overall + " " + percent(t.completion) + " · " + s.byStatus, in: r, line: line, style: .title)
        line += 1
        let total = Double(max(1, t.total))
        for st in TaskStatus.allCases { gauge(s.statusShort(st), t.count(st), Double(t.count(st)) / total, .of(st)) }
        if line < r.height {
            var x = 0
            for l in Light.allCases {
                x = f.put(g.light(l, ascii: ascii), in: r, line: line, at: x, style: .of(l)) - r.col
                x = f.put(" \(s.light(l)) \(t.count(l))  ", in: r, line: line, at: x) - r.col
            }
            line += 1
        }
        if line < r.height { f.put(s.bySection, in: r, line: line, style: .title); line += 1 }
        for (i, sec) in d.plan.sections.enumerated() where line < r.height {
            let st = d.rollup.sections[i]
            gauge(sec.number + "、" + sec.title, 0, st.total == 0 ? nil : st.completion / 100, .normal,
                  numText: st.total == 0 ? "—" : percent(st.completion))
        }
    }
}
