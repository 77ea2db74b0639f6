import PlanModel
import ScreenKit
import TextWidth

/// The office's 待办 inbox (pending requests, oldest first, the selected
/// one's summary and evidence below) and a reporting unit's "my tasks".
enum InboxView {
    /// Rows under the list for the selected request.
    static let detailLines = 3

    static func inboxColumns(_ s: Strings) -> [Column] {
        [Column(header: s.colFiled, width: 10), Column(header: s.colKey, width: 6), Column(header: s.colKind, width: 9),
         Column(header: s.colUnit, width: 16), Column(header: s.colSummary, flexible: true)]
    }

    static func draw(_ f: inout Frame, _ r: Rect, _ st: DashboardState, _ l: ListCursor, glyphs g: Glyphs) {
        let s = st.strings
        let rows = st.inboxRequests
        f.box(r, title: s.inboxTitle(rows.count) + (st.plan.map { " · " + $0.title } ?? ""), focused: true, glyphs: g)
        let inner = r.inner
        guard inner.width > 0, inner.height > 0 else { return }
        f.put(s.inboxHint, in: inner, line: 0, style: .dim)
        let cols = inboxColumns(s)
        let w = ScreenTable.widths(cols, total: inner.width)
        ScreenTable.header(&f, inner, line: 1, cols, w)
        let full = ScreenTable.listRect(inner)
        let list = Rect(row: full.row, col: full.col, width: full.width, height: max(1, full.height - detailLines - 1))
        if rows.isEmpty { f.put(s.inboxEmpty, in: list, line: 0, style: .dim) }
        let top = clampTop(l.top, cursor: l.cursor, count: rows.count, visible: list.height)
        for line in 0..<list.height where top + line < rows.count {
            let q = rows[top + line]
            let unit = q.department + (q.onBehalf ? "*" : "")
            let summary = q.kind == .extension ? (q.from.map { "\($0) → " } ?? "") + (q.to?.description ?? "") + " " + q.text : q.text
            ScreenTable.row(f: &f, list, line: line, [
                (q.filedOn?.description ?? String(q.time.prefix(10)), .dim), (q.task, .normal),
                (s.kindShort(q.kind), q.kind == .closure ? .green : .yellow), (unit, .normal),
                (oneLine(summary), .normal),
            ], cols, w)
            if top + line == l.cursor { ScreenTable.highlight(&f, list, line: line) }
        }
        // The selected request in full: its text, evidence and the task's returns so far.
        let below = list.row + list.height
        guard l.cursor < rows.count, below + detailLines <= inner.row + inner.height else { return }
        f.put(String(repeating: g.h, count: inner.width), row: below, col: inner.col, style: .border, maxWidth: inner.width)
        let q = rows[l.cursor]
        var text = (st.plan?.task(q.task).map { q.task + " " + $0.title + s.colon } ?? "") + oneLine(q.text)
        if let e = q.evidence { text += "  " + (s.lang == .zh ? "佐证：" : "evidence: ") + e }
        let returns = st.plan?.reviews.returns(task: q.task).count ?? 0
        if returns > 0 { text += "  " + (s.lang == .zh ? "已退回 \(returns) 次" : "returned \(returns)×") }
        for (n, line) in text.wrapped(toWidth: inner.width).prefix(detailLines).enumerated() {
            f.put(line, row: below + 1 + n, col: inner.col, style: .normal, maxWidth: inner.width)
        }
    }

    static func myColumns(_ s: Strings) -> [Column] {
        [Column(header: s.colKey, width: 6), Column(header: s.colTitle, flexible: true),
         Column(header: s.colStatus, width: 16), Column(header: s.due, width: 10), Column(header: s.colOwes, width: 18)]
    }

    static func drawMyTasks(_ f: inout Frame, _ r: Rect, _ st: DashboardState, _ l: ListCursor, glyphs g: Glyphs) {
        let s = st.strings
        let units = st.myUnits
        let keys = st.myTaskKeys
        f.box(r, title: s.myTasksTitle(units.joined(separator: "、"), keys.count), focused: true, glyphs: g)
        let inner = r.inner
        guard inner.width > 0, inner.height > 0, let p = st.plan else { return }
        if units.isEmpty { f.put(s.myTasksOffice, in: inner, line: 0, style: .dim); return }
        let cols = myColumns(s)
        let w = ScreenTable.widths(cols, total: inner.width)
        ScreenTable.header(&f, inner, line: 1, cols, w)
        let list = ScreenTable.listRect(inner)
        if keys.isEmpty { f.put(s.myTasksNone, in: list, line: 0, style: .dim) }
        let today = st.data?.rollup.evaluation.today ?? p.period.end
        let soon = st.data?.rollup.evaluation.dueSoonDays ?? 30
        let top = clampTop(l.top, cursor: l.cursor, count: keys.count, visible: list.height)
        for line in 0..<list.height where top + line < keys.count {
            guard let t = p.task(keys[top + line]) else { continue }
            let review = p.reviewState(task: t.key)
            var owed: [OwedKind] = []
            for u in units { for k in p.owed(task: t, department: u, today: today, dueSoonDays: soon) where !owed.contains(k) { owed.append(k) } }
            let owes = owed.map { s.lang == .zh ? $0.label.zh : $0.label.en }.joined(separator: "、")
            let statusStyle: StyleRole = review.openReturn != nil ? .red : review.awaitingReview ? .yellow : t.status == .done ? .green : .normal
            ScreenTable.row(f: &f, list, line: line, [
                (t.key, .normal), (t.title, .normal), (stateWord(s, t, review), statusStyle),
                (t.due.description + (review.originalDue != nil ? "*" : ""), review.originalDue != nil ? .yellow : .normal),
                (owes.isEmpty ? "-" : owes, owed.isEmpty ? .dim : .red),
            ], cols, w)
            if top + line == l.cursor { ScreenTable.highlight(&f, list, line: line) }
        }
    }

    /// Where a task stands, in one short word: its review state before its status.
    static func stateWord(_ s: Strings, _ t: PlanTask, _ r: ReviewState) -> String {
        if r.awaitingReview { return s.review.awaitingReview }
        if r.openReturn != nil { return s.lang == .zh ? "已退回" : "returned" }
        return s.statusShort(t.status)
    }

    static func oneLine(_ s: String) -> String { String(s.map { $0 == "\n" ? " " : $0 }) }
}
