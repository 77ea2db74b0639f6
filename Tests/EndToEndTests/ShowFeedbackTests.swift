import Foundation
import PlanModel
import PlanStore
import Testing

/// `duban show` lists each assigned unit's latest feedback, in Chinese and
/// English and in its JSON; a feedback withdrawn (the undo of filing it)
/// leaves the output as it was before it was filed. On a copy of the sample
/// store, whose gansu-2014 has an open round.
@Suite struct ShowFeedbackTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let sample = here.appendingPathComponent("../../SampleData/store").standardized.path
    static let english = ["DUBAN_LANG": "en"]


    func json(_ text: String) throws -> JSON { try JSONParser.parse(Array(text.utf8)) }

    /// The block of each unit's latest feedback, up to the blank line after it.
    func latestBlock(_ out: String) -> [Substring] {
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("各单位最近情况反馈") || $0.hasPrefix("latest feedback by unit") }) else { return [] }
        return Array(lines[start...].prefix { !$0.isEmpty })
    }

    @Test func showListsEachUnitsLatestFeedbackAndAWithdrawnOneLeavesIt() throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("duban-show-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Self.sample, toPath: store)
        defer { try? FileManager.default.removeItem(atPath: store) }
        // A (task, unit) still owing feedback in the open round.
        let status = try json(try Duban.must(["round", "status", "gansu-2014", "--json", "--store", store]))
        let owed = try #require(status["missingItems"]?.array?.first)
        let task = try #require(owed["task"]?.string), dept = try #require(owed["department"]?.string)
        let show = ["show", "gansu-2014", task, "--store", store]
        let zhBefore = try Duban.must(show), enBefore = try Duban.must(show, Self.english), jsonBefore = try Duban.must(show + ["--json"])
        #expect(zhBefore.contains("各单位最近情况反馈："))
        #expect(enBefore.contains("latest feedback by unit:"))
        let units = try #require(try json(jsonBefore)["feedback"]?.array)
        #expect(units.contains { $0["department"]?.string == dept })

        // Filed through the store, so that this session may undo it below.
        let s = try Store.open(store, readOnly: false)
        try s.commit(.addFeedback(UnitFeedback(task: task, department: dept, text: "已完成第一阶段排查", progress: 60,
                                               evidence: "排查报告.docx")), plan: "gansu-2014", task: task, expected: nil, force: false)
        let zh = try Duban.must(show)
        let head = try #require(zh.split(separator: "\n").first { $0.hasPrefix("  \(dept)") && $0.contains("本单位进度 60%") })
        // Stamped by the store: the time as the journal holds it, to the minute.
        let journal = try String(contentsOfFile: store + "/gansu-2014.journal.jsonl", encoding: .utf8)
        let filed = try json(String(try #require(journal.split(separator: "\n").last)))
        let time = try #require(filed["new"]?["time"]?.string)
        #expect(head.contains("（代报）") && head.contains(String(time.replacing("T", with: " ").prefix(16))))
        #expect(zh.contains("    已完成第一阶段排查\n    佐证材料：排查报告.docx\n"))
        let en = try Duban.must(show, Self.english)
        #expect(en.contains("own part 60%") && en.contains("(filed by the office)") && en.contains("    evidence: 排查报告.docx"))
        let mine = try #require(try json(try Duban.must(show + ["--json"]))["feedback"]?.array?.first { $0["department"]?.string == dept })
        #expect(mine["latest"]?["text"]?.string == "已完成第一阶段排查" && mine["latest"]?["progress"]?.int == 60)
        #expect(mine["latest"]?["evidence"]?.string == "排查报告.docx" && mine["latest"]?["onBehalf"]?.bool == true)
        // Every other unit as before: its latest, or never reported.
        for u in units where u["department"]?.string != dept {
            let now = try json(try Duban.must(show + ["--json"]))["feedback"]?.array?.first { $0["department"] == u["department"] }
            #expect(now?["latest"] == u["latest"])
        }
        if units.contains(where: { $0["latest"]?.isNull == true && $0["department"]?.string != dept }) {
            #expect(zh.contains("：从未报送") && en.contains(": never reported"))
        }

        // Withdrawn: show reads as before it was filed, and the round owes it again.
        let undone = try s.undoLast(plan: "gansu-2014")
        #expect(undone.field == "withdraw")
        #expect(latestBlock(try Duban.must(show)) == latestBlock(zhBefore) && !latestBlock(zhBefore).isEmpty)
        #expect(latestBlock(try Duban.must(show, Self.english)) == latestBlock(enBefore))
        #expect(try json(try Duban.must(show + ["--json"]))["feedback"] == (try json(jsonBefore))["feedback"])
        // The numbered records keep it, marked withdrawn, for the trail.
        #expect(try Duban.must(show).contains("[已撤回]：已完成第一阶段排查"))
        let after = try json(try Duban.must(["round", "status", "gansu-2014", "--json", "--store", store]))
        #expect(after["missing"] == status["missing"] && after["reported"] == status["reported"])
    }

    @Test func aPlanWithoutSupervisionShowsAsBefore() throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("duban-show-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Self.sample, toPath: store)
        defer { try? FileManager.default.removeItem(atPath: store) }
        // Only gansu-2014 has rounds, chases or feedback.
        let other = "shandong-2014", key = "1.1"
        #expect(try Store.open(store, readOnly: true).plan(other).supervision.isEmpty)
        #expect(!(try Duban.must(["show", other, key, "--store", store])).contains("各单位最近情况反馈"))
        #expect(try json(try Duban.must(["show", other, key, "--json", "--store", store]))["feedback"] == nil)
    }
}
