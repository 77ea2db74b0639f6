import PlanModel
import ScreenKit
import TextWidth

/// The 报送 view: per department expected, on time, late, missing and
/// chases; a department's items owed; or per task the units still owing.
enum ReportingView {
    static func departmentColumns(_ s: Strings) -> [Column] {
        [Column(header: s.colDepartment, flexible: true), Column(header: s.colExpected, width: 4, right: true),
         Column(header: s.colOnTimeShort, width: 4, right: true), Column(header: s.colLateShort, width: 4, right: true),
         Column(header: s.colMissing, width: 4, right: true), Column(header: s.colChases, width: 4, right: true)]
    }

    static func taskColumns(_ s: Strings, owing: Bool) -> [Column] {
        [Column(header: s.colKey, width: 6), Column(header: s.colTitle, flexible: true),
         Column(header: owing ? s.colOwing : s.due, width: owing ? 24 : 10), Column(header: s.colChases, width: 4, right: true)]
    }

    /// With a cursor, the dashboard's view; without, a kiosk page from row `first`.
    static func draw(_ f: inout Frame, _ r: Rect, strings s: Strings, plan: Plan?, _ b: ReportingBoard, _ l: ListCursor?,
                     first: Int = 0, glyphs g: Glyphs) {
        let title: String
        switch b.mode {
        case .departments: title = b.round.map(s.reportingTitle) ?? s.noRound
        case .tasks: title = s.byTaskTitle
        case .owedBy(let d): title = s.owedByTitle(d, b.rowCount)
        }
        f.box(r, title: title, focused: true, glyphs: g)
        let inner = r.inner
        guard inner.width > 0, inner.height > 0 else { return }
        var summary = s.reportingSummary(b.tally)
        if b.mode == .departments && b.sortByMissing { summary += " · " + s.sortedByMissing }
        f.put(summary, in: inner, line: 0, style: .dim)
        let list = ScreenTable.listRect(inner)
        let cursor = l?.cursor ?? -1
        let top = l.map { clampTop($0.top, cursor: $0.cursor, count: b.rowCount, visible: list.height) } ?? first
        if b.rowCount == 0 { f.put(s.nothingOwed, in: list, line: 0, style: .dim) }
        switch b.mode {
        case .departments:
            let cols = departmentColumns(s)
            let w = ScreenTable.widths(cols, total: inner.width)
            ScreenTable.header(&f, inner, line: 1, cols, w)
            for line in 0..<list.height where top + line < b.departmentRows.count {
                let row = b.departmentRows[top + line]
                let chased = b.chasesByDepartment[row.department] ?? 0
                ScreenTable.row(f: &f, list, line: line, [
                    (row.department, .normal), (String(row.expected), .normal), (String(row.onTime), .green),
                    (String(row.late), row.late > 0 ? .yellow : .normal), (String(row.missing), row.missing > 0 ? .red : .green),
                    (String(chased), chased > 0 ? .yellow : .dim),
                ], cols, w)
                if top + line == cursor { ScreenTable.highlight(&f, list, line: line) }
            }
        case .tasks, .owedBy:
            let owing = b.mode == .tasks
            let cols = taskColumns(s, owing: owing)
            let w = ScreenTable.widths(cols, total: inner.width)
            ScreenTable.header(&f, inner, line: 1, cols, w)
            for line in 0..<list.height where top + line < b.rowCount {
                guard let key = b.task(at: top + line), let t = plan?.task(key) else { continue }
                let third = owing ? b.taskRows[top + line].owing.joined(separator: "、") : t.due.description
                let chased = b.chasesByTask[key] ?? 0
                ScreenTable.row(f: &f, list, line: line, [
                    (key, .normal), (t.title, .normal), (third, owing ? .red : .normal), (String(chased), chased > 0 ? .yellow : .dim),
                ], cols, w)
                if top + line == cursor { ScreenTable.highlight(&f, list, line: line) }
            }
        }
    }
}
