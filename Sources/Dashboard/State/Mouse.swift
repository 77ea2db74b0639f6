import FoundationEssentials
import PlanModel

// Clicks and the scroll wheel, hit-tested against the same layout the views draw.
extension DashboardState {
    mutating func click(row: Int, col: Int) -> [Effect] {
        guard overlay == nil, detail == nil, screen == nil else { return [] }
        let l = layout
        if let bar = l.tabBar, bar.contains(row: row, col: col) {
            for (pane, range) in TabBar.ranges(strings) where range.contains(col) { focus = pane }
            return []
        }
        for (pane, r) in l.panes where r.contains(row: row, col: col) {
            focus = pane
            if let lr = l.listRect(pane), lr.contains(row: row, col: col) {
                let target = top(pane, l) + row - lr.row
                // A click below the last row selects nothing.
                if target < rowCount(pane) { moveCursor(pane, target - cursor(pane)) }
            }
        }
        return []
    }

    mutating func scroll(row: Int, col: Int, by delta: Int) {
        if overlay != nil || detail != nil || screen != nil { move(delta); return }
        for (pane, r) in layout.panes where r.contains(row: row, col: col) { moveCursor(pane, delta) }
    }
}
