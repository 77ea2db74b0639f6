import Foundation
import PlanModel
@testable import PlanStore
import Testing

/// `Store.plan(_:onlyTask:)`: one task read from its own snapshot line and
/// the journal since, as `duban update` reads it.
@Suite struct OneTaskLoadTests {
    /// The fixture store with changes to several tasks after its snapshot.
    func changedStore() throws -> String {
        let dir = try makeStore(plans: [plannedWithNotes()])
        let s = try Store.open(dir, readOnly: false)
        try s.commit(.setProgress(70), plan: "test-2014", task: "1.1", expected: nil, force: false)
        try s.commit(.addNote(Note(time: "", user: "", text: "新进展")), plan: "test-2014", task: "2.4", expected: nil, force: false)
        try s.commit(.setStatus(.done), plan: "test-2014", task: "2.3", expected: nil, force: false)
        return dir
    }

    func same(_ a: PlanTask, _ b: PlanTask) -> Bool {
        a.key == b.key && a.title == b.title && a.text == b.text && a.status == b.status && a.progress == b.progress
            && a.due == b.due && a.assignments == b.assignments && a.section == b.section && a.group == b.group
            && a.noteCount == b.noteCount
    }

    @Test func eachTaskReadAloneMatchesTheWholePlan() throws {
        let dir = try changedStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let whole = try Store.open(dir, readOnly: true).plan("test-2014")
        for t in whole.tasks {
            let one = try Store.open(dir, readOnly: true).plan("test-2014", onlyTask: t.key)
            #expect(one.tasks.count == 1 && same(one.tasks[0], t), "\(t.key)")
            #expect(one.departments == whole.departments && one.sections == whole.sections)
        }
        // A key that is not there: the whole plan is read, and has no such task.
        #expect(try Store.open(dir, readOnly: true).plan("test-2014", onlyTask: "9.9").task("9.9") == nil)
    }

    /// Bisecting with a tiny window finds every line of a file in order, and
    /// in a file out of order it finds the right line or gives up, never a
    /// wrong one.
    @Test func bisectingFindsTheLineOrGivesUp() throws {
        let dir = try changedStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let snap = dir + "/test-2014.json"
        let keys = ["1.1", "1.2", "2.3", "2.4"]
        for key in keys {
            guard case .found(let f) = try TaskLocator.find(snap, key: key, window: 8) else {
                Issue.record("\(key) not found"); continue
            }
            #expect(f.task.task.key == key)
        }
        var lines = try readFile(snap).split(separator: "\n", omittingEmptySubsequences: false)
        lines.swapAt(1, 4)
        try writeFile(snap, lines.joined(separator: "\n"))
        for key in keys {
            switch try TaskLocator.find(snap, key: key, window: 8) {
            case .found(let f): #expect(f.task.task.key == key)
            case .readWhole: break
            case .noFile: Issue.record("the file is there")
            }
        }
        let whole = try Store.open(dir, readOnly: true).plan("test-2014")
        for key in keys {
            let one = try Store.open(dir, readOnly: true).plan("test-2014", onlyTask: key)
            #expect(one.task(key).map { same($0, whole.task(key)!) } == true, "\(key)")
        }
    }

