import Foundation
import PlanModel
import Testing
@testable import PlanStore

/// Journals written before the table of changes replay the same, and every
/// kind the store commits reads back as the edit it was.
@Suite struct ChangeJournalTests {
    static func plan() -> Plan {
        var p = fixturePlan()
        p.indicators = [Indicator(id: "goal.1", name: "合格率", target: 98, unit: "%", source: "合格率达到98%以上")]
        return p
    }

    /// One line of each kind of change, in the journal format as written by
    /// earlier versions (field names as literals on purpose: this is the format).
    static let journalLines = [
        #"{"seq":2,"time":"2014-06-30T10:00:00+08:00","user":"zhang","ssh":null,"plan":"test-2014","task":"1.1","field":"status","old":"in_progress","new":"behind"}"#,
        #"{"seq":3,"time":"2014-06-30T10:01:00+08:00","user":"zhang","ssh":"10.0.0.7 52100 22","plan":"test-2014","task":"1.1","field":"progress","old":40,"new":45}"#,
        #"{"seq":4,"time":"2014-06-30T10:02:00+08:00","user":"zhang","ssh":null,"plan":"test-2014","task":"1.2","field":"due","old":"2014-12-31","new":"2015-01-31"}"#,
        #"{"seq":5,"time":"2014-06-30T10:03:00+08:00","user":"wang","ssh":null,"plan":"test-2014","task":"1.2","field":"note","old":0,"new":{"time":"2014-06-30T10:03:00+08:00","user":"wang","department":"省质监局","text":"已召开推进会"}}"#,
        #"{"seq":6,"time":"2014-06-30T10:04:00+08:00","user":"zhang","ssh":null,"plan":"test-2014","task":"2.3","field":"title","old":"完善激励机制","new":"完善激励约束机制"}"#,
        #"{"seq":7,"time":"2014-06-30T10:05:00+08:00","user":"zhang","ssh":null,"plan":"test-2014","task":"2.3","field":"text","old":"完善激励机制。正文。","new":"新正文"}"#,
        #"{"seq":8,"time":"2014-06-30T10:06:00+08:00","user":"zhang","ssh":null,"plan":"test-2014","task":"2.3","field":"assignments","old":[{"department":"省工信委","role":"joint"}],"new":[{"department":"省质监局","role":"lead"},{"department":"各成员单位","role":"cooperate","collective":true}]}"#,
        #"{"seq":9,"time":"2014-06-30T10:07:00+08:00","user":"zhang","ssh":null,"plan":"test-2014","task":"2.9","field":"task","old":null,"new":{"key":"2.9","number":"九","title":"新增任务","text":"","assignments":[],"status":"not_started","progress":0,"due":"2014-12-31","notes":[],"section":1,"group":null}}"#,
        #"{"seq":10,"time":"2014-06-30T10:08:00+08:00","user":"zhang","ssh":null,"plan":"test-2014","task":"2.4","field":"task","old":{"key":"2.4"},"new":null}"#,
        #"{"seq":11,"time":"2014-06-30T10:09:00+08:00","user":"zhang","ssh":null,"plan":"test-2014","task":"","field":"indicator:goal.1","old":null,"new":97.5}"#,
        #"{"seq":12,"time":"2014-06-30T10:10:00+08:00","user":"zhang","ssh":null,"plan":"test-2014","task":"1.1","field":"progress","old":45,"new":40,"undoes":3}"#,
    ]

