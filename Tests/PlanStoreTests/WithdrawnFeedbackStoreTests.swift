import Foundation
import PlanModel
import Testing
@testable import PlanStore

/// A feedback undone through the store is withdrawn and counts nowhere, in
/// the store that undid it, after a checkpoint, from the journal alone, and
/// in a display load.
@Suite struct WithdrawnFeedbackStoreTests {
    let plan = "test-2014"

    @Test func anUndoneFeedbackCountsNowhereThroughACheckpoint() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Store.open(dir, readOnly: false)
        let today = Identity.today()
        let r = Round(name: "三季度", opened: today, due: today.adding(days: 10))
        try s.commit(.setRound(r), plan: plan, task: "", expected: .null, force: false)
        func file(_ dept: String, _ text: String) throws {
            try s.commit(.addFeedback(UnitFeedback(task: "1.1", department: dept, text: text, progress: 40)), plan: plan, task: "1.1",
                         expected: nil, force: false)
        }
        try file("省发展改革委", "第一次")
        try file("省发展改革委", "第二次")
        let round = { () throws -> Round in try #require(try s.plan(self.plan).supervision.round(named: "三季度")) }
        let before = try s.plan(plan).tally(of: try round())
        _ = try s.undoLast(plan: plan)   // the second
        var p = try s.plan(plan)
        #expect(p.latestFeedback(task: "1.1")["省发展改革委"]?.text == "第一次")
        #expect(p.tally(of: try round()) == before)
        _ = try s.undoLast(plan: plan)   // the first
        p = try s.plan(plan)
        let t = p.tally(of: try round())
        #expect(p.latestFeedback(task: "1.1")["省发展改革委"] == nil)
        #expect(t.onTime == before.onTime - 1 && t.missingCount == before.missingCount + 1)
        #expect(t.missing.contains(.init(task: "1.1", department: "省发展改革委")))
        try s.compact(plan: plan)
        for q in [try Store.open(dir, readOnly: true).plan(plan), try Store.open(dir, readOnly: true).displayPlan(plan)] {
            #expect(q.tally(of: try #require(q.supervision.round(named: "三季度"))) == t)
            #expect(q.effectiveFeedback(task: "1.1").isEmpty && q.supervision.feedbackCount(task: "1.1") == 2)
        }
        try FileManager.default.removeItem(atPath: dir + "/\(plan).json")
        let replayed = try Store.open(dir, readOnly: true).plan(plan)
        #expect(replayed.tally(of: try #require(replayed.supervision.round(named: "三季度"))) == t)
    }
}
