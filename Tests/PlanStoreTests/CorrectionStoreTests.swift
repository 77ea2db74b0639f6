import Foundation
import PlanModel
import Testing
@testable import PlanStore

/// The office corrects or withdraws a note or a feedback: the original stays
/// in the plan and the journal, the correction is journaled, and a unit may
/// take back only what it filed itself.
@Suite struct CorrectionStoreTests {
    let plan = "test-2014"

    /// 1.1 holds a note by li; 省发展改革委 has filed one feedback on it.
    func store(access: String? = nil) throws -> (String, Store) {
        var p = fixturePlan()
        _ = p.modifyTask("1.1") { $0.notes = [Note(time: "2014-05-01T09:00:00+08:00", user: "li", text: "已部署，错字")] }
        let dir = try makeStore(plans: [p])
        let office = try Store.open(dir, readOnly: false)
        try office.commit(.addFeedback(UnitFeedback(task: "1.1", department: "省发展改革委", text: "已调研")), plan: plan, task: "1.1",
                          expected: nil, force: false)
        if let access { try writeFile(dir + "/access.json", access) }
        return (dir, try Store.open(dir, readOnly: false))
    }

    @Test func theOfficeCorrectsAndWithdrawsTheOriginalsStay() throws {
        let (dir, s) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let c = try s.commit(.withdraw(Withdrawal(kind: "note", index: 0, text: "已部署\u{1b}[2J")), plan: plan, task: "1.1", expected: nil, force: false)
        #expect(c.field == "correct" && c.new["text"]?.string == "已部署 [2J")
        try s.commit(.withdraw(Withdrawal(kind: "feedback", index: 0, text: "已完成调研")), plan: plan, task: "1.1", expected: nil, force: false)
        var p = try s.plan(plan)
        #expect(p.task("1.1")!.notes[0].text == "已部署，错字")
        #expect(p.correction(.note, task: "1.1", index: 0)?.text == "已部署 [2J" && !p.isWithdrawn(.note, task: "1.1", index: 0))
        #expect(p.correction(.feedback, task: "1.1", index: 0)?.text == "已完成调研")
        // Withdrawn after its correction; then neither corrected nor withdrawn again.
        let w = try s.commit(.withdraw(Withdrawal(kind: "feedback", index: 0)), plan: plan, task: "1.1", expected: nil, force: false)
        #expect(w.field == "withdraw")
        #expect(throws: EditError.self) {
            try s.commit(.withdraw(Withdrawal(kind: "feedback", index: 0, text: "再改")), plan: plan, task: "1.1", expected: nil, force: false)
        }
        #expect(throws: EditError.self) {
            try s.commit(.withdraw(Withdrawal(kind: "note", index: 3, text: "没有这条")), plan: plan, task: "1.1", expected: nil, force: false)
        }
        p = try s.plan(plan)
        #expect(p.isWithdrawn(.feedback, task: "1.1", index: 0) && p.supervision.feedbackCount(task: "1.1") == 1)
        // Through a checkpoint and a fresh session.
        try s.compact(plan: plan)
        let back = try Store.open(dir, readOnly: true).plan(plan)
        #expect(back.reviews == p.reviews && back.correction(.note, task: "1.1", index: 0)?.text == "已部署 [2J")
    }

    @Test func aUnitIsRefusedCorrectingAndWithdrawsOnlyItsOwn() throws {
        let me = Identity.userName()
        let (dir, s) = try store(access: #"{"office": ["chief"], "reporters": {"\#(me)": ["省发展改革委"]}}"#)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let correct = try #require(throws: Refusal.self) {
            try s.commit(.withdraw(Withdrawal(kind: "note", index: 0, text: "改")), plan: plan, task: "1.1", expected: nil, force: false)
        }
        #expect(correct.rule == .correctionByOffice && correct.text(.zh).contains("只有督办办公室可以更正"))
        let others = try #require(throws: Refusal.self) {
            try s.commit(.withdraw(Withdrawal(kind: "note", index: 0)), plan: plan, task: "1.1", expected: nil, force: false)
        }
        #expect(others.rule == .correctionByOffice && others.text(.en).contains("not theirs"))
        // Its own note it takes back by undo.
        try s.commit(.addNote(Note(time: "", user: "", text: "本单位备注")), plan: plan, task: "1.1", expected: nil, force: false)
        let undo = try s.undoLast(plan: plan)
        #expect(undo.field == "withdraw" && undo.new["index"]?.int == 1)
        #expect(try s.plan(plan).isWithdrawn(.note, task: "1.1", index: 1))
    }
}
