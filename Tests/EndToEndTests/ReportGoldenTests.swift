import Foundation
import Testing

/// The Markdown report of the bundled sample store, compared byte for byte with
/// a checked-in copy. The report dates notes by their own times and evaluates
/// as of the store's setting, so regenerating the sample store (new journal
/// times) must not change it. Set DUBAN_UPDATE_GOLDEN=1 to rewrite the copy
/// after an intended change, and read the diff before committing it.
@Suite struct ReportGoldenTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// Outside the test target's directory, so the build does not take it for a source.
    static let golden = here.appendingPathComponent("../Golden/gansu-2014-report.md").standardized.path
    static let sampleData = here.appendingPathComponent("../../SampleData").standardized.path

    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("duban-\(name)-\(UUID().uuidString)").path
    }

    func report(_ store: String) throws -> String {
        let r = try Duban.run(["report", "gansu-2014", "--format", "md", "--store", store])
        #expect(r.status == 0, "\(r.err)")
        return r.out
    }

    @Test func markdownReportOfTheSampleStore() throws {
        let store = temporary("golden")
        try FileManager.default.copyItem(atPath: Self.sampleData + "/store", toPath: store)
        defer { try? FileManager.default.removeItem(atPath: store) }
        let out = try report(store)
        if ProcessInfo.processInfo.environment["DUBAN_UPDATE_GOLDEN"] == "1" {
            try out.write(toFile: Self.golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: Self.golden, encoding: .utf8)
        #expect(out == expected)
        // A few figures read independently of the report code: 29 tasks, 14 done.
        #expect(out.contains("| 29 | 14 | 7 | 5 | 3 | 2 | 3 | 24 | 65.2% |"))
    }

    @Test func regeneratedSampleStoreGivesTheSameReport() throws {
        let store = temporary("regen")
        defer { try? FileManager.default.removeItem(atPath: store) }
        let r = try Duban.run(["sample-store", store, "--documents", Self.sampleData + "/documents"])
        #expect(r.status == 0, "\(r.err)")
        #expect(try report(store) == (try String(contentsOfFile: Self.golden, encoding: .utf8)))
    }
}
