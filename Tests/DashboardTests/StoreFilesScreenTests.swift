import Foundation
import Testing
import PlanStore
import DashboardStore
@testable import Dashboard

/// The dashboard and the kiosk on a real store with a file that is not a
/// plan, or access rules that do not parse.
@Suite struct StoreFilesScreenTests {
    func copy() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-files-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: StoreBackendScreenTests.sampleStore, toPath: dir)
        return dir
    }

    /// A refusal names the file, line and column at fault, not the user.
    @Test func brokenAccessRulesAreNamedOnScreen() throws {
        let dir = try copy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "{\"office\": [\"wangli\",\n}".write(toFile: dir + "/access.json", atomically: true, encoding: .utf8)
        let a = DashboardApp(backend: StoreBackend(store: try Store.open(dir, readOnly: false), today: nil), language: .zh,
                             initialPlan: "gansu-2014")
        _ = a.render(width: 120, height: 40)
        a.press(.char("2"), .char("e"))
        let notice = a.state.notice?.text ?? ""
        #expect(notice.contains(dir + "/access.json:2:1") && !notice.contains("may only view"), "\(notice)")
    }

    @Test func aStrayJSONFileDoesNotBlankTheKiosk() throws {
        let dir = try copy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Sorted before every plan, as someone's notes might be.
        try "{\"todo\": [\"催办\"]}\n".write(toFile: dir + "/a-notes.json", atomically: true, encoding: .utf8)
        let store = try Store.open(dir, readOnly: true)
        #expect(store.warnings.contains { $0.contains("a-notes.json: not a plan") })
        let backend = StoreBackend(store: store, today: nil, kiosk: true, language: .en)
        #expect(backend.warnings.contains { $0.contains("a-notes.json: not a plan") })
        let kiosk = KioskApp(backend: backend, language: .zh, interval: 15, exitKey: nil, ascii: false)
        let f = kiosk.render(width: 120, height: 40)
        let text = (0..<40).map { f.rowText($0) }.joined(separator: "\n")
        #expect(text.contains("甘肃省贯彻实施质量发展纲要2014年行动计划"), "\(text)")
    }

    /// The store's warnings reach the screen: counted in the header of both,
    /// named in the dashboard's footer when it starts and along the kiosk's footer.
    @Test func storeWarningsAreShownInTheDashboardAndTheKiosk() throws {
        let dir = try copy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "{\"todo\": [\"催办\"]}\n".write(toFile: dir + "/a-notes.json", atomically: true, encoding: .utf8)
        // The store's warning in English (what the assertion quotes) inside the Chinese dashboard.
        let a = DashboardApp(backend: StoreBackend(store: try Store.open(dir, readOnly: false), today: nil, language: .en), language: .zh,
                             initialPlan: "gansu-2014")
        var f = a.render(width: 120, height: 40)
        #expect(f.rowText(0).contains("存储警告 1 条"), "\(f.rowText(0))")
        #expect(f.rowText(39).contains("存储警告：") && f.rowText(39).contains("a-notes.json: not a plan"), "\(f.rowText(39))")
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())

        let kiosk = KioskApp(backend: StoreBackend(store: try Store.open(dir, readOnly: true), today: nil, kiosk: true),
                             language: .en, interval: 15, exitKey: nil, ascii: false)
        f = kiosk.render(width: 120, height: 40)
        #expect(f.rowText(0).contains("1 store warning"), "\(f.rowText(0))")
        #expect(f.rowText(39).contains("store warning: ") && f.rowText(39).contains("a-notes.json"), "\(f.rowText(39))")
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
    }

    /// A warning that appears later is announced on the next tick, and the count follows it.
    @Test func aNewWarningIsAnnouncedOnTheNextTick() {
        let b = MemoryBackend([Sample.plan()])
        let clock = TestClock()
        let a = DashboardApp(backend: b, language: .en, initialPlan: nil, ascii: false, now: clock.now)
        #expect(!a.render(width: 120, height: 40).rowText(0).contains("warning"))
        b.warnings = ["gansu-2014.journal.jsonl: ignoring a torn last line"]
        _ = a.handle(.tick)
        let f = a.render(width: 120, height: 40)
        #expect(f.rowText(0).contains("1 store warning"))
        #expect(a.noticeText == "store warning: gansu-2014.journal.jsonl: ignoring a torn last line")
        b.warnings.append("notes.json: not a plan")
        clock.advance(10)
        _ = a.handle(.tick)
        #expect(a.render(width: 120, height: 40).rowText(0).contains("2 store warnings"))
        #expect(a.noticeText == "store warning: notes.json: not a plan")
    }
}
