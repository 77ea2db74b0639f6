import Foundation
import PlanModel
import ScreenKit
import TextWidth
import Testing
@testable import Dashboard

/// The 报送 view, feedback filed from a task and chasing, headless. The plan
/// is `Sample.plan()` with the round 2014年三季度 (opened 2014-09-20, due
/// 2014-10-10): its 13 (task, unit) pairs are 1.1 省质监局 省统计局; 1.2 省质监局
/// 省发展改革委 省财政厅; 2.1 省食品药品监管局 省农牧厅; 2.2 省工商局; 2.3
/// 省工业和信息化委 省质监局; 2.10 省工业和信息化委 各市州政府; 3.1 省财政厅
/// (3.2 has only a collective body). 省质监局 reported 1.1 on time and 1.2
/// late, 省工商局 2.2 on time: 2 on time, 1 late, 10 missing.
@Suite struct ReportingViewTests {
    static func plan() throws -> Plan {
        var p = Sample.plan()
        try p.apply(.setRound(Round(name: "2014年三季度", opened: Day("2014-09-20")!, due: Day("2014-10-10")!)), task: "")
        func file(_ task: String, _ dept: String, _ day: String, _ text: String, progress: Int? = nil) throws {
            try p.apply(.addFeedback(UnitFeedback(task: task, time: day + "T09:30:00+08:00", user: "u", department: dept,
                                                  text: text, progress: progress)), task: task)
        }
        try file("1.1", "省质监局", "2014-09-25", "已完成统计分析制度初稿", progress: 60)
        try file("1.2", "省质监局", "2014-10-12", "计量设施建设推进中")
        try file("2.2", "省工商局", "2014-09-30", "已完成", progress: 100)
        return p
    }

    func make(_ lang: Language = .zh, session: SessionInfo = SessionInfo(user: "chief", role: .office, readOnly: false),
              width: Int = 80, height: Int = 24) throws -> (DashboardApp, MemoryBackend) {
        let b = MemoryBackend([try Self.plan()], session: session, today: Day("2014-10-01")!)
        b.clock = "2014-10-01T10:00:00+08:00"
        let a = DashboardApp(backend: b, language: lang, initialPlan: nil, ascii: false)
        _ = a.render(width: width, height: height)
        return (a, b)
    }

    func pad(_ s: String, _ w: Int) -> String { s.padded(toWidth: w) }

    @Test func departmentsAt80x24() throws {
        let (a, _) = try make()
        a.press(.char("R"))
        let f = a.render(width: 80, height: 24)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        #expect(f.rowText(2).hasPrefix("┌ 报送情况 · 2014年三季度 · 截止 2014-10-10 ─"))
        #expect(f.rowText(3) == "│" + pad("应报 13  已报 3（按时 2，逾期 1）  未报 10", 78) + "│")
        #expect(f.rowText(4).hasSuffix("应报 按时 逾期 未报 催办│"))
        #expect(f.rowText(5) == "│" + pad("省质监局", 54) + "   3    1    1    1    0│")
        #expect(f.rowText(11).hasPrefix("│省工商局") && f.rowText(11).hasSuffix("1    1    0    0    0│"))
        #expect(f[5, 1].style == .selected)
        #expect(f.rowText(23).hasPrefix(" Esc 返回  Enter 未报事项 / 任务详情  f 报送情况反馈  c 催办所选单位"))
    }

    @Test func sortedByMissingAndADepartmentsItems() throws {
        let (a, _) = try make()
        a.press(.char("R"), .char("o"))
        var f = a.render(width: 80, height: 24)
        // Two missing each: 省财政厅 before 省工业和信息化委, as in the plan.
        #expect(f.rowText(3).contains("按未报数排序"))
        #expect(f.rowText(5).hasPrefix("│省财政厅") && f.rowText(5).hasSuffix("2    0    0    2    0│"))
        #expect(f.rowText(6).hasPrefix("│省工业和信息化委"))
        #expect(f.rowText(13).hasPrefix("│省工商局"))
        // The cursor stayed on 省质监局 through the sort; to the top, then in.
        #expect(f.rowText(7).hasPrefix("│省质监局") && f[7, 1].style == .selected)
        a.press(.char("g"), .enter)
        f = a.render(width: 80, height: 24)
        #expect(f.rowText(2).hasPrefix("┌ 省财政厅 未报事项（2）"))
        #expect(f.rowText(5).hasPrefix("│1.2    加强计量基础设施建设") && f.rowText(5).hasSuffix("2014-03-31    0│"))
        #expect(f.rowText(6).hasPrefix("│3.1    加大财政投入"))
        a.press(.escape)
        f = a.render(width: 80, height: 24)
        #expect(f.rowText(2).hasPrefix("┌ 报送情况") && f[5, 1].style == .selected && f.rowText(5).hasPrefix("│省财政厅"))
        a.press(.char("v"))
        f = a.render(width: 80, height: 24)
        #expect(f.rowText(2).hasPrefix("┌ 按任务：尚未报送的单位"))
        #expect(f.rowText(5).hasPrefix("│1.1    建立质量统计分析制度") && f.rowText(5).contains("省统计局"))
        #expect(f.rowText(6).contains("省发展改革委、省财政厅"))
        // Enter on a task opens its detail.
        a.press(.enter)
        #expect(a.isShowingDetail && a.selectedTaskKey == "1.1")
    }

