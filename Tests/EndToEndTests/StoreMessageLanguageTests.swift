import Foundation
import Testing

/// The store's own failures and warnings, as the commands print them: in
/// Chinese by default, in English with --lang en, with the same paths and
/// figures in both.
@Suite struct StoreMessageLanguageTests {
    /// Runs the same command in both languages.
    static func both(_ args: [String]) throws -> (zh: Duban.Result, en: Duban.Result) {
        (try Duban.run(args), try Duban.run(args + ["--lang", "en"]))
    }

    @Test func aStrayFileIsNamedInTheSessionsLanguage() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "{\"todo\": [\"催办\"]}\n".write(toFile: dir + "/notes.json", atomically: true, encoding: .utf8)
        let r = try Self.both(["plans", "--store", dir])
        #expect(r.zh.status == 0 && r.zh.err.contains(dir + "/notes.json：不是计划（旁边没有日志，开头也不像快照）；已忽略"), "\(r.zh.err)")
        #expect(!r.zh.err.contains("not a plan"), "\(r.zh.err)")
        #expect(r.en.status == 0 && r.en.err.contains(dir + "/notes.json: not a plan (no journal beside it"), "\(r.en.err)")
    }

    @Test func checkReportsATornTailAndPermissionsInTheSessionsLanguage() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = dir + "/e2e.journal.jsonl"
        let h = try #require(FileHandle(forWritingAtPath: journal))
        h.seekToEndOfFile(); h.write(Data("{\"seq\":9,\"ti".utf8)); h.closeFile()
        chmod(dir, 0o777)
        let r = try Self.both(["check", "--store", dir])
        #expect(r.zh.status != 0 && r.zh.out.contains(journal + ":") && r.zh.out.contains("：末尾一行不完整（12 字节，写入中断）"), "\(r.zh.out)")
        #expect(r.zh.out.contains(dir + "：存储目录所有账户都可写（chmod o-w）"), "\(r.zh.out)")
        #expect(r.en.out.contains(": torn last line (12 bytes, a write cut short)"), "\(r.en.out)")
        #expect(r.en.out.contains(dir + ": the store directory is writable by every account (chmod o-w)"), "\(r.en.out)")
        // What the repair did, in the session's language too.
        let repaired = try Duban.run(["check", "--repair", "--store", dir])
        #expect(repaired.out.contains(journal + "：已截去末尾不完整的一行，共 12 字节"), "\(repaired.out)")
    }

    @Test func refusalsOfTheStoreInTheSessionsLanguage() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let note = try Self.both(["update", "e2e", "1.1", "--note", "进展\u{1B}[2J", "--store", dir])
        #expect(note.zh.status != 0 && note.zh.err.contains("控制字符 U+001B"), "\(note.zh.err)")
        #expect(note.en.status != 0 && note.en.err.contains("control character U+001B"), "\(note.en.err)")

        // A journal cut below its snapshot's offset: damage, named in either language.
        #expect(try Duban.run(["compact", "--store", dir]).status == 0)
        let journal = dir + "/e2e.journal.jsonl"
        let size = try #require(try FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int)
        #expect(truncate(journal, off_t(size - 10)) == 0)
        let damaged = try Self.both(["update", "e2e", "1.1", "--progress", "5", "--store", dir])
        #expect(damaged.zh.status != 0 && damaged.zh.err.contains("日志 \(journal) 只有 \(size - 10) 字节"), "\(damaged.zh.err)")
        #expect(damaged.en.status != 0 && damaged.en.err.contains("\(journal) is \(size - 10) bytes, shorter than"), "\(damaged.en.err)")

        let missing = try Self.both(["plans", "--store", dir + "/nowhere"])
        #expect(missing.zh.status != 0 && missing.zh.err.contains("存储 \(dir)/nowhere 不存在"), "\(missing.zh.err)")
        #expect(missing.en.status != 0 && missing.en.err.contains("store \(dir)/nowhere does not exist"), "\(missing.en.err)")
    }
}
