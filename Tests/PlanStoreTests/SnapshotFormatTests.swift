import Foundation
import PlanModel
@testable import PlanStore
import Testing

/// A fixture plan with notes on two tasks, one of them collective.
func plannedWithNotes() -> Plan {
    var p = fixturePlan()
    p.modifyTask("1.1") {
        $0.notes = [Note(time: "2014-05-01T09:00:00+08:00", user: "alice", department: "省发展改革委", text: "已召开协调会。"),
                    Note(time: "2014-06-01T09:00:00+08:00", user: "bob", text: "引号\"与\\反斜杠\n换行")]
    }
    p.modifyTask("2.4") {
        $0.notes = [Note(time: "2014-07-01T09:00:00+08:00", user: "carol", text: "进展顺利。")]
        $0.assignments.append(Assignment(department: "各市州人民政府", role: .implement, collective: true))
    }
    return p
}

@Suite struct SnapshotFormatTests {
    @Test func wholeLoadRoundTripsEveryField() throws {
        let dir = try makeStore(plans: [plannedWithNotes()])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lines = try readFile(dir + "/test-2014.json").split(separator: "\n")
        // Header, four task lines, two notes lines.
        #expect(lines.count == 7)
        #expect(lines[0].hasPrefix("{\"schemaVersion\":2,") && lines[0].contains("\"tasks\":4"))
        #expect(lines[1].contains("\"key\":\"1.1\"") && lines[1].contains("\"noteCount\":2,\"notesAt\":0"))
        #expect(lines[5].hasPrefix("{\"key\":\"1.1\",\"notes\":["))
        #expect(try Store.open(dir, readOnly: true).plan("test-2014") == plannedWithNotes())
    }

