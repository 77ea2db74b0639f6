import Foundation
import PlanModel
@testable import PlanStore
import SyntheticStore
import Testing

/// Every store record round-trips through its one encoder and decoder:
/// journal lines, snapshots (header, task and notes lines), settings and
/// access rules, hostile text included.
@Suite struct StoreCodecPropertyTests {
    static let seeds: [UInt64] = Array(1...30)

    @Test(arguments: seeds) func journalLinesRoundTrip(_ seed: UInt64) throws {
        var g = RecordGen(seed: seed)
        for _ in 0..<20 {
            let e = JournalEntry(seq: g.int(1...1_000_000), time: g.text(8), user: g.text(6), ssh: g.bool() ? g.text(6) : nil,
                                 plan: g.text(6), task: g.text(4), field: g.text(6), old: g.json(), new: g.json(),
                                 undoes: g.bool() ? g.int(1...99) : nil)
            var line = JournalCodec.line(e)
            #expect(line.last == 10 && line.dropLast().allSatisfy { $0 != 10 })
            line.removeLast()
            #expect(try line.withUnsafeBufferPointer { (b) throws(JSONReader.Failure) in try JournalCodec.entry(line: b) } == e)
            #expect(line.withUnsafeBufferPointer { JournalCodec.head($0) }.map { $0 == (e.seq, e.task, e.field) } == true)
            #expect(try JournalCodec.entry(JSONParser.parse(line)) == e)
        }
    }

    @Test(arguments: seeds) func snapshotsRoundTrip(_ seed: UInt64) throws {
        var g = RecordGen(seed: seed)
        let plan = g.plan()
        let dir = NSTemporaryDirectory() + "/duban-snapshot-prop-\(getpid())-\(seed)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/" + plan.id + ".json"
        let snap = Snapshot(plan: plan, seq: g.int(0...9999), offset: g.int(0...99999))
        try Data(try snap.bytes()).write(to: URL(fileURLWithPath: path))
        for notes in [true, false] {
            let back = try #require(try SnapshotReader.load(path, notes: notes)).snapshot
            #expect(back.seq == snap.seq && back.offset == snap.offset)
            if notes {
                #expect(back.plan == plan)
            } else {
                #expect(back.plan.tasks.map(\.noteCount) == plan.tasks.map(\.noteCount))
            }
        }
        for t in plan.tasks {
            guard case .found(let f) = try TaskLocator.find(path, key: t.key, window: 64) else {
                Issue.record("\(t.key) not found"); continue
            }
            #expect(f.task.task.title == t.title && f.task.task.assignments == t.assignments && f.task.task.olderNotes == t.notes.count)
        }
    }

    @Test(arguments: seeds) func settingsAndAccessRulesRoundTrip(_ seed: UInt64) throws {
        var g = RecordGen(seed: seed)
        var s = StoreSettings(dueSoonDays: g.int(0...90))
        for _ in 0..<g.int(0...3) { s.evaluationDates[g.text(5)] = g.day() }
        let back = try StoreSettings(json: JSONParser.parse(JSONWriter.pretty(s.json)))
        #expect(back.dueSoonDays == s.dueSoonDays && back.evaluationDates == s.evaluationDates)
        var r = AccessRules(office: (0..<g.int(0...3)).map { _ in g.text(5) })
        for n in 0..<g.int(0...3) { r.reporters.append(("\(n)" + g.text(5), (0..<g.int(0...3)).map { _ in g.text(6) })) }
        #expect(try AccessRules(json: JSONParser.parse(JSONWriter.pretty(r.json))) == r)
    }

    /// A journal line that is not an entry names its line and column, or its
    /// field, in the file.
    @Test func journalErrorsNameLineAndColumnOrField() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = dir + "/test-2014.journal.jsonl"
        let good = try readFile(journal)
        try writeFile(journal, good + "{\"seq\":2,\"time\":\"t\",\"user\":\"u\",\"ssh\":null,\"plan\":\"test-2014\",\"task\":\"1.1\",\"field\":\"progress\",\"old\":0,\"new\":@}\n")
        #expect { try Store.open(dir, readOnly: true).plan("test-2014") } throws: { "\($0)" == journal + ":2:108: unexpected character '@', expected a value" }
        try writeFile(journal, good + "{\"seq\":2,\"time\":7,\"user\":\"u\",\"ssh\":null,\"plan\":\"test-2014\",\"task\":\"1.1\",\"field\":\"progress\",\"old\":0,\"new\":1}\n")
        #expect { try Store.open(dir, readOnly: true).plan("test-2014") } throws: { "\($0)" == journal + ":2: time: expected a string, got 7" }
    }
}

@Suite struct SmallFileTests {
    @Test func errorsNameTheFieldOrTheLineAndColumn() throws {
        #expect { try SmallFile.decode(StoreSettings.self, from: Array("{\"dueSoonDays\": 3,\n \"x\": @}".utf8)) } throws: {
            let e = $0 as? PlanFormatError
            return e?.line == 2 && e?.column == 7 && "\($0)".contains("line 2, column 7")
        }
        #expect { try SmallFile.decode(StoreSettings.self, from: Array(#"{"evaluationDates": {"p": 1}}"#.utf8)) } throws: {
            ($0 as? PlanFormatError)?.path == "evaluationDates.p"
        }
        #expect { try SmallFile.decode(StoreSettings.self, from: Array(#"{"dueSoonDays": -3}"#.utf8)) } throws: {
            "\($0)" == "dueSoonDays: must not be negative"
        }
        let s = try SmallFile.decode(StoreSettings.self, from: Array(#"{"zeta": {"b": [1, 2.5, null, true]}, "dueSoonDays": 7}"#.utf8))
        #expect(s.dueSoonDays == 7 && s.raw["zeta"] == .object([("b", .array([.int(1), .double(2.5), .null, .bool(true)]))]))
        #expect(JSONWriter.compact(s.json) == #"{"dueSoonDays":7,"evaluationDates":{},"zeta":{"b":[1,2.5,null,true]}}"#)
    }
}
