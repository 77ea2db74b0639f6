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
