import PlanModel
import ScreenKit
import TextWidth

/// The plan's quantitative targets with their recorded values; the sentence
/// the selected one was read from is shown below the list.
enum IndicatorsView {
    /// Rows left for the source sentence under the list.
    static let sourceLines = 2

    static func listRect(_ inner: Rect) -> Rect {
        let r = ScreenTable.listRect(inner)
        return Rect(row: r.row, col: r.col, width: r.width, height: r.height - sourceLines - 1)
    }

    static func target(_ i: Indicator, ascii: Bool) -> String {
        (i.comparison == .atLeast ? (ascii ? ">=" : "≥") : "") + NumberText.plain(i.target) + i.unit
    }

    static func columns(_ s: Strings, _ ids: [Indicator]) -> [Column] {
        [Column(header: s.colID, width: min(10, ids.map(\.id.displayWidth).max() ?? 4)),
         Column(header: s.colTask, width: 6), Column(header: s.colIndicator, flexible: true),
         Column(header: s.colTarget, width: 9, right: true), Column(header: s.colActual, width: 9, right: true),
         Column(header: s.colMet, width: 6)]
    }

    static func draw(_ f: inout Frame, _ r: Rect, _ st: DashboardState, _ l: ListCursor, glyphs g: Glyphs) {
        let s = st.strings
        f.box(r, title: s.indicatorsTitle + (st.plan.map { " · " + $0.title } ?? ""), focused: true, glyphs: g)
        let inner = r.inner
        guard inner.width > 0, inner.height > 0 else { return }
        let ids = st.plan?.indicators ?? []
        f.put(s.indicatorsSummary(total: ids.count, recorded: ids.filter { $0.actual != nil }.count,
                                  met: ids.filter { $0.met == true }.count), in: inner, line: 0, style: .dim)
        let cols = columns(s, ids)
        let w = ScreenTable.widths(cols, total: inner.width)
        ScreenTable.header(&f, inner, line: 1, cols, w)
        let list = listRect(inner)
        if ids.isEmpty { f.put(s.noIndicators, in: list, line: 0, style: .dim) }
        let top = clampTop(l.top, cursor: l.cursor, count: ids.count, visible: list.height)
        for line in 0..<list.height where top + line < ids.count {
            let i = ids[top + line]
            let metStyle: StyleRole = i.met.map { $0 ? .green : .red } ?? .dim
            let cells: [(String, StyleRole)] = [
                (i.id, .dim), (i.taskKey ?? s.goalTask, .normal), (i.name, .normal), (target(i, ascii: st.ascii), .normal),
                (i.actual.map { NumberText.plain($0) + i.unit } ?? "-", .normal), (s.met(i.met), metStyle),
            ]
            ScreenTable.row(f: &f, list, line: line, cells, cols, w)
            if top + line == l.cursor { ScreenTable.highlight(&f, list, line: line) }
        }
        // The source sentence of the selected indicator, under a rule.
        let below = list.row + list.height
        guard below + sourceLines < inner.row + inner.height + 1, l.cursor < ids.count else { return }
        f.put(String(repeating: g.h, count: inner.width), row: below, col: inner.col, style: .border, maxWidth: inner.width)
        let text = s.sourceLabel + ids[l.cursor].source
        for (n, line) in text.wrapped(toWidth: inner.width).prefix(sourceLines).enumerated() {
            f.put(line, row: below + 1 + n, col: inner.col, style: .dim, maxWidth: inner.width)
        }
    }
}