    /// A session holding one task compares and swaps as a whole session does,
    /// numbers its entry after every other, and leaves a journal the whole
    /// plan reads.
    @Test func commitsFromOneTaskKeepCompareAndSwap() throws {
        let dir = try changedStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try Store.open(dir, readOnly: false)
        #expect(try a.plan("test-2014", onlyTask: "1.2").task("1.2")?.progress == 0)
        let b = try Store.open(dir, readOnly: false)
        try b.commit(.setProgress(50), plan: "test-2014", task: "1.2", expected: .int(0), force: false)
        try b.commit(.setProgress(20), plan: "test-2014", task: "2.4", expected: nil, force: false)
        #expect {
            try a.commit(.setProgress(60), plan: "test-2014", task: "1.2", expected: .int(0), force: false)
        } throws: { ($0 as? Conflict)?.current == .int(50) && ($0 as? Conflict)?.by?.field == "progress" }
        let e = try a.commit(.setProgress(60), plan: "test-2014", task: "1.2", expected: .int(50), force: false)
        let all = try Store.open(dir, readOnly: true).journal("test-2014")
        #expect(e.seq == all.count && all.map(\.seq) == Array(1...all.count))
        let whole = try Store.open(dir, readOnly: true).plan("test-2014")
        #expect(whole.task("1.2")?.progress == 60 && whole.task("2.4")?.progress == 20)
        #expect(try a.plan("test-2014").task("2.4")?.progress == 20)
    }

    /// With `notes`, each task read alone holds the notes the whole plan
    /// holds, those in the snapshot then those journaled since, and the
    /// plan's feedback and requests on it; a tiny window bisects for the
    /// notes section too.
    @Test func eachTaskReadAloneWithNotesHoldsTheWholePlansNotesFeedbackAndRequests() throws {
        let dir = try changedStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Store.open(dir, readOnly: false)
        try s.commit(.addFeedback(UnitFeedback(task: "1.1", department: "省发展改革委", text: "已调研")), plan: "test-2014", task: "1.1",
                     expected: nil, force: false)
        try s.commit(.request(ReviewRequest(kind: .extension, department: "省发展改革委", text: "需协调", to: Day("2015-03-31"))),
                     plan: "test-2014", task: "1.1", expected: nil, force: false)
        try s.compact(plan: "test-2014")
        try s.commit(.addNote(Note(time: "", user: "", text: "检查后的进展")), plan: "test-2014", task: "1.1", expected: nil, force: false)
        let whole = try Store.open(dir, readOnly: true).plan("test-2014")
        #expect(whole.task("1.1")!.notes.count == 3 && whole.task("2.4")!.notes.count == 2)
        #expect(whole.supervision.feedbackCount(task: "1.1") == 1 && whole.reviews.requests(task: "1.1").count == 1)
        for t in whole.tasks {
            let one = try Store.open(dir, readOnly: true).plan("test-2014", onlyTask: t.key, notes: true)
            #expect(one.tasks.count == 1 && same(one.tasks[0], t) && one.tasks[0].notes == t.notes && one.tasks[0].olderNotes == 0, "\(t.key)")
            #expect(one.supervision.feedback(task: t.key) == whole.supervision.feedback(task: t.key), "\(t.key)")
            #expect(one.reviews.requests(task: t.key) == whole.reviews.requests(task: t.key), "\(t.key)")
            #expect(one.reviewState(task: t.key).originalDue == whole.reviewState(task: t.key).originalDue, "\(t.key)")
            // Without, the snapshot's notes stay on disk, counted.
            let bare = try Store.open(dir, readOnly: true).plan("test-2014", onlyTask: t.key)
            #expect(bare.tasks[0].noteCount == t.notes.count, "\(t.key)")
            guard case .found(let f) = try TaskLocator.find(dir + "/test-2014.json", key: t.key, notes: true, window: 8) else {
                Issue.record("\(t.key) not found"); continue
            }
            #expect(f.task.task.olderNotes == 0 && t.notes.starts(with: f.task.task.notes), "\(t.key)")
        }
        // A store holding the task without its notes hands out one with them when asked.
        let held = try Store.open(dir, readOnly: true)
        #expect(try held.plan("test-2014", onlyTask: "1.1").task("1.1")!.notes.count == 1)
        #expect(try held.plan("test-2014", onlyTask: "1.1", notes: true).task("1.1")!.notes == whole.task("1.1")!.notes)
    }

    /// Notes not where the task line says are left to the whole read, which names the damage.
    @Test func notesOutOfPlaceFallBackToTheWholeRead() throws {
        let dir = try makeStore(plans: [plannedWithNotes()])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let snap = dir + "/test-2014.json"
        var lines = try readFile(snap).split(separator: "\n", omittingEmptySubsequences: false)
        // The two notes lines swapped: each task's offset now points at the other's.
        lines.swapAt(5, 6)
        try writeFile(snap, lines.joined(separator: "\n"))
        #expect(try TaskLocator.find(snap, key: "1.1", notes: true).isReadWhole)
        #expect(try TaskLocator.find(snap, key: "2.4", notes: true).isReadWhole)
        if case .found = try TaskLocator.find(snap, key: "1.1") {} else { Issue.record("without notes the line is found") }
        #expect(throws: (any Error).self) { try Store.open(dir, readOnly: true).plan("test-2014", onlyTask: "1.1", notes: true) }
    }

    @Test func aReporterHoldingOneTaskIsRefusedOthers() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeFile(dir + "/access.json", #"{"office": ["chief"], "reporters": {"\#(Identity.userName())": ["省质监局"]}}"#)
        let s = try Store.open(dir, readOnly: false)
        _ = try s.plan("test-2014", onlyTask: "2.4")
        let before = try fingerprint(dir)
        #expect(throws: Refusal.self) { try s.commit(.setProgress(10), plan: "test-2014", task: "2.4", expected: nil, force: false) }
        #expect(try fingerprint(dir) == before)
        _ = try s.plan("test-2014", onlyTask: "1.1")
        let n = try s.commit(.addNote(Note(time: "", user: "", text: "配合完成")), plan: "test-2014", task: "1.1", expected: nil, force: false)
        #expect(n.new["department"]?.string == "省质监局")
    }
}

extension TaskLocator.Outcome {
    var isReadWhole: Bool { if case .readWhole = self { true } else { false } }
}
