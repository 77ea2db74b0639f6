import PlanModel
import ScreenKit
import TextWidth

/// Workload per department: lead / cooperate / joint counts, the implementing
/// count when the plan names implementers (负责具体实施), done, overdue,
/// chases received once the office has chased anyone (催办), a bar.
enum DepartmentsPane {
    /// `duties`: the selected department's standing duties, counted in the
    /// bottom border while the pane has the focus.
    static func draw(_ f: inout Frame, _ r: Rect, data: PlanData?, cursor: Int?, top: Int, focused: Bool,
                     filter: String?, strings s: Strings, glyphs g: Glyphs, duties: [String] = []) {
        f.box(r, title: s.pane(.departments), focused: focused, glyphs: g)
        let inner = r.inner
        guard inner.width > 0, inner.height > 0 else { return }
        let barW = inner.width >= 44 ? 8 : 0
        let implementers = data?.rollup.workloads.contains { $0.count(.implement) > 0 } ?? false
        var roles: [Role] = [.lead, .cooperate, .joint]
        if implementers { roles.append(.implement) }
        // Chase counts change only when a chase is committed, so a move redraws
        // no more than before; the column is there once anyone was chased.
        let chases = data?.chasesByDepartment ?? [:]
        let chaseColumn = !chases.isEmpty
        // Right-aligned count columns of 4 (roles, done, overdue, chases), then the bar.
        let countsW = (roles.count + 2 + (chaseColumn ? 1 : 0)) * 4
        let rightW = countsW + (barW > 0 ? barW + 1 : 0)
        let nameW = max(0, inner.width - rightW - 1)
        f.put(s.colDepartment.padded(toWidth: nameW), in: inner, line: 0, style: .title)
        var x = inner.width - rightW
        for h in roles.map(s.roleColumn) + [s.colDoneShort, s.colOverdueShort] + (chaseColumn ? [s.colChasedShort] : []) {
            f.put(h.padded(toWidth: 4, alignRight: true), in: inner, line: 0, at: x, style: .title)
            x += 4
        }
        guard let d = data else { return }
        let ws = d.rollup.workloads
        for line in 1..<max(1, inner.height) {
            let i = top + line - 1
            guard i < ws.count else { break }
            let w = ws[i]
            let mark = filter == w.department ? "*" : ""
            f.put((mark + w.department).truncated(toWidth: nameW), in: inner, line: line, style: w.collective ? .dim : .normal)
            x = inner.width - rightW
            var counts = roles.map { (w.count($0), StyleRole.normal) } + [(w.done, .green), (w.overdue, w.overdue > 0 ? .red : .normal)]
            if chaseColumn {
                let n = chases[d.canonicalName(w.department)] ?? 0
                counts.append((n, n > 0 ? .yellow : .dim))
            }
            for (n, st) in counts {
                f.put(String(n).padded(toWidth: 4, alignRight: true), in: inner, line: line, at: x, style: st)
                x += 4
            }
            if barW > 0 {
                let frac = w.total == 0 ? 0 : Double(w.done) / Double(w.total)
                f.bar(frac, row: inner.row + line, col: inner.col + x + 1, width: barW, glyphs: g)
            }
            if cursor == i {
                f.markSelection(row: inner.row + line, gap: inner.col + nameW, col: inner.col, width: min(4, nameW), focused: focused, glyphs: g)
            }
        }
        // How many standing duties the selected department has: a few cells
        // that change as the selection moves (the text itself would cost a
        // whole line per move); `D` lists them above its tasks.
        if focused, !duties.isEmpty, r.width > 8, r.height >= 3 {
            let text = " " + s.dutiesCount(duties.count) + " "
            f.put(text.truncated(toWidth: r.width - 4), row: r.row + r.height - 1, col: r.col + 2, style: .dim)
        }
    }
}
