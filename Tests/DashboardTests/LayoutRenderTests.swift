import Testing
import PlanModel
import TextWidth
@testable import Dashboard

@Suite struct LayoutRenderTests {
    func app(_ lang: Language = .zh, session: SessionInfo? = nil, ascii: Bool = false) -> (DashboardApp, MemoryBackend) {
        let b = MemoryBackend([Sample.plan(), Sample.second()])
        if let session { b.session = session }
        return (DashboardApp(backend: b, language: lang, initialPlan: nil, ascii: ascii), b)
    }

    @Test func fourPanesAt120x40() {
        let (a, _) = app()
        let f = a.render(width: 120, height: 40)
        #expect(f.rowsHaveExactWidth())
        #expect(f.wideGlyphsWhole())
        // Header: app name, plan title, evaluation date, completion.
        #expect(f.rowText(0).hasPrefix(" 督办 │ 甘肃省质量发展纲要2014年行动计划"))
        #expect(f.column(of: "2014-06-30  完成 33%", row: 0) == 120 - "2014-06-30  完成 33%".displayWidth - 1)
        #expect(f.rowText(1).contains("未开始 2  进行中 4  已完成 1  滞后 1"))
        #expect(f.rowText(1).hasSuffix("zhang · 办公室 "))
        // Left column 43 wide: Sections above Departments; right: Tasks above Completion.
        #expect(f[2, 0].text == "┌" && f[2, 42].text == "┐" && f[2, 43].text == "┌" && f[2, 119].text == "┐")
        #expect(f.column(of: "分项", row: 2) == 2)
        #expect(f[2, 2].text == "分" && f[2, 3].isContinuation)
        #expect(f.column(of: "任务 8/8 · 排序:编号", row: 2) == 45)
        #expect(f.column(of: "部门", row: 20) == 2)
        #expect(f[19, 0].text == "└" && f[20, 0].text == "┌")
        #expect(f.column(of: "完成情况", row: 24) == 45)
        // Sections tree rows with bars and counts.
        #expect(f.rowText(3).hasPrefix("│一、强化质量基础"))
        #expect(f.column(of: "0/2│", row: 3) == 39)
        #expect(f.rowText(5).hasPrefix("│  (一)民生消费质量"))
        // Tasks table: headings then rows; the key column at the pane's inner edge.
        #expect(f.column(of: "编号", row: 3) == 44)
        #expect(f.column(of: "1.1", row: 4) == 44)
        #expect(f.column(of: "建立质量统计分析制度", row: 4) == 51)
        #expect(f.column(of: "2014-12-31│", row: 4) == 109)
        #expect(f.rowText(9).contains("2.10"))  // numeric key order: 2.10 after 2.3
        // The first task is selected in the focused Tasks pane.
        #expect(f[4, 44].style == .selected && f[5, 44].style != .selected)
        // Departments and Completion content.
        #expect(f.column(of: "省质监局", row: 22) == 1)
        #expect(f.rowText(25).contains("逾期任务 1"))
        #expect(f.rowText(26).contains("1.2   加强计量基础设施建设"))
        // Footer keys generated from the keymap.
        #expect(f.rowText(39).hasPrefix(" Tab 下一窗格  Enter 详情 / 按所选筛选  / 搜索  s 改状态  e 改进度  n 添加备注  q 退出  ? 帮助  "))
        #expect(f[39, 1].style == .key && f[39, 4].style == .footer)
    }

    @Test func fourPanesAt200x60English() {
        let (a, _) = app(.en)
        let f = a.render(width: 200, height: 60)
        #expect(f.rowsHaveExactWidth())
        #expect(f.wideGlyphsWhole())
        // leftW = 72; bodyH = 57: Sections 28 rows, Tasks 34 rows.
        #expect(f.column(of: " Sections ", row: 2) == 1)
        #expect(f.column(of: " Tasks 8/8 · sort:key ", row: 2) == 73)
        #expect(f.column(of: " Departments ", row: 30) == 1)
        #expect(f.column(of: " Completion ", row: 36) == 73)
        // Wide enough for the full lead department column.
        #expect(f.rowText(6).contains("省食品药品监管局 ● todo"))
        #expect(f.rowText(0).contains("complete 33%"))
        #expect(f.rowText(1).contains("zhang · office"))
    }

    @Test func tabsAt80x24KeepEverythingReachable() {
        let (a, _) = app()
        var f = a.render(width: 80, height: 24)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        #expect(f.rowText(2).hasPrefix("  1 分项   2 任务   3 部门   4 完成情况"))
        #expect(f[2, 11].style == .borderFocused)  // "2 任务" is the front tab
        #expect(f.column(of: "任务 8/8", row: 3) == 2)
        #expect(f.column(of: "1.1", row: 5) == 1)
        // Every pane is one key away, and the selected task stays in sight.
        for (key, title) in [("1", "分项"), ("3", "部门"), ("4", "完成情况")] {
            a.press(.char(Character(key)))
            f = a.render(width: 80, height: 24)
            #expect(f.column(of: title, row: 3) == 2)
            #expect(f.rowText(22).hasPrefix(" ▶ 当前任务 1.1 建立质量统计分析制度"))
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        }
        a.press(.char("2"))
        a.press(.char("G"))
        f = a.render(width: 80, height: 24)
        #expect(f.rowText(12).contains("3.2"))
        #expect(f[12, 1].style == .selected)
    }

