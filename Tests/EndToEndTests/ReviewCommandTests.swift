import Foundation
import PlanModel
import PlanStore
import Testing

/// `duban request` and `duban review` on a copy of the sample store
/// (gansu-2014 evaluated at 2014-10-01): task 3.6 is led by 省农牧厅, with
/// 省质监局 among its cooperating units.
@Suite struct ReviewCommandTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let sample = here.appendingPathComponent("../../SampleData/store").standardized.path
    static let english = ["DUBAN_LANG": "en"]


    /// A copy of the sample store with closure review on, and `me` as `role`.
    func store() throws -> (dir: String, me: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-review-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Self.sample, toPath: dir)
        let settings = try String(contentsOfFile: dir + "/settings.json", encoding: .utf8)
        try settings.replacingOccurrences(of: "{\n", with: "{\n  \"closureReview\": true,\n", options: [.anchored])
            .write(toFile: dir + "/settings.json", atomically: true, encoding: .utf8)
        return (dir, try Store.open(dir, readOnly: true).user)
    }

    func be(_ me: String, reporterFor dept: String?, in dir: String) throws {
        let rules = dept.map { #"{"office": ["chief"], "reporters": {"\#(me)": ["\#($0)"]}}"# } ?? #"{"office": ["\#(me)"]}"#
        try rules.write(toFile: dir + "/access.json", atomically: true, encoding: .utf8)
    }

    @Test func aCooperatingUnitCannotCloseAnotherUnitsTask() throws {
        let (dir, me) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try be(me, reporterFor: "省质监局", in: dir)
        let zh = try Duban.run(["update", "gansu-2014", "3.6", "--status", "done", "--store", dir])
        #expect(zh.status != 0 && zh.err.contains("省质监局不是任务 3.6 的牵头单位") && zh.err.contains("规则：任务状态和进度"), "\(zh.err)")
        let en = try Duban.run(["update", "gansu-2014", "3.6", "--status", "done", "--store", dir], environment: Self.english)
        #expect(en.status != 0 && en.err.contains("which does not lead task 3.6") && en.err.contains("(rule: a task's status and progress"), "\(en.err)")
        let request = try Duban.run(["request", "gansu-2014", "3.6", "closure", "--summary", "x", "--store", dir], environment: Self.english)
        #expect(request.status != 0 && request.err.contains("not responsible for task 3.6"), "\(request.err)")
        // `duban access` prints the table the refusals name.
        let access = try Duban.must(["access", "--store", dir], Self.english)
        #expect(access.contains("who may do what:") && access.contains("closure and extension requests") && access.contains("closure review: on"))
    }

    @Test func closureIsReturnedThenApprovedAndTheLogShowsTheTrail() throws {
        let (dir, me) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try be(me, reporterFor: "省农牧厅", in: dir)
        // With closure review on, the lead applies rather than marking it done.
        let direct = try Duban.run(["update", "gansu-2014", "3.6", "--status", "done", "--store", dir], environment: Self.english)
        #expect(direct.status != 0 && direct.err.contains("duban request gansu-2014 3.6 closure"), "\(direct.err)")
        // An extension, before the due date (2014-12-31, evaluated at 2014-10-01).
        _ = try Duban.must(["request", "gansu-2014", "3.6", "extension", "--to", "2015-03-31", "--reason", "检测体系建设延后", "--store", dir])
        let applied = try Duban.must(["request", "gansu-2014", "3.6", "closure", "--summary", "已完成专项整治", "--evidence", "办结报告.docx", "--store", dir])
        #expect(applied.contains("待办公室审核"), "\(applied)")
        let own = try Duban.run(["review", "gansu-2014", "3.6", "--approve", "--closure", "--store", dir], environment: Self.english)
        #expect(own.status != 0 && own.err.contains("only the office"), "\(own.err)")

        let shown = try Duban.must(["show", "gansu-2014", "3.6", "--store", dir])
        #expect(shown.contains("未开始（待审核）（延期待批）") && shown.contains("办结申请 省农牧厅：已完成专项整治 [佐证：办结报告.docx] → 待审核"), "\(shown)")

        try be(me, reporterFor: nil, in: dir)
        let both = try Duban.run(["review", "gansu-2014", "3.6", "--approve", "--store", dir], environment: Self.english)
        #expect(both.status != 0 && both.err.contains("several requests"), "\(both.err)")
        _ = try Duban.must(["review", "gansu-2014", "3.6", "--approve", "--extension", "--store", dir])
        let back = try Duban.must(["review", "gansu-2014", "3.6", "--return", "--reason", "佐证材料不全", "--store", dir], Self.english)
        #expect(back.contains("closure request (省农牧厅): returned — 佐证材料不全"), "\(back)")

        try be(me, reporterFor: "省农牧厅", in: dir)
        _ = try Duban.must(["request", "gansu-2014", "3.6", "closure", "--summary", "补充了检测报告", "--store", dir])
        try be(me, reporterFor: nil, in: dir)
        _ = try Duban.must(["review", "gansu-2014", "3.6", "--approve", "--store", dir])
        let done = try Duban.must(["show", "gansu-2014", "3.6", "--store", dir], Self.english)
        #expect(done.contains("due: 2015-03-31 (was 2014-12-31)") && done.contains("→ returned") && done.contains("→ closed"), "\(done)")

        let export = try JSONParser.parse(Array(try Duban.must(["export", "gansu-2014", "--store", dir]).utf8))
        let task = (export["sections"]?.array ?? []).flatMap { $0["tasks"]?.array ?? [] }.first { $0["key"]?.string == "3.6" }
        #expect(task?["status"]?.string == "done" && task?["due"]?.string == "2015-03-31")
        // The trail, in order, survives a checkpoint.
        _ = try Duban.must(["compact", "--store", dir])
        let log = try JSONParser.parse(Array(try Duban.must(["log", "gansu-2014", "3.6", "--json", "--store", dir]).utf8)).array ?? []
        let trail = log.compactMap { e -> String? in
            guard let f = e["field"]?.string, f == "request" || f == "review" else { return nil }
            return f + ":" + (e["new"]?["kind"]?.string ?? "") + ":" + (e["new"]?["outcome"]?.string ?? "")
        }
        #expect(trail == ["request:extension:", "request:closure:", "review:extension:approved", "review:closure:returned",
                          "request:closure:", "review:closure:approved"], "\(trail)")
        let plan = try Store.open(dir, readOnly: true).plan("gansu-2014")
        let s = plan.reviewState(task: "3.6")
        #expect(s.returns.count == 1 && s.originalDue == Day("2014-12-31") && s.closedOn != nil && s.pendingClosure.isEmpty)
        #expect(try String(contentsOfFile: dir + "/gansu-2014.json", encoding: .utf8).contains("\"reviews\""))
    }
}

