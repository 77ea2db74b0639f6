import Testing
import PlanModel
import TextWidth
@testable import Dashboard

@Suite struct ViewRenderTests {
    func make(_ lang: Language = .zh) -> (DashboardApp, MemoryBackend) {
        let b = MemoryBackend([Sample.plan(), Sample.second()])
        let a = DashboardApp(backend: b, language: lang, initialPlan: nil, ascii: false)
        _ = a.render(width: 80, height: 24)
        return (a, b)
    }

    @Test func detailWrapsByDisplayWidthAndGroupsAssignments() {
        let (a, b) = make()
        b.external(.setProgress(50), plan: "gansu-2014", task: "1.1", user: "zhang", time: "2014-06-30T10:32:00+08:00")
        _ = a.handle(.tick)
        a.press(.enter)
        let f = a.render(width: 60, height: 24)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        #expect(f.column(of: "任务 1.1", row: 2) == 2)
        #expect(f.rowText(3) == "│建立质量统计分析制度" + String(repeating: " ", count: 38) + "│")
        // 58 columns inside the box: 29 CJK characters per line, punctuation kept off a line start.
        let text = "建立质量统计分析制度。定期发布全省质量状况分析报告，为政府决策提供依据。"
        let lines = text.wrapped(toWidth: 58)
        #expect(lines.count == 2)
        #expect(f.rowText(5).hasPrefix("│" + lines[0]))
        #expect(f.rowText(6).hasPrefix("│" + lines[1]))
        #expect(f.row(containing: "  牵头：省质监局") != nil)
        #expect(f.row(containing: "  配合：省统计局") != nil)
        #expect(f.row(containing: "截止：2014-12-31") != nil)
        #expect(f.row(containing: "进度：50%") != nil)
        // History from the backend's journal.
        #expect(f.row(containing: "2014-06-30 10:32 zhang 进度：40 → 50") != nil)
    }

    @Test func englishDetailUsesASCIIColons() {
        let (a, b) = make(.en)
        b.external(.setProgress(50), plan: "gansu-2014", task: "1.1", user: "zhang", time: "2014-06-30T10:32:00+08:00")
        _ = a.handle(.tick)
        a.press(.enter)
        let f = a.render(width: 80, height: 24)
        #expect(f.row(containing: "Progress: 50%") != nil)
        #expect(f.row(containing: "  lead: 省质监局") != nil)
        #expect((0..<24).allSatisfy { !f.rowText($0).contains("Progress：") })
    }

    @Test func detailScrolls() {
        let (a, _) = make()
        a.press(.char("G"), .enter)  // 3.2 has a collective assignee
        var f = a.render(width: 60, height: 16)
        #expect(f.rowText(3).hasPrefix("│加强督促检查 "))
        #expect(f.text.contains("按职责分工负责：省质量发展领导小组各成员单位（集体）"))
        a.press(.down, .down)
        f = a.render(width: 60, height: 16)
        #expect(!f.rowText(3).hasPrefix("│加强督促检查 "))
        a.press(.char("g"))
        f = a.render(width: 60, height: 16)
        #expect(f.rowText(3).hasPrefix("│加强督促检查 "))
    }

