import Foundation
import Testing
import PlanModel
import TextWidth
@testable import Dashboard

/// What an office sees: columns for every role, a unit for every task, bars
/// only where there is progress, names kept whole, and the kiosk's rotation.
@Suite struct OfficeViewTests {
    /// A plan in the 2014 Hebei manner: no lead anywhere, each unit answers for
    /// its part, the cities implement; its first section has no tasks.
    static func jointPlan() -> Plan {
        let end = Day("2014-12-31")!
        func j(_ names: [String], implement: [String] = []) -> [Assignment] {
            names.map { Assignment(department: $0, role: .joint) } + implement.map { Assignment(department: $0, role: .implement) }
        }
        let tasks = [
            PlanTask(key: "2.1", number: "一", section: 1, title: "加强食品药品质量安全监管", text: "加强食品药品质量安全监管。",
                     assignments: j(["省食品药品监管局", "省农业厅"], implement: ["各市州人民政府"]), due: end, status: .inProgress, progress: 50),
            PlanTask(key: "2.2", number: "二", section: 1, title: "促进大气环境质量改善", text: "促进大气环境质量改善。",
                     assignments: j(["省环境保护厅"], implement: ["各市州人民政府"]), due: end, status: .done, progress: 100),
            PlanTask(key: "2.3", number: "三", section: 1, title: "整顿和规范市场竞争秩序", text: "整顿和规范市场竞争秩序。",
                     assignments: j(["省商务厅", "省工商局", "省质监局", "省公安厅"]), due: end, status: .notStarted),
        ]
        return Plan(id: "hebei-2014", title: "河北省2014年行动计划", period: Period(start: Day("2014-01-01")!, end: end),
                    sections: [Section(number: "一", title: "总体要求"), Section(number: "二", title: "重点任务")], tasks: tasks)
    }

    func app(_ plans: [Plan], lang: Language = .zh) -> (DashboardApp, MemoryBackend) {
        let b = MemoryBackend(plans)
        return (DashboardApp(backend: b, language: lang, initialPlan: nil, ascii: false), b)
    }

    @Test func departmentsPaneCountsImplementers() {
        let (a, _) = app([Self.jointPlan()])
        a.press(.char("3"))
        let f = a.render(width: 80, height: 24)
        let head = f.row(containing: "牵  配")!
        #expect(f.rowText(head).contains("牵  配  共  实  完  逾"))
        let row = f.row(containing: "各市州人民政府")!
        // lead 0, cooperate 0, joint 0, implement 2, done 1, overdue 0
        #expect(f.rowText(row).contains("   0   0   0   2   1   0 "))
        // A plan without implementers keeps its five columns.
        let (b, _) = app([Sample.plan()])
        b.press(.char("3"))
        let g = b.render(width: 80, height: 24)
        #expect(g.text.contains("牵  配  共  完  逾") && !g.text.contains("  实  "))
    }

    @Test func aTaskWithNoLeadShowsItsFirstJointUnit() {
        let (a, _) = app([Self.jointPlan()])
        let f = a.render(width: 160, height: 40)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        for (key, unit) in [("2.1", "共·省食品药品监管局"), ("2.2", "共·省环境保护厅"), ("2.3", "共·省商务厅")] {
            let row = f.row(containing: key + "  ")!
            #expect(f.rowText(row).contains(unit), "\(key): \(f.rowText(row))")
        }
        let (e, _) = app([Self.jointPlan()], lang: .en)
        #expect(e.render(width: 120, height: 40).text.contains("J·省环境保护厅"))
    }

