import Foundation
import Testing
import PlanModel
import PlanStore
import DashboardStore
@testable import Dashboard

/// Importing from the dashboard: a file, its preview, then the store.
@Suite struct ImportFlowTests {
    static let doc = """
    某省2025年质量提升任务分工方案
    一、重点任务
    1.完善标准体系。制定地方标准。
    牵头单位：省甲厅；责任单位：省乙厅、省丙委
    完成时限：2025年6月底前
    2.加强计量能力建设。（省乙厅牵头，省甲厅配合）
    3.加强组织领导。（这里有一句读不懂的话）
    """

    func fixture(readOnly: Bool = false) throws -> (DashboardApp, Store, String, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-importflow-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: StoreBackendScreenTests.sampleStore, toPath: dir)
        let file = dir + "-plan.txt"
        try Self.doc.write(toFile: file, atomically: true, encoding: .utf8)
        let store = try Store.open(dir, readOnly: readOnly)
        let a = DashboardApp(backend: StoreBackend(store: store, today: nil), language: .zh, initialPlan: "gansu-2014")
        return (a, store, dir, file)
    }

    @Test func previewThenConfirmStoresThePlan() throws {
        let (a, store, dir, file) = try fixture()
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: file) }
        let before = store.planIDs()
        a.press(.char("i"))
        a.type(file)
        a.press(.enter)
        guard case .importPreview(let p?, _) = a.state.screen else { Issue.record("no preview: \(a.noticeText ?? "")"); return }
        #expect(p.plan.tasks.map(\.key) == ["1.1", "1.2", "1.3"])
        #expect(p.unreadKeys == ["1.3"])
        #expect(p.warnings.count == 1 && p.warnings[0].hasPrefix("第 7 行："))
        let f = a.render(width: 120, height: 40)
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        #expect(f.row(containing: "导入预览：某省2025年质量提升任务分工方案") != nil)
        let row = try #require(f.row(containing: "完善标准体系"))
        #expect(f.rowText(row).contains("省甲厅") && f.rowText(row).contains("共同：省乙厅、省丙委") && f.rowText(row).contains("2025-06-30 *"))
        #expect(f.row(containing: "第 7 行：") != nil)
        // Nothing is stored until the office confirms.
        #expect(store.planIDs() == before)
        a.press(.enter)
        #expect(store.planIDs().contains("plan-2025"))
        #expect(a.planID == "plan-2025")
        #expect(a.state.screen == nil)
        #expect(a.state.planIDs.contains("plan-2025"))
        #expect(a.noticeText?.contains("已导入 plan-2025") == true)
    }

    @Test func escapeLeavesTheStoreAlone() throws {
        let (a, store, dir, file) = try fixture()
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: file) }
        let before = store.planIDs()
        a.press(.char("i"))
        a.type(file)
        a.press(.enter, .escape)
        #expect(a.state.screen == nil)
        #expect(store.planIDs() == before)
        // A file that is not there: a message, no preview.
        a.press(.char("i"))
        a.type(file + ".missing")
        a.press(.enter)
        #expect(a.state.screen == nil)
        #expect(a.noticeText?.contains("no such file") == true || a.noticeText?.contains("失败") == true)
    }

    @Test func readOnlySessionsCannotImport() throws {
        let (a, store, dir, file) = try fixture(readOnly: true)
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: file) }
        let before = store.planIDs()
        a.press(.char("i"))
        #expect(a.state.overlay == nil)
        #expect(a.noticeText?.hasPrefix("不允许") == true)
        #expect(store.planIDs() == before)
    }
}
