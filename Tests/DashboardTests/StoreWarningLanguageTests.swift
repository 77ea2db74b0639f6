import Foundation
import Testing
import PlanModel
import PlanStore
import DashboardStore
@testable import Dashboard

/// What the store says on the dashboard and the kiosk follows their language.
@Suite struct StoreWarningLanguageTests {
    func copy() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-lang-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: StoreBackendScreenTests.sampleStore, toPath: dir)
        return dir
    }

    @Test func warningsReadOnlyReasonsAndFailuresInChineseByDefault() throws {
        let dir = try copy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "{\"todo\": [\"催办\"]}\n".write(toFile: dir + "/a-notes.json", atomically: true, encoding: .utf8)
        let kiosk = StoreBackend(store: try Store.open(dir, readOnly: true), today: nil, kiosk: true)
        #expect(kiosk.warnings.contains(dir + "/a-notes.json：不是计划（旁边没有日志，开头也不像快照）；已忽略"), "\(kiosk.warnings)")
        #expect(kiosk.session.readOnlyReason == "以只读方式打开")
        let english = StoreBackend(store: try Store.open(dir, readOnly: true), today: nil, kiosk: true, language: .en)
        #expect(english.warnings.contains { $0.hasPrefix(dir + "/a-notes.json: not a plan") }, "\(english.warnings)")
        #expect(english.session.readOnlyReason == "opened read-only")

        let writer = StoreBackend(store: try Store.open(dir, readOnly: false), today: nil)
        let plan = try writer.plan("gansu-2014")
        let key = try #require(plan.tasks.first?.key)
        let edit = Edit.addNote(Note(time: "", user: "", department: nil, text: "进展\u{1B}[2J"))
        #expect { try writer.commit(edit, plan: plan.id, task: key, expected: plan.currentValue(of: edit, task: key), force: true) }
            throws: { "\($0)".contains("控制字符 U+001B") }
    }
}
