import PlanModel
import PlanReports
import ScreenKit
import TextWidth

/// One department's tasks in every plan of the store, renamed bodies included.
enum DepartmentView {
    /// `职责：1. …；2. …` wrapped to `width`, at most `max` lines (the last
    /// one ends in … when cut).
    static func dutyText(_ s: Strings, _ duties: [String], width: Int, max: Int) -> [String] {
        let text = s.dutiesLabel + duties.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "；")
        let lines = text.wrapped(toWidth: width)
        guard lines.count > max, max > 0 else { return lines }
        return Array(lines.prefix(max - 1)) + [(lines[max - 1] + "…").truncated(toWidth: width)]
    }

    /// The name each plan uses gets a column when there is room for it.
    static func columns(_ s: Strings, _ v: DepartmentAcrossPlans, width: Int) -> [Column] {
        let planW = min(16, v.entries.map(\.planID.displayWidth).max() ?? 4)
        var cols = [Column(header: s.colPlan, width: planW), Column(header: s.colKey, width: 5)]
        if width >= 100 {
            cols.append(Column(header: s.colName, width: min(14, v.entries.map(\.nameInPlan.displayWidth).max() ?? 4)))
        }
        cols += [Column(header: s.colRole, width: 4), Column(header: s.colStatus, width: 6),
                 Column(header: s.colProgress, width: 4, right: true), Column(header: s.colDue, width: 10),
                 Column(header: s.colLight, width: 2), Column(header: s.colTitle, flexible: true)]
        return cols
    }

    static func draw(_ f: inout Frame, _ r: Rect, _ st: DashboardState, name: String, _ v: DepartmentAcrossPlans?,
                     _ l: ListCursor, glyphs g: Glyphs) {
        let s = st.strings
        f.box(r, title: s.departmentTitle(v?.names ?? [name]), focused: true, glyphs: g)
        let inner = r.inner
        guard inner.width > 0, inner.height > 0 else { return }
        guard let v else {
            f.put(s.computing, in: inner, line: 0, style: .dim)
            return
        }
        f.put(s.departmentSummary(tasks: v.entries.count, plans: Set(v.entries.map(\.planID)).count),
              in: inner, line: 0, style: .dim)
        // Its standing duties from the roster, above its tasks: a quarter of
        // the height at most, so the tasks keep the screen.
        let duties = st.roster?.duties(for: name, aliases: v.names, successions: st.successions) ?? []
        let dutyLines = duties.isEmpty ? [] : dutyText(s, duties, width: inner.width, max: max(1, inner.height / 4))
        for (i, line) in dutyLines.enumerated() { f.put(line, in: inner, line: 1 + i, style: .normal) }
        let table = inner.dropFirst(dutyLines.count)
        let cols = columns(s, v, width: table.width)
        let w = ScreenTable.widths(cols, total: table.width)
        ScreenTable.header(&f, table, line: 1, cols, w)
        let list = ScreenTable.listRect(table)
        if v.entries.isEmpty { f.put(s.noDepartmentTasks, in: list, line: 0, style: .dim) }
        let top = clampTop(l.top, cursor: l.cursor, count: v.entries.count, visible: list.height)
        let withName = cols.count == 9
        for line in 0..<list.height where top + line < v.entries.count {
            let e = v.entries[top + line]
            var cells: [(String, StyleRole)] = [(e.planID, .dim), (e.key, .normal)]
            if withName { cells.append((e.nameInPlan, .normal)) }
            cells += [(e.roles.map { s.roleShort($0) }.joined(separator: "/"), .normal),
                      (s.statusShort(e.status), .of(e.status)), ("\(e.progress)%", .normal),
                      (e.due.description, .normal), (g.light(e.light, ascii: st.ascii), .of(e.light)),
                      (e.title, .normal)]
            ScreenTable.row(f: &f, list, line: line, cells, cols, w)
            if top + line == l.cursor { ScreenTable.highlight(&f, list, line: line) }
        }
    }
}
