import Foundation
import Testing
import PlanModel
import PlanStore
import DashboardStore
@testable import Dashboard

/// The duty roster of the sample store (seed 003) beside a department's tasks.
@Suite struct RosterDisplayTests {
    func app(_ language: Language = .zh) throws -> (DashboardApp, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-roster-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: StoreBackendScreenTests.sampleStore, toPath: dir)
        let backend = StoreBackend(store: try Store.open(dir, readOnly: true), today: nil)
        return (DashboardApp(backend: backend, language: language, initialPlan: "gansu-2014"), dir)
    }

    func select(_ a: DashboardApp, _ department: String) throws {
        a.press(.char("3"), .char("g"))
        let i = try #require(a.state.data?.rollup.workloads.firstIndex { $0.department == department })
        for _ in 0..<i { a.press(.down) }
    }

    @Test func departmentsPaneCountsTheSelectedDepartmentsDuties() throws {
        let (a, dir) = try app()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try select(a, "省交通运输厅")
        let f = a.render(width: 120, height: 40)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        // Counted in the pane's border (the text would cost a line per move).
        #expect(f.row(containing: "职责 2 条（D 查看）") != nil)
        try select(a, "省水利厅")
        #expect(a.render(width: 120, height: 40).row(containing: "职责 1 条（D 查看）") != nil)
        // A department the roster does not name: no count.
        try select(a, "省新闻出版广电局")
        #expect(a.render(width: 120, height: 40).row(containing: "（D 查看）") == nil)
    }

    @Test func departmentViewListsDutiesAboveTheTasks() throws {
        let (a, dir) = try app()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try select(a, "省质监局")
        a.press(.char("D"))
        guard case .department(_, let v?, _) = a.state.screen else { Issue.record("no department view"); return }
        let f = a.render(width: 120, height: 40)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        let duties = try #require(f.row(containing: "职责：1. 按照国家质量工作方针"))
        // The tasks follow the duties, all of them still reachable.
        let header = try #require((duties..<f.height).first { f.rowText($0).contains("计划") && f.rowText($0).contains("编号") })
        #expect(header > duties, "\((0..<f.height).map { f.rowText($0) }.joined(separator: "\n"))")
        #expect(v.entries.count == 59)
        let small = a.render(width: 80, height: 24)
        #expect(small.rowsHaveExactWidth() && small.wideGlyphsWhole())
        #expect(small.row(containing: "职责：") != nil)
    }

    @Test func transportsOwnSentenceIsItsAlone() throws {
        let (a, dir) = try app(.en)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(a.state.duties(of: "省交通运输厅").count == 2)
        #expect(a.state.duties(of: "省水利厅").count == 1)
        #expect(a.state.duties(of: "省水利厅").first?.hasPrefix("按照《中华人民共和国建筑法》") == true)
        try select(a, "省交通运输厅")
        a.press(.char("D"))
        let f = a.render(width: 160, height: 40)
        let row = try #require(f.row(containing: "Duties: 1. "))
        #expect((row..<min(row + 10, f.height)).contains { f.rowText($0).contains("省交通运输厅要") })
    }
}