    @Test func helpOverlayListsTheKeymap() {
        let (a, _) = make(.en)
        a.press(.char("?"))
        var seen = ""
        for _ in 0..<30 {
            seen += a.render(width: 80, height: 24).text
            a.press(.pageDown)
        }
        for b in Keymap.bindings { #expect(seen.contains(b.en), "\(b.action)") }
        let f = a.render(width: 80, height: 24)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        a.press(.char("g"))
        let top = a.render(width: 80, height: 24)
        #expect(top.column(of: "Help: keys", row: 2) == 10)
        #expect(top.column(of: "* changes data", row: 3) == 9)
        #expect(top.column(of: "Main screen", row: 4) == 9)
        #expect(top.column(of: "q              quit", row: 5) == 11)
        #expect(seen.contains("s              status *"))
        a.press(.escape)
        #expect(a.state.context == .main)
    }

    @Test func statusMenuPlacement() {
        let (a, _) = make()
        a.press(.char("s"))
        let f = a.render(width: 80, height: 24)
        // 34×6 box centred in the 21-row body starting at row 2.
        #expect(f.column(of: "┌ 选择状态 1.1 ", row: 9) == 23)
        #expect(f.column(of: "1   未开始", row: 10) == 24)
        #expect(f.column(of: "2 ▶ 进行中", row: 11) == 24)
        #expect(f[11, 24].style == .selected)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
    }

    @Test func noteEditorScrollsByDisplayWidth() {
        let (a, _) = make()
        a.press(.char("n"))
        let long = String(repeating: "质量发展", count: 10)  // 80 columns
        a.type(long)
        let f = a.render(width: 80, height: 24)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        // Box 60 wide at col 10, text field 58 wide from col 11; the cursor stays in it.
        let cur = f.cursor!
        #expect(cur.row == 11 && cur.col == 11 + 57)
        #expect(f.rowText(11).contains("展质量发展"))
        a.press(.home)
        let g = a.render(width: 80, height: 24)
        #expect(g.cursor!.col == 11)
        #expect(g[11, 11].text == "质" && g[11, 12].isContinuation)
        // A wide glyph never straddles the field's right edge: 58 = 29 glyphs.
        #expect(g[11, 67].text == "质" && g[11, 68].isContinuation && g[11, 69].text == "│")
    }

    @Test func progressEntryShowsCursorAfterValue() {
        let (a, _) = make(.en)
        a.press(.char("e"))
        let f = a.render(width: 80, height: 24)
        #expect(f.column(of: "Progress (0–100) · 1.1", row: 10) == 20)
        #expect(f.column(of: "40", row: 11) == 19)
        #expect(f.cursor!.row == 11 && f.cursor!.col == 21)
    }

    @Test func dueEditorAndPlanListPlacement() {
        let (a, _) = make(.en)
        a.press(.char("d"))
        var f = a.render(width: 80, height: 24)
        #expect(f.column(of: "┌ Due date (YYYY-MM-DD) · 1.1 ", row: 10) == 18)
        #expect(f.column(of: "2014-12-31", row: 11) == 19)
        #expect(f.cursor!.row == 11 && f.cursor!.col == 29)
        #expect(f.rowText(23).hasPrefix(" Esc cancel  Enter submit"))
        a.press(.escape, .char("p"))
        f = a.render(width: 80, height: 24)
        // 48×4 box centred in the 21-row body from row 2.
        #expect(f.column(of: "┌ Plans ", row: 10) == 16)
        #expect(f.column(of: "▶ gansu-2014  甘肃省质量发展纲要2014年行动计划", row: 11) == 17)
        #expect(f.column(of: "  gansu-2015", row: 12) == 17)
        #expect(f[11, 17].style == .selected && f[12, 17].style != .selected)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
    }

    @Test func searchLineInFooter() {
        let (a, _) = make()
        a.press(.char("/"))
        a.type("质量")
        let f = a.render(width: 80, height: 24)
        #expect(f.rowText(23).hasPrefix("搜索：质量"))
        #expect(f.cursor!.row == 23 && f.cursor!.col == 10)
        #expect(f.column(of: "任务 3/8 · 排序:编号 · 搜索=质量", row: 3) == 2)
    }

    @Test func filteredEmptyList() {
        let (a, _) = make(.en)
        a.press(.char("f"), .char("w"))  // not started and red: none
        let f = a.render(width: 80, height: 24)
        #expect(f.column(of: "no tasks match", row: 5) == 1)
        #expect(a.selectedTaskKey == "2.1")  // moved to a shown task by 'f', then kept though hidden
        a.press(.char("s"))
        #expect(a.render(width: 80, height: 24).rowText(23).contains("no task selected"))
    }
}

@Suite struct LineEditorTests {
    @Test func cjkEditing() {
        var e = LineEditor("质量abc")
        #expect(e.cursor == 5)
        e.moveLeft(); e.moveLeft(); e.moveLeft()
        e.deleteBackward()
        #expect(e.text == "质abc" && e.cursor == 1)
        e.insert("檢")
        e.insert("\u{7}")  // control characters are ignored
        #expect(e.text == "质檢abc")
        e.moveHome(); e.deleteForward()
        #expect(e.text == "檢abc")
        e.moveEnd(); e.deleteBackward()
        #expect(e.text == "檢ab")
        // Combining sequences are one Character: one backspace removes it all.
        var c = LineEditor("e\u{301}")
        c.deleteBackward()
        #expect(c.text.isEmpty)
    }

    @Test func horizontalScrollByDisplayWidth() {
        let e = LineEditor(String(repeating: "质", count: 20))
        let v = e.view(width: 10)
        #expect(v.cursorColumn == 9)
        #expect(v.text == " " + String(repeating: "质", count: 4))
        #expect(v.text.displayWidth <= 10)
        var m = LineEditor("ab质量", maxBytes: 6)
        let refused = m.insert("x")
        #expect(refused == false)
        m.deleteBackward()
        let accepted = m.insert("x")
        #expect(accepted)
    }
}
