import Foundation
import PlanModel
import Testing
@testable import PlanStore

@Suite struct DamageTests {
    @Test func tornTailIsIgnoredReportedAndCutByTheNextWriter() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = dir + "/test-2014.journal.jsonl"
        let s = try Store.open(dir, readOnly: false)
        try s.commit(.setProgress(60), plan: "test-2014", task: "1.1", expected: nil, force: false)
        let h = try #require(FileHandle(forWritingAtPath: journal))
        h.seekToEndOfFile(); h.write(Data(#"{"seq":3,"time":"2014-0"#.utf8)); h.closeFile()

        let r = try Store.open(dir, readOnly: true)
        #expect(try r.plan("test-2014").task("1.1")?.progress == 60)
        #expect(r.warnings.contains { $0.contains("torn") })
        let problems = r.check()
        #expect(problems.count == 1 && problems[0].repairable && problems[0].line == 3 && problems[0].file == journal)

        let w = try Store.open(dir, readOnly: false)
        let e = try w.commit(.setProgress(70), plan: "test-2014", task: "1.1", expected: .int(60), force: false)
        #expect(e.seq == 3)
        #expect(try readFile(journal + ".torn").contains(#"{"seq":3,"time":"2014-0"#))
        #expect(w.check().isEmpty)
        #expect(try Store.open(dir, readOnly: true).journal("test-2014").map(\.seq) == [1, 2, 3])
    }

    @Test func repairCutsOnlyTheTornTail() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = dir + "/test-2014.journal.jsonl"
        let good = try readFile(journal)
        try writeFile(journal, good + "{\"se")
        let s = try Store.open(dir, readOnly: false)
        #expect(try s.repair().count == 1)
        #expect(try readFile(journal) == good)
        #expect(s.check().isEmpty)
    }

    @Test func malformedSnapshotIsReportedWithLineAndColumnAndNeverOverwritten() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let snap = dir + "/test-2014.json"
        var text = try readFile(snap)
        text = text.replacingOccurrences(of: "\"title\":\"测试行动计划\",", with: "\"title\":\"测试行动计划\"")
        try writeFile(snap, text)
        let before = try fingerprint(dir)
        let s = try Store.open(dir, readOnly: false)
        #expect { try s.plan("test-2014") } throws: { "\($0)".hasPrefix(snap + ":") && "\($0)".contains("expected ',' or '}'") }
        let p = try #require(s.check().first)
        #expect(p.file == snap && p.line != nil && p.column != nil)
        #expect(throws: (any Error).self) { try s.commit(.setProgress(1), plan: "test-2014", task: "1.2", expected: nil, force: false) }
        #expect(throws: (any Error).self) { try s.addPlan(fixturePlan(), replace: true) }
        #expect(throws: (any Error).self) { try s.compact(plan: "test-2014") }
        #expect(try fingerprint(dir) == before)
    }

    @Test func malformedJournalLineStopsTheLoadWithItsLine() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = dir + "/test-2014.journal.jsonl"
        let s = try Store.open(dir, readOnly: false)
        try s.commit(.setProgress(60), plan: "test-2014", task: "1.1", expected: nil, force: false)
        try s.commit(.setProgress(70), plan: "test-2014", task: "1.1", expected: nil, force: false)
        var lines = try readFile(journal).split(separator: "\n").map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: "\"progress\"", with: "progress")
        try writeFile(journal, lines.joined(separator: "\n") + "\n")
        let before = try fingerprint(dir)
        let r = try Store.open(dir, readOnly: false)
        #expect { try r.plan("test-2014") } throws: { "\($0)".hasPrefix(journal + ":2:") }
        let p = try #require(r.check().first)
        #expect(p.file == journal && p.line == 2 && p.column != nil && !p.repairable)
        #expect(throws: (any Error).self) { try r.commit(.setProgress(1), plan: "test-2014", task: "1.2", expected: nil, force: false) }
        #expect(try fingerprint(dir) == before)
    }
}

@Suite struct WatchTests {
    @Test func pollReportsOthersChangesOnce() throws {
        let dir = try makeStore(plans: [fixturePlan(), fixturePlan(id: "second")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try Store.open(dir, readOnly: true)
        let b = try Store.open(dir, readOnly: false)
        _ = try a.plan("test-2014")
        #expect(a.pollChanges().isEmpty)
        let e = try b.commit(.setProgress(80), plan: "test-2014", task: "1.1", expected: nil, force: false)
        let changes = a.pollChanges()
        #expect(changes == [PlanChange(plan: "test-2014", entries: [e])])
        #expect(try a.plan("test-2014").task("1.1")?.progress == 80)
        #expect(a.pollChanges().isEmpty)
        #expect(b.pollChanges().isEmpty)  // own commits are not news
        // A plan this session never loaded is reported without reading it.
        try b.commit(.setProgress(5), plan: "second", task: "1.2", expected: nil, force: false)
        #expect(a.pollChanges() == [PlanChange(plan: "second", entries: [])])
        try b.addPlan(fixturePlan(id: "third"), replace: false)
        #expect(a.pollChanges().map(\.plan) == ["third"])
    }
}
