import Foundation
import PlanModel
import Testing
@testable import PlanStore

@Suite struct LoadAndCommitTests {
    @Test func commitIsJournaledAndReplayedByAnotherSession() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try Store.open(dir, readOnly: false)
        #expect(a.role == .office)
        let snapshotBefore = try readFile(dir + "/test-2014.json")
        let e = try a.commit(.setProgress(60), plan: "test-2014", task: "1.1", expected: .int(40), force: false)
        #expect(e.seq == 2 && e.old == .int(40) && e.new == .int(60) && e.user == a.user && e.field == "progress")
        // The commit point is the journal: the snapshot is not rewritten.
        #expect(try readFile(dir + "/test-2014.json") == snapshotBefore)
        try a.commit(.addNote(Note(time: "x", user: "forged", text: "已召开推进会")), plan: "test-2014", task: "1.2", expected: nil, force: false)

        let b = try Store.open(dir, readOnly: true)
        let p = try b.plan("test-2014")
        #expect(p.task("1.1")?.progress == 60)
        let note = try #require(p.task("1.2")?.notes.first)
        #expect(note.user == a.user && note.time != "x" && note.text == "已召开推进会")
        #expect(try b.journal("test-2014").map(\.seq) == [1, 2, 3])
        let lines = try readFile(dir + "/test-2014.journal.jsonl").split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("{\"seq\":2,\"time\":\""))
        #expect(lines[2].contains("已召开推进会"))  // Chinese unescaped
    }

    @Test func compactKeepsContentAndJournal() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try Store.open(dir, readOnly: false)
        try a.commit(.setStatus(.done), plan: "test-2014", task: "2.3", expected: nil, force: false)
        let before = try a.plan("test-2014")
        try a.compact(plan: "test-2014")
        let snap = try readFile(dir + "/test-2014.json")
        #expect(snap.hasPrefix("{\"schemaVersion\":2,\"journal\":{\"seq\":2,") && snap.contains("测试行动计划"))
        let b = try Store.open(dir, readOnly: true)
        #expect(try b.plan("test-2014") == before)
        try a.commit(.setProgress(5), plan: "test-2014", task: "1.2", expected: .int(0), force: false)
        #expect(try Store.open(dir, readOnly: true).plan("test-2014").task("1.2")?.progress == 5)
        #expect(try b.journal("test-2014").count == 3)
    }

    @Test func structureEditsReplay() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try Store.open(dir, readOnly: false)
        let t = PlanTask(key: "2.5", number: "五", section: 1, title: "新任务", text: "新任务。", assignments: [], due: Day("2014-11-30")!)
        try a.commit(.addTask(t), plan: "test-2014", task: "2.5", expected: nil, force: false)
        try a.commit(.removeTask, plan: "test-2014", task: "2.3", expected: nil, force: false)
        try a.commit(.setTitle("改名"), plan: "test-2014", task: "1.1", expected: nil, force: false)
        try a.commit(.setDue(Day("2014-09-30")!), plan: "test-2014", task: "1.1", expected: nil, force: false)
        let p = try Store.open(dir, readOnly: true).plan("test-2014")
        #expect(p.tasks.map(\.key) == ["1.1", "1.2", "2.4", "2.5"])
        #expect(p.task("2.5")?.section == 1 && p.task("1.1")?.title == "改名" && p.task("1.1")?.due == Day("2014-09-30"))
        #expect(p == (try a.plan("test-2014")))
    }

    @Test func badValuesChangeNothing() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try fingerprint(dir)
        let a = try Store.open(dir, readOnly: false)
        #expect(throws: EditError.self) { try a.commit(.setProgress(140), plan: "test-2014", task: "1.1", expected: nil, force: false) }
        #expect(throws: EditError.self) { try a.commit(.setProgress(1), plan: "test-2014", task: "9.9", expected: nil, force: false) }
        let big = String(repeating: "长", count: 400_000)
        #expect(throws: EditError.self) { try a.commit(.addNote(Note(time: "", user: "", text: big)), plan: "test-2014", task: "1.1", expected: nil, force: false) }
        #expect(throws: StoreError.self) { try a.plan("no-such-plan") }
        #expect(try fingerprint(dir) == before)
        #expect(throws: StoreError.self) { try Store.open(dir + "/missing", readOnly: false) }
        #expect(throws: StoreError.self) { try Store.open(dir + "/test-2014.json", readOnly: false) }
    }

    @Test func settingsKeepUnknownKeys() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeFile(dir + "/settings.json", #"{"dueSoonDays": 14, "evaluationDates": {"test-2014": "2014-09-30"}, "scoring": {"weight": 2}}"#)
        let a = try Store.open(dir, readOnly: false)
        #expect(a.settings.dueSoonDays == 14 && a.settings.today(for: "test-2014") == Day("2014-09-30"))
        let plan = try a.plan("test-2014")
        #expect(a.evaluation(for: plan) == Evaluation(today: Day("2014-09-30")!, dueSoonDays: 14))
        #expect(a.evaluation(for: plan, today: Day("2014-05-01")).today == Day("2014-05-01"))
        var s = a.settings
        s.dueSoonDays = 20
        try a.setSettings(s)
        let text = try readFile(dir + "/settings.json")
        #expect(text.contains("\"scoring\"") && text.contains("\"dueSoonDays\": 20"))
    }
}

@Suite struct ConflictAndUndoTests {
    @Test func staleValueIsAConflictNamingWhoChangedIt() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try Store.open(dir, readOnly: false)
        let b = try Store.open(dir, readOnly: false)
        let seen = try a.plan("test-2014").currentValue(of: .setProgress(0), task: "1.1")
        let first = try b.commit(.setProgress(50), plan: "test-2014", task: "1.1", expected: seen, force: false)
        do {
            try a.commit(.setProgress(70), plan: "test-2014", task: "1.1", expected: seen, force: false)
            Issue.record("a stale change was committed")
        } catch let c as Conflict {
            #expect(c.current == .int(50) && c.expected == .int(40))
            #expect(c.by?.seq == first.seq && c.by?.user == b.user)
            #expect(c.description.contains("changed by \(b.user) at \(first.time)"))
        }
        #expect(try a.plan("test-2014").task("1.1")?.progress == 50)  // caught up, nothing overwritten
        try a.commit(.setProgress(70), plan: "test-2014", task: "1.1", expected: seen, force: true)
        #expect(try Store.open(dir, readOnly: true).plan("test-2014").task("1.1")?.progress == 70)
    }

    @Test func undoIsANewJournaledChange() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try Store.open(dir, readOnly: false)
        let e = try a.commit(.setProgress(60), plan: "test-2014", task: "1.1", expected: .int(40), force: false)
        let u = try a.undoLast(plan: "test-2014")
        #expect(u.undoes == e.seq && u.new == .int(40) && u.old == .int(60) && u.seq == e.seq + 1)
        #expect(try Store.open(dir, readOnly: true).plan("test-2014").task("1.1")?.progress == 40)
        #expect(throws: EditError.self) { try a.undoLast(plan: "test-2014") }
        // Someone else's change since makes the undo a conflict, not an overwrite.
        try a.commit(.setStatus(.behind), plan: "test-2014", task: "1.2", expected: nil, force: false)
        let b = try Store.open(dir, readOnly: false)
        try b.commit(.setStatus(.done), plan: "test-2014", task: "1.2", expected: nil, force: false)
        #expect(throws: Conflict.self) { try a.undoLast(plan: "test-2014") }
        #expect(throws: EditError.self) { try b.undoLast(plan: "other") }
    }
}
