import Foundation
import ScreenKit
import Testing
import PlanModel
@testable import Dashboard

/// W writes the report in view to a file and says where.
@Suite struct WriteReportTests {
    func make(_ session: SessionInfo = SessionInfo(user: "zhang", role: .office, readOnly: false),
              lang: Language = .zh) throws -> (DashboardApp, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-write-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let b = MemoryBackend([Sample.plan(), Sample.second()], session: session)
        let a = DashboardApp(backend: b, language: lang, initialPlan: nil, ascii: false, now: TestClock().now, exportDirectory: dir)
        _ = a.render(width: 120, height: 40)
        return (a, dir)
    }

    func files(_ dir: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

    @Test func chosenFormatIsWrittenAndTheFooterSaysWhere() throws {
        let (a, dir) = try make()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        a.press(.char("W"))
        let menu = a.render(width: 120, height: 40)
        #expect((0..<menu.height).contains { menu.rowText($0).contains("2 xlsx") })
        a.press(.char("2"))
        let written = files(dir)
        #expect(written.count == 1 && written[0].hasSuffix(".xlsx") && written[0].hasPrefix("gansu-2014-进展情况报告-"))
        let path = dir + "/" + written[0]
        #expect(a.noticeText == "已写入 \(path)")
        // A zip archive (the xlsx container) with content.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) && bytes.count > 2000)
        // Enter takes the highlighted format: docx, first in the list.
        a.press(.char("W"), .enter)
        #expect(files(dir).contains { $0.hasSuffix(".docx") })
        // Esc closes the menu and writes nothing.
        a.press(.char("W"), .escape)
        #expect(files(dir).count == 2)
    }

    @Test func onTheAssessmentScreenTheRankingIsWritten() throws {
        let (a, dir) = try make(lang: .en)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        a.press(.char("A"), .char("W"), .char("3"))
        let written = files(dir)
        #expect(written.count == 1 && written[0].hasPrefix("gansu-2014-assessment-") && written[0].hasSuffix(".csv"))
        let csv = try String(contentsOfFile: dir + "/" + written[0], encoding: .utf8)
        #expect(csv.contains("rank,department"))
        #expect(a.noticeText?.hasPrefix("Written to \(dir)/") == true)
    }

    @Test func aKioskWritesNoFile() throws {
        let (a, dir) = try make(SessionInfo(user: "wall", role: .office, readOnly: true, kiosk: true))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        a.press(.char("W"), .char("1"), .enter)
        #expect(files(dir).isEmpty)
        #expect(a.noticeText != nil)
    }

    @Test func aReadOnlySessionMayStillWriteAReport() throws {
        let (a, dir) = try make(SessionInfo(user: "guest", role: .viewer, readOnly: true))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        a.press(.char("W"), .char("3"))
        #expect(files(dir).count == 1 && files(dir)[0].hasSuffix(".md"))
    }
}