    @Test func countsChangeLiveWhenAnotherUnitFiles() throws {
        let (a, b) = try make()
        a.press(.char("R"))
        b.external(.addFeedback(UnitFeedback(task: "1.1", time: "2014-09-28T15:00:00+08:00", user: "tongji",
                                             department: "省统计局", text: "已报送统计数据")),
                   plan: "gansu-2014", task: "1.1", user: "tongji", time: "2014-09-28T15:00:00+08:00")
        _ = a.handle(.tick)
        let f = a.render(width: 80, height: 24)
        #expect(f.rowText(3).hasPrefix("│应报 13  已报 4（按时 3，逾期 1）  未报 9"))
        #expect(f.rowText(6).hasPrefix("│省统计局") && f.rowText(6).hasSuffix("1    1    0    0    0│"))
    }

    @Test func theOfficeChasesTheSelectedDepartmentAndTheCountShows() throws {
        let (a, b) = try make()
        a.press(.char("R"), .down, .down, .down)   // 省财政厅
        a.press(.char("c"))
        let chase = try #require(b.journal.last)
        #expect(chase.field == "chase:省财政厅")
        #expect(chase.new["items"]?.array?.count == 2)
        let f = a.render(width: 80, height: 24)
        #expect(f.rowText(8).hasPrefix("│省财政厅") && f.rowText(8).hasSuffix("2    0    0    2    1│"))
        a.press(.char("v"))
        let g = a.render(width: 80, height: 24)
        #expect(g.rowText(6).hasPrefix("│1.2") && g.rowText(6).hasSuffix("1│"))
    }

    @Test func aReporterFilesForItsOwnUnitAndCannotChase() throws {
        let session = SessionInfo(user: "tongji", role: .reporter(departments: ["省统计局"]), readOnly: false)
        let (a, b) = try make(session: session)
        // A reporting unit's session starts on its tasks: Esc shows the whole plan.
        a.press(.escape)
        a.press(.char("R"), .char("c"))
        #expect(b.journal.isEmpty)
        #expect(a.noticeText?.contains("只有督办办公室") == true)
        a.press(.escape)
        // From task 1.1's detail: text, then its own progress.
        a.press(.char("2"), .enter)
        #expect(a.isShowingDetail && a.selectedTaskKey == "1.1")
        a.press(.char("f"))
        a.type("统计数据已报送")
        a.press(.enter)
        a.type("80")
        a.press(.enter)
        let e = try #require(b.journal.last)
        #expect(e.field == "feedback" && e.task == "1.1")
        #expect(e.new["department"]?.string == "省统计局" && e.new["progress"]?.int == 80 && e.new["user"]?.string == "tongji")
        // 2.2 has no role for 省统计局: refused before typing.
        a.press(.escape, .down, .down, .down)
        #expect(a.selectedTaskKey == "2.2")
        a.press(.enter, .char("f"))
        #expect(a.noticeText?.contains("没有职责") == true)
        #expect(b.journal.count == 1)
    }