    @Test func aSectionWithNoTasksHasNoBar() {
        let (a, _) = app([Self.jointPlan()])
        let f = a.render(width: 120, height: 40)
        let sections = f.row(containing: "一、总体要求")!
        let line = f.rowText(sections)
        #expect(!line.contains("░") && !line.contains("0%") && line.contains("—"))
        #expect(f.rowText(f.row(containing: "二、重点任务")!).contains("█"))
        // The completion pane's per-section gauges too.
        let gauges = (0..<40).filter { f.rowText($0).contains("总体要求") }
        #expect(gauges.count == 2)
        for r in gauges { #expect(!f.rowText(r).contains("░") && !f.rowText(r).contains(" 0%")) }
    }

    @Test func unitNamesAreNeverCutWhenAWholeOneFits() {
        let (a, _) = app([Self.jointPlan(), Sample.plan()])
        for width in [80, 100, 120, 160, 200] {
            let f = a.render(width: width, height: 30)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
            let row = f.row(containing: "2.3  ")!
            // Four units: as many whole names as fit, then 等; never half a name.
            let text = f.rowText(row)
            #expect(text.contains("共·省商务厅"), "\(width): \(text)")
            #expect(!text.contains("…"), "\(width): \(text)")
        }
        // Wide enough, every unit shows, next to a title column no wider than its titles need.
        let f = a.render(width: 200, height: 30)
        #expect(f.rowText(f.row(containing: "2.3  ")!).contains("共·省商务厅、省工商局、省质监局、省公安厅"))
    }

    @Test func unitsGetTheColumnsTitlesLeaveAt200() {
        var p = Sample.plan()
        p.modifyTask("1.2") { $0.assignments = ["省质监局", "省发展改革委", "省财政厅"].map { Assignment(department: $0, role: .lead) } }
        let (a, _) = app([p], lang: .en)
        let f = a.render(width: 200, height: 50)
        let row = f.rowText(f.row(containing: "1.2  ")!)
        #expect(row.contains("省质监局、省发展改革委、省财政厅 ● active"))
    }

    @Test func theHistoryShowsANoteAddedNotACount() {
        let (a, b) = app([Sample.plan()], lang: .en)
        a.press(.char("n"))
        a.type("已完成")
        a.press(.enter, .enter)
        _ = b
        let f = a.render(width: 100, height: 40)
        let line = f.rowText(f.row(containing: "zhang note")!)
        #expect(line.contains("note: + 已完成"))
        #expect(!line.contains("0 →"))
    }

    @Test func loweringADoneTasksProgressReopensIt() throws {
        var p = Sample.plan()
        try p.apply(.setProgress(60), task: "2.2")   // 2.2 is done
        #expect(p.task("2.2")!.status == .inProgress && p.task("2.2")!.effectiveProgress == 60)
        try p.apply(.setProgress(100), task: "2.2")
        #expect(p.task("2.2")!.status == .inProgress)    // 100% is not closure: the status says done
        try p.apply(.setStatus(.done), task: "2.2")
        #expect(p.task("2.2")!.effectiveProgress == 100)
        // In the dashboard: the detail view and the table show what was entered.
        let (a, b) = app([Sample.plan()], lang: .en)
        a.press(.char("G"))
        while a.selectedTaskKey != "2.2" { a.press(.up) }
        a.press(.enter, .char("e"), .ctrl("u"))
        a.type("60")
        a.press(.enter)
        #expect(b.plans["gansu-2014"]!.task("2.2")!.status == .inProgress)
        #expect(a.noticeText == "saved: 2.2 progress (the task is open again)")
        let f = a.render(width: 100, height: 40)
        #expect(f.text.contains("Status: in progress   Progress: 60%"))
    }
}

/// The kiosk goes through every plan in turn, or the ones it was given.
@Suite struct KioskRotationTests {
    func pages(_ k: KioskApp, _ clock: TestClock, steps: Int) -> [(String?, KioskPage)] {
        var out: [(String?, KioskPage)] = [(k.currentPlan, k.currentPage)]
        for _ in 0..<steps {
            clock.advance(15)
            _ = k.handle(.tick)
            out.append((k.currentPlan, k.currentPage))
        }
        return out
    }

    @Test func rotatesThroughEveryPlan() {
        let b = MemoryBackend([Sample.plan(), Sample.second()])
        let clock = TestClock()
        let k = KioskApp(backend: b, language: .en, interval: 15, exitKey: nil, ascii: false, now: clock.now)
        // gansu-2014: overview, 3 sections, departments, completion, overdue; gansu-2015: overview, 1 section, 3 more.
        let seen = pages(k, clock, steps: 13)
        #expect(seen.map(\.0) == Array(repeating: "gansu-2014", count: 7) + Array(repeating: "gansu-2015", count: 5) + ["gansu-2014", "gansu-2014"])
        #expect(seen[7].1 == .overview && seen[12].0 == "gansu-2014" && seen[12].1 == .overview)
        clock.advance(0)
        let f = k.render(width: 120, height: 40)
        #expect(f.rowText(39).hasPrefix(" plan 1/2 · view 2/7 · "))
        #expect(f.rowText(0).contains("甘肃省质量发展纲要2014年行动计划"))
    }

    @Test func onlyTheNamedPlans() {
        let b = MemoryBackend([Sample.plan(), Sample.second()])
        let clock = TestClock()
        let k = KioskApp(backend: b, language: .en, interval: 15, exitKey: nil, ascii: false, now: clock.now, plans: ["gansu-2015"])
        #expect(pages(k, clock, steps: 12).allSatisfy { $0.0 == "gansu-2015" })
        #expect(!k.render(width: 120, height: 40).rowText(39).contains("plan "))
    }

    @Test func aLastChangeBeforeTodayShowsItsDate() {
        let b = MemoryBackend([Sample.plan()])
        let clock = TestClock("2014-07-02T02:00:00Z")
        b.external(.setProgress(90), plan: "gansu-2014", task: "1.1", user: "li", time: "2014-06-30T10:45:00+08:00")
        let k = KioskApp(backend: b, language: .en, interval: 15, exitKey: nil, ascii: false, now: clock.now)
        #expect(k.render(width: 120, height: 40).rowText(1).hasSuffix("last updated 2014-06-30 10:45 by li "))
        let z = KioskApp(backend: b, language: .zh, interval: 15, exitKey: nil, ascii: false, now: clock.now)
        #expect(z.render(width: 120, height: 40).rowText(1).hasSuffix("最后更新 2014-06-30 10:45 · li "))
    }
}

@Suite struct AssignmentListTests {
    @Test func linesBreakBetweenNamesNeverInside() {
        let names = ["省工信委", "省商务厅", "省工商局", "省食品药品监管局", "省旅游局", "甘肃出入境检验检疫局"]
        for width in [12, 20, 27, 40, 76] {
            let lines = DetailView.listLines("配合：", names, width: width)
            #expect(lines.allSatisfy { $0.displayWidth <= width }, "\(width): \(lines)")
            #expect(lines.joined() == "配合：" + names.joined(separator: "、"), "\(width)")
            // Every name is whole on one line.
            for n in names where n.displayWidth <= width { #expect(lines.contains { $0.contains(n) }, "\(width): \(n) split in \(lines)") }
        }
        #expect(DetailView.listLines("配合：", ["一个非常非常长的单位名称"], width: 8).allSatisfy { $0.displayWidth <= 8 })
    }
}
