import PlanModel
import ScreenKit
import TextWidth

/// The kiosk screen: header with clock and last update, one page, page counter.
enum KioskView {
    static func render(_ st: KioskState, width: Int, height: Int) -> Frame {
        var f = Frame(width: width, height: height)
        let s = st.strings
        let g = Glyphs(ascii: st.ascii)
        let l = Layout(width: width, height: height, focus: .tasks)
        if l.mode == .tooSmall {
            TooSmallView.draw(&f, s)
            return f
        }
        HeaderView.draw(&f, l.header, data: st.data, session: st.session, strings: s, glyphs: g, ascii: st.ascii,
                        clock: st.clock, extra: [reviewCounts(st), st.lastUpdate].compactMap { $0 }.joined(separator: " · "),
                        warnings: st.storeWarnings.count)
        let body = l.body
        let screen = st.screens[st.screen]
        let page = screen.page
        let heading = title(page, st) + (screen.parts > 1 ? " (\(screen.part)/\(screen.parts))" : "")
        switch page {
        case .overview:
            let (a, b) = split(body)
            SectionsPane.draw(&f, a, data: st.data, cursor: nil, top: 0, focused: false, filter: (nil, nil), strings: s, glyphs: g)
            CompletionPane.draw(&f, b, data: st.data, cursor: nil, top: 0, focused: false, strings: s, glyphs: g, ascii: st.ascii)
        case .section(let i):
            TasksPane.draw(&f, body, data: st.data, rows: i < st.sectionRows.count ? st.sectionRows[i] : [], selected: nil,
                           top: screen.first, focused: false, title: heading, strings: s, glyphs: g, ascii: st.ascii)
        case .departments:
            DepartmentsPane.draw(&f, body, data: st.data, cursor: nil, top: screen.first, focused: false, filter: nil,
                                 strings: s, glyphs: g)
        case .completion:
            CompletionPane.draw(&f, body, data: st.data, cursor: nil, top: 0, focused: false, strings: s, glyphs: g, ascii: st.ascii)
        case .reporting:
            if let b = st.reporting {
                ReportingView.draw(&f, body, strings: s, plan: st.data?.plan, b, nil, first: screen.first, glyphs: g)
            }
        case .overdue:
            TasksPane.draw(&f, body, data: st.data, rows: st.data?.overdue ?? [], selected: nil, top: screen.first,
                           focused: false, title: heading, strings: s, glyphs: g, ascii: st.ascii)
        }
        f.fill(row: l.footer.row, col: 0, width: width, height: 1, style: .footer)
        let position = (st.plan.1 > 1 ? s.kioskPlan(st.plan.0, st.plan.1) + " · " : "") + s.kioskPage(st.screen + 1, st.screens.count)
        let end = f.put(" " + position + " · " + heading, row: l.footer.row, col: 0,
                        style: .footer, maxWidth: width)
        // Nobody at a wall screen reads a passing notice: the first warning stays.
        if let w = st.storeWarnings.first, end + 4 < width {
            f.put("  " + s.storeWarning(w), row: l.footer.row, col: end, style: .error, maxWidth: width - end)
        }
        return f
    }

    /// Side by side on wide screens, stacked otherwise.
    static func split(_ r: Rect) -> (Rect, Rect) {
        if r.width >= 100 {
            let w = r.width * 45 / 100
            return (Rect(row: r.row, col: r.col, width: w, height: r.height),
                    Rect(row: r.row, col: r.col + w, width: r.width - w, height: r.height))
        }
        let h = r.height / 2
        return (Rect(row: r.row, col: r.col, width: r.width, height: h),
                Rect(row: r.row + h, col: r.col, width: r.width, height: r.height - h))
    }

    /// Requests awaiting the office and the share of tasks closed (办结率), when the plan has requests.
    static func reviewCounts(_ st: KioskState) -> String? {
        guard let p = st.data?.plan, !p.reviews.isEmpty, !p.tasks.isEmpty else { return nil }
        let done = p.tasks.reduce(0) { $0 + ($1.status == .done ? 1 : 0) }
        let s = st.strings
        return s.pendingReviews(p.reviews.pending.count) + " · " + s.closureRate(done * 100 / p.tasks.count)
    }

    static func title(_ p: KioskPage, _ st: KioskState) -> String {
        let s = st.strings
        switch p {
        case .overview: return s.overview
        case .section(let i):
            guard let sec = st.data?.plan.sections[i] else { return s.pane(.tasks) }
            return sec.number + "、" + sec.title
        case .departments: return s.pane(.departments)
        case .completion: return s.pane(.completion)
        case .overdue: return s.overdue
        case .reporting: return st.reporting?.round.map { s.reportingTitle($0) } ?? s.noRound
        }
    }
}
