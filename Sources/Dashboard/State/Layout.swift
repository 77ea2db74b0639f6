/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
    public var row: Int, col: Int, width: Int, height: Int

    public init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row; self.col = col; self.width = max(0, width); self.height = max(0, height)
    }

    public func contains(row r: Int, col c: Int) -> Bool {
        r >= row && r < row + height && c >= col && c < col + width
    }

    /// Inside a one-cell border.
    public var inner: Rect { Rect(row: row + 1, col: col + 1, width: width - 2, height: height - 2) }

    /// The rows below the first `n`.
    public func dropFirst(_ n: Int) -> Rect { Rect(row: row + n, col: col, width: width, height: height - n) }
}

/// Where everything goes for one terminal size: the one place both drawing and
/// mouse hit-testing take positions from.
public struct Layout: Hashable, Sendable {
    public static let minWidth = 60
    public static let minHeight = 16
    /// From this width on, all four panes show at once.
    public static let wideWidth = 120

    public enum Mode: Hashable, Sendable { case tooSmall, tabs, grid }

    public let width: Int
    public let height: Int
    public let mode: Mode
    public let header: Rect
    /// Tabs mode: the row of pane titles.
    public let tabBar: Rect?
    /// Tabs mode: the selected task, shown while another pane is in front.
    public let selectionStrip: Rect?
    /// The panes on screen (one in tabs mode).
    public let panes: [Pane: Rect]
    public let footer: Rect
    /// Below the header and above the footer: detail view and overlays.
    public let body: Rect

    public init(width: Int, height: Int, focus: Pane) {
        self.width = max(0, width)
        self.height = max(0, height)
        header = Rect(row: 0, col: 0, width: width, height: 2)
        footer = Rect(row: height - 1, col: 0, width: width, height: 1)
        body = Rect(row: 2, col: 0, width: width, height: height - 3)
        if width < Layout.minWidth || height < Layout.minHeight {
            mode = .tooSmall
            tabBar = nil; selectionStrip = nil; panes = [:]
        } else if width < Layout.wideWidth {
            mode = .tabs
            tabBar = Rect(row: 2, col: 0, width: width, height: 1)
            let paneHeight = height - 4 - (focus == .tasks ? 0 : 1)
            panes = [focus: Rect(row: 3, col: 0, width: width, height: paneHeight)]
            selectionStrip = focus == .tasks ? nil : Rect(row: height - 2, col: 0, width: width, height: 1)
        } else {
            mode = .grid
            tabBar = nil; selectionStrip = nil
            let bodyH = height - 3
            let leftW = max(40, width * 36 / 100)
            let rightW = width - leftW
            let sectionsH = bodyH / 2
            let tasksH = bodyH * 3 / 5
            panes = [
                .sections: Rect(row: 2, col: 0, width: leftW, height: sectionsH),
                .departments: Rect(row: 2 + sectionsH, col: 0, width: leftW, height: bodyH - sectionsH),
                .tasks: Rect(row: 2, col: leftW, width: rightW, height: tasksH),
                .completion: Rect(row: 2 + tasksH, col: leftW, width: rightW, height: bodyH - tasksH),
            ]
        }
    }

    /// The rows a pane's selectable list occupies (below any column header).
    public func listRect(_ pane: Pane) -> Rect? {
        panes[pane].map { pane.listRect(inside: $0.inner) }
    }

    /// Rows moved by PgUp/PgDn in a pane.
    public func pageSize(_ pane: Pane) -> Int { max(1, (listRect(pane)?.height ?? 10) - 1) }
}
