import Testing
import PlanModel
import PlanReports
import TextWidth
@testable import Dashboard

/// The full-screen views drawn headless: every row exactly the terminal's
/// width, CJK glyphs whole, and the figures where the columns say.
@Suite struct ScreenRenderTests {
    static let sizes = [(80, 24), (120, 40), (200, 60)]

    func make(_ lang: Language = .zh, width: Int = 80, height: Int = 24) -> (DashboardApp, MemoryBackend) {
        let b = MemoryBackend([Sample.withIndicators(), Sample.second(), Sample.reformed()], today: Day("2014-10-01")!)
        b.renamed = ["省质监局": "省市场监管局"]
        let a = DashboardApp(backend: b, language: lang, initialPlan: nil, ascii: false)
        _ = a.render(width: width, height: height)
        return (a, b)
    }

    func pad(_ s: String, _ w: Int) -> String { s.padded(toWidth: w) }

    @Test func assessmentRankingAt80x24() {
        let (a, _) = make()
        a.press(.char("A"))
        let f = a.render(width: 80, height: 24)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        #expect(f.rowText(2).hasPrefix("┌ 考核排名 · 甘肃省质量发展纲要2014年行动计划 ─"))
        #expect(f.rowText(3) == "│" + pad("评价日期 2014-10-01 · 10 个单位 · A 1  B 0  C 0  D 9", 78) + "│")
        #expect(f.rowText(4) == "│名次 部门                 任务 按时完成 超期完成 进行中 未开始 逾期  得分 等级│")
        // 2.2 done (no journal date: on time) is the only task of 省工商局.
        #expect(f.rowText(5) == "│   1 省工商局                1        1        0      0      0    0 100.0    A│")
        // 各市州政府: joint (0.8) on 2.10 at 60% → 80 × 0.6 = 48.
        #expect(f.rowText(6) == "│   2 各市州政府              1        0        0      1      0    0  48.0    D│")
        // Long names are cut with an ellipsis, and equal scores share a rank.
        #expect(f.rowText(8).hasPrefix("│   4 省质量发展领导小组…     1"))
        #expect(f.rowText(9).hasPrefix("│   4 省工业和信息化委        2"))
        // 省质监局: lead 1.1 (40%) and 1.2 (overdue), cooperate 2.3 (overdue):
        // (1×32 + 1×0 + 0.5×0) / 2.5 = 12.8.
        #expect(f.rowText(10).hasSuffix("3        0        0      1      0    2  12.8    D│"))
        #expect(f[5, 1].style == .selected && f[6, 1].style != .selected)
        #expect(f[5, 77].style == .selected)
        #expect(f.rowText(23).hasPrefix(" Esc 返回  Enter 部门任务 / 跳到任务  ? 帮助"))
        a.press(.down)
        let g = a.render(width: 80, height: 24)
        #expect(g[6, 1].style == .selected && g[5, 1].style != .selected)
    }

    @Test func assessmentAtEverySize() {
        for (w, h) in Self.sizes {
            let (a, _) = make(width: w, height: h)
            a.press(.char("A"))
            let f = a.render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
            // Columns are anchored to the right edge; the department takes the rest.
            let header = f.rowText(4)
            #expect(header.hasSuffix("任务 按时完成 超期完成 进行中 未开始 逾期  得分 等级│"), "\(w)×\(h)")
            #expect(f.column(of: "等级", row: 4) == w - 5)
            #expect(f.column(of: "100.0", row: 5) == w - 11)
            #expect(f.column(of: "省工商局", row: 5) == 6)
            // Wide enough for the whole collective name from 120 columns.
            #expect(f.rowText(8).contains("省质量发展领导小组各成员单位") == (w >= 120), "\(w)×\(h)")
            #expect(f.rowText(h - 2).hasPrefix("└"))
        }
    }

    @Test func assessmentInEnglishAt120x40() {
        let (a, _) = make(.en, width: 120, height: 40)
        a.press(.char("A"))
        let f = a.render(width: 120, height: 40)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        #expect(f.rowText(3).hasPrefix("│as of 2014-10-01 · 10 assignees · A 1  B 0  C 0  D 9"))
        #expect(f.rowText(4).hasSuffix("Tasks On time Late Active To do Overdue Score Grade│"))
        #expect(f.rowText(4).hasPrefix("│Rank Department "))
    }

    @Test func departmentAcrossPlansAtEverySize() {
        for (w, h) in Self.sizes {
            let (a, _) = make(width: w, height: h)
            a.press(.char("3"))  // Departments pane; its first row is 省质监局
            #expect(a.state.data?.rollup.workloads[0].department == "省质监局")
            a.press(.char("D"))
            let f = a.render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
            #expect(f.rowText(2).hasPrefix("┌ 部门任务：省市场监管局 = 省质监局 ─"))
            #expect(f.rowText(3).hasPrefix("│共 6 项任务，分布于 3 个计划 "))
            if w >= 102 {
                // Room for the name each plan uses: the renamed body is recognised.
                #expect(f.rowText(4).hasPrefix("│计划       编号  名称         职责 状态   进度 截止       灯 任务"))
                #expect(f.rowText(5).hasPrefix("│gansu-2014 1.1   省质监局     牵头 进行中  40% 2014-12-31 ●  建立质量统计分析制度"))
                #expect(f.rowText(9).hasPrefix("│gansu-2019 1.1   省市场监管局 牵头 进行中  50% 2019-12-31 ●  开展质量提升行动"))
                #expect(f.rowText(10).hasPrefix("│gansu-2019 1.2   省市场监管局 配合 未开始   0% 2019-12-31 ●  推进标准化改革"))
            } else {
                #expect(f.rowText(4) == "│计划       编号  职责 状态   进度 截止       灯 任务                          │")
                #expect(f.rowText(5) == "│gansu-2014 1.1   牵头 进行中  40% 2014-12-31 ●  建立质量统计分析制度          │")
                #expect(f.rowText(7).hasPrefix("│gansu-2014 2.3   配合 滞后    10% 2014-07-15 ●  提升工业产品质量水平"))
                #expect(f.rowText(8).hasPrefix("│gansu-2015 1.1   牵头 未开始   0% 2015-06-30 ●  制定年度方案"))
            }
            // The light column is coloured by the task's light: 1.2 is overdue.
            let light = f.column(of: "●", row: 6)!
            #expect(f[6, light].style == .red)
            #expect(f[5, 1].style == .selected)
        }
    }

