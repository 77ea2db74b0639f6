import Foundation
import PlanModel
import PlanStore
import Testing

/// `duban undo` and `duban correct` on a copy of the sample store: task 3.6
/// of gansu-2014 is led by 省农牧厅.
@Suite struct UndoCommandTests {
    let t = ReviewCommandTests()
    let english = ReviewCommandTests.english

    @Test func aUnitUndoesItsClosureRequestAndTheLogShowsTheUndo() throws {
        let (dir, me) = try t.store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try t.be(me, reporterFor: "省农牧厅", in: dir)
        _ = try Duban.must(["request", "gansu-2014", "3.6", "closure", "--summary", "已完成专项整治", "--store", dir])
        let undone = try Duban.must(["undo", "gansu-2014", "--store", dir])
        #expect(undone.contains("撤回") && undone.contains("（撤销 #"), "\(undone)")
        let shown = try Duban.must(["show", "gansu-2014", "3.6", "--store", dir])
        #expect(shown.contains("办结申请 省农牧厅：已完成专项整治 → 已撤回") && !shown.contains("待审核"), "\(shown)")
        let log = try Duban.must(["log", "gansu-2014", "3.6", "--store", dir], english)
        #expect(log.contains("- request #1") && log.contains("(undoes #"), "\(log)")
        // Nothing of its own left to undo in the plan (or, where this user
        // imported the sample, only the import), said in either language.
        let none = try Duban.run(["undo", "gansu-2014", "--store", dir])
        #expect(none.status != 0 && (none.err.contains("没有可撤销的修改") || none.err.contains("导入不能撤销")), "\(none.err)")
        let noneEn = try Duban.run(["undo", "gansu-2014", "--store", dir], environment: english)
        #expect(noneEn.status != 0 && (noneEn.err.contains("has no change to undo") || noneEn.err.contains("an import cannot be undone")), "\(noneEn.err)")
    }

    @Test func theOfficeUndoesAReviewAndAPlanEditAndARequestDecidedSinceIsRefused() throws {
        let (dir, me) = try t.store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try t.be(me, reporterFor: "省农牧厅", in: dir)
        _ = try Duban.must(["request", "gansu-2014", "3.6", "closure", "--summary", "已完成", "--store", dir])
        let filed = try #require(try Store.open(dir, readOnly: true).journal("gansu-2014").last?.seq)
        try t.be(me, reporterFor: nil, in: dir)
        _ = try Duban.must(["review", "gansu-2014", "3.6", "--approve", "--store", dir])
        // The request was decided since: refused, naming why, in both languages.
        let zh = try Duban.run(["undo", "gansu-2014", "--entry", "\(filed)", "--store", dir])
        #expect(zh.status != 0 && zh.err.contains("已于") && zh.err.contains("不能再撤回"), "\(zh.err)")
        let en = try Duban.run(["undo", "gansu-2014", "--entry", "\(filed)", "--store", dir], environment: english)
        #expect(en.status != 0 && en.err.contains("was decided on"), "\(en.err)")
        // Undoing the approval puts the task back to awaiting review.
        _ = try Duban.must(["undo", "gansu-2014", "--store", dir])
        let shown = try Duban.must(["show", "gansu-2014", "3.6", "--store", dir], english)
        #expect(shown.contains("(awaiting review)") && !shown.contains("status: done"), "\(shown)")
        // A title edit, undone.
        let title = try #require(try Store.open(dir, readOnly: true).plan("gansu-2014").task("3.6")?.title)
        _ = try Duban.must(["edit", "gansu-2014", "3.6", "--title", "新的标题", "--store", dir])
        let back = try Duban.must(["undo", "gansu-2014", "--store", dir], english)
        #expect(back.contains("gansu-2014 3.6 title") && back.contains("(undoes #"), "\(back)")
        #expect(try Store.open(dir, readOnly: true).plan("gansu-2014").task("3.6")?.title == title)
        let log = try JSONParser.parse(Array(try Duban.must(["log", "gansu-2014", "3.6", "--json", "--store", dir]).utf8)).array ?? []
        #expect(log.filter { $0["undoes"] != nil }.map { $0["field"]?.string ?? "" } == ["withdraw", "title"], "\(log)")
    }

    @Test func theOfficeCorrectsANoteAndWithdrawsFeedbackAUnitIsRefused() throws {
        let (dir, me) = try t.store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try t.be(me, reporterFor: nil, in: dir)
        _ = try Duban.must(["update", "gansu-2014", "3.6", "--note", "已召开推进会，错别字", "--store", dir])
        _ = try Duban.must(["feedback", "gansu-2014", "3.6", "--dept", "省农牧厅", "--text", "代报的情况", "--store", dir])
        let plan = try Store.open(dir, readOnly: true).plan("gansu-2014")
        let note = plan.task("3.6")!.noteCount, feedback = plan.supervision.feedbackCount(task: "3.6")
        let fixed = try Duban.must(["correct", "gansu-2014", "3.6", "note", "\(note)", "--text", "已召开推进会", "--store", dir])
        #expect(fixed.contains("已更正 gansu-2014 3.6 第 \(note) 条备注"), "\(fixed)")
        _ = try Duban.must(["correct", "gansu-2014", "3.6", "feedback", "\(feedback)", "--withdraw", "--store", dir])
        let zh = try Duban.must(["show", "gansu-2014", "3.6", "--store", dir])
        #expect(zh.contains("[已更正：\(me)") && zh.contains("：已召开推进会\n") && !zh.contains("错别字"), "\(zh)")
        #expect(zh.contains("(省农牧厅) [已撤回]：代报的情况"), "\(zh)")
        let en = try Duban.must(["show", "gansu-2014", "3.6", "--store", dir], english)
        #expect(en.contains("[corrected by \(me)") && en.contains("[withdrawn]"), "\(en)")
        // The original is in the log.
        let log = try Duban.must(["log", "gansu-2014", "3.6", "--store", dir])
        #expect(log.contains("已召开推进会，错别字") && log.contains("更正"), "\(log)")
        // Corrections are the office's.
        try t.be(me, reporterFor: "省农牧厅", in: dir)
        let refused = try Duban.run(["correct", "gansu-2014", "3.6", "note", "1", "--text", "x", "--store", dir])
        #expect(refused.status != 0 && refused.err.contains("只有督办办公室可以更正") && refused.err.contains("规则：更正、撤回备注和情况反馈"), "\(refused.err)")
        // Nor may a unit withdraw another's feedback (#1 is 省食品药品监管局's).
        let refusedEn = try Duban.run(["correct", "gansu-2014", "3.6", "feedback", "1", "--withdraw", "--store", dir], environment: english)
        #expect(refusedEn.status != 0 && refusedEn.err.contains("is not theirs") && refusedEn.err.contains("(rule: correcting or withdrawing notes and feedback"), "\(refusedEn.err)")
        let both = try Duban.run(["correct", "gansu-2014", "3.6", "note", "1", "--text", "x", "--withdraw", "--store", dir], environment: english)
        #expect(both.status != 0 && both.err.contains("either --text"), "\(both.err)")
    }
}