    @Test func selectedTaskVisibleWhenScrolling() {
        let b = MemoryBackend([Sample.large(300)])
        let a = DashboardApp(backend: b, language: .zh, initialPlan: nil, ascii: false)
        _ = a.render(width: 80, height: 24)
        for _ in 0..<40 { a.press(.down) }
        let f = a.render(width: 80, height: 24)
        let key = a.selectedTaskKey!
        let row = (0..<24).first { f.rowText($0).hasPrefix("│" + key + " ") }
        #expect(row != nil)
        if let row { #expect(f[row, 1].style == .selected) }
        // 17 visible rows: the 41st task sits on the last one.
        #expect(row == 21)
    }

    @Test func tooSmallScreen() {
        let (a, _) = app()
        var f = a.render(width: 59, height: 24)
        #expect(f.text.contains("终端太小：当前 59×24，至少需要 60×16"))
        f = a.render(width: 20, height: 6)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        #expect(f.text.contains("终端太小"))
        let (e, _) = app(.en)
        f = e.render(width: 60, height: 15)
        #expect(f.text.contains("terminal too small: have 60×15, need 60×16"))
    }

    @Test func anySizeRendersWithoutCrashing() {
        let (a, _) = app()
        let sizes = (0...130).flatMap { w in [0, 1, 2, 6, 15, 16, 24].map { (w, $0) } }
            + (0...45).flatMap { h in [0, 1, 20, 59, 60, 80, 119, 120, 200].map { ($0, h) } }
        for (w, h) in sizes {
            let f = a.render(width: w, height: h)
            #expect(f.width == w && f.height == h)
            #expect(f.rowsHaveExactWidth(), "\(w)×\(h)")
            #expect(f.wideGlyphsWhole(), "\(w)×\(h)")
        }
        // Also with the detail view and an overlay up.
        a.press(.enter)
        a.press(.char("?"))
        for (w, h) in sizes where w % 7 == 0 || h % 5 == 0 {
            let f = a.render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
        }
    }

    @Test func asciiBorders() {
        let (a, _) = app(ascii: true)
        let f = a.render(width: 120, height: 40)
        #expect(f[2, 0].text == "+" && f[3, 0].text == "|" && f[2, 1].text == "-" || f[2, 1].text == " ")
        #expect(!f.text.contains("─") && !f.text.contains("█") && !f.text.contains("●"))
        #expect(f.rowText(4).contains("R") || f.rowText(4).contains("G"))
    }

    @Test func readOnlyAndReporterHeader() {
        let (a, _) = app(session: SessionInfo(user: "guest", role: .viewer, readOnly: true))
        var f = a.render(width: 120, height: 40)
        #expect(f.rowText(0).hasSuffix(" 只读  "))
        #expect(f[0, 117].style == .badge)
        // No editing keys in the footer of a read-only session.
        #expect(!f.rowText(39).contains("改状态"))
        let (r, _) = app(.en, session: SessionInfo(user: "wang", role: .reporter(departments: ["省质监局"]), readOnly: false))
        // A reporting unit's session starts on its tasks: Esc shows the whole plan.
        r.press(.escape)
        f = r.render(width: 120, height: 40)
        #expect(f.rowText(1).hasSuffix("wang · reports for: 省质监局 "))
        #expect(f.rowText(39).contains("s status"))
    }
}

@Suite struct PaneEdgeTests {
    /// Long CJK titles and department names at every width: nothing spills over
    /// a pane's border and no glyph is cut in half.
    @Test func bordersStayIntact() {
        var p = Sample.plan()
        p.modifyTask("1.1") { $0.title = String(repeating: "质量发展纲要", count: 12) }
        p.modifyTask("1.2") { $0.assignments = [Assignment(department: String(repeating: "省工业和信息化委", count: 4), role: .lead)] }
        p.sections[0].title = String(repeating: "强化质量基础", count: 10)
        let b = MemoryBackend([p])
        let a = DashboardApp(backend: b, language: .zh, initialPlan: nil, ascii: false)
        for w in Array(60...81) + Array(119...131) + [200, 201] {
            for focus in ["1", "2", "3", "4"] {
                a.press(.char(Character(focus)))
                let f = a.render(width: w, height: 30)
                #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)")
                let l = Layout(width: w, height: 30, focus: a.focusedPane)
                for (pane, r) in l.panes {
                    for row in (r.row + 1)..<(r.row + r.height - 1) {
                        #expect(f[row, r.col].text == "│" && f[row, r.col + r.width - 1].text == "│", "\(pane) \(w) row \(row)")
                    }
                }
            }
        }
    }

    @Test func truncatedTitleEndsWithEllipsisBeforeTheNextColumn() {
        var p = Sample.plan()
        p.modifyTask("1.1") { $0.title = String(repeating: "质", count: 60) }
        let a = DashboardApp(backend: MemoryBackend([p]), language: .zh, initialPlan: nil, ascii: false)
        // 80 wide: title column is 35 columns from col 8; 17 glyphs + "…" = 35.
        let f = a.render(width: 80, height: 24)
        #expect(f[5, 8].text == "质" && f[5, 9].isContinuation)
        #expect(f[5, 40].text == "质" && f[5, 41].isContinuation && f[5, 42].text == "…")
        #expect(f[5, 43].text == " " && f.column(of: "省质监局", row: 5) == 44)
        // 81 wide: a 36-column title; the odd column left over becomes a blank, never half a glyph.
        let g = a.render(width: 81, height: 24)
        #expect(g[5, 40].text == "质" && g[5, 41].isContinuation && g[5, 42].text == "…" && g[5, 43].text == " ")
        #expect(g.column(of: "省质监局", row: 5) == 45)
    }
}
