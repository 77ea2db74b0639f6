// What differs between the panes' lists: how many rows each has and where its
// cursor is kept. Everything else (moving, scrolling, clicking, reloading)
// goes through these for any pane.
extension DashboardState {
    func rowCount(_ pane: Pane) -> Int {
        switch pane {
        case .tasks: return list.visible.count
        case .sections: return data?.sectionRows.count ?? 0
        case .departments: return data?.rollup.workloads.count ?? 0
        case .completion: return data?.overdue.count ?? 0
        }
    }

    /// The cursor's row; nil in the Tasks pane when no visible task is selected.
    func cursorRow(_ pane: Pane) -> Int? {
        pane == .tasks ? selectedRow : panes[pane].cursor
    }

    func cursor(_ pane: Pane) -> Int { cursorRow(pane) ?? 0 }

    /// Puts a pane's cursor on a row (the Tasks pane selects that row's task).
    mutating func setCursor(_ pane: Pane, _ row: Int) {
        guard pane == .tasks else { panes[pane].cursor = row; return }
        guard let d = data, row >= 0, row < list.visible.count else { return }
        selectedKey = d.plan.tasks[list.visible[row]].key
    }
}
