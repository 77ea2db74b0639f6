import PlanModel
import ScreenKit

/// The four panes of the main view, in the order of their number keys.
public enum Pane: Int, CaseIterable, Sendable {
    case sections, tasks, departments, completion
}

// Everything that differs between the panes, in one place. A new pane is a
// case in `Pane`, an action that focuses it, its entries here, its label in
// `Strings.pane`, its view, and its rectangle in `Layout`'s grid; moving,
// scrolling, clicking, reloading, the number keys and their help follow.
extension Pane {
    /// What its number key (1–4) asks for.
    var focusAction: Action {
        switch self {
        case .sections: return .paneSections
        case .tasks: return .paneTasks
        case .departments: return .paneDepartments
        case .completion: return .paneCompletion
        }
    }

    init?(focusAction a: Action) {
        guard let p = Pane.allCases.first(where: { $0.focusAction == a }) else { return nil }
        self = p
    }

    /// The rows its selectable list occupies inside its border (below any column header).
    func listRect(inside inner: Rect) -> Rect {
        switch self {
        case .sections: return inner
        case .tasks, .departments: return inner.dropFirst(1)
        case .completion: return CompletionPane.overdueRect(inner)
        }
    }
}

extension DashboardState {
    func rowCount(_ pane: Pane) -> Int {
        switch pane {
        case .tasks: return list.visible.count
        case .sections: return data?.sectionRows.count ?? 0
        case .departments: return data?.rollup.workloads.count ?? 0
        case .completion: return data?.overdue.count ?? 0
        }
    }

    /// Enter in the main view: a task opens; a section or department filters the tasks by it.
    mutating func activate() -> [Effect] {
        guard let d = data else { return [] }
        switch focus {
        case .tasks, .completion:
            guard let key = currentTaskKey else { return [] }
            detail = DetailState(task: key)
            return [.loadHistory(plan: d.plan.id, task: key)]
        case .sections:
            guard panes[.sections].cursor < d.sectionRows.count else { return [] }
            let row = d.sectionRows[panes[.sections].cursor]
            var q = query
            if q.section == row.section && q.group == row.group {
                q.section = nil; q.group = nil
            } else {
                q.section = row.section; q.group = row.group
            }
            setQuery(q)
            focus = .tasks
        case .departments:
            guard panes[.departments].cursor < d.rollup.workloads.count else { return [] }
            let name = d.rollup.workloads[panes[.departments].cursor].department
            var q = query
            q.department = q.department == name ? nil : name
            setQuery(q)
            focus = .tasks
        }
        return []
    }
}

extension DashboardView {
    static func drawPane(_ f: inout Frame, _ pane: Pane, _ r: Rect, _ st: DashboardState, _ l: Layout, _ g: Glyphs) {
        let focused = st.focus == pane
        let s = st.strings
        let top = st.top(pane, l)
        switch pane {
        case .sections:
            SectionsPane.draw(&f, r, data: st.data, cursor: st.cursor(.sections), top: top, focused: focused,
                              filter: (st.query.section, st.query.group), strings: s, glyphs: g)
        case .tasks:
            TasksPane.draw(&f, r, data: st.data, rows: st.list.visible, selected: st.selectedRow, top: top,
                           focused: focused, title: TasksPane.title(st), strings: s, glyphs: g, ascii: st.ascii)
        case .departments:
            let workloads = st.data?.rollup.workloads ?? []
            let i = st.cursor(.departments)
            let selected = i < workloads.count ? workloads[i].department : nil
            DepartmentsPane.draw(&f, r, data: st.data, cursor: st.cursor(.departments), top: top, focused: focused,
                                 filter: st.query.department, strings: s, glyphs: g,
                                 duties: focused ? selected.map { st.duties(of: $0) } ?? [] : [])
        case .completion:
            CompletionPane.draw(&f, r, data: st.data, cursor: st.cursor(.completion), top: top, focused: focused,
                                strings: s, glyphs: g, ascii: st.ascii)
        }
    }
}