    @Test func displayLoadLeavesNotesOnDiskAndReadsThemOnDemand() throws {
        let dir = try makeStore(plans: [plannedWithNotes()])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let whole = try Store.open(dir, readOnly: true).plan("test-2014")
        let s = try Store.open(dir, readOnly: false)
        let shown = try s.displayPlan("test-2014")
        #expect(shown.tasks.allSatisfy { $0.notes.isEmpty })
        #expect(shown.tasks.map(\.olderNotes) == [2, 0, 0, 1])
        #expect(shown.tasks.map(\.noteCount) == whole.tasks.map(\.notes.count))
        // Everything but the notes is the same.
        #expect(shown.tasks.map(\.title) == whole.tasks.map(\.title) && shown.tasks.map(\.assignments) == whole.tasks.map(\.assignments))
        // Titles and texts kept as bytes read back the same, as Strings and as bytes.
        #expect(shown.tasks.map(\.text) == whole.tasks.map(\.text))
        #expect(shown.tasks.map { $0.bodyText.withUTF8 { Array($0) } } == whole.tasks.map { Array($0.text.utf8) })
        for t in whole.tasks { #expect(try s.notes(plan: "test-2014", task: t.key) == t.notes) }

        // A note added in this session follows the ones on disk.
        try s.commit(.addNote(Note(time: "", user: "", text: "新进展")), plan: "test-2014", task: "1.1", expected: nil, force: false)
        #expect(try s.notes(plan: "test-2014", task: "1.1").map(\.text) == whole.task("1.1")!.notes.map(\.text) + ["新进展"])
        // The journal's old value counts every note, not only those in memory.
        #expect(try s.journal("test-2014").last?.old == .int(2))
        // `plan` is always whole, even after a display load.
        #expect(try s.plan("test-2014").task("1.1")?.notes.count == 3)
    }

    @Test func checkpointFromADisplaySessionKeepsEveryNote() throws {
        let dir = try makeStore(plans: [plannedWithNotes()])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Store.open(dir, readOnly: false)
        _ = try s.displayPlan("test-2014")
        try s.commit(.addNote(Note(time: "", user: "", text: "第三条")), plan: "test-2014", task: "1.1", expected: nil, force: false)
        try s.compact(plan: "test-2014")
        let after = try Store.open(dir, readOnly: true).plan("test-2014")
        #expect(after.task("1.1")?.notes.map(\.text) == ["已召开协调会。", "引号\"与\\反斜杠\n换行", "第三条"])
        #expect(after.task("2.4")?.notes.count == 1)
        #expect(try s.displayPlan("test-2014").task("1.1")?.olderNotes == 3)
        #expect(s.check().isEmpty)
    }

    @Test func notesAreReadFromTheNewFileAfterAnotherSessionsCheckpoint() throws {
        let dir = try makeStore(plans: [plannedWithNotes()])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let viewer = try Store.open(dir, readOnly: true)
        _ = try viewer.displayPlan("test-2014")
        let writer = try Store.open(dir, readOnly: false)
        try writer.commit(.addNote(Note(time: "", user: "", text: "另一会话")), plan: "test-2014", task: "2.4", expected: nil, force: false)
        try writer.compact(plan: "test-2014")
        #expect(try viewer.notes(plan: "test-2014", task: "2.4").map(\.text) == ["进展顺利。", "另一会话"])
    }

    @Test func removingATaskFromADisplaySessionJournalsItWhole() throws {
        let dir = try makeStore(plans: [plannedWithNotes()])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Store.open(dir, readOnly: false)
        _ = try s.displayPlan("test-2014")
        let e = try s.commit(.removeTask, plan: "test-2014", task: "1.1", expected: nil, force: false)
        #expect(e.old["notes"]?.array?.count == 2)
    }

    @Test func schemaOneSnapshotsStillLoadAndTheNextCheckpointWritesLines() throws {
        let dir = try makeStore(plans: [plannedWithNotes()])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let snap = dir + "/test-2014.json"
        let whole = try Store.open(dir, readOnly: true).plan("test-2014")
        // The journal holds only the import, which the snapshot contains.
        let offset = (try FileManager.default.attributesOfItem(atPath: dir + "/test-2014.journal.jsonl")[.size] as! NSNumber).intValue
        let v1 = JSONWriter.pretty(.object([("schemaVersion", .int(1)), ("journal", .object([("seq", .int(1)), ("offset", .int(offset))])),
                                            ("plan", whole.json)]))
        try writeFile(snap, v1)
        let s = try Store.open(dir, readOnly: false)
        #expect(try s.plan("test-2014") == whole)
        #expect(try s.displayPlan("test-2014") == whole)
        #expect(s.check().isEmpty)
        try s.compact(plan: "test-2014")
        #expect(try readFile(snap).hasPrefix("{\"schemaVersion\":2,"))
        #expect(try Store.open(dir, readOnly: true).plan("test-2014") == whole)
    }

    /// A bad value inside a task line is reported with its line and field,
    /// and the files are left as they were.
    @Test func badTaskLineIsNamedByLineAndField() throws {
        let dir = try makeStore(plans: [plannedWithNotes()])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let snap = dir + "/test-2014.json"
        try writeFile(snap, try readFile(snap).replacingOccurrences(of: "\"progress\":40", with: "\"progress\":140"))
        let before = try fingerprint(dir)
        let s = try Store.open(dir, readOnly: false)
        #expect { try s.plan("test-2014") } throws: { "\($0)" == snap + ":2: task line: progress: 140 is outside 0–100" }
        let p = try #require(s.check().first)
        #expect(p.file == snap && p.line == 2 && p.message.contains("progress"))
        #expect(throws: (any Error).self) { try s.commit(.setProgress(1), plan: "test-2014", task: "1.2", expected: nil, force: false) }
        #expect(try fingerprint(dir) == before)
    }

    @Test func truncatedSnapshotsAreRefused() throws {
        let dir = try makeStore(plans: [plannedWithNotes()])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let snap = dir + "/test-2014.json"
        let lines = try readFile(snap).split(separator: "\n")
        // Without its last notes line: the notes of 2.4 are missing.
        try writeFile(snap, lines.dropLast().joined(separator: "\n") + "\n")
        #expect { try Store.open(dir, readOnly: true).plan("test-2014") } throws: { "\($0)".contains("notes of task 2.4 are missing") }
        // Without task lines: even a display load refuses it.
        try writeFile(snap, lines.prefix(3).joined(separator: "\n") + "\n")
        #expect { try Store.open(dir, readOnly: true).displayPlan("test-2014") } throws: { "\($0)".hasPrefix(snap + ":4: expected 4 task lines") }
    }

    @Test func historyReadsOnlyATasksLinesAndFollowsAppends() throws {
        let dir = try makeStore(plans: [plannedWithNotes()])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Store.open(dir, readOnly: false)
        for p in [10, 20, 30] {
            try s.commit(.setProgress(p), plan: "test-2014", task: "1.2", expected: nil, force: false)
            try s.commit(.setStatus(.inProgress), plan: "test-2014", task: "2.3", expected: nil, force: false)
        }
        let reader = try Store.open(dir, readOnly: true)
        let all = try reader.journal("test-2014")
        for key in ["1.1", "1.2", "2.3", "2.4"] {
            #expect(reader.history(plan: "test-2014", task: key) == all.filter { $0.task == key })
        }
        #expect(try reader.journal("test-2014", fields: ["status", "plan"]) == all.filter { $0.field == "status" || $0.field == "plan" })
        #expect(try reader.journal("test-2014", fields: ["progress"]).map(\.new) == [.int(10), .int(20), .int(30)])
        try s.commit(.setProgress(40), plan: "test-2014", task: "1.2", expected: nil, force: false)
        #expect(reader.history(plan: "test-2014", task: "1.2").map(\.new) == [.int(10), .int(20), .int(30), .int(40)])
        // A torn last line is not history.
        let journal = dir + "/test-2014.journal.jsonl"
        try writeFile(journal, try readFile(journal) + "{\"seq\":99,\"time\":\"x\",\"user\":\"u\",\"ssh\":null,\"plan\":\"test-2014\",\"task\":\"1.2\"")
        #expect(reader.history(plan: "test-2014", task: "1.2").count == 4)
        #expect(reader.lastJournalEntry("test-2014")?.new == .int(40))
    }

    @Test func staleTemporaryFilesAreReportedAndRemovedByRepair() throws {
        let dir = try makeStore(plans: [plannedWithNotes()])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A pid far above pid_max is never a live process.
        let stale = dir + "/.test-2014.json.tmp-99999999", live = dir + "/.test-2014.json.tmp-\(getpid())"
        try writeFile(stale, "{\"schemaVersion\":2")
        try writeFile(live, "{")
        let s = try Store.open(dir, readOnly: false)
        #expect(s.check().map(\.file) == [stale])
        #expect(try s.repair().count == 1)
        #expect(!FileManager.default.fileExists(atPath: stale) && FileManager.default.fileExists(atPath: live))
        #expect(s.check().isEmpty)
    }

    @Test func lineReaderSkipsTheRestOfLongLinesWithoutHoldingThem() throws {
        let path = NSTemporaryDirectory() + "/duban-lines-\(getpid())"
        defer { unlink(path) }
        let text = String(repeating: "a", count: 10) + "\n" + String(repeating: "b", count: 5000) + "\nccc\ndd"
        try writeFile(path, text)
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let r = LineReader(fd: fd, chunk: 64)
        var got: [(String, Int, Int, Bool)] = []
        while let (b, offset, length) = try r.nextPrefix(limit: 16) {
            got.append((String(decoding: b, as: UTF8.self), offset, length, r.lastWasComplete))
        }
        #expect(got.map(\.0) == ["aaaaaaaaaa", String(repeating: "b", count: 16), "ccc", "dd"])
        #expect(got.map(\.1) == [0, 11, 5012, 5016])
        #expect(got.map(\.2) == [10, 5000, 3, 2])
        #expect(got.map(\.3) == [true, true, true, false])
        // `next` gives whole lines whatever the chunk.
        let whole = LineReader(fd: fd, chunk: 64)
        var lengths: [Int] = []
        while let (b, _) = try whole.next() { lengths.append(b.count) }
        #expect(lengths == [10, 5000, 3, 2])
    }
}
