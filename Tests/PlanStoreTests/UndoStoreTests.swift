import Foundation
import PlanModel
import Testing
@testable import PlanStore

/// Undo of every kind of change through the store's one undo path: each undo
/// is a journaled entry naming what it undoes, replays to the same plan, and
/// is refused, in both languages, once what it would put back has changed.
@Suite struct UndoStoreTests {
    let plan = "test-2014"

    func store(_ plans: [Plan] = [fixturePlan()]) throws -> (String, Store) {
        let dir = try makeStore(plans: plans)
        return (dir, try Store.open(dir, readOnly: false))
    }

    func commit(_ s: Store, _ edit: Edit, _ task: String = "1.1") throws -> JournalEntry {
        try s.commit(edit, plan: plan, task: task, expected: nil, force: false)
    }

    /// The plan as held, as a fresh session reads it from the journal, and
    /// after a checkpoint: the same.
    func expectReplays(_ dir: String, _ s: Store, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let held = try s.plan(plan)
        #expect(try Store.open(dir, readOnly: true).plan(plan) == held, sourceLocation: sourceLocation)
        try s.compact(plan: plan)
        #expect(try Store.open(dir, readOnly: true).plan(plan) == held, sourceLocation: sourceLocation)
    }

    /// The undo entry is the journal's last, naming the entry it undoes.
    func expectJournaled(_ s: Store, undoes e: JournalEntry, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let last = try #require(try s.journal(plan).last, sourceLocation: sourceLocation)
        #expect(last.undoes == e.seq && last.seq > e.seq, sourceLocation: sourceLocation)
    }

    func message(_ body: () throws -> Void) -> (zh: String, en: String) {
        do { try body() } catch let e as PersonMessage { return (e.text(.zh), e.text(.en)) } catch { return ("\(error)", "\(error)") }
        return ("", "")
    }

    @Test func undoingAClosureRequestWithdrawsItAndADecidedOneIsRefused() throws {
        let (dir, s) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let filed = try commit(s, .request(ReviewRequest(kind: .closure, department: "省发展改革委", text: "已完成")))
        #expect(try s.plan(plan).reviewState(task: "1.1").awaitingReview)
        let undo = try s.undoLast(plan: plan)
        #expect(undo.field == "withdraw" && undo.new["kind"]?.string == "request" && undo.new["index"]?.int == 0)
        try expectJournaled(s, undoes: filed)
        let p = try s.plan(plan)
        // Kept, marked withdrawn: not pending, not in the inbox, shown as withdrawn.
        #expect(p.reviews.requests(task: "1.1").count == 1 && p.reviews.requests(task: "1.1")[0].withdrawn)
        #expect(!p.reviewState(task: "1.1").awaitingReview && p.reviews.pending.isEmpty)
        #expect(ReviewWords(Vocabulary(.zh)).line(p.reviews.requests(task: "1.1")[0]).hasSuffix("已撤回"))
        try expectReplays(dir, s)
        #expect(try Store.open(dir, readOnly: true).plan(plan).reviews.requests[0].withdrawn)
        // Filed again and decided: the request is no longer withdrawn.
        let again = try commit(s, .request(ReviewRequest(kind: .closure, department: "省发展改革委", text: "补充材料后完成")))
        try commit(s, .review(Review(kind: .closure, department: "省发展改革委", outcome: .returned, reason: "材料不全")))
        let m = message { try s.undo(again, plan: plan) }
        #expect(m.zh.contains("已于") && m.zh.contains("审核") && m.en.contains("was decided on"))
    }

