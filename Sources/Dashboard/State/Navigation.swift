import FoundationEssentials
import PlanModel

// Moving the cursors, scrolling, activating rows and filtering.
extension DashboardState {
    var page: Int {
        switch context {
        case .detail, .help: return max(1, layout.body.height - 3)
        case .report, .indicators, .reporting: return max(1, screenListRect.height - 1)
        case .menu, .picker: return 5
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
        case .unitMenu(let t, let units, let c):
            overlay = .unitMenu(task: t, units: units, cursor: clamp(c + delta, 0, units.count - 1))
        case .formatMenu(let r, let c):
            overlay = .formatMenu(r, cursor: clamp(c + delta, 0, r.formats.count - 1))
            return
        case .planEditMenu(let t, let c):
            overlay = .planEditMenu(task: t, cursor: clamp(c + delta, 0, PlanEditItem.allCases.count - 1))
            return
        case .assignmentPicker(var p):
            p.cursor = clamp(p.cursor + delta, 0, p.departments.count - 1)
            overlay = .assignmentPicker(p)
            return
        case .entry, .conflict, .confirmRemove:
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
        guard data != nil else { return }
        let current = cursorRow(pane)
        // With nothing selected, the first step down lands on the first row.
        setCursor(pane, clamp((current ?? 0) + (current == nil && delta > 0 ? delta - 1 : delta), 0, rowCount(pane) - 1))
        settleTops()
    }

    /// Stores the scroll positions the views will draw, so scrolling is smooth.
    mutating func settleTops() {
        let l = layout
        for pane in Pane.allCases { panes[pane].top = top(pane, l) }
    }

    /// The first row a pane shows: the stored one, moved just enough to keep
    /// the cursor visible. Drawing and mouse hit-testing both use this.
    func top(_ pane: Pane, _ l: Layout) -> Int {
        clampTop(panes[pane].top, cursor: cursor(pane), count: rowCount(pane), visible: l.listRect(pane)?.height ?? 0)
    }

    // MARK: Filtering

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
