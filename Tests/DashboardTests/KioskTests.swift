import Foundation
import ScreenKit
import Testing
import PlanModel
@testable import Dashboard

@Suite struct KioskTests {
    func make(exitKey: Character? = nil, lang: Language = .zh) -> (KioskApp, MemoryBackend, TestClock) {
        let b = MemoryBackend([Sample.plan()])
        let clock = TestClock()
        let k = KioskApp(backend: b, language: lang, interval: 15, exitKey: exitKey, ascii: false, now: clock.now)
        return (k, b, clock)
    }

    func hhmm(_ d: Date) -> String {
        let c = Calendar.current.dateComponents([.hour, .minute], from: d)
        return String(format: "%02d:%02d", c.hour!, c.minute!)
    }

    @Test func rotatesThroughViews() {
        let (k, _, clock) = make()
        var pages: [KioskPage] = [k.currentPage]
        var titles: [String] = []
        for _ in 0..<7 {
            let f = k.render(width: 120, height: 40)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
            titles.append(f.rowText(39))
            clock.advance(15)
            _ = k.handle(.tick)
            pages.append(k.currentPage)
        }
        #expect(pages == [.overview, .section(0), .section(1), .section(2), .departments, .completion, .overdue, .overview])
        #expect(titles[0].hasPrefix(" 第 1/7 屏 · 总览"))
        #expect(titles[1].hasPrefix(" 第 2/7 屏 · 一、强化质量基础"))
        #expect(titles[6].hasPrefix(" 第 7/7 屏 · 逾期任务"))
    }

    @Test func pagesShowTheirContent() {
        let (k, _, clock) = make(lang: .en)
        var f = k.render(width: 120, height: 40)
        #expect(f.column(of: " Sections ", row: 2) == 1)
        #expect(f.column(of: " Completion ", row: 2) == 55)
        clock.advance(30)  // section 二, reddest first: 2.3 (yellow) first
        _ = k.handle(.tick)
        f = k.render(width: 120, height: 40)
        #expect(f.column(of: " 二、推进质量提升 ", row: 2) == 1)
        #expect(f.rowText(4).hasPrefix("│2.3 "))
        clock.advance(60)
        _ = k.handle(.tick)
        f = k.render(width: 80, height: 24)
        #expect(f.rowText(2).contains(" Overdue "))
        #expect(f.rowText(4).hasPrefix("│1.2 "))
    }

    @Test func clockLastUpdateAndBadge() {
        let (k, b, clock) = make(lang: .en)
        var f = k.render(width: 120, height: 40)
        #expect(f.rowText(0).contains(hhmm(clock.date) + "   KIOSK  "))
        b.external(.setProgress(90), plan: "gansu-2014", task: "1.1", user: "li", time: "2014-06-30T10:45:00+08:00")
        clock.advance(1)
        _ = k.handle(.tick)
        f = k.render(width: 120, height: 40)
        #expect(f.rowText(1).hasSuffix("last updated 10:45 by li "))
        // The refreshed data is on screen (overall completion moved).
        #expect(f.rowText(0).contains("complete 39%"))
        clock.advance(60)
        _ = k.handle(.tick)
        #expect(k.render(width: 120, height: 40).rowText(0).contains(hhmm(clock.date)))
    }

    @Test func idleKioskDrawsIdenticalFrames() {
        let (k, _, clock) = make()
        let a = k.render(width: 120, height: 40)
        clock.advance(0.5)
        _ = k.handle(.tick)
        clock.advance(0.5)
        _ = k.handle(.tick)
        #expect(k.render(width: 120, height: 40) == a)
    }

    @Test func noKeyChangesAnythingOrExits() {
        let (k, b, _) = make()
        let before = b.plans
        var keys: [Key] = (32..<127).map { .char(Character(Unicode.Scalar($0)!)) }
        keys += [.enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right, .pageUp, .pageDown,
                 .home, .end, .function(1), .function(10)] + "cdzqu".map { .ctrl($0) }
        for key in keys { #expect(k.handle(.key(key)), "\(key)") }
        _ = k.handle(.click(row: 5, col: 5))
        #expect(b.plans == before && b.journal.isEmpty)
        // No selection bar, no editing hints.
        let f = k.render(width: 120, height: 40)
        #expect(!f.cells.contains { $0.style == .selected || $0.style == .selectedUnfocused })
        #expect(!f.text.contains("改状态") && !f.text.contains("退出"))
    }

    @Test func exitKeyOnly() {
        let (k, _, _) = make(exitKey: "x")
        #expect(k.handle(.key(.char("q"))))
        #expect(k.handle(.key(.escape)))
        #expect(k.handle(.key(.char("x"))) == false)
    }

    @Test func longListsAreCutIntoScreens() {
        let b = MemoryBackend([Sample.large(300)])
        let clock = TestClock()
        let k = KioskApp(backend: b, language: .en, interval: 10, exitKey: nil, ascii: false, now: clock.now)
        _ = k.handle(.resize(width: 80, height: 24))
        // Section 1 holds 30 tasks; 18 rows fit at 24 lines, so two screens.
        clock.advance(10)
        _ = k.handle(.tick)
        var f = k.render(width: 80, height: 24)
        #expect(k.currentPage == .section(0))
        #expect(f.rowText(2).contains(" 1、第1部分 质量工作 (1/2) "))
        #expect(f.rowText(4).hasPrefix("│1."))
        let firstScreen = Set((4..<22).map { f.rowText($0).prefix(8) })
        clock.advance(10)
        _ = k.handle(.tick)
        f = k.render(width: 80, height: 24)
        #expect(k.currentPage == .section(0))
        #expect(f.rowText(2).contains(" 1、第1部分 质量工作 (2/2) "))
        let second = (4..<16).map { f.rowText($0).prefix(8) }
        #expect(second.allSatisfy { !firstScreen.contains($0) })
        #expect(f.rowText(16).hasPrefix("│  "))  // 12 left on the second screen
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
    }

    @Test func tooSmallKiosk() {
        let (k, _, _) = make()
        for (w, h) in [(20, 6), (1, 1), (0, 0), (59, 40), (60, 16)] {
            let f = k.render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        }
        #expect(k.render(width: 20, height: 6).text.contains("终端太小"))
    }
}

@Suite struct LargePlanTests {
    /// Not a timing test: checks the cached lists stay right at 10,000 tasks.
    @Test func tenThousandTasks() {
        let plan = Sample.large(10_000)
        let b = MemoryBackend([plan])
        let a = DashboardApp(backend: b, language: .zh, initialPlan: nil, ascii: false)
        var f = a.render(width: 200, height: 60)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        #expect(f.rowText(2).contains("任务 10000/10000"))
        for _ in 0..<100 { a.press(.down) }
        a.press(.pageDown)
        f = a.render(width: 200, height: 60)
        #expect(f.row(containing: a.selectedTaskKey! + " ") != nil)
        a.press(.char("/"))
        a.type("任务999")
        let expected = plan.tasks.filter { ($0.title + $0.text).contains("任务999") }.count
        #expect(a.visibleTaskKeys.count == expected)
        a.press(.enter, .char("o"), .char("w"))
        #expect(a.visibleTaskKeys.allSatisfy { k in b.plans["big"]!.task(k)!.isOverdue(Evaluation(today: b.today)) })
        a.press(.char("c"))
        #expect(a.visibleTaskKeys.count == 10_000)
        let kiosk = KioskApp(backend: b, language: .en, interval: 15, exitKey: nil, ascii: false)
        #expect(kiosk.render(width: 200, height: 60).rowsHaveExactWidth())
    }
}
