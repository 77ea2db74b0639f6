import Foundation
import PlanModel
import Testing
@testable import PlanStore

#if canImport(Glibc)
import Glibc
#endif

/// Damage that is not a crash, stray files and hostile text: each is named
/// and refused, and nothing committed is cut or lost.
@Suite struct HardeningTests {
    /// Commits `n` notes to 1.1 and checkpoints, so the snapshot's offset is the journal's end.
    func storeWithCheckpoint(notes n: Int) throws -> (dir: String, journal: String) {
        let dir = try makeStore()
        let s = try Store.open(dir, readOnly: false)
        for i in 1...n { try s.commit(.addNote(Note(time: "", user: "", text: "进展\(i)")), plan: "test-2014", task: "1.1", expected: nil, force: false) }
        try s.compact(plan: "test-2014")
        return (dir, dir + "/test-2014.journal.jsonl")
    }

    @Test func journalShorterThanItsSnapshotIsDamageAndNeverCutOrWritten() throws {
        let (dir, journal) = try storeWithCheckpoint(notes: 5)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let full = try readFile(journal)
        let size = try #require(FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int)
        #expect(truncate(journal, off_t(size - 100)) == 0)
        let damaged = try readFile(journal)
        let before = try fingerprint(dir)

        // Reading works, from the snapshot, with a warning that says what happened.
        let r = try Store.open(dir, readOnly: true)
        #expect(try r.plan("test-2014").task("1.1")?.notes.count == 5)
        #expect(r.warnings.contains { $0.contains("shorter than") && $0.contains("not written to") }, "\(r.warnings)")
        // check calls it damage; the cut-off line is not a torn tail to repair.
        let problems = r.check()
        #expect(problems.contains { $0.file == journal && $0.message.contains("committed entries have been lost") })
        #expect(!problems.contains { $0.repairable }, "\(problems)")

        let w = try Store.open(dir, readOnly: false)
        #expect(try w.repair().isEmpty)
        #expect { try w.commit(.addNote(Note(time: "", user: "", text: "新")), plan: "test-2014", task: "1.1", expected: nil, force: false) }
            throws: { "\($0)".contains("shorter than") }
        #expect { try w.compact(plan: "test-2014") } throws: { "\($0)".contains("shorter than") }
        #expect(try readFile(journal) == damaged)
        #expect(!FileManager.default.fileExists(atPath: journal + ".torn"))
        #expect(try fingerprint(dir) == before)

        // Restored from a backup: the same session writes again, after the last sequence number.
        try writeFile(journal, full)
        let e = try w.commit(.addNote(Note(time: "", user: "", text: "恢复后")), plan: "test-2014", task: "1.1", expected: nil, force: false)
        #expect(e.seq == 7)
        #expect(try Store.open(dir, readOnly: true).plan("test-2014").task("1.1")?.notes.count == 6)
    }

    @Test func deletedJournalIsReportedAndNotRecreated() throws {
        let (dir, journal) = try storeWithCheckpoint(notes: 2)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.removeItem(atPath: journal)
        let s = try Store.open(dir, readOnly: false)
        #expect(try s.plan("test-2014").task("1.1")?.notes.count == 2)
        #expect(s.check().contains { $0.file == journal && $0.message.hasPrefix("missing") }, "\(s.check())")
        #expect(throws: (any Error).self) { try s.commit(.setProgress(5), plan: "test-2014", task: "1.2", expected: nil, force: false) }
        #expect(!FileManager.default.fileExists(atPath: journal))
    }

