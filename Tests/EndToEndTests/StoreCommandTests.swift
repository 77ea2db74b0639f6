import Foundation
import PlanModel
import PlanStore
import Testing

@Suite struct StoreCommandTests {
    @Test func updateLogAndCheck() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Duban.run(["update", "e2e", "1.2", "--progress", "30", "--note", "已部署", "--store", dir])
        #expect(r.status == 0, "\(r.err)")
        let log = try Duban.run(["log", "e2e", "1.2", "--json", "--store", dir])
        #expect(log.status == 0)
        let entries = try #require(try JSONParser.parse(log.out).array)
        #expect(entries.map { $0["field"]?.string } == ["progress", "note"])
        #expect(entries[0]["user"]?.string == (try Store.open(dir, readOnly: true)).user)
        #expect(try Duban.run(["check", "--store", dir]).status == 0)
    }

    @Test func badInputIsOneLineNonZeroAndChangesNothing() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/e2e.json"
        let before = try snapshotOfDirectory(dir)
        let cases: [([String], String)] = [
            (["update", "e2e", "1.1", "--progress", "140"], "140"),
            (["update", "e2e", "1.1", "--due", "2014-13-45"], "2014-13-45"),
            (["update", "e2e", "9.9", "--progress", "1"], "9.9"),
            (["update", "nope", "1.1", "--progress", "1"], "nope"),
            (["update", "e2e", "1.1", "--status", "finished"], "finished"),
        ]
        for (args, named) in cases {
            let r = try Duban.run(args + ["--store", dir])
            #expect(r.status != 0, "\(args)")
            #expect(r.err.split(separator: "\n").count == 1 && r.err.contains(named), "\(args): \(r.err)")
        }
        let big = try Duban.run(["update", "e2e", "1.1", "--note", "-", "--lang", "en", "--store", dir], stdin: Data(repeating: 0x41, count: 1 << 20))
        #expect(big.status != 0 && big.err.contains("1048576 bytes"))
        for store in [dir + "/missing", file] {
            let r = try Duban.run(["update", "e2e", "1.1", "--progress", "1", "--store", store])
            #expect(r.status != 0 && r.err.contains(store), "\(r.err)")
        }
        #expect(try snapshotOfDirectory(dir) == before)

        // A malformed snapshot: named with line and column, and left as it is.
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"progress\":0,", with: "\"progress\":0")
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        let broken = try snapshotOfDirectory(dir)
        let u = try Duban.run(["update", "e2e", "1.1", "--progress", "5", "--store", dir])
        #expect(u.status != 0 && u.err.contains(file + ":"), "\(u.err)")
        let c = try Duban.run(["check", "--store", dir, "--lang", "en"])
        #expect(c.status != 0 && c.out.range(of: #"e2e\.json:\d+:\d+: "#, options: .regularExpression) != nil, "\(c.out)")
        #expect(try snapshotOfDirectory(dir) == broken)
    }

    @Test func malformedJournalLineIsNamed() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Duban.run(["update", "e2e", "1.1", "--progress", "5", "--store", dir]).status == 0)
        let journal = dir + "/e2e.journal.jsonl"
        let h = try #require(FileHandle(forWritingAtPath: journal))
        h.seekToEndOfFile(); h.write(Data("{\"seq\": 3, oops}\n".utf8)); h.closeFile()
        let before = try snapshotOfDirectory(dir)
        let u = try Duban.run(["update", "e2e", "1.1", "--progress", "6", "--store", dir])
        #expect(u.status != 0 && u.err.contains(journal + ":3:"), "\(u.err)")
        let c = try Duban.run(["check", "--repair", "--store", dir])
        #expect(c.status != 0 && c.out.contains(journal + ":3:"), "\(c.out)")
        #expect(try snapshotOfDirectory(dir) == before)
    }

    @Test func accessCommandShowsAndEditsRules() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let me = try Store.open(dir, readOnly: true).user
        let show = try Duban.run(["access", "--lang", "en", "--store", dir])
        #expect(show.status == 0 && show.out.contains("you (\(me)): office"))
        let set = try Duban.run(["access", "--reporter", "clerk=省质监局,省工信委", "--store", dir])
        #expect(set.status == 0, "\(set.err)")
        let rules = try #require(try Store.open(dir, readOnly: true).accessRules())
        #expect(rules.office == [me] && rules.role(of: "clerk") == .reporter(departments: ["省质监局", "省工信委"]))
        // Demoting oneself to reporter: then structure and other departments' tasks are refused.
        #expect(try Duban.run(["access", "--office", "chief", "--reporter", "\(me)=省质监局", "--store", dir]).status == 0)
        let refused = try Duban.run(["update", "e2e", "1.1", "--progress", "5", "--store", dir], environment: ["DUBAN_LANG": "en"])
        #expect(refused.status != 0 && refused.err.contains("no role in task 1.1"), "\(refused.err)")
        #expect(try Duban.run(["update", "e2e", "1.2", "--progress", "5", "--store", dir]).status == 0)
        let notOffice = try Duban.run(["access", "--office", me, "--store", dir])
        #expect(notOffice.status != 0 && notOffice.err.contains("not an office user"))
    }
}
