import PlanModel
import ScreenKit
import TextWidth

/// The plan as it would enter the store: every task with its lead, the other
/// units by role and its due date, then how the file was read and the
/// warnings. Columns by display width, as everywhere.
enum ImportPreviewView {
    static func columns(_ s: Strings) -> [Column] {
        [Column(header: s.colKey, width: 5), Column(header: s.colTitle, width: 24),
         Column(header: s.colLead, width: 14), Column(header: s.colOthers, flexible: true),
         Column(header: s.colDue, width: 12)]
    }

    static func draw(_ f: inout Frame, _ r: Rect, _ st: DashboardState, _ preview: ImportPreviewData?, _ l: ListCursor,
                     glyphs g: Glyphs) {
        let s = st.strings
        f.box(r, title: s.importTitle(preview?.plan.title ?? ""), focused: true, glyphs: g)
        let inner = r.inner
        guard inner.width > 0, inner.height > 0 else { return }
        guard let preview else {
            f.put(s.importReading, in: inner, line: 0, style: .dim)
            return
        }
        let p = preview.plan
        f.put(s.importSummary(tasks: p.tasks.count, warnings: preview.warnings.count, unread: preview.unreadKeys.count),
              in: inner, line: 0, style: preview.warnings.isEmpty ? .dim : .yellow)
        let cols = columns(s)
        let w = ScreenTable.widths(cols, total: inner.width)
        ScreenTable.header(&f, inner, line: 1, cols, w)
        let list = ScreenTable.listRect(inner)
        let count = p.tasks.count + preview.messages.count
        let top = clampTop(l.top, cursor: l.cursor, count: count, visible: list.height)
        let unread = Set(preview.unreadKeys)
        for line in 0..<list.height where top + line < count {
            let i = top + line
            if i < p.tasks.count {
                let t = p.tasks[i]
                let leads = t.departments(.lead)
                var others: [String] = []
                for role in [Role.cooperate, .joint, .implement] {
                    let names = t.departments(role)
                    if !names.isEmpty { others.append(s.roleShort(role) + s.v.colon + names.joined(separator: s.v.listSeparator)) }
                }
                let due = t.due == p.period.end ? t.due.description : t.due.description + " *"
                ScreenTable.row(f: &f, list, line: line, [
                    (t.key, unread.contains(t.key) ? .yellow : .normal), (t.title, .normal),
                    (leads.isEmpty ? "—" : leads.joined(separator: s.v.listSeparator), .normal),
                    (others.joined(separator: "；"), .normal), (due, .normal),
                ], cols, w)
            } else {
                let m = preview.messages[i - p.tasks.count]
                let isWarning = i - p.tasks.count >= preview.notes.count
                f.put(m.truncated(toWidth: list.width), in: list, line: line, style: isWarning ? .yellow : .dim)
            }
            if i == l.cursor { ScreenTable.highlight(&f, list, line: line) }
        }
    }
}