/// `duban show` reads the one task it shows, not the whole plan.
@Suite struct ShowCommandTests {
    /// Notes kept in the snapshot and those journaled since, a unit's notes
    /// with its name, its feedback and the task's requests: all shown,
    /// oldest first, numbered, as the whole plan holds them.
    @Test func showsTheNotesOfSnapshotAndJournalTheFeedbackAndTheRequests() throws {
        let t = ReviewCommandTests()
        let (dir, me) = try t.store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try t.be(me, reporterFor: nil, in: dir)
        _ = try Duban.must(["update", "gansu-2014", "3.6", "--note", "已部署专项检查", "--store", dir])
        try t.be(me, reporterFor: "省农牧厅", in: dir)
        _ = try Duban.must(["request", "gansu-2014", "3.6", "extension", "--to", "2015-03-31", "--reason", "检测体系建设延后", "--store", dir])
        _ = try Duban.must(["update", "gansu-2014", "3.6", "--note", "本单位已完成抽检", "--store", dir])
        _ = try Duban.must(["feedback", "gansu-2014", "3.6", "--text", "抽检合格率百分之九十八", "--progress", "60", "--store", dir])
        try t.be(me, reporterFor: nil, in: dir)
        _ = try Duban.must(["compact", "--store", dir])
        #expect(try String(contentsOfFile: dir + "/gansu-2014.json", encoding: .utf8).contains("本单位已完成抽检"))
        _ = try Duban.must(["update", "gansu-2014", "3.6", "--note", "检查后的进展", "--store", dir])
        try t.be(me, reporterFor: "省农牧厅", in: dir)
        _ = try Duban.must(["feedback", "gansu-2014", "3.6", "--text", "整改已完成", "--store", dir])

        let shown = try Duban.must(["show", "gansu-2014", "3.6", "--store", dir])
        let whole = try Store.open(dir, readOnly: true).plan("gansu-2014")
        let notes = whole.task("3.6")!.notes
        #expect(notes.map(\.text).suffix(3) == ["已部署专项检查", "本单位已完成抽检", "检查后的进展"])
        var from = shown.startIndex
        for (i, n) in notes.enumerated() {
            let line = "  #\(i + 1) \(n.time) \(n.user)\(n.department.map { " (\($0))" } ?? "")：\(n.text)"
            guard let r = shown.range(of: line, range: from..<shown.endIndex) else { Issue.record("missing or out of order: \(line)\n\(shown)"); break }
            from = r.upperBound
        }
        let feedback = whole.supervision.feedback(task: "3.6").map(\.text)
        #expect(feedback.suffix(2) == ["抽检合格率百分之九十八", "整改已完成"])
        for text in feedback { #expect(shown.contains("：" + text), "\(text)\n\(shown)") }
        #expect(shown.contains("(省农牧厅) 60%：抽检合格率百分之九十八"), "\(shown)")
        #expect(shown.contains("(省农牧厅)：本单位已完成抽检") && shown.contains("延期申请 省农牧厅") && shown.contains("检测体系建设延后"), "\(shown)")
        let json = try JSONParser.parse(Array(try Duban.must(["show", "gansu-2014", "3.6", "--json", "--store", dir]).utf8))
        #expect(json["notes"]?.array?.count == notes.count)
    }
}

extension ShowCommandTests {
    /// A plan whose snapshot holds no supervision record, with a unit's
    /// feedback on another task since: the latest feedback by unit is listed,
    /// as the whole plan says units have reported.
    @Test func feedbackOnAnotherTaskSinceTheSnapshotStillListsTheUnits() throws {
        let t = ReviewCommandTests()
        let (dir, me) = try t.store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try t.be(me, reporterFor: nil, in: dir)
        let before = try Store.open(dir, readOnly: true).plan("hebei-2014")
        #expect(before.supervision.isEmpty)
        let (a, b) = (before.tasks[0], before.tasks[1])
        let quiet = try Duban.must(["show", "hebei-2014", b.key, "--store", dir])
        #expect(!quiet.contains("各单位最近情况反馈"), "\(quiet)")
        _ = try Duban.must(["feedback", "hebei-2014", a.key, "--text", "已开展", "--dept", a.assignments[0].department, "--store", dir])
        let shown = try Duban.must(["show", "hebei-2014", b.key, "--store", dir])
        #expect(shown.contains("各单位最近情况反馈") && shown.contains("从未报送"), "\(shown)")
    }
}

/// `duban edit`: the office changes a plan's structure, journaled; a reporter is refused by the rule.
@Suite struct EditCommandTests {
    @Test func theOfficeEditsAddsAndRemovesTasks() throws {
        let (dir, me) = try ReviewCommandTests().store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = ReviewCommandTests()
        let out = try Duban.must(["edit", "gansu-2014", "3.6", "--title", "加强农产品质量安全监管工作", "--assign", "省农牧厅:lead,省质监局:配合",
                              "--due", "2014-11-30", "--store", dir], ReviewCommandTests.english)
        #expect(out.contains("title") && out.contains("assignments") && out.contains("due"), "\(out)")
        let shown = try Duban.must(["show", "gansu-2014", "3.6", "--store", dir], ReviewCommandTests.english)
        #expect(shown.contains("加强农产品质量安全监管工作") && shown.contains("due: 2014-11-30") && !shown.contains("省公安厅"), "\(shown)")
        _ = try Duban.must(["edit", "gansu-2014", "3.99", "--add", "--section", "3", "--title", "新增督办事项", "--assign", "省农牧厅:lead", "--store", dir])
        #expect(try Duban.must(["show", "gansu-2014", "3.99", "--store", dir]).contains("新增督办事项"))
        _ = try Duban.must(["edit", "gansu-2014", "3.99", "--remove", "--store", dir])
        #expect(try Duban.run(["show", "gansu-2014", "3.99", "--store", dir]).status != 0)
        // The removed task is kept whole in the journal.
        let log = try JSONParser.parse(Array(try Duban.must(["log", "gansu-2014", "3.99", "--json", "--store", dir]).utf8)).array ?? []
        #expect(log.count == 2 && log.last?["old"]?["title"]?.string == "新增督办事项", "\(log)")

        try ReviewCommandTests().be(me, reporterFor: "省农牧厅", in: dir)
        let refused = try Duban.run(["edit", "gansu-2014", "3.6", "--title", "x", "--store", dir])
        #expect(refused.status != 0 && refused.err.contains("规则：计划结构、指标、导入、权限——办公室"), "\(refused.err)")
    }
}
