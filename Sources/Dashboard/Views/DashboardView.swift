import PlanModel
import ScreenKit
import TextWidth

/// The whole dashboard screen: a pure function of state and size.
enum DashboardView {
    static func render(_ st: DashboardState, width: Int, height: Int) -> Frame {
        var f = Frame(width: width, height: height)
        let l = Layout(width: width, height: height, focus: st.focus)
        let g = Glyphs(ascii: st.ascii)
        let s = st.strings
        if l.mode == .tooSmall {
            TooSmallView.draw(&f, s)
            return f
        }
        HeaderView.draw(&f, l.header, data: st.data, session: st.session, strings: s, glyphs: g, ascii: st.ascii,
                        warnings: st.storeWarnings.count)
        if let sc = st.screen {
            switch sc {
            case .assessment(let a, let c): AssessmentView.draw(&f, l.body, st, a, c, glyphs: g)
            case .department(let name, let v, let c): DepartmentView.draw(&f, l.body, st, name: name, v, c, glyphs: g)
            case .indicators(let c): IndicatorsView.draw(&f, l.body, st, c, glyphs: g)
            case .reporting(let b, let c): ReportingView.draw(&f, l.body, strings: s, plan: st.plan, b, c, glyphs: g)
            case .inbox(let c): InboxView.draw(&f, l.body, st, c, glyphs: g)
            case .myTasks(let c): InboxView.drawMyTasks(&f, l.body, st, c, glyphs: g)
            case .importPreview(let p, let c): ImportPreviewView.draw(&f, l.body, st, p, c, glyphs: g)
            }
        } else if let d = st.detail {
            DetailView.draw(&f, l.body, st, d, glyphs: g)
        } else {
            if let bar = l.tabBar { TabBar.draw(&f, bar, st) }
            for (pane, r) in l.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                drawPane(&f, pane, r, st, l, g)
            }
            if let strip = l.selectionStrip { drawStrip(&f, strip, st, g) }
        }
        FooterView.draw(&f, l.footer, st)
        switch st.overlay {
        case .help(let scroll): HelpOverlay.draw(&f, l.body, st, scroll: scroll, glyphs: g)
        case .planList(let c): Editors.planList(&f, l.body, st, cursor: c, glyphs: g)
        case .statusMenu(let task, let c, _): Editors.statusMenu(&f, l.body, st, task: task, cursor: c, glyphs: g)
        case .unitMenu(let task, let units, let c): Editors.unitMenu(&f, l.body, st, task: task, units: units, cursor: c, glyphs: g)
        case .formatMenu(let r, let c): Editors.formatMenu(&f, l.body, st, request: r, cursor: c, glyphs: g)
        case .entry(.search, _, let ed, _, _): Editors.searchLine(&f, l.footer, st, editor: ed)
        case .entry(.text, let task, let ed, _, let err): Editors.paragraphEntry(&f, l.body, st, task: task, editor: ed, error: err, glyphs: g)
        case .entry(let kind, let task, let ed, _, let err):
            Editors.entry(&f, l.body, st, kind: kind, task: task, editor: ed, error: err, glyphs: g)
        case .conflict(let c, _): Editors.conflict(&f, l.body, st, c, glyphs: g)
        case .planEditMenu(let task, let c): Editors.planEditMenu(&f, l.body, st, task: task, cursor: c, glyphs: g)
        case .confirmRemove(let task, _): Editors.confirmRemove(&f, l.body, st, task: task, glyphs: g)
        case .assignmentPicker(let p): Editors.assignmentPicker(&f, l.body, st, p, glyphs: g)
        case nil: break
        }
        return f
    }

    /// Tabs mode: keeps the selected task in sight while another pane is in front.
    static func drawStrip(_ f: inout Frame, _ r: Rect, _ st: DashboardState, _ g: Glyphs) {
        f.fill(row: r.row, col: r.col, width: r.width, height: 1, style: .selectedUnfocused)
        guard let key = st.selectedKey, let t = st.plan?.task(key) else { return }
        f.put(" \(g.marker) \(st.strings.selectedLabel) \(t.key) \(t.title)", row: r.row, col: r.col,
              style: .selectedUnfocused, maxWidth: r.width)
    }
}

/// Below the minimum size: says so, clipped to whatever room there is.
enum TooSmallView {
    static func draw(_ f: inout Frame, _ s: Strings) {
        guard f.width > 0, f.height > 0 else { return }
        let msg = s.tooSmall(f.width, f.height, Layout.minWidth, Layout.minHeight)
        let lines = msg.wrapped(toWidth: f.width)
        let top = max(0, (f.height - lines.count) / 2)
        for (i, l) in lines.enumerated() where top + i < f.height {
            let x = max(0, (f.width - l.displayWidth) / 2)
            f.put(l, row: top + i, col: x, style: .error, maxWidth: f.width - x)
        }
    }
}
