import Foundation
import PlanModel
import Testing
@testable import PlanStore

@Suite struct AccessTests {
    func store(access: String) throws -> (String, Store) {
        let dir = try makeStore()
        try writeFile(dir + "/access.json", access)
        return (dir, try Store.open(dir, readOnly: false))
    }

    @Test func reporterChangesOnlyProgressOfItsDepartmentsTasks() throws {
        let me = Identity.userName()
        let (dir, s) = try store(access: #"{"office": ["chief"], "reporters": {"\#(me)": ["省质监局"]}}"#)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(s.role == .reporter(departments: ["省质监局"]))
        #expect(!s.isReadOnly)
        // 1.1 names 省质监局 by its alias 质监, as a cooperating department: it
        // reports notes there, but status and progress belong to the lead.
        #expect(throws: Refusal.self) { try s.commit(.setProgress(55), plan: "test-2014", task: "1.1", expected: .int(40), force: false) }
        let n = try s.commit(.addNote(Note(time: "", user: "", text: "配合完成")), plan: "test-2014", task: "1.1", expected: nil, force: false)
        #expect(n.new["department"]?.string == "省质监局")
        try s.commit(.setStatus(.done), plan: "test-2014", task: "1.2", expected: nil, force: false)
        let before = try fingerprint(dir)
        #expect(throws: Refusal.self) { try s.commit(.setProgress(10), plan: "test-2014", task: "2.4", expected: nil, force: false) }
        #expect(throws: Refusal.self) { try s.commit(.setTitle("x"), plan: "test-2014", task: "1.2", expected: nil, force: false) }
        #expect(throws: Refusal.self) { try s.commit(.setDue(Day("2015-01-01")!), plan: "test-2014", task: "1.2", expected: nil, force: false) }
        #expect(throws: Refusal.self) { try s.commit(.removeTask, plan: "test-2014", task: "1.2", expected: nil, force: false) }
        #expect(throws: Refusal.self) { try s.addPlan(fixturePlan(id: "other"), replace: false) }
        #expect(throws: Refusal.self) { try s.setAccessRules(AccessRules(office: [me])) }
        #expect(try fingerprint(dir) == before)
    }

    @Test func viewerIsRefusedEverything() throws {
        let (dir, s) = try store(access: #"{"office": ["chief"], "reporters": {"clerk": ["省质监局"]}}"#)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(s.role == .viewer && s.isReadOnly && s.session.readOnly)
        let before = try fingerprint(dir)
        #expect(throws: Refusal.self) { try s.commit(.setProgress(10), plan: "test-2014", task: "1.2", expected: nil, force: false) }
        #expect(throws: Refusal.self) { try s.commit(.addNote(Note(time: "", user: "", text: "x")), plan: "test-2014", task: "1.1", expected: nil, force: false) }
        #expect(throws: Refusal.self) { try s.addPlan(fixturePlan(id: "other"), replace: false) }
        #expect(throws: (any Error).self) { try s.compact(plan: "test-2014") }
        #expect(try s.plan("test-2014").tasks.count == 4)
        #expect(try fingerprint(dir) == before)
    }

    @Test func withoutRulesTheOwnerIsOfficeAndReadOnlyOpenTouchesNothing() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try fingerprint(dir)
        let s = try Store.open(dir, readOnly: true)
        #expect(s.role == .office && s.isReadOnly && s.readOnlyReason != nil)
        #expect(throws: Refusal.self) { try s.commit(.setProgress(10), plan: "test-2014", task: "1.2", expected: nil, force: false) }
        _ = try s.plan("test-2014"); _ = try s.journal("test-2014"); _ = s.check(); _ = s.pollChanges()
        #expect(try fingerprint(dir) == before)
    }
}
