import Foundation
import PlanModel
import Testing
@testable import PlanStore

/// Requests, reviews and withdrawals through the store: the rules decide,
/// undo withdraws a note or feedback, and every record survives a checkpoint.
@Suite struct ReviewStoreTests {
    @Test func aCooperatingReporterIsRefusedAndTheLeadAppliesUnderClosureReview() throws {
        let me = Identity.userName()
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeFile(dir + "/access.json", #"{"office": ["chief"], "reporters": {"\#(me)": ["省质监局"]}}"#)
        try writeFile(dir + "/settings.json", #"{"closureReview": true}"#)
        let s = try Store.open(dir, readOnly: false)
        #expect(s.settings.closureReview)
        // 1.1: 省质监局 cooperates; 1.2: it leads.
        let coop = try #require(throws: Refusal.self) { try s.commit(.setStatus(.done), plan: "test-2014", task: "1.1", expected: nil, force: false) }
        #expect(coop.rule == .statusByLead)
        let lead = try #require(throws: Refusal.self) { try s.commit(.setStatus(.done), plan: "test-2014", task: "1.2", expected: nil, force: false) }
        #expect(lead.rule == .doneByReview && lead.message.contains("duban request test-2014 1.2 closure") == true)
        let e = try s.commit(.request(ReviewRequest(kind: .closure, text: "已整顿")), plan: "test-2014", task: "1.2", expected: nil, force: false)
        #expect(e.new["department"]?.string == "省质监局" && e.new["user"]?.string == me)
        let review = try #require(throws: Refusal.self) {
            try s.commit(.review(Review(kind: .closure, department: "省质监局", outcome: .approved)), plan: "test-2014", task: "1.2", expected: nil, force: false)
        }
        #expect(review.rule == .reviewByOffice)
        #expect(try s.plan("test-2014").reviewState(task: "1.2").awaitingReview)
    }

    @Test func undoWithdrawsNotesAndFeedbackAndEveryRecordSurvivesACheckpoint() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Store.open(dir, readOnly: false)
        try s.commit(.addNote(Note(time: "", user: "", text: "第一条")), plan: "test-2014", task: "1.1", expected: nil, force: false)
        try s.commit(.addFeedback(UnitFeedback(task: "1.1", department: "省发展改革委", text: "已调研")), plan: "test-2014", task: "1.1",
                     expected: nil, force: false)
        let undoFeedback = try s.undoLast(plan: "test-2014")
        #expect(undoFeedback.field == "withdraw" && undoFeedback.new["kind"]?.string == "feedback" && undoFeedback.undoes != nil)
        let undoNote = try s.undoLast(plan: "test-2014")
        #expect(undoNote.new["kind"]?.string == "note" && undoNote.new["index"]?.int == 0)
        var p = try s.plan("test-2014")
        // The originals stay, marked withdrawn.
        #expect(p.task("1.1")!.notes.count == 1 && p.supervision.feedbackCount(task: "1.1") == 1)
        #expect(p.isWithdrawn(.note, task: "1.1", index: 0) && p.isWithdrawn(.feedback, task: "1.1", index: 0))
        #expect(throws: EditError.self) { try s.undoLast(plan: "test-2014") }
        // Requests and reviews too, through compact and a fresh open.
        try s.commit(.request(ReviewRequest(kind: .extension, department: "省发展改革委", text: "需协调", to: Day("2015-03-31"))),
                     plan: "test-2014", task: "1.1", expected: nil, force: false)
        try s.commit(.review(Review(kind: .extension, department: "省发展改革委", outcome: .approved)), plan: "test-2014", task: "1.1",
                     expected: nil, force: false)
        p = try s.plan("test-2014")
        try s.compact(plan: "test-2014")
        let back = try Store.open(dir, readOnly: true).plan("test-2014")
        #expect(back.reviews == p.reviews && back.reviews.withdrawals.count == 2 && back.reviews.requests.count == 1)
        #expect(back.task("1.1")!.due == Day("2015-03-31") && back.reviewState(task: "1.1").originalDue == Day("2014-12-31"))
        #expect(try readFile(dir + "/test-2014.json").contains("\"withdrawals\""))
    }
}
