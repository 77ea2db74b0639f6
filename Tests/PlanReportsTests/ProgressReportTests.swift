import Foundation
import PlanModel
import Testing
import TextWidth
@testable import PlanReports

@Suite struct ProgressReportTests {
    let report = ProgressReport(plan: Fixture.plan(), evaluation: Fixture.evaluation, noteDays: 30)

    @Test func summaryCounts() {
        let s = report.summary
        #expect(s.total == 5)
        #expect(s.count(.done) == 2 && s.count(.inProgress) == 2 && s.count(.behind) == 1 && s.count(.notStarted) == 0)
        #expect(s.count(.red) == 1 && s.count(.yellow) == 1 && s.count(.green) == 3)
        // (100 + 100 + 50 + 30 + 10) / 5
        #expect(s.completion == 58)
    }

    @Test func sectionRows() {
        #expect(report.sections.map(\.tally.total) == [3, 2])
        #expect(report.sections.map { $0.tally.count(.red) } == [0, 1])
        #expect(abs(report.sections[0].tally.completion - 250.0 / 3) < 1e-9)
        #expect(report.sections[1].tally.completion == 20)
    }

    @Test func departmentRows() {
        let d = Dictionary(uniqueKeysWithValues: report.departments.map { ($0.department, $0) })
        #expect(report.departments.map(\.department) == ["省质监局", "省工商局", "省商务厅"])
        let zj = d["省质监局"]!
        #expect([Int]([zj.lead, zj.cooperate, zj.joint, zj.total, zj.done, zj.inProgress, zj.overdue]) == [2, 1, 1, 4, 2, 1, 0])
        let gs = d["省工商局"]!
        #expect([Int]([gs.lead, gs.cooperate, gs.joint, gs.total, gs.done, gs.inProgress, gs.overdue]) == [1, 1, 1, 3, 1, 1, 1])
    }

    @Test func attentionListsOverdueThenBehindWithLatestNote() {
        #expect(report.attention.map(\.key) == ["2.1", "2.2"])
        #expect(report.attention[0].light == .red && report.attention[0].latestNote?.text == "启动")
        #expect(report.attention[1].others == ["省工商局", "省质监局"])
    }

    @Test func recentNotesOnlyWithinTheWindow() {
        #expect(report.recentNotes.map(\.key) == ["1.3"])
        let wider = ProgressReport(plan: Fixture.plan(), evaluation: Fixture.evaluation, noteDays: 200)
        #expect(wider.recentNotes.map(\.key) == ["1.3", "2.1"])
    }

    @Test func markdownHasTablesWithTheNumbers() {
        let md = report.render(.md)
        #expect(md.hasPrefix("# 进度报告：测试省2014年行动计划\n"))
        #expect(md.contains("| 5 | 2 | 2 | 0 | 1 | 1 | 1 | 3 | 58% |"))
        #expect(md.contains("| 一、强化质量基础 | 3 | 2 | 1 | 0 | 83.3% |"))
        #expect(md.contains("| 省工商局 | 1 | 1 | 1 | 0 | 3 | 1 | 1 | 1 |"))
        #expect(md.contains("| 2.1 | 开展质量提升行动 | 红灯 | 进行中 | 30% | 2014-09-01 | 省工商局 |  | 2014-05-02 启动 |"))
        // A pipe in a cell must not break the table.
        var p = Fixture.plan()
        p.modifyTask("2.1") { $0.title = "A|B" }
        #expect(ProgressReport(plan: p, evaluation: Fixture.evaluation).render(.md).contains("A\\|B"))
    }

    @Test func englishHeadings() {
        let md = report.render(.md, english: true)
        #expect(md.contains("## By department"))
        #expect(md.contains("| 2.1 | 开展质量提升行动 | red | in progress |"))
    }

    @Test func plainTextAlignsCJKByDisplayWidth() {
        let txt = report.render(.txt)
        let lines = txt.split(separator: "\n").map(String.init)
        guard let h = lines.firstIndex(where: { $0.hasPrefix("部门") }) else {
            Issue.record("no department table"); return
        }
        // Header, rule and three rows; numbers align right, so with CJK names every
        // line has the same display width, and the numbers end in the same column.
        let rows = Array(lines[h...(h + 4)])
        #expect(Set(rows.map(\.displayWidth)).count == 1, "widths differ: \(rows)")
        #expect(rows[2].hasPrefix("省质监局") && rows[2].hasSuffix(" 0"))
    }

    @Test func csvParsesBackWithAnIndependentReader() throws {
        let csv = report.render(.csv)
        #expect(csv.hasPrefix("\u{FEFF}"))
        #expect(csv.contains("\r\n"))
        let rows = try CSVReader.python(csv)
        #expect(rows.count == 6)
        #expect(rows[0].first == "plan")
        // Keys are written as constant text formulas (="1.2"), as a spreadsheet shows them.
        #expect(rows.dropFirst().allSatisfy { $0[1].hasPrefix("=\"") && $0[1].hasSuffix("\"") })
        let byKey = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { (String($0[1].dropFirst(2).dropLast()), $0) })
        #expect(byKey["1.2"]?[4] == "建立质量信用, 档案")
        #expect(byKey["1.3"]?[4] == "推进标准化\"示范\"")
        #expect(byKey["2.1"]?[7] == "红灯")
        #expect(byKey["2.2"]?[11] == "省工商局、省质监局")
        #expect(byKey["1.3"]?[14] == "已完成试点遴选")
        #expect(rows.allSatisfy { $0.count == rows[0].count })
    }
}