    @Test func strayJSONIsNotAPlanAndOneBadSnapshotHidesNoOther() throws {
        let dir = try makeStore(plans: [fixturePlan(), fixturePlan(id: "other-2015")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeFile(dir + "/notes.json", "{\"todo\": [\"ask 省质监局\"]}\n")
        let s = try Store.open(dir, readOnly: false)
        #expect(s.planIDs() == ["other-2015", "test-2014"])
        #expect(s.warnings.contains { $0.hasPrefix(dir + "/notes.json: not a plan") }, "\(s.warnings)")
        // Garbage after one snapshot's last line: that plan is named, the other compacts.
        let h = try #require(FileHandle(forWritingAtPath: dir + "/other-2015.json"))
        h.seekToEndOfFile(); h.write(Data("garbage\n".utf8)); h.closeFile()
        #expect(throws: (any Error).self) { try s.plan("other-2015") }
        #expect(try s.displayPlan("other-2015").tasks.count == 4)
        try s.compact(plan: "test-2014")
        #expect(s.storeFile(at: dir + "/test-2014.json") == "the snapshot of plan test-2014")
        #expect(s.storeFile(at: dir + "/../" + (dir as NSString).lastPathComponent + "/access.json") == "the store's access.json")
        #expect(s.storeFile(at: dir + "/report.md") == nil)
    }

    @Test func accessRulesKeepUnknownKeysAndRefuseAnEmptyOffice() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let me = try Store.open(dir, readOnly: true).user
        try writeFile(dir + "/access.json", #"{"office": ["\#(me)"], "offices": ["someone"], "note": {"by": "it"}}"#)
        let s = try Store.open(dir, readOnly: false)
        #expect(s.check().contains { $0.file == dir + "/access.json" && $0.message.contains("\"offices\"") })
        #expect(s.warnings.contains { $0.contains("\"offices\"") })
        var rules = try #require(try s.accessRules())
        rules.setReporter("zhijian", departments: ["省质监局"])
        try s.setAccessRules(rules)
        let written = try JSONParser.parse(Array(readFile(dir + "/access.json").utf8))
        #expect(written["offices"]?.array?.first?.string == "someone" && written["note"]?["by"]?.string == "it")
        #expect(written["reporters"]?["zhijian"] != nil)

        var empty = rules
        empty.setOffice("")
        #expect { try s.setAccessRules(empty) } throws: { "\($0)".contains("not a user name") }
        var none = rules
        none.remove(me)
        #expect { try s.setAccessRules(none) } throws: { "\($0)".contains("at least one office user") }
    }

    @Test func brokenAccessFileIsNamedWithLineAndColumn() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeFile(dir + "/access.json", "{\"office\": [\"root\",]\n}")
        let s = try Store.open(dir, readOnly: false)
        let why = try #require(s.readOnlyReason)
        #expect(why.contains(dir + "/access.json:1:") && !why.contains("may only view"), "\(why)")
        #expect { try s.commit(.setProgress(5), plan: "test-2014", task: "1.2", expected: nil, force: false) }
            throws: { "\($0)".contains(dir + "/access.json:1:") }
    }

    @Test func notesWithControlCharactersAreRefusedAtCommit() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Store.open(dir, readOnly: false)
        let before = try fingerprint(dir)
        for hostile in ["进展\u{1B}]0;pwned\u{07}\u{1B}[2J完成", "a\u{9B}31mb", "del\u{7F}", "\u{202E}gnp.exe", "x\u{2066}y", "cr\rline"] {
            #expect { try s.commit(.addNote(Note(time: "", user: "", text: hostile)), plan: "test-2014", task: "1.1", expected: nil, force: false) }
                throws: { "\($0)".contains("control character U+") }
        }
        #expect { try s.commit(.setTitle("标题\u{1B}[31m"), plan: "test-2014", task: "1.1", expected: nil, force: false) }
            throws: { "\($0)".contains("U+001B") }
        #expect(try fingerprint(dir) == before)
        // Line breaks and tabs are a note's own.
        try s.commit(.addNote(Note(time: "", user: "", text: "第一行\n第二行\t完成\r\n第三行")), plan: "test-2014", task: "1.1", expected: nil, force: false)
    }

    /// A temporary name planted in advance (as a link to someone's file) is
    /// skipped: the checkpoint goes through a new file of its own.
    @Test func plantedTemporaryNameIsNeverWrittenThrough() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let victim = dir + "-victim"
        defer { unlink(victim) }
        #expect(symlink(victim, dir + "/.test-2014.json.tmp-\(getpid())") == 0)
        let s = try Store.open(dir, readOnly: false)
        try s.commit(.setProgress(9), plan: "test-2014", task: "1.2", expected: nil, force: false)
        try s.compact(plan: "test-2014")
        #expect(!FileManager.default.fileExists(atPath: victim))
        var st = stat()
        #expect(lstat(dir + "/test-2014.json", &st) == 0 && st.st_mode & S_IFMT == S_IFREG)
        #expect(try Store.open(dir, readOnly: true).plan("test-2014").task("1.2")?.progress == 9)
    }

    @Test func specialFilesAreRefusedWithoutBlocking() throws {
        let dir = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.removeItem(atPath: dir + "/test-2014.json")
        #expect(mkfifo(dir + "/test-2014.json", 0o644) == 0)
        let s = try Store.open(dir, readOnly: true)
        #expect { try s.plan("test-2014") } throws: { "\($0)".contains("FIFO") }
        #expect(s.check().contains { $0.file == dir + "/test-2014.json" && $0.message.contains("not a regular file") })
    }
}
