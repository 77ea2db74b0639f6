import Foundation
import Testing
import PlanStore
import DashboardStore
@testable import Dashboard

/// The kiosk on a real store that holds a file which is not a plan.
@Suite struct KioskStoreTests {
    @Test func aStrayJSONFileDoesNotBlankTheKiosk() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-kiosk-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: StoreBackendScreenTests.sampleStore, toPath: dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Sorted before every plan, as someone's notes might be.
        try "{\"todo\": [\"催办\"]}\n".write(toFile: dir + "/a-notes.json", atomically: true, encoding: .utf8)
        let store = try Store.open(dir, readOnly: true)
        #expect(store.warnings.contains { $0.contains("a-notes.json: not a plan") })
        let kiosk = KioskApp(backend: StoreBackend(store: store, today: nil, kiosk: true), language: .zh, interval: 15,
                             exitKey: nil, ascii: false)
        let f = kiosk.render(width: 120, height: 40)
        let text = (0..<40).map { f.rowText($0) }.joined(separator: "\n")
        #expect(text.contains("甘肃省贯彻实施质量发展纲要2014年行动计划"), "\(text)")
    }
}
