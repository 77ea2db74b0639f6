import PlanModel
import PlanReports
import ScreenKit
import TextWidth

/// The assessment (考核) ranking of the open plan's assignees.
enum AssessmentView {
    /// `reviews`: after the late column, the tasks done within an extension and the returns.
    static func columns(_ s: Strings, reviews: Bool = false) -> [Column] {
        [Column(header: s.colRank, width: 4, right: true), Column(header: s.colDepartment, flexible: true),
         Column(header: s.colTasks, width: 4, right: true), Column(header: s.colOnTime, width: 4, right: true),
         Column(header: s.colLate, width: 4, right: true)]
            + (reviews ? [Column(header: s.colExtended, width: 4, right: true), Column(header: s.colReturns, width: 4, right: true)] : [])
            + [Column(header: s.colActive, width: 4, right: true),
               Column(header: s.colNotStarted, width: 4, right: true), Column(header: s.colOverdue, width: 4, right: true),
               Column(header: s.colScore, width: 5, right: true), Column(header: s.colGrade, width: 4, right: true)]
    }

    /// The review columns need room: shown from 100 columns, for a plan with requests.
    static func showsReviews(_ st: DashboardState, width: Int) -> Bool {
        width >= 100 && !(st.plan?.reviews.requests.isEmpty ?? true)
    }

    static func gradeStyle(_ g: String) -> StyleRole {
        switch g {
        case "A": return .green
        case "C": return .yellow
        case "D": return .red
        default: return .normal
        }
    }

    static func draw(_ f: inout Frame, _ r: Rect, _ st: DashboardState, _ a: Assessment?, _ l: ListCursor, glyphs g: Glyphs) {
        let s = st.strings
        f.box(r, title: s.assessmentTitle + (st.plan.map { " · " + $0.title } ?? ""), focused: true, glyphs: g)
        let inner = r.inner
        guard inner.width > 0, inner.height > 0 else { return }
        guard let a else {
            f.put(s.computing, in: inner, line: 0, style: .dim)
            return
        }
        let grades = ["A", "B", "C", "D"].map { g in (g, a.rows.filter { $0.grade == g }.count) }
        f.put(s.assessmentSummary(a.asOf, units: a.rows.count, grades: grades), in: inner, line: 0, style: .dim)
        let reviews = showsReviews(st, width: inner.width)
        let cols = columns(s, reviews: reviews)
        let w = ScreenTable.widths(cols, total: inner.width)
        ScreenTable.header(&f, inner, line: 1, cols, w)
        let list = ScreenTable.listRect(inner)
        if a.rows.isEmpty { f.put(s.nothingToRank, in: list, line: 0, style: .dim) }
        let top = clampTop(l.top, cursor: l.cursor, count: a.rows.count, visible: list.height)
        for line in 0..<list.height where top + line < a.rows.count {
            let row = a.rows[top + line]
            let cells: [(String, StyleRole)] = [
                (row.rank > 0 ? String(row.rank) : "-", .normal), (row.department, row.collective ? .dim : .normal),
                (String(row.tasks), .normal), (String(row.doneOnTime), .green), (String(row.doneLate), .normal)]
                + (reviews ? [(String(row.doneExtended), .normal), (String(row.returns), row.returns > 0 ? .yellow : .normal)] : [])
                + [(String(row.inProgress), .normal), (String(row.notStarted), .normal),
                (String(row.overdue), row.overdue > 0 ? .red : .normal), (scoreText(row.score), .normal),
                (row.grade, gradeStyle(row.grade)),
            ]
            ScreenTable.row(f: &f, list, line: line, cells, cols, w)
            if top + line == l.cursor { ScreenTable.highlight(&f, list, line: line) }
        }
    }
}
