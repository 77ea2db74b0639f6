import PlanModel
import ScreenKit
import TextWidth

/// The tree of sections and groups, each with a progress bar and done/total.
enum SectionsPane {
    /// `cursor` nil: no selection bar (kiosk).
    static func draw(_ f: inout Frame, _ r: Rect, data: PlanData?, cursor: Int?, top: Int, focused: Bool,
                     filter: (Int?, Int?), strings s: Strings, glyphs g: Glyphs) {
        f.box(r, title: s.pane(.sections), focused: focused, glyphs: g)
        let inner = r.inner
        guard inner.width > 0, inner.height > 0 else { return }
        guard let d = data else { f.put(s.noPlan, in: inner, line: 0, style: .dim); return }
        let rows = d.sectionRows
        let showBar = inner.width >= 34
        let barW = showBar ? 8 : 0
        for line in 0..<inner.height {
            let i = top + line
            guard i < rows.count else { break }
            let row = rows[i]
            let tally = d.tally(row)
            let sec = d.plan.sections[row.section]
            let name: String
            if let gi = row.group {
                let grp = sec.groups[gi]
                name = "  (\(grp.number))" + grp.title
            } else {
                name = sec.number + "、" + sec.title
            }
            let done = tally.count(.done)
            // A section with no tasks of its own (总体要求) has no progress to draw.
            let empty = tally.total == 0
            let right = (empty ? "—" : percent(tally.completion)).padded(toWidth: 4, alignRight: true) + " "
                + (empty ? "" : "\(done)/\(tally.total)").padded(toWidth: 7, alignRight: true)
            let rightW = right.displayWidth + (showBar ? barW + 1 : 0)
            let nameW = max(0, inner.width - rightW - 1)
            let active = filter.0 == row.section && filter.1 == row.group
            let mark = active ? "*" : ""
            f.put((mark + name).truncated(toWidth: nameW), in: inner, line: line,
                  style: row.group == nil ? .normal : .dim)
            var x = inner.width - rightW
            if showBar {
                if !empty { f.bar(tally.completion / 100, row: inner.row + line, col: inner.col + x, width: barW, glyphs: g) }
                x += barW + 1
            }
            f.put(right, in: inner, line: line, at: x)
            if cursor == i {
                // The section's number (一、) or the group's ((一)) shows the selection.
                let lead = row.group == nil ? 0 : 2
                f.markSelection(row: inner.row + line, gap: inner.col + nameW, col: inner.col + lead, width: min(4, nameW), focused: focused, glyphs: g)
            }
        }
    }
}
