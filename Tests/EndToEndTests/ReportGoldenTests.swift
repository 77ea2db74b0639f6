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
        // A few figures read independently of the report code, from the snapshot's lines.
        let f = try Self.figures(Self.sampleData + "/store/gansu-2014.json", asOf: "2014-10-01")
        let head = "| \(f.total) | \(f.done) | \(f.inProgress) | \(f.notStarted) | \(f.behind) | \(f.red) | "
        let tail = " | \(f.completion) | \(f.withinExtension) | \(f.late) | \(f.returns) |"
        #expect(out.split(separator: "\n").contains { $0.hasPrefix(head) && $0.hasSuffix(tail) }, "\(head)…\(tail)")
        #expect(f.total == 29 && f.withinExtension > 0 && f.returns > 0)
    }

    /// `duban assess` and `duban show` on the sample: the totals below the table and the
    /// task closed within its extension, both worked out from the snapshot.
    @Test func assessmentAndShowOfTheSampleSayExtensionsAndReturns() throws {
        let store = temporary("assess")
        try FileManager.default.copyItem(atPath: Self.sampleData + "/store", toPath: store)
        defer { try? FileManager.default.removeItem(atPath: store) }
        let f = try Self.figures(store + "/gansu-2014.json", asOf: "2014-10-01")
        let a = try Duban.run(["assess", "gansu-2014", "--lang", "en", "--store", store])
        #expect(a.status == 0, "\(a.err)")
        #expect(a.out.contains("In all (each task once): \(f.withinExtension) done within an extension, \(f.late) done late, \(f.returns) returns."),
                "\(a.out)")
        // The task: an approved extension's `from`, and the task done.
        let header = try JSONSerialization.jsonObject(with: Data((try String(contentsOfFile: store + "/gansu-2014.json", encoding: .utf8))
            .prefix { $0 != "\n" }.utf8)) as? [String: Any]
        let requests = (header?["reviews"] as? [String: Any])?["requests"] as? [[String: Any]] ?? []
        let closed = Set(requests.filter { $0["kind"] as? String == "closure" && ($0["decision"] as? [String: Any])?["outcome"] as? String == "approved" }
            .compactMap { $0["task"] as? String })
        let extended = try #require(requests.first { $0["kind"] as? String == "extension" && closed.contains($0["task"] as? String ?? "")
            && ($0["decision"] as? [String: Any])?["outcome"] as? String == "approved" })
        let key = try #require(extended["task"] as? String), from = try #require(extended["from"] as? String)
        let show = try Duban.run(["show", "gansu-2014", key, "--lang", "en", "--store", store])
        #expect(show.status == 0, "\(show.err)")
        #expect(show.out.contains("status: done (within extension)") && show.out.contains("(was \(from))") && show.out.contains("light: green"),
                "\(show.out)")
    }

    struct Figures {
        var total = 0, done = 0, inProgress = 0, notStarted = 0, behind = 0, red = 0
        var completion = ""
        var withinExtension = 0, late = 0, returns = 0
    }

    /// Counts from a snapshot: a header line with the reviews, then a line per task.
    /// A done task closed after the due date it had before a granted extension
    /// but by its new one counts within the extension; after its due date, late.
    static func figures(_ path: String, asOf: String) throws -> Figures {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        func object(_ line: Substring) throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        }
        let requests = (try object(lines[0])["reviews"] as? [String: Any])?["requests"] as? [[String: Any]] ?? []
        func decided(_ r: [String: Any]) -> (outcome: String, day: String)? {
            guard let d = r["decision"] as? [String: Any], let o = d["outcome"] as? String, let t = d["time"] as? String else { return nil }
            return (o, String(t.prefix(10)))
        }
        var f = Figures()
        var progress = 0
        for line in lines.dropFirst() {
            let t = try object(line)
            guard let key = t["key"] as? String, let status = t["status"] as? String, let due = t["due"] as? String else { continue }
            f.total += 1
            switch status {
            case "done": f.done += 1
            case "in_progress": f.inProgress += 1
            case "not_started": f.notStarted += 1
            default: f.behind += 1
            }
            progress += status == "done" ? 100 : t["progress"] as? Int ?? 0
            if status != "done" && due < asOf { f.red += 1 }
            let mine = requests.filter { $0["task"] as? String == key }
            f.returns += mine.filter { $0["kind"] as? String == "closure" && decided($0)?.outcome == "returned" }.count
            guard status == "done",
                  let closed = mine.last(where: { $0["kind"] as? String == "closure" && decided($0)?.outcome == "approved" }).flatMap(decided)?.day
            else { continue }
            let original = mine.first { $0["kind"] as? String == "extension" && decided($0)?.outcome == "approved" }?["from"] as? String ?? due
            if closed > original { if closed <= due { f.withinExtension += 1 } else { f.late += 1 } }
        }
        let pct = String(format: "%.1f", Double(progress) / Double(max(1, f.total)))
        f.completion = (pct.hasSuffix(".0") ? String(pct.dropLast(2)) : pct) + "%"
        return f
    }

    @Test func regeneratedSampleStoreGivesTheSameReport() throws {
        let store = temporary("regen")
        defer { try? FileManager.default.removeItem(atPath: store) }
        let r = try Duban.run(["sample-store", store, "--documents", Self.sampleData + "/documents"])
        #expect(r.status == 0, "\(r.err)")
        #expect(try report(store) == (try String(contentsOfFile: Self.golden, encoding: .utf8)))
    }
}
