import PlanModel
import ScreenKit
import TextWidth

/// The task table: key, title, lead departments, light + status, progress, due.
enum TasksPane {
    struct Columns {
        var key = 6, title = 0, lead = 0, status = 8, progress = 4, due = 10

        /// `titleNeed`, `leadNeed`: the width most titles and the widest list of units take; title
        /// columns no title uses go to the units, so a wide screen shows them whole.
        /// `dueMark`: a column after the due date for its extension mark (see `dueMark`).
        init(width: Int, titleNeed: Int = .max, leadNeed: Int = 0, dueMark: Bool = false) {
            lead = width >= 90 ? 16 : width >= 64 ? 10 : 0
            if width < 48 { due = 0 } else if dueMark { due += 1 }
            let fixed = key + 1 + (lead > 0 ? lead + 1 : 0) + status + 1 + progress + 1 + (due > 0 ? due + 1 : 0)
            title = max(0, width - fixed)
            if lead > 0 {
                let spare = min(max(0, title - titleNeed), max(0, leadNeed - lead))
                lead += spare
                title -= spare
            }
        }
    }

    /// `rows` are task indices; `selected` is a row (nil: no selection bar).
    static func draw(_ f: inout Frame, _ r: Rect, data: PlanData?, rows: [Int], selected: Int?, top: Int,
                     focused: Bool, title: String, strings s: Strings, glyphs g: Glyphs, ascii: Bool) {
        f.box(r, title: title, focused: focused, glyphs: g)
        let inner = r.inner
        guard inner.width > 0, inner.height > 0 else { return }
        let c = Columns(width: inner.width, titleNeed: data?.titleWidth ?? .max, leadNeed: data?.widestUnits ?? 0,
                        dueMark: data?.hasExtensions ?? false)
        // Column headings.
        var x = 0
        func cell(_ text: String, _ w: Int, line: Int, style: StyleRole, right: Bool = false) {
            guard w > 0 else { return }
            // The frame starts blank: padding would only rewrite blank cells.
            let t = text.truncated(toWidth: w)
            f.put(t, in: inner, line: line, at: x + (right ? w - t.displayWidth : 0), style: style)
            x += w + 1
        }
        cell(s.colKey, c.key, line: 0, style: .title)
        cell(s.colTitle, c.title, line: 0, style: .title)
        cell(s.colLead, c.lead, line: 0, style: .title)
        cell(s.colStatus, c.status, line: 0, style: .title)
        cell(s.colProgress, c.progress, line: 0, style: .title, right: true)
        cell(s.colDue, c.due, line: 0, style: .title)
        guard let d = data else { f.put(s.noPlan, in: inner, line: 1, style: .dim); return }
        if rows.isEmpty { f.put(d.plan.tasks.isEmpty ? s.noTasks : s.noTasksMatch, in: inner, line: 1, style: .dim); return }
        let tasks = d.plan.tasks
        for line in 1..<inner.height {
            let i = top + line - 1
            guard i < rows.count else { break }
            let ti = rows[i]
            let t = tasks[ti]
            let light = d.rollup.lights[ti]
            x = 0
            cell(t.key, c.key, line: line, style: .normal)
            cell(t.title, c.title, line: line, style: .normal)
            cell(responsible(t, width: c.lead, d, s), c.lead, line: line, style: .dim)
            // Where the task stands in review, read only for tasks with requests.
            let review = d.plan.reviews.count(task: t.key) > 0 ? d.plan.reviewState(task: t.key) : nil
            f.put(g.light(light, ascii: ascii), in: inner, line: line, at: x, style: .of(light))
            if review?.awaitingReview == true {
                f.put(s.awaitingReviewShort.truncated(toWidth: c.status - 2), in: inner, line: line, at: x + 2, style: .yellow)
            } else {
                f.put(s.statusShort(t.status).truncated(toWidth: c.status - 2), in: inner, line: line, at: x + 2, style: .of(t.status))
            }
            x += c.status + 1
            cell("\(t.effectiveProgress)%", c.progress, line: line, style: .normal, right: true)
            let extended = review?.originalDue != nil
            cell(t.due.description + dueMark(review), c.due, line: line, style: light == .red ? .red : extended ? .yellow : .normal)
            if selected == i {
                // Highlight the key and mark the row rather than painting a bar over
                // the whole row: moving the selection then redraws a few cells per
                // row instead of two full rows of CJK text (under 150 bytes over SSH).
                f.restyle(row: inner.row + line, col: inner.col, width: min(c.key, inner.width), style: focused ? .selected : .selectedUnfocused)
                if c.key < inner.width { f.put(g.marker, in: inner, line: line, at: c.key, style: focused ? .selected : .selectedUnfocused) }
            }
        }
    }

    /// After the due date: `*` when an extension moved it, `?` while one awaits review.
    static func dueMark(_ r: ReviewState?) -> String {
        guard let r else { return "" }
        if !r.pendingExtension.isEmpty { return "?" }
        return r.originalDue != nil ? "*" : ""
    }

    /// The lead units, as many whole names as fit and 等 for the rest. A task
    /// with no lead (按职责分工负责: each unit answers for its part) shows its
    /// first responsible unit, marked with its role. A name too long for the
    /// column gives way to its shortest alias in the plan that fits.
    static func responsible(_ t: PlanTask, width: Int, _ d: PlanData, _ s: Strings) -> String {
        guard width > 0 else { return "" }
        var names = t.departments(.lead)
        var mark = ""
        if names.isEmpty {
            guard let role = [Role.joint, .implement, .cooperate].first(where: { r in t.assignments.contains { $0.role == r } })
            else { return "" }
            names = t.departments(role)
            mark = s.noLeadMark(role)
        }
        let room = width - mark.displayWidth
        func fitting(_ name: String, _ w: Int) -> String? {
            if name.displayWidth <= w { return name }
            let aliases = d.departments.id(name).map { d.departments.aliases[Int($0)] } ?? []
            return aliases.filter { $0.displayWidth <= w }.min { $0.displayWidth < $1.displayWidth }
        }
        var out = ""
        for (i, name) in names.enumerated() {
            let sep = out.isEmpty ? "" : "、"
            let more = i + 1 < names.count ? s.andOthers.displayWidth : 0
            if let n = fitting(name, room - out.displayWidth - sep.displayWidth - more) {
                out += sep + n
                continue
            }
            if out.isEmpty { return mark + name.truncated(toWidth: room) }
            return mark + out + s.andOthers
        }
        return mark + out
    }

    /// The pane title: counts, sort and the active filters.
    static func title(_ st: DashboardState) -> String {
        let s = st.strings
        let q = st.query
        var parts = [s.pane(.tasks) + " \(st.list.visible.count)/\(st.plan?.tasks.count ?? 0)",
                     s.sortWord + ":" + s.sort(q.sort)]
        if let sec = q.section, let p = st.plan, sec < p.sections.count {
            var name = p.sections[sec].number
            if let g = q.group, g < p.sections[sec].groups.count { name += "(\(p.sections[sec].groups[g].number))" }
            parts.append(s.sectionWord + "=" + name)
        }
        if let dep = q.department { parts.append(s.department + "=" + dep) }
        if let status = q.status { parts.append(s.statusWord + "=" + s.status(status)) }
        if let l = q.light { parts.append(s.lightWord + "=" + s.light(l)) }
        if !q.search.isEmpty { parts.append(s.searchWord + "=" + q.search) }
        return parts.joined(separator: " · ")
    }
}
