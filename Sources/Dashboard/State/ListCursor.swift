/// A list's cursor and its first visible row.
struct ListCursor: Hashable {
    var cursor = 0
    var top = 0
}

/// One `ListCursor` per pane, indexed by pane, so moving, scrolling, clicking
/// and reloading treat every pane alike. The Tasks pane's cursor is not kept
/// here: its selection is held by task key (`DashboardState.selectedKey`).
struct PaneCursors: Hashable {
    private var lists = [ListCursor](repeating: ListCursor(), count: Pane.allCases.count)

    subscript(pane: Pane) -> ListCursor {
        get { lists[pane.rawValue] }
        set { lists[pane.rawValue] = newValue }
    }
}

extension DashboardState {
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