    @Test func theOfficeChoosesTheUnitAndTheDetailShowsEachUnit() throws {
        let (a, b) = try make(width: 120, height: 40)
        a.press(.char("2"), .down, .enter)
        #expect(a.selectedTaskKey == "1.2")
        var f = a.render(width: 120, height: 40)
        #expect(f.row(containing: "各单位情况反馈") != nil)
        #expect(f.row(containing: "省发展改革委：从未报送") != nil && f.row(containing: "省财政厅：从未报送") != nil)
        #expect(f.row(containing: "计量设施建设推进中") != nil)
        a.press(.char("f"))
        f = a.render(width: 120, height: 40)
        #expect(f.row(containing: "代哪个单位报送 1.2") != nil)
        a.press(.down, .enter)
        a.type("已安排资金")
        a.press(.enter, .enter)
        let e = try #require(b.journal.last)
        #expect(e.new["department"]?.string == "省发展改革委" && e.new["progress"] == nil)
        f = a.render(width: 120, height: 40)
        #expect(f.row(containing: "省发展改革委：从未报送") == nil && f.row(containing: "已安排资金") != nil)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
    }

    @Test func englishAt120x40() throws {
        let (a, _) = try make(.en, width: 120, height: 40)
        a.press(.char("R"))
        let f = a.render(width: 120, height: 40)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        #expect(f.rowText(2).hasPrefix("┌ Reporting · 2014年三季度 · due 2014-10-10 ─"))
        #expect(f.rowText(3).hasPrefix("│expected 13  reported 3 (on time 2, late 1)  missing 10"))
        #expect(f.rowText(4).hasSuffix("Exp. On time Late Miss. Chased│"))
        #expect(f.rowText(38).hasPrefix("└"))
    }

    @Test func everySizeKeepsTheColumnsAtTheRightEdge() throws {
        for (w, h) in [(80, 24), (120, 40)] {
            for lang in [Language.zh, .en] {
                let (a, _) = try make(lang, width: w, height: h)
                a.press(.char("R"))
                let f = a.render(width: w, height: h)
                #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h) \(lang)")
                #expect(f.column(of: "省质监局", row: 5) == 1)
                #expect(f.rowText(5).hasSuffix("3    1    1    1    0│") || f.rowText(5).hasSuffix("3       1    1     1      0│"), "\(f.rowText(5))")
            }
        }
    }

    @Test func theDerivedProgressOfAJointTaskShowsInTheDetail() throws {
        var p = try Self.plan()
        p.insert(PlanTask(key: "3.3", number: "三", section: 2, title: "联合推进", text: "联合推进。",
                          assignments: [Assignment(department: "省财政厅", role: .joint), Assignment(department: "省统计局", role: .joint)],
                          due: Day("2014-12-31")!, status: .inProgress, progress: 5))
        try p.apply(.addFeedback(UnitFeedback(task: "3.3", time: "2014-09-25T09:00:00+08:00", user: "u", department: "省财政厅",
                                              text: "完成", progress: 100)), task: "3.3")
        let b = MemoryBackend([p], today: Day("2014-10-01")!)
        let a = DashboardApp(backend: b, language: .zh, initialPlan: nil, ascii: false)
        _ = a.render(width: 120, height: 40)
        a.press(.char("2"), .char("G"), .enter)
        #expect(a.selectedTaskKey == "3.3")
        let f = a.render(width: 120, height: 40)
        #expect(f.row(containing: "综合进度（按各共同负责单位反馈）：50%，1/2 个单位已完成") != nil)
    }

    @Test func theKioskShowsTheRoundOnlyWhileItIsOpen() throws {
        let b = MemoryBackend([try Self.plan()], today: Day("2014-10-01")!)
        let clock = TestClock()
        let k = KioskApp(backend: b, language: .zh, interval: 10, exitKey: nil, ascii: false, now: clock.now)
        var pages: [KioskPage] = []
        for _ in 0..<12 {
            _ = k.render(width: 80, height: 24)
            pages.append(k.currentPage)
            if k.currentPage == .reporting {
                let f = k.render(width: 80, height: 24)
                #expect(f.rowText(2).hasPrefix("┌ 报送情况 · 2014年三季度"))
                // Most missing first.
                #expect(f.rowText(5).hasPrefix("│省财政厅"))
            }
            clock.advance(10)
            _ = k.handle(.tick)
        }
        #expect(pages.contains(.reporting))
        var closed = try Self.plan()
        var r = closed.supervision.openRound!
        r.closedAt = "2014-10-20T09:00:00+08:00"
        try closed.apply(.setRound(r), task: "")
        let k2 = KioskApp(backend: MemoryBackend([closed], today: Day("2014-10-01")!), language: .zh, interval: 10,
                          exitKey: nil, ascii: false, now: clock.now)
        var seen: [KioskPage] = []
        for _ in 0..<12 { seen.append(k2.currentPage); clock.advance(10); _ = k2.handle(.tick) }
        #expect(!seen.contains(.reporting))
    }
}
