import Foundation
import PlanModel
import Testing
@testable import PlanStore

/// Feedback, rounds and chases committed through the store: who may file
/// what, what is stamped, and that a checkpoint keeps them.
@Suite struct SupervisionStoreTests {
    let plan = "test-2014"

    func store(access: String?) throws -> (String, Store) {
        let dir = try makeStore()
        if let access { try writeFile(dir + "/access.json", access) }
        return (dir, try Store.open(dir, readOnly: false))
    }

    func feedback(_ dept: String = "", _ text: String = "已完成", progress: Int? = nil) -> Edit {
        .addFeedback(UnitFeedback(task: "", department: dept, text: text, progress: progress))
    }

    @Test func aReporterFilesOnlyForItsOwnDepartments() throws {
        let me = Identity.userName()
        let (dir, s) = try store(access: #"{"office": ["chief"], "reporters": {"\#(me)": ["质监"]}}"#)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // 1.1 names 省质监局 by its alias 质监, as a cooperating department.
        let e = try s.commit(feedback(progress: 30), plan: plan, task: "1.1", expected: nil, force: false)
        #expect(e.field == "feedback" && e.old == .int(0))
        let f = try #require(try s.plan(plan).supervision.feedback(task: "1.1").first)
        #expect(f.department == "省质监局" && f.user == me && !f.onBehalf && f.progress == 30 && f.day != nil)
        let before = try fingerprint(dir)
        // Another unit's feedback, a task where it has no role, a round, a chase.
        #expect(throws: Refusal.self) { try s.commit(feedback("省发展改革委"), plan: plan, task: "1.1", expected: nil, force: false) }
        #expect(throws: Refusal.self) { try s.commit(feedback(), plan: plan, task: "2.4", expected: nil, force: false) }
        let r = Round(name: "三季度", opened: Day("2014-09-20")!, due: Day("2014-10-10")!)
        let refusal = try #require(throws: Refusal.self) { try s.commit(.setRound(r), plan: plan, task: "", expected: nil, force: false) }
        #expect(refusal.zh?.contains("督办办公室") == true)
        #expect(throws: Refusal.self) {
            try s.commit(.addChase(Chase(department: "省质监局", date: Day("2014-10-12")!, reply: Day("2014-10-17")!,
                                         items: [ChaseItem(task: "1.2", owed: [.overdue], step: 1)])), plan: plan, task: "", expected: nil, force: false)
        }
        #expect(try fingerprint(dir) == before)
    }

    @Test func theOfficeFilesOnAUnitsBehalfAndBadInputChangesNothing() throws {
        let (dir, s) = try store(access: nil)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(s.role == .office)
        let before = try fingerprint(dir)
        #expect(throws: EditError.self) { try s.commit(feedback(), plan: plan, task: "1.2", expected: nil, force: false) }           // no unit named
        #expect(throws: EditError.self) { try s.commit(feedback("省外办"), plan: plan, task: "1.2", expected: nil, force: false) }  // unknown unit
        #expect(throws: EditError.self) { try s.commit(feedback("省质监局", ""), plan: plan, task: "1.2", expected: nil, force: false) }
        let early = Round(name: "三季度", opened: Day("2014-09-20")!, due: Day("2014-09-19")!)
        #expect(throws: EditError.self) { try s.commit(.setRound(early), plan: plan, task: "", expected: nil, force: false) }
        #expect(try fingerprint(dir) == before)
        try s.commit(feedback("质监", "代为报送\u{1b}[31m"), plan: plan, task: "1.2", expected: nil, force: false)
        let f = try #require(try s.plan(plan).supervision.feedback(task: "1.2").first)
        #expect(f.onBehalf && f.department == "省质监局" && f.text == "代为报送 [31m")
    }

    @Test func aRoundOpensClosesFrozenAndSurvivesACheckpoint() throws {
        let (dir, s) = try store(access: nil)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let today = Identity.today()
        let r = Round(name: "三季度", opened: today, coversTo: today, due: today.adding(days: 10), sections: [0])
        try s.commit(.setRound(r), plan: plan, task: "", expected: .null, force: false)
        #expect(throws: EditError.self) { try s.commit(.setRound(r), plan: plan, task: "", expected: nil, force: false) }
        try s.commit(feedback("省发展改革委", progress: 50), plan: plan, task: "1.1", expected: nil, force: false)
        let open = try #require(try s.plan(plan).supervision.round(named: "三季度"))
        #expect(!open.openedAt.isEmpty && open.isOpen)
        #expect(try s.plan(plan).tally(of: open).onTime == 1)
        // Closing: the store stamps the time and freezes the tally.
        try s.commit(.setRound(Round(name: "三季度", opened: today, due: today, closedAt: "")), plan: plan, task: "", expected: nil, force: false)
        let closed = try #require(try s.plan(plan).supervision.round(named: "三季度"))
        #expect(!closed.isOpen && closed.frozen?.expected == 3 && closed.frozen?.onTime == 1)
        #expect(closed.due == r.due)
        try s.commit(.addChase(Chase(department: "省工信委", date: today, reply: today.adding(days: 5),
                                     items: [ChaseItem(task: "2.3", owed: [.dueSoon], step: 1)])), plan: plan, task: "", expected: nil, force: false)
        let held = try s.plan(plan)
        try s.compact(plan: plan)
        let fresh = try Store.open(dir, readOnly: true)
        #expect(try fresh.plan(plan) == held)
        #expect(try fresh.displayPlan(plan).supervision == held.supervision)
        #expect(try String(contentsOfFile: dir + "/\(plan).json", encoding: .utf8).contains("\"supervision\""))
        // Replaying the journal alone gives the same record.
        try FileManager.default.removeItem(atPath: dir + "/\(plan).json")
        #expect(try Store.open(dir, readOnly: true).plan(plan).supervision == held.supervision)
    }

    @Test func aSnapshotWithoutSupervisionStillLoads() throws {
        let (dir, s) = try store(access: nil)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try s.compact(plan: plan)
        #expect(!(try String(contentsOfFile: dir + "/\(plan).json", encoding: .utf8).contains("supervision")))
        #expect(try Store.open(dir, readOnly: true).plan(plan).supervision.isEmpty)
    }
}
