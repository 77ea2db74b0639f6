import Foundation
import Testing

/// What the commands read from standard input and copy to standard output
/// through the file descriptors themselves.
@Suite struct StandardStreamTests {
    /// `--text -` takes the feedback from standard input, without the line
    /// breaks it ends with.
    @Test func feedbackFromStandardInput() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Duban.run(["feedback", "e2e", "1.1", "--text", "-", "--dept", "省工信委", "--store", dir],
                              stdin: Data("已召开推进会\n\n验收报告已报送\n\n".utf8))
        #expect(r.status == 0, "\(r.err)")
        let journal = try String(contentsOfFile: dir + "/e2e.journal.jsonl", encoding: .utf8)
        let filed = try #require(journal.split(separator: "\n").last)
        #expect(filed.contains(#""field":"feedback""#) && filed.contains(#""text":"已召开推进会\n\n验收报告已报送","#), "\(filed)")
    }

    /// A workbook without `--out`, to a pipe: the whole file, which reads as
    /// the one `--out` writes.
    @Test(.enabled(if: OfficeReaders.python, "python3 with openpyxl (installed by .ci/run)"))
    func workbookToStandardOutput() throws {
        let dir = try OfficeReaders.temporary("stdout")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let args = [Duban.binary, "report", "gansu-2023-2025", "--format", "xlsx", "--store", OfficeReaders.sampleStore, "--office", "测试办公室"]
        let piped = try Spawn.run(args)
        #expect(piped.status == 0, "\(String(decoding: piped.err, as: UTF8.self))")
        #expect(piped.out.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        try piped.out.write(to: URL(fileURLWithPath: dir + "/piped.xlsx"))
        let file = try Spawn.run(args + ["--out", dir + "/file.xlsx"])
        #expect(file.status == 0 && file.out.isEmpty)
        let a = try OfficeReaders.read("xlsx", dir + "/piped.xlsx"), b = try OfficeReaders.read("xlsx", dir + "/file.xlsx")
        #expect(!(a["sheets"] as? [Any] ?? []).isEmpty)
        #expect(NSDictionary(dictionary: a).isEqual(to: b))
    }
}
