import Foundation
import PlanModel
import PlanStore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The command line against hostile text, stray and damaged files, a store
/// that does not exist yet, and the errors a user hits first.
@Suite struct CommandHardeningTests {
    static let hostile = "进展\u{1B}]0;pwned\u{07}\u{1B}[2J完成\u{9B}31m\u{7F}\u{202E}txt.exe"

    /// Runs duban with its messages in English, which the assertions quote.
    static func run(_ args: [String]) throws -> Duban.Result { try Duban.run(args + ["--lang", "en"]) }

    /// True when no byte or character of `s` would drive a terminal.
    static func isInert(_ s: String) -> Bool {
        !s.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) }
    }

    /// Appends a journal line as an older Duban (or a hand edit) could have
    /// written it, bypassing the checks a commit now makes.
    static func appendEntry(_ dir: String, plan: String = "e2e", task: String = "1.1", time: String, user: String = "mallory",
                            field: String = "note", old: JSON = .int(0), new: JSON) throws {
        let seq = try Store.open(dir, readOnly: true).journal(plan).last?.seq ?? 0
        let line = Store.journalLine(JournalEntry(seq: seq + 1, time: time, user: user, plan: plan, task: task,
                                                  field: field, old: old, new: new))
        let h = try #require(FileHandle(forWritingAtPath: "\(dir)/\(plan).journal.jsonl"))
        h.seekToEndOfFile(); h.write(Data(line)); h.closeFile()
    }

    @Test func hostileTextIsRefusedOnEntryAndEscapedOnTheWayOut() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let u = try Self.run(["update", "e2e", "1.1", "--note", Self.hostile, "--store", dir])
        #expect(u.status != 0 && u.err.contains("control character U+001B"), "\(u.err)")

        let note = Note(time: "2014-06-01T10:00:00+08:00", user: "mal\u{1B}[2Jory", department: nil, text: Self.hostile)
        try Self.appendEntry(dir, time: note.time, user: note.user, new: note.json)
        for args in [["show", "e2e", "1.1"], ["log"], ["log", "e2e", "1.1"], ["plans"], ["export", "e2e"], ["show", "e2e", "1.1", "--json"]] {
            let r = try Duban.run(args + ["--store", dir])
            #expect(r.status == 0 && Self.isInert(r.out) && Self.isInert(r.err), "\(args): \(r.out.debugDescription)")
        }
        // JSON stays JSON: the escapes read back as the note was written.
        let json = try JSONParser.parse(Duban.run(["show", "e2e", "1.1", "--json", "--store", dir]).out)
        #expect(json["notes"]?.array?.last?["text"]?.string == Self.hostile)
        let show = try Self.run(["show", "e2e", "1.1", "--store", dir]).out
        #expect(show.contains("进展\\u001b]0;pwned\\u0007\\u001b[2J完成\\u009b31m\\u007f\\u202etxt.exe"), "\(show)")
        // A report to a terminal is escaped too.
        let tty = try Shell.run(["script", "-qec", "\(Duban.binary) report e2e --format txt --store \(dir)", "/dev/null"])
        #expect(tty.status == 0 && tty.out.contains("完成") && Self.isInert(tty.out), "\(tty.out.debugDescription)")

        // A note a spreadsheet would run as a formula is text in the CSV.
        #expect(try Self.run(["update", "e2e", "1.2", "--note", "=HYPERLINK(\"http://x\",\"点此\")", "--store", dir]).status == 0)
        let csv = try Self.run(["report", "e2e", "--format", "csv", "--store", dir]).out
        #expect(csv.contains("\"'=HYPERLINK(") && !csv.contains(",=HYPERLINK") && !csv.contains("\"=HYPERLINK"), "\(csv)")
    }

    @Test func importedControlCharactersAreNeutralisedAndNamed() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let src = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../SampleData/documents/001_b6454c92b80d3928.txt").standardized.path
        var lines = try String(contentsOfFile: src, encoding: .utf8).components(separatedBy: "\n")
        let titleLine = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasSuffix("行动计划") })
        lines[titleLine] = "\u{1B}]0;pwned\u{07}" + lines[titleLine] + "\u{202E}"
        let doc = dir + "-doc.txt"
        defer { unlink(doc) }
        try lines.joined(separator: "\n").write(toFile: doc, atomically: true, encoding: .utf8)

        let dry = try Self.run(["import", doc, "--dry-run", "--store", dir])
        #expect(dry.status == 0 && Self.isInert(dry.out) && Self.isInert(dry.err), "\(dry.out.debugDescription)")
        #expect(dry.err.contains(":\(titleLine + 1): warning: control character U+001B replaced"), "\(dry.err)")
        let json = try Self.run(["import", doc, "--dry-run", "--json", "--store", dir])
        #expect(json.out.contains("\u{FFFD}]0;pwned\u{FFFD}") && !json.out.lowercased().contains("\\u001b") && !json.out.contains("\u{202E}"))
        let real = try Self.run(["import", doc, "--id", "hostile", "--store", dir])
        #expect(real.status == 0 && Self.isInert(real.out), "\(real.err)")
        let plans = try Self.run(["plans", "--store", dir])
        #expect(plans.out.contains("hostile") && Self.isInert(plans.out))
    }

    @Test func oneBadFileHidesNoOtherPlanAndReportsNeverOverwriteTheStore() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var spare = try Store.open(dir, readOnly: true).plan("e2e")
        spare.id = "spare"
        try Store.open(dir, readOnly: false).addPlan(spare, replace: false)
        try "{\"todo\": [\"催办\"]}\n".write(toFile: dir + "/notes.json", atomically: true, encoding: .utf8)
        let plans = try Self.run(["plans", "--store", dir])
        #expect(plans.status == 0 && plans.out.contains("e2e") && plans.err.contains("notes.json: not a plan"), "\(plans.out)\(plans.err)")

        // Garbage after one snapshot: the other plans are listed and compacted; the bad one is named.
        let h = try #require(FileHandle(forWritingAtPath: dir + "/e2e.json"))
        h.seekToEndOfFile(); h.write(Data("garbage\n".utf8)); h.closeFile()
        let listed = try Self.run(["plans", "--store", dir])
        #expect(listed.status == 0 && listed.out.contains("spare") && listed.err.contains("e2e.json"), "\(listed.out)\(listed.err)")
        // A journal that is not a file at all: named by every command that goes through the plans.
        try FileManager.default.createDirectory(atPath: dir + "/broken.journal.jsonl", withIntermediateDirectories: false)
        let log = try Self.run(["log", "--store", dir])
        #expect(log.status == 0 && log.out.contains("spare") && log.err.contains("broken.journal.jsonl: is a directory"), "\(log.err)")
        let dept = try Self.run(["dept", "省质监局", "--store", dir])
        #expect(dept.status == 0 && dept.out.contains("spare") && dept.err.contains("e2e.json"), "\(dept.out)\(dept.err)")
        let compact = try Self.run(["compact", "--store", dir])
        #expect(compact.status != 0 && compact.out.contains("spare: snapshot written") && compact.err.contains("e2e.json"),
                "\(compact.out)\(compact.err)")

        let snapshot = try Data(contentsOf: URL(fileURLWithPath: dir + "/spare.json"))
        for target in [dir + "/spare.json", dir + "/../" + (dir as NSString).lastPathComponent + "/spare.journal.jsonl", dir + "/access.json"] {
            let r = try Self.run(["report", "spare", "--out", target, "--store", dir])
            #expect(r.status != 0 && r.err.contains("a file of the store"), "\(target): \(r.err)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/spare.json")) == snapshot)
        #expect(!FileManager.default.fileExists(atPath: dir + "/access.json"))
        #expect(try Self.run(["report", "spare", "--out", dir + "-report.md", "--store", dir]).status == 0)
        unlink(dir + "-report.md")
    }

    @Test func theOfficeCannotLockItselfOut() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let me = try Store.open(dir, readOnly: true).user
        let empty = try Self.run(["access", "--office", "", "--store", dir])
        #expect(empty.status != 0 && empty.err.contains("not a user name"), "\(empty.err)")
        #expect(try Self.run(["access", "--office", me, "--store", dir]).status == 0)
        let last = try Self.run(["access", "--remove", me, "--store", dir])
        #expect(last.status != 0 && last.err.contains("last office user"), "\(last.err)")
        #expect(try Store.open(dir, readOnly: true).accessRules()?.office == [me])

        try #"{"office": ["\#(me)"], "offices": ["other"]}"#.write(toFile: dir + "/access.json", atomically: true, encoding: .utf8)
        let check = try Self.run(["check", "--store", dir])
        #expect(check.status != 0 && check.out.contains("\"offices\""), "\(check.out)")
        #expect(try Self.run(["access", "--reporter", "zhijian=省质监局", "--store", dir]).status == 0)
        let kept = try JSONParser.parse(String(contentsOfFile: dir + "/access.json", encoding: .utf8))
        #expect(kept["offices"]?.array?.first?.string == "other" && kept["reporters"]?["zhijian"] != nil)
    }

    @Test func aStoreThatDoesNotExistYet() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("duban-new-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let dir = base + "/store"
        let plans = try Self.run(["plans", "--store", dir])
        #expect(plans.status != 0 && plans.err.contains("\(dir) does not exist") && plans.err.contains("import"), "\(plans.err)")
        #expect(!FileManager.default.fileExists(atPath: dir))
        let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../SampleData/documents/001_b6454c92b80d3928.txt").standardized.path
        // The option before the subcommand, as in the README's deployment.
        let r = try Self.run(["--store", dir, "import", doc])
        #expect(r.status == 0 && r.out.hasPrefix("imported "), "\(r.err)")
        let id = String(r.out.split(separator: " ")[1].dropLast())
        #expect(try Self.run(["--store=\(dir)", "plans"]).out.contains(id))
        // And before a command inside a group (`round open`, `round list`).
        let open = try Self.run(["--store", dir, "--lang", "en", "round", "open", id, "--name", "Q3", "--due", "2099-10-10"])
        #expect(open.status == 0, "\(open.err)")
        let list = try Self.run(["--store", dir, "round", "list", id])
        #expect(list.status == 0 && list.out.contains("Q3"), "\(list.err)")
    }

    @Test func errorsNameWhatIsWrong() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = try Self.run(["update", "e2e", "1.1", "--progress", "-1", "--store", dir])
        #expect(p.status != 0 && p.err.contains("-1") && p.err.contains("0–100") && !p.err.contains("Missing value"), "\(p.err)")
        let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../SampleData/documents/001_b6454c92b80d3928.txt").standardized.path
        let id = try Self.run(["import", doc, "--id", "settings", "--store", dir])
        #expect(id.status != 0 && id.err.contains("reserved"), "\(id.err)")

        // A compact killed after writing its temporary file: the footer names the file, not torn tails.
        let dead = try Spawn.start(["true"])
        _ = Spawn.wait(dead)
        let tmp = dir + "/.e2e.json.tmp-\(dead)"
        try "{\"schemaVersion\":2".write(toFile: tmp, atomically: false, encoding: .utf8)
        let check = try Self.run(["check", "--store", dir])
        #expect(check.status != 0 && check.err.contains("temporary file \(tmp)") && !check.err.contains("torn"), "\(check.err)")
        #expect(try Self.run(["check", "--repair", "--store", dir]).status == 0)

        // A journal deleted behind a checkpoint is reported.
        #expect(try Self.run(["compact", "--store", dir]).status == 0)
        unlink(dir + "/e2e.journal.jsonl")
        let gone = try Self.run(["check", "--store", dir])
        #expect(gone.status != 0 && gone.out.contains("e2e.journal.jsonl: missing"), "\(gone.out)")

        // A broken access.json is named with its line and column, not blamed on the user.
        let other = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: other) }
        try "{\"office\": [\"root\",\n}".write(toFile: other + "/access.json", atomically: true, encoding: .utf8)
        let u = try Self.run(["update", "e2e", "1.1", "--progress", "5", "--store", other])
        #expect(u.status != 0 && u.err.contains(other + "/access.json:2:") && !u.err.contains("not an office user"), "\(u.err)")
    }

    @Test func logAcrossPlansIsInTimeOrder() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var plan = try Store.open(dir, readOnly: true).plan("e2e")
        plan.id = "alpha"
        try Store.open(dir, readOnly: false).addPlan(plan, replace: false)
        let notes: [(String, String, String)] = [
            ("e2e", "2030-06-01T10:00:00+08:00", "第一"), ("e2e", "2030-06-01T12:00:00+08:00", "第四"),
            ("alpha", "2030-06-01T03:30:00+00:00", "第三"), ("alpha", "2030-06-01T11:00:00+08:00", "第二"),
        ]
        for (p, t, text) in notes.sorted(by: { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }) {
            try Self.appendEntry(dir, plan: p, time: t, new: Note(time: t, user: "u", text: text).json)
        }
        let log = try Self.run(["log", "--store", dir]).out
        let order = ["第一", "第二", "第三", "第四"].compactMap { log.range(of: $0)?.lowerBound }
        #expect(order.count == 4 && order == order.sorted(), "\(log)")
    }
}
