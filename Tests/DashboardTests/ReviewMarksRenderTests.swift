import Testing
import PlanModel
import ScreenKit
import TextWidth
@testable import Dashboard

/// The task table and the task detail with a pending closure, a pending
/// extension and a granted one, and tasks closed within an extension and
/// late, drawn headless at 80×24 and 120×40 in both languages.
@Suite struct ReviewMarksRenderTests {
    static let sizes = [(80, 24), (120, 40)]
    static func at(_ day: String) -> String { day + "T09:00:00+08:00" }

    /// 1.1 closure awaiting review · 1.2 extension to 2014-12-31 awaiting review ·
    /// 2.3 extended from 2014-07-15 to 2014-12-31.
    static func pendingPlan() throws -> Plan {
        var p = Sample.plan()
        try p.apply(.request(ReviewRequest(kind: .closure, department: "省质监局", text: "已建立制度", filedOn: Day("2014-09-20"),
                                           time: at("2014-09-20"), user: "wang")), task: "1.1")
        try p.apply(.request(ReviewRequest(kind: .extension, department: "省质监局", text: "设备未到", to: Day("2014-12-31"),
                                           filedOn: Day("2014-03-20"), time: at("2014-03-20"), user: "wang")), task: "1.2")
        try p.apply(.request(ReviewRequest(kind: .extension, department: "省工业和信息化委", text: "设备采购延后", to: Day("2014-12-31"),
                                           filedOn: Day("2014-07-01"), time: at("2014-07-01"), user: "li")), task: "2.3")
        try p.apply(.review(Review(kind: .extension, department: "省工业和信息化委", outcome: .approved,
                                   time: at("2014-07-05"), user: "chief")), task: "2.3")
        return p
    }

    /// 2.3 extended to 2014-09-30 and closed on 2014-09-20; 1.2 (due 2014-03-31) closed on 2014-06-01.
    static func closedPlan() throws -> Plan {
        var p = Sample.plan()
        try p.apply(.request(ReviewRequest(kind: .extension, department: "省工业和信息化委", text: "设备采购延后", to: Day("2014-09-30"),
                                           filedOn: Day("2014-07-01"), time: at("2014-07-01"), user: "li")), task: "2.3")
        try p.apply(.review(Review(kind: .extension, department: "省工业和信息化委", outcome: .approved, time: at("2014-07-05"), user: "chief")), task: "2.3")
        for (key, unit, filed, closed) in [("2.3", "省工业和信息化委", "2014-09-15", "2014-09-20"), ("1.2", "省质监局", "2014-05-25", "2014-06-01")] {
            try p.apply(.request(ReviewRequest(kind: .closure, department: unit, text: "已完成", filedOn: Day(filed), time: at(filed), user: "u")), task: key)
            try p.apply(.review(Review(kind: .closure, department: unit, outcome: .approved, time: at(closed), user: "chief")), task: key)
        }
        return p
    }

    func app(_ p: Plan, _ lang: Language, _ w: Int, _ h: Int) -> DashboardApp {
        let b = MemoryBackend([p], today: Day("2014-10-01")!)
        let a = DashboardApp(backend: b, language: lang, initialPlan: nil, ascii: false)
        _ = a.render(width: w, height: h)
        return a
    }

    /// The task table's row of `key`.
    func row(_ f: Frame, _ key: String) throws -> String {
        let r = try #require((0..<f.height).first { f.rowText($0).contains("│\(key) ") || f.rowText($0).contains("▶\(key) ") })
        return f.rowText(r)
    }

    @Test(arguments: [Language.zh, .en])
    func theTaskTableMarksRequestsAndExtensions(_ lang: Language) throws {
        let zh = lang == .zh
        for (w, h) in Self.sizes {
            let f = app(try Self.pendingPlan(), lang, w, h).render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
            #expect(try row(f, "1.1").contains(zh ? "待审核" : "review"), "\(w)×\(h)")
            #expect(try row(f, "1.2").contains("2014-03-31?"))
            #expect(try row(f, "2.3").contains("2014-12-31*"))
            // The extended date in yellow; the overdue one stays red.
            let r23 = try #require(f.row(containing: "2014-12-31*")), c23 = try #require(f.column(of: "2014-12-31*", row: r23))
            #expect(f[r23, c23].style == .yellow)
            let r12 = try #require(f.row(containing: "2014-03-31?")), c12 = try #require(f.column(of: "2014-03-31?", row: r12))
            #expect(f[r12, c12].style == .red)
            // The other tasks keep their plain status and date.
            #expect(try row(f, "3.1").contains(zh ? "未开始" : "todo") && (try row(f, "3.1")).contains("2015-12-31 "))
        }
    }

    /// Rows `a` and `b` inside the box, borders and blanks taken out: a line the detail wrapped reads whole.
    func squeezed(_ f: Frame, _ a: Int, _ b: Int) -> String {
        (f.rowText(a) + f.rowText(b)).filter { $0 != " " && $0 != "│" }
    }