    @Test func anOldJournalReplaysAsBefore() throws {
        let dir = try makeStore(plans: [Self.plan()])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/test-2014.journal.jsonl"
        try writeFile(path, try readFile(path) + Self.journalLines.joined(separator: "\n") + "\n")

        let s = try Store.open(dir, readOnly: true)
        let p = try s.plan("test-2014")
        let t11 = try #require(p.task("1.1")), t12 = try #require(p.task("1.2")), t23 = try #require(p.task("2.3"))
        #expect(t11.status == .behind && t11.progress == 40)
        #expect(t12.due == Day("2015-01-31") && t12.notes.map(\.text) == ["已召开推进会"] && t12.notes[0].department == "省质监局")
        #expect(t23.title == "完善激励约束机制" && t23.text == "新正文")
        #expect(t23.assignments == [Assignment(department: "省质监局", role: .lead),
                                    Assignment(department: "各成员单位", role: .cooperate, collective: true)])
        let added = try #require(p.task("2.9"))
        #expect(added.section == 1 && added.group == nil && added.title == "新增任务")
        #expect(p.task("2.4") == nil)
        #expect(p.indicators.first?.actual == 97.5)

        // Every line reads and writes back byte for byte.
        let entries = try s.journal("test-2014").dropFirst()
        #expect(entries.map { String(decoding: JournalCodec.line($0), as: UTF8.self) } == Self.journalLines.map { $0 + "\n" })
        let kinds = try entries.map { try $0.changeField().kind }
        #expect(kinds == [.status, .progress, .due, .note, .title, .text, .assignments, .task, .task, .indicator, .progress])
    }

    @Test func everyCommittedKindReadsBackAsItsEdit() throws {
        let dir = try makeStore(plans: [Self.plan()])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try Store.open(dir, readOnly: false)
        // One edit of every kind an edit makes (an import is the store's own entry).
        let edits: [(Edit, String)] = [
            (.setStatus(.done), "1.1"),
            (.setProgress(70), "1.2"),
            (.setDue(Day("2015-02-28")!), "1.2"),
            (.addNote(Note(time: "", user: "", text: "进展\n顺利")), "2.3"),
            (.setTitle("新标题"), "2.3"),
            (.setText("新的正文"), "2.3"),
            (.setAssignments([Assignment(department: "省工信委", role: .implement)]), "2.3"),
            (.addTask(PlanTask(key: "2.8", number: "八", section: 1, title: "新任务", text: "新任务。",
                               assignments: [], due: Day("2014-10-01")!)), "2.8"),
            (.removeTask, "2.4"),
            (.setIndicatorActual(id: "goal.1", value: 99.1), ""),
        ]
        var committed: [(Edit, JournalEntry)] = []
        for (edit, key) in edits {
            committed.append((edit, try a.commit(edit, plan: "test-2014", task: key, expected: nil, force: false)))
        }
        let b = try Store.open(dir, readOnly: true)
        #expect(try b.plan("test-2014") == a.plan("test-2014"))
        let lines = try readFile(dir + "/test-2014.journal.jsonl").split(separator: "\n").dropFirst()
        #expect(lines.count == committed.count)
        for ((edit, entry), line) in zip(committed, lines) {
            let read = try Array(line.utf8).withUnsafeBufferPointer { try JournalCodec.entry(line: $0) }
            #expect(read == entry)
            #expect(read.field == edit.field)
            if case .addNote(let n) = edit {
                guard case .addNote(let stamped)? = try read.edit() else { Issue.record("not a note: \(line)"); continue }
                #expect(stamped.text == n.text && stamped.user == a.user)
            } else {
                #expect(try read.edit() == edit, "\(line)")
            }
        }
    }

    @Test func undoFollowsTheTable() throws {
        let dir = try makeStore(plans: [Self.plan()])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try Store.open(dir, readOnly: false)
        try a.commit(.setIndicatorActual(id: "goal.1", value: 90), plan: "test-2014", task: "", expected: nil, force: false)
        try a.commit(.setTitle("临时标题"), plan: "test-2014", task: "1.2", expected: nil, force: false)
        let undone = try a.undoLast(plan: "test-2014")
        #expect(undone.field == "title" && undone.new == .string("整顿市场秩序") && undone.undoes == 3)
        try a.undoLast(plan: "test-2014")
        #expect(try a.plan("test-2014").indicators.first?.actual == nil)

        // A note is undone by a journaled withdrawal: the note stays, marked withdrawn.
        try a.commit(.addNote(Note(time: "", user: "", text: "备注")), plan: "test-2014", task: "1.2", expected: nil, force: false)
        let withdrawn = try a.undoLast(plan: "test-2014")
        #expect(withdrawn.field == "withdraw" && withdrawn.new["index"]?.int == 0)
        #expect(try a.plan("test-2014").task("1.2")?.notes.count == 1)
        #expect(try a.plan("test-2014").isWithdrawn(.note, task: "1.2", index: 0))
        // Nothing of this session's is left to undo.
        #expect(throws: EditError.self) { try a.undoLast(plan: "test-2014") }
    }
}
