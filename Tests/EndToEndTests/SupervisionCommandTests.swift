import Foundation
import PlanModel
import Testing

/// `duban feedback`, `round` and `chase` on a copy of the sample store, whose
/// gansu-2014 has an illustrative open round 2014年三季度 (2014-09-15 … due
/// 2014-09-28, evaluated at 2014-10-01) and two earlier chases.
@Suite struct SupervisionCommandTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let sample = here.appendingPathComponent("../../SampleData/store").standardized.path

    func copy() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-cycle-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Self.sample, toPath: dir)
        return dir
    }

    func json(_ text: String) throws -> JSON { try JSONParser.parse(Array(text.utf8)) }


    /// The round's figures counted straight from the journal's lines and the
    /// plan export, without the tally code: pairs (task, unit) expected, and
    /// those with feedback dated within the round, on time up to the due date.
    func countByHand(_ store: String) throws -> (expected: Int, onTime: Int, late: Int) {
        let export = try json(try Duban.must(["export", "gansu-2014", "--store", store]))
        var units: [String: Set<String>] = [:]
        let sections: [JSON] = export["sections"]?.array ?? []
        for s in sections {
            var tasks: [JSON] = s["tasks"]?.array ?? []
            for g in s["groups"]?.array ?? [] { tasks += g["tasks"]?.array ?? [] }
            for t in tasks {
                var deps = Set<String>()
                for a in t["assignments"]?.array ?? [] where a["collective"]?.bool != true {
                    if let d = a["department"]?.string { deps.insert(d) }
                }
                if let key = t["key"]?.string { units[key] = deps }
            }
        }
        var best: [String: Bool] = [:]   // "task|dept" → on time
        let journal = try String(contentsOfFile: store + "/gansu-2014.journal.jsonl", encoding: .utf8)
        for line in journal.split(separator: "\n") {
            let e = try json(String(line))
            guard e["field"]?.string == "feedback", let task = e["task"]?.string,
                  let dept = e["new"]?["department"]?.string, let time = e["new"]?["time"]?.string else { continue }
            let day = String(time.prefix(10))
            guard day >= "2014-09-15" else { continue }
            best["\(task)|\(dept)"] = (best["\(task)|\(dept)"] ?? false) || day <= "2014-09-28"
        }
        return (units.values.reduce(0) { $0 + $1.count }, best.values.filter { $0 }.count, best.values.filter { !$0 }.count)
    }

    @Test func roundStatusOfTheSampleStoreMatchesACountByHand() throws {
        let store = try copy()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let v = try json(try Duban.must(["round", "status", "gansu-2014", "--json", "--store", store]))
        let hand = try countByHand(store)
        #expect(v["expected"]?.int == hand.expected)
        #expect(v["onTime"]?.int == hand.onTime && v["late"]?.int == hand.late)
        #expect(v["reported"]?.int == hand.onTime + hand.late)
        #expect(v["missing"]?.int == hand.expected - hand.onTime - hand.late)
        let rows: [JSON] = v["departments"]?.array ?? []
        let missing = rows.map { $0["missing"]?.int ?? 0 }.reduce(0, +)
        let expected = rows.map { $0["expected"]?.int ?? 0 }.reduce(0, +)
        let chases = rows.map { $0["chases"]?.int ?? 0 }.reduce(0, +)
        #expect(missing == v["missing"]?.int)
        #expect(expected == v["expected"]?.int)
        #expect(chases == 2)
    }

    @Test func filingMovesTheFiguresAndBadInputChangesNothing() throws {
        let store = try copy()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let before = try json(try Duban.must(["round", "status", "gansu-2014", "--json", "--store", store]))
        let owed = try #require(before["missingItems"]?.array?.first)
        let task = owed["task"]!.string!, dept = owed["department"]!.string!
        let journal = store + "/gansu-2014.journal.jsonl"
        let size = try FileManager.default.attributesOfItem(atPath: journal)[.size] as! Int
        // The office must name the unit; empty text, unknown units, bad rounds are refused.
        for args in [["feedback", "gansu-2014", task, "--text", "已完成"],
                     ["feedback", "gansu-2014", task, "--text", " ", "--dept", dept],
                     ["feedback", "gansu-2014", task, "--text", "x", "--dept", "省外办"],
                     ["feedback", "gansu-2014", task, "--text", "x", "--dept", dept, "--progress", "120"],
                     ["round", "open", "gansu-2014", "--name", "2014年三季度", "--due", "2014-12-01"],
                     ["round", "open", "gansu-2014", "--name", "四季度", "--due", "2014-09-01"],
                     ["chase", "gansu-2014", "--dept", "省外办", "--dry-run"]] {
            let r = try Duban.run(args + ["--store", store])
            #expect(r.status != 0, "\(args)")
            #expect(!r.err.isEmpty)
        }
        #expect(try Duban.run(["round", "open", "gansu-2014", "--name", "2014年三季度", "--due", "2014-12-01", "--store", store]).err.contains("已有名为"))
        #expect(try Duban.run(["round", "open", "gansu-2014", "--name", "x", "--due", "2014-09-01", "--lang", "en", "--store", store]).err.contains("before the round opens"))
        #expect(try FileManager.default.attributesOfItem(atPath: journal)[.size] as! Int == size)
        let out = try Duban.must(["feedback", "gansu-2014", task, "--text", "已完成", "--progress", "60", "--dept", dept,
                                  "--evidence", "纪要.pdf", "--store", store])
        #expect(out.contains("代报"))
        let after = try json(try Duban.must(["round", "status", "gansu-2014", "--json", "--store", store]))
        // Filed now, long after the due date: it counts, as late.
        #expect(after["missing"]?.int == before["missing"]!.int! - 1)
        #expect(after["late"]?.int == before["late"]!.int! + 1)
        let summary = try Duban.must(["round", "summary", "gansu-2014", "2014年三季度", "--format", "md", "--store", store])
        #expect(summary.contains("## 未报送单位") && summary.contains("纪要.pdf") && summary.contains("［代报］"))
        let csv = try Duban.must(["round", "summary", "gansu-2014", "2014年三季度", "--format", "csv", "--store", store])
        #expect(csv.components(separatedBy: "\r\n").count - 2 == after["expected"]?.int)
    }

    @Test func chasingRecordsOnePerDepartmentAndEscalates() throws {
        let store = try copy()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let notices = store + "/notices"
        try FileManager.default.createDirectory(atPath: notices, withIntermediateDirectories: true)
        let journal = store + "/gansu-2014.journal.jsonl"
        let size = try FileManager.default.attributesOfItem(atPath: journal)[.size] as! Int
        let dry = try Duban.must(["chase", "gansu-2014", "--dry-run", "--dept", "省工信委", "--out", notices, "--store", store])
        #expect(dry.contains("省工信委（催办"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: notices).isEmpty)
        #expect(try FileManager.default.attributesOfItem(atPath: journal)[.size] as! Int == size)
        var texts: [String] = []
        for _ in 0..<3 {
            _ = try Duban.must(["chase", "gansu-2014", "--dept", "省工信委", "--out", notices, "--store", store])
            let file = notices + "/催办通知-gansu-2014-省工信委-2014-10-01.txt"
            texts.append(try String(contentsOfFile: file, encoding: .utf8))
        }
        #expect(texts[0].hasPrefix("关于甘肃省贯彻实施质量发展纲要2014年行动计划有关事项的催办通知"))
        #expect(texts[1].contains("再次催办通知") && texts[2].contains("第三次催办/通报通知"))
        #expect(texts[0].contains("2014-10-06 前") && texts[0].contains("2014年10月1日"))
        let status = try json(try Duban.must(["round", "status", "gansu-2014", "--json", "--store", store]))
        let row = status["departments"]?.array?.first { $0["department"]?.string == "省工信委" }
        #expect(row?["chases"]?.int == 3)
        // Each chase is a line of the audit trail, labelled by the table of changes.
        let log = try Duban.must(["log", "gansu-2014", "--store", store])
        #expect(log.components(separatedBy: "催办 省工信委").count - 1 == 3)
    }
}
