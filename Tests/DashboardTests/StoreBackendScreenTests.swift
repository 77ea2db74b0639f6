import Foundation
import Testing
import PlanModel
import PlanReports
import PlanStore
import DashboardStore
@testable import Dashboard

/// The views on the real store: scoring rules and successions from its
/// settings, and an indicator value journaled by `Store.commit`.
@Suite struct StoreBackendScreenTests {
    static let sampleStore = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../SampleData/store").standardized.path

    func copy() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-views-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Self.sampleStore, toPath: dir)
        return dir
    }

    @Test func rankingDepartmentAndIndicatorOnTheSampleStore() throws {
        let dir = try copy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Store.open(dir, readOnly: false)
        let backend = StoreBackend(store: store, today: nil)
        #expect(backend.successions() == ["省质监局": "省市场监管局", "省工信委": "省工信厅"])
        #expect(try backend.scoringRules() == .standard)
        let a = DashboardApp(backend: backend, language: .zh, initialPlan: "gansu-2014")
        _ = a.render(width: 120, height: 40)

        // The same ranking as `duban assess`: two units with every task done on time share first place.
        a.press(.char("A"))
        guard case .assessment(let r?, _) = a.state.screen else { Issue.record("no ranking"); return }
        #expect(r.asOf == Day("2014-10-01"))
        // Worked out from the plan: units every task of which was done on time, never returned
        // nor chased, in order of first appearance (equal scores keep it).
        let p = try backend.plan("gansu-2014")
        var order: [String] = []
        for t in p.tasks { for a in t.assignments where !order.contains(a.department) { order.append(a.department) } }
        let chased = p.chaseCounts().departments
        let perfect = order.filter { d in
            p.tasks.filter { $0.involves(d) }.allSatisfy { p.doneTiming(of: $0) == .onTime && p.reviews.returns(task: $0.key).isEmpty }
                && chased[p.canonicalNames[d] ?? d] == nil
        }
        #expect(perfect.count >= 2 && perfect.first == "省新闻出版广电局")
        #expect(r.rows.prefix(2).map(\.department) == Array(perfect.prefix(2)))
        #expect(r.rows.prefix(2).map(\.rank) == [1, 1])
        let f = a.render(width: 120, height: 40)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        #expect(f.rowText(5).hasPrefix("│   1 省新闻出版广电局 "))
        #expect(f.rowText(5).hasSuffix(" 100.0    A│"))

        // 省质监局 followed into the plans that call it 省市场监管局.
        a.press(.escape, .char("3"))
        let i = try #require(a.state.data?.rollup.workloads.firstIndex { $0.department == "省质监局" })
        a.press(.char("g"))
        for _ in 0..<i { a.press(.down) }
        a.press(.char("D"))
        guard case .department(_, let v?, _) = a.state.screen else { Issue.record("no department view"); return }
        #expect(v.names == ["省市场监管局", "省质监局"])
        #expect(Set(v.entries.map(\.planID)) == ["gansu-2014", "gansu-2023-2025", "hebei-2014"])
        #expect(v.entries.count == 59)

        // An actual value recorded from the dashboard is a journal line.
        a.press(.escape, .char("p"))
        let ids = backend.planIDs()
        let target = try #require(ids.firstIndex(of: "gansu-2023-2025"))
        a.press(.char("g"))
        for _ in 0..<target { a.press(.down) }
        a.press(.enter)
        #expect(a.planID == "gansu-2023-2025")
        a.press(.char("I"), .enter)
        a.type("98.6")
        a.press(.enter)
        let journal = try String(contentsOfFile: dir + "/gansu-2023-2025.journal.jsonl", encoding: .utf8)
        let last = try #require(journal.split(separator: "\n").last)
        #expect(last.contains(#""task":"","field":"indicator:goal.1","old":null,"new":98.6"#))
        #expect(try Store.open(dir, readOnly: true).plan("gansu-2023-2025").indicators[0].met == true)
        let g = a.render(width: 120, height: 40)
        #expect(g.rowText(5).contains("98.6%") && g.rowText(5).contains("达标"))
    }
}