    @Test func indicatorsAtEverySize() {
        for (w, h) in Self.sizes {
            let (a, _) = make(width: w, height: h)
            a.press(.char("I"))
            let f = a.render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
            #expect(f.rowText(2).hasPrefix("┌ 量化指标 · 甘肃省质量发展纲要2014年行动计划 ─"))
            #expect(f.rowText(3).hasPrefix("│共 3 项指标 · 已录入 2 项 · 达标 1 项 "))
            #expect(f.rowText(4).hasPrefix("│编号   任务   指标 "))
            #expect(f.rowText(4).hasSuffix(" 目标      实际 达标  │"))
            #expect(f.rowText(5).hasPrefix("│goal.1 总目标 主要农产品例行监测合格率 "))
            #expect(f.rowText(5).hasSuffix(" ≥98%     97.5% 未达标│"))
            #expect(f.rowText(6).hasSuffix(" ≥94%         - —     │"))
            #expect(f.rowText(7).hasPrefix("│2.1.1  2.1    食品安全放心工程示范企业 "))
            #expect(f.rowText(7).hasSuffix("≥20家      21家 达标  │"))
            #expect(f[5, w - 7].style == .selected)
            let met = f.column(of: "达标", row: 7)!
            #expect(f[7, met].style == .selected || f[7, met].style == .green)
            // The selected indicator's source sentence sits under a rule above the bottom border.
            #expect(f.rowText(h - 5) == "│" + String(repeating: "─", count: w - 2) + "│")
            #expect(f.rowText(h - 4).hasPrefix("│出处：主要农产品例行监测合格率达到98%以上 "))
            a.press(.char("G"))
            let g = a.render(width: w, height: h)
            #expect(g.rowText(h - 4).hasPrefix("│出处：培育省级食品安全放心工程示范企业20家 "))
            #expect(g[7, 1].style == .selected)
            #expect(g[7, met].style == .selected)
        }
    }

    @Test func indicatorEditorPlacement() {
        let (a, _) = make()
        a.press(.char("I"), .enter)
        let f = a.render(width: 80, height: 24)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        // 44×5 box centred in the 21-row body from row 2.
        #expect(f.column(of: "┌ 实际值（目标 ≥98%） · goal.1 ", row: 10) == 18)
        #expect(f.column(of: "97.5", row: 11) == 19)
        #expect(f.cursor!.row == 11 && f.cursor!.col == 23)
        a.press(.backspace, .backspace, .backspace, .backspace)
        a.type("九十")
        a.press(.enter)
        let g = a.render(width: 80, height: 24)
        #expect(g.row(containing: "请输入数值，如 97.5；留空则清除") == 13)
        #expect(g.rowsHaveExactWidth() && g.wideGlyphsWhole())
    }

    @Test func emptyViewsSayWhy() {
        let b = MemoryBackend([Sample.second()])
        let a = DashboardApp(backend: b, language: .en, initialPlan: nil, ascii: true)
        a.press(.char("I"))
        var f = a.render(width: 80, height: 24)
        #expect(f.rowsHaveExactWidth())
        #expect(f.rowText(5).hasPrefix("|this plan has no indicators"))
        a.press(.enter)
        #expect(a.state.overlay == nil && a.noticeText == "no indicator selected")
        a.press(.escape, .char("A"))
        f = a.render(width: 80, height: 24)
        #expect(f.rowText(5).hasPrefix("|   1 省质监局 "))
    }

    @Test func asciiScreensUseASCIIMarks() {
        let b = MemoryBackend([Sample.withIndicators()], today: Day("2014-10-01")!)
        let a = DashboardApp(backend: b, language: .en, initialPlan: nil, ascii: true)
        a.press(.char("I"))
        let f = a.render(width: 80, height: 24)
        #expect(f.rowsHaveExactWidth())
        #expect(f.rowText(2).hasPrefix("+ Indicators · "))
        #expect(f.rowText(5).hasSuffix(">=98%     97.5% no    |"))
        #expect(f.rowText(19) == "|" + String(repeating: "-", count: 78) + "|")
        a.press(.escape, .char("3"), .char("D"))
        let g = a.render(width: 80, height: 24)
        #expect(g.rowText(5).hasPrefix("|gansu-2014 1.1   lead active  40% 2014-12-31 G  "))
    }

    @Test func taskDetailListsItsIndicators() {
        let (a, _) = make()
        a.press(.down, .down, .enter)  // 2.1
        let f = a.render(width: 80, height: 24)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        let r = f.row(containing: "  食品安全放心工程示范企业：目标 ≥20家  实际 21家  达标")
        #expect(r != nil)
        #expect(f.rowText(r! - 1).hasPrefix("│量化指标 "))
        #expect(f[r!, 3].style == .green)
    }
}