    /// Enter on the `down`-th task of the table.
    func detail(_ p: Plan, _ lang: Language, _ w: Int, _ h: Int, down: Int) -> Frame {
        let a = app(p, lang, w, h)
        for _ in 0..<down { a.press(.down) }
        a.press(.enter)
        return a.render(width: w, height: h)
    }

    @Test(arguments: [Language.zh, .en])
    func theDetailKeepsTheOriginalDueDateAndNamesThePendingExtension(_ lang: Language) throws {
        let zh = lang == .zh
        for (w, h) in Self.sizes {
            let f = detail(try Self.pendingPlan(), lang, w, h, down: 4)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
            #expect(f.row(containing: zh ? "2014-12-31（原 2014-07-15）" : "2014-12-31 (was 2014-07-15)") != nil, "\(w)×\(h)\n\(f.text)")
            let r = try #require(f.row(containing: zh ? "2014-07-01 延期申请 省工业和信息化委 至 2014-12-31" : "2014-07-01 extension request 省工业和信息化委 to 2014-12-31"))
            // The decision, wrapped or not onto the next line.
            #expect(squeezed(f, r, r + 1).contains(zh ? "已批准延期2014-07-05" : "extensiongranted2014-07-05"), "\(w)×\(h)")
            let g = detail(try Self.pendingPlan(), lang, w, h, down: 1)
            #expect(g.row(containing: zh ? "进行中（延期待批）" : "in progress (extension pending)") != nil, "\(w)×\(h)\n\(g.text)")
            #expect(g.row(containing: zh ? "截止：2014-03-31 " : "Due: 2014-03-31 ") != nil)
        }
    }

    @Test(arguments: [Language.zh, .en])
    func doneWithinAnExtensionReadsGreenAndDoneLateYellow(_ lang: Language) throws {
        let zh = lang == .zh
        for (w, h) in Self.sizes {
            let within = detail(try Self.closedPlan(), lang, w, h, down: 4)
            #expect(within.rowsHaveExactWidth() && within.wideGlyphsWhole(), "\(w)×\(h)")
            let r = try #require(within.row(containing: zh ? "已完成（延期内完成）" : "done (within extension)"), "\(w)×\(h)\n\(within.text)")
            #expect(squeezed(within, r, r + 1).contains(zh ? "（原2014-07-15）绿灯" : "(was2014-07-15)green"), "\(w)×\(h)")
            let late = detail(try Self.closedPlan(), lang, w, h, down: 1)
            let l = try #require(late.row(containing: zh ? "已完成（超期完成）" : "done (late)"), "\(w)×\(h)\n\(late.text)")
            #expect(squeezed(late, l, l + 1).contains(zh ? "2014-03-31黄灯" : "2014-03-31yellow"), "\(w)×\(h)")
            // In the table, the late task's light is yellow and the one within its extension green.
            let table = app(try Self.closedPlan(), lang, w, h).render(width: w, height: h)
            let glyph = { (key: String) throws -> StyleRole in
                let row = try #require((0..<table.height).first { table.rowText($0).contains("│\(key) ") })
                let col = try #require(table.column(of: "● ", row: row))
                return table[row, col].style
            }
            #expect(try glyph("1.2") == .yellow && glyph("2.3") == .green)
        }
    }

    @Test(arguments: [Language.zh, .en])
    func theAssessmentShowsExtensionsAndReturnsWhereThereIsRoom(_ lang: Language) throws {
        var p = try Self.closedPlan()
        // A return on 1.1, 省质监局's: its count shows in the ranking.
        try p.apply(.request(ReviewRequest(kind: .closure, department: "省质监局", text: "已完成", filedOn: Day("2014-09-01"),
                                           time: Self.at("2014-09-01"), user: "u")), task: "1.1")
        try p.apply(.review(Review(kind: .closure, department: "省质监局", outcome: .returned, reason: "材料不全",
                                   time: Self.at("2014-09-03"), user: "chief")), task: "1.1")
        for (w, h) in Self.sizes {
            let a = app(p, lang, w, h)
            a.press(.char("A"))
            let f = a.render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
            let header = f.rowText(4)
            let extended = lang == .zh ? "延期完成" : "Extended", returns = lang == .zh ? "退回" : "Returns"
            // From 100 columns, after the late column; at 80 the table keeps its usual columns.
            #expect(header.contains(extended) == (w >= 100) && header.contains(returns) == (w >= 100), "\(w)×\(h): \(header)")
            guard w >= 100 else { continue }
            guard case .assessment(let r?, _) = a.state.screen else { Issue.record("no ranking"); continue }
            let zj = try #require(r.rows.first { $0.department == "省质监局" })
            let gx = try #require(r.rows.first { $0.department == "省工业和信息化委" })
            #expect(zj.returns == 1 && gx.doneExtended == 1)
            let row = try #require(f.row(containing: " 省工业和信息化委 "))
            let col = try #require(f.column(of: extended, row: 4))
            // The count right-aligned under its header.
            let cell = (col..<col + extended.displayWidth).map { f[row, $0].text }.joined().trimmingCharacters(in: .whitespaces)
            #expect(cell == String(gx.doneExtended), "\(f.rowText(row))")
        }
    }
}