    @Test func undoingAnExtensionRequestWithdrawsIt() throws {
        let (dir, s) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let filed = try commit(s, .request(ReviewRequest(kind: .extension, department: "省发展改革委", text: "需协调", to: Day("2015-03-31"))))
        #expect(try s.plan(plan).reviewState(task: "1.1").pendingExtension.count == 1)
        try s.undoLast(plan: plan)
        try expectJournaled(s, undoes: filed)
        let p = try s.plan(plan)
        #expect(p.reviewState(task: "1.1").pendingExtension.isEmpty && p.task("1.1")!.due == Day("2014-12-31"))
        // The office cannot approve what was withdrawn.
        #expect(throws: EditError.self) {
            try commit(s, .review(Review(kind: .extension, department: "省发展改革委", outcome: .approved)))
        }
        try expectReplays(dir, s)
    }

    @Test func undoingAClosureApprovalReopensTheRequestAndPutsTheTaskBack() throws {
        let (dir, s) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try commit(s, .request(ReviewRequest(kind: .closure, department: "省发展改革委", text: "已完成")))
        let approved = try commit(s, .review(Review(kind: .closure, department: "省发展改革委", outcome: .approved)))
        #expect(approved.new["before"]?["status"]?.string == "in_progress")
        #expect(try s.plan(plan).task("1.1")!.status == .done)
        let undo = try s.undoLast(plan: plan)
        #expect(undo.new["kind"]?.string == "review" && undo.new["index"]?.int == 0)
        try expectJournaled(s, undoes: approved)
        let p = try s.plan(plan)
        // Back to 待审核, with the status and progress it had.
        #expect(p.task("1.1")!.status == .inProgress && p.task("1.1")!.progress == 40)
        #expect(p.reviewState(task: "1.1").awaitingReview && p.reviews.pending.count == 1)
        try expectReplays(dir, s)
        // Decided again after the reopening: the replay keeps the new decision.
        try commit(s, .review(Review(kind: .closure, department: "省发展改革委", outcome: .returned, reason: "再核实")))
        try expectReplays(dir, s)
        #expect(try Store.open(dir, readOnly: true).plan(plan).reviewState(task: "1.1").returns.count == 1)
    }

    @Test func undoingAnExtensionApprovalPutsTheDueDateBackAndIsRefusedOnceTheTaskChanged() throws {
        let (dir, s) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try commit(s, .request(ReviewRequest(kind: .extension, department: "省发展改革委", text: "需协调", to: Day("2015-03-31"))))
        let granted = try commit(s, .review(Review(kind: .extension, department: "省发展改革委", outcome: .approved)))
        #expect(try s.plan(plan).task("1.1")!.due == Day("2015-03-31"))
        // The task changed since the review: the undo is refused and names why.
        let moved = try commit(s, .setProgress(70))
        let m = message { try s.undo(granted, plan: plan) }
        #expect(m.zh.contains("审核后任务 1.1 已有改动") && m.en.contains("task 1.1 has changed since the review"))
        #expect(try s.plan(plan).task("1.1")!.due == Day("2015-03-31"))
        // Once the later change is undone, the review is.
        try s.undo(moved, plan: plan)
        try s.undo(granted, plan: plan)
        try expectJournaled(s, undoes: granted)
        let p = try s.plan(plan)
        #expect(p.task("1.1")!.due == Day("2014-12-31") && p.reviewState(task: "1.1").pendingExtension.count == 1)
        #expect(p.reviewState(task: "1.1").originalDue == nil)
        try expectReplays(dir, s)
    }

    @Test func undoingARoundsOpeningWithdrawsItAndItsClosingReopensIt() throws {
        let (dir, s) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let today = Identity.today()
        let r = Round(name: "三季度", opened: today, due: today.adding(days: 10))
        let opened = try s.commit(.setRound(r), plan: plan, task: "", expected: .null, force: false)
        try s.undoLast(plan: plan)
        try expectJournaled(s, undoes: opened)
        #expect(try s.plan(plan).supervision.rounds.isEmpty)
        try expectReplays(dir, s)
        // Opened again (the name is free) and closed; undoing the close reopens it.
        try s.commit(.setRound(r), plan: plan, task: "", expected: .null, force: false)
        let open = try #require(try s.plan(plan).supervision.round(named: "三季度"))
        let closed = try s.commit(.setRound(Round(name: "三季度", opened: today, due: today, closedAt: "")), plan: plan, task: "",
                                  expected: nil, force: false)
        #expect(closed.new["due"]?.string == r.due.description)
        let undo = try s.undoLast(plan: plan)
        #expect(undo.summary.hasPrefix("reopen"))
        try expectJournaled(s, undoes: closed)
        #expect(try s.plan(plan).supervision.round(named: "三季度") == open)
        try expectReplays(dir, s)
        // Undoing the opening now that it was closed and reopened... closed again first: a conflict.
        try s.commit(.setRound(Round(name: "三季度", opened: today, due: today, closedAt: "")), plan: plan, task: "", expected: nil, force: false)
        let entries = try s.journal(plan).filter { $0.field == "round:三季度" && $0.undoes == nil }
        #expect(throws: Conflict.self) { try s.undo(entries[1], plan: plan) }
    }

    @Test func undoingAChaseWithdrawsItAndTheCountsDrop() throws {
        let (dir, s) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let today = Identity.today()
        func chase(_ step: Int) -> Edit {
            .addChase(Chase(department: "省工信委", date: today, reply: today.adding(days: 5),
                            items: [ChaseItem(task: "2.3", owed: [.dueSoon], step: step)]))
        }
        let first = try s.commit(chase(1), plan: plan, task: "", expected: nil, force: false)
        let second = try s.commit(chase(2), plan: plan, task: "", expected: nil, force: false)
        #expect(try s.plan(plan).chaseCount(department: "省工信委") == 2)
        // Not the first while a later one stands.
        let m = message { try s.undo(first, plan: plan) }
        #expect(m.zh.contains("此后又有催办") && m.en.contains("a later chase was sent since"))
        let undo = try s.undoLast(plan: plan)
        #expect(undo.old == .int(2) && undo.new == .int(1))
        try expectJournaled(s, undoes: second)
        let p = try s.plan(plan)
        #expect(p.chaseCount(department: "省工信委") == 1 && p.chaseCount(task: "2.3") == 1)
        #expect(p.supervision.chases.map(\.items[0].step) == [1])
        try expectReplays(dir, s)
        try s.undo(first, plan: plan)
        #expect(try s.plan(plan).supervision.chases.isEmpty)
        try expectReplays(dir, s)
    }

    @Test func undoingAnAddedTaskRemovesItAndARemovedOneComesBackWhole() throws {
        var fixture = fixturePlan()
        _ = fixture.modifyTask("1.2") { $0.notes = [Note(time: "2014-05-01T09:00:00+08:00", user: "li", text: "已部署")] }
        let (dir, s) = try store([fixture])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let added = try s.commit(.addTask(PlanTask(key: "2.5", number: "五", section: 1, title: "新增", text: "新增。",
                                                   assignments: [], due: Day("2014-12-31")!)), plan: plan, task: "2.5", expected: nil, force: false)
        try s.undoLast(plan: plan)
        try expectJournaled(s, undoes: added)
        #expect(try s.plan(plan).task("2.5") == nil)
        try expectReplays(dir, s)
        // A removed task comes back where it was, notes included.
        try commit(s, .addNote(Note(time: "", user: "", text: "补充")), "1.2")
        let before = try s.plan(plan)
        let removed = try commit(s, .removeTask, "1.2")
        #expect(try s.plan(plan).task("1.2") == nil)
        try s.undoLast(plan: plan)
        try expectJournaled(s, undoes: removed)
        let back = try s.plan(plan)
        #expect(back.task("1.2") == before.task("1.2") && back.task("1.2")!.notes.count == 2)
        #expect(back.tasks.map(\.key) == before.tasks.map(\.key))
        try expectReplays(dir, s)
        // An added task changed since is not removed by undo.
        let again = try s.commit(.addTask(PlanTask(key: "2.5", number: "五", section: 1, title: "新增", text: "新增。",
                                                   assignments: [], due: Day("2014-12-31")!)), plan: plan, task: "2.5", expected: nil, force: false)
        try commit(s, .setProgress(10), "2.5")
        #expect(throws: Conflict.self) { try s.undo(again, plan: plan) }
    }

    @Test func undoingPlanEditsPutsTheTitleTextAssignmentsAndDueBack() throws {
        let (dir, s) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try #require(try s.plan(plan).task("1.1"))
        let edits: [Edit] = [.setTitle("新标题"), .setText("新正文。"), .setAssignments([Assignment(department: "省工信委", role: .lead)]),
                             .setDue(Day("2015-06-30")!)]
        for e in edits { try commit(s, e) }
        let changed = try #require(try s.plan(plan).task("1.1"))
        #expect(changed.title == "新标题" && changed.due == Day("2015-06-30") && changed.assignments.count == 1)
        for _ in edits { try s.undoLast(plan: plan) }
        #expect(try s.plan(plan).task("1.1") == before)
        #expect(try s.journal(plan).suffix(4).map(\.field) == ["due", "assignments", "text", "title"])
        #expect(try s.journal(plan).suffix(4).allSatisfy { $0.undoes != nil })
        try expectReplays(dir, s)
    }

    @Test func whatIsNotUndoneSaysWhyInBothLanguages() throws {
        let (dir, s) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The import that made the plan.
        let imported = try #require(try s.journal(plan).first)
        let m = message { try s.undo(imported, plan: plan) }
        #expect(m.zh.contains("导入不能撤销") && m.en.contains("an import cannot be undone"))
        // A correction, once made, is corrected again rather than undone.
        try commit(s, .addNote(Note(time: "", user: "", text: "原文")))
        try commit(s, .withdraw(Withdrawal(kind: "note", index: 0, text: "更正后")))
        let c = message { try s.undoLast(plan: plan) }
        #expect(c.zh.contains("更正不能撤销") && c.en.contains("a correction cannot be undone"))
        // A removal journaled before the task's place was recorded with it.
        let old = JournalEntry(seq: 9, time: "t", user: s.user, plan: plan, task: "1.2", field: "task",
                               old: try #require(fixturePlan().task("1.2")).json, new: .null)
        let f = message { try s.undo(old, plan: plan) }
        #expect(f.zh.contains("旧格式的记录，不能撤销") && f.en.contains("recorded in an older form"))
        // Someone else's change is not undone.
        let other = JournalEntry(seq: 2, time: "t", user: "someone-else", plan: plan, task: "1.1", field: "progress", old: .int(0), new: .int(1))
        let o = message { try s.undo(other, plan: plan) }
        #expect(o.zh.contains("只能撤销自己的修改") && o.en.contains("only your own changes are undone"))
    }
}
