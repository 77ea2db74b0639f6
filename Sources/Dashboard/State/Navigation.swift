import Foundation
import PlanModel

// Moving the cursors, scrolling, activating rows and filtering.
extension DashboardState {
    var page: Int {
        switch context {
        case .detail, .help: return max(1, layout.body.height - 3)
        case .report, .indicators: return max(1, screenListRect.height - 1)
        case .menu: return 5
        default: return layout.pageSize(focus)
        }
    }

    mutating func move(_ delta: Int) {
        switch overlay {
        case .help(let s):
            let max = Swift.max(0, HelpOverlay.lines(self).count - (layout.body.height - 2))
            overlay = .help(scroll: clamp(s + delta, 0, max))
            return
        case .planList(let c):
            overlay = .planList(cursor: clamp(c + delta, 0, planIDs.count - 1))
            return
        case .statusMenu(let t, let c, let e):
            overlay = .statusMenu(task: t, cursor: clamp(c + delta, 0, TaskStatus.allCases.count - 1), expected: e)
            return
        case .entry, .conflict:
            return
        case nil:
            break
        }
        if screen != nil {
            moveScreen(delta)
            return
        }
        if var d = detail {
            let lines = DetailView.lines(self, d, width: layout.body.width - 2).count
            d.scroll = clamp(d.scroll + delta, 0, Swift.max(0, lines - (layout.body.height - 2)))
            detail = d
            return
        }
        moveCursor(focus, delta)
    }

    mutating func moveCursor(_ pane: Pane, _ delta: Int) {
        guard let d = data else { return }
        switch pane {
        case .tasks:
            let n = list.visible.count
            guard n > 0 else { return }
            let row = clamp((selectedRow ?? 0) + (selectedRow == nil && delta > 0 ? delta - 1 : delta), 0, n - 1)
            selectedKey = d.plan.tasks[list.visible[row]].key
        case .sections:
            sectionCursor = clamp(sectionCursor + delta, 0, d.sectionRows.count - 1)
        case .departments:
            departmentCursor = clamp(departmentCursor + delta, 0, d.rollup.workloads.count - 1)
        case .completion:
            overdueCursor = clamp(overdueCursor + delta, 0, d.overdue.count - 1)
        }
        settleTops()
    }

    /// Stores the scroll positions the views will draw, so scrolling is smooth.
    mutating func settleTops() {
        let l = layout
        tasksTop = top(.tasks, l)
        sectionsTop = top(.sections, l)
        departmentsTop = top(.departments, l)
        overdueTop = top(.completion, l)
    }

    /// The first row a pane shows: the stored one, moved just enough to keep
    /// the cursor visible. Drawing and mouse hit-testing both use this.
    func top(_ pane: Pane, _ l: Layout) -> Int {
        let h = l.listRect(pane)?.height ?? 0
        switch pane {
        case .tasks: return clampTop(tasksTop, cursor: selectedRow ?? 0, count: list.visible.count, visible: h)
        case .sections: return clampTop(sectionsTop, cursor: sectionCursor, count: data?.sectionRows.count ?? 0, visible: h)
        case .departments:
            return clampTop(departmentsTop, cursor: departmentCursor, count: data?.rollup.workloads.count ?? 0, visible: h)
        case .completion: return clampTop(overdueTop, cursor: overdueCursor, count: data?.overdue.count ?? 0, visible: h)
        }
    }

    // MARK: Activating and filtering

    mutating func activate() -> [Effect] {
        guard let d = data else { return [] }
        switch focus {
        case .tasks, .completion:
            guard let key = currentTaskKey else { return [] }
            detail = DetailState(task: key)
            return [.loadHistory(plan: d.plan.id, task: key)]
        case .sections:
            guard sectionCursor < d.sectionRows.count else { return [] }
            let row = d.sectionRows[sectionCursor]
            var q = query
            if q.section == row.section && q.group == row.group {
                q.section = nil; q.group = nil
            } else {
                q.section = row.section; q.group = row.group
            }
            setQuery(q)
            focus = .tasks
        case .departments:
            guard departmentCursor < d.rollup.workloads.count else { return [] }
            let name = d.rollup.workloads[departmentCursor].department
            var q = query
            q.department = q.department == name ? nil : name
            setQuery(q)
            focus = .tasks
        }
        return []
    }

    mutating func setQuery(_ q: TaskQuery) {
        let oldRow = selectedRow
        query = q
        if let d = data { list.update(d, q) }
        keepSelection(oldRow: oldRow)
    }

    /// After the visible list changed: the same task if it is still shown,
    /// else the row it was on (or the first).
    mutating func keepSelection(oldRow: Int?) {
        guard let d = data else { selectedKey = nil; return }
        if selectedRow != nil { settleTops(); return }
        let v = list.visible
        if v.isEmpty { settleTops(); return }
        selectedKey = d.plan.tasks[v[clamp(oldRow ?? 0, 0, v.count - 1)]].key
        settleTops()
    }
}
