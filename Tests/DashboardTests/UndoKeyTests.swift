import Testing
import PlanModel
@testable import Dashboard

/// `u` takes back a review, a request and a chase through the backend's undo,
/// the store's own steps (`ChangeCommit.undo`).
@Suite struct UndoKeyTests {
    @Test func undoingAnApprovalPutsTheRequestBackInTheInbox() throws {
        let (a, b) = try InboxViewTests().make()
        a.press(.char("T"), .down, .char("y"))
        #expect(b.plans["gansu-2014"]!.task("1.1")!.status == .done)
        a.press(.char("u"))
        let undo = try #require(b.journal.last)
        #expect(undo.field == "withdraw" && undo.new["kind"]?.string == "review" && undo.undoes == b.journal[0].seq)
        let p = b.plans["gansu-2014"]!
        #expect(p.task("1.1")!.status == .inProgress && p.task("1.1")!.progress == 40 && p.reviews.pending.count == 2)
        #expect(a.render(width: 80, height: 24).rowText(2).contains("待办 · 待审核的申请（2）"))
    }

    @Test func aUnitUndoesItsClosureRequest() throws {
        let (a, b) = try InboxViewTests().make(.reporter(departments: [InboxViewTests.zj]))
        a.press(.char("M"), .down, .char("a"))
        a.type("已补充验收报告")
        a.press(.enter)
        #expect(b.plans["gansu-2014"]!.reviewState(task: "1.2").awaitingReview)
        a.press(.char("u"))
        #expect(b.journal.last?.new["kind"]?.string == "request" && b.journal.last?.undoes != nil)
        let p = b.plans["gansu-2014"]!
        #expect(!p.reviewState(task: "1.2").awaitingReview && p.reviews.requests(task: "1.2").last?.withdrawn == true)
        // The return it answered is owed again.
        #expect(p.reviewState(task: "1.2").openReturn != nil)
    }
}
