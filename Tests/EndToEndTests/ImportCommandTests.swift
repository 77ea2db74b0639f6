import Foundation
import Testing

/// `duban import` and `duban roster` as an office runs them.
@Suite struct ImportCommandTests {
    static let doc = """
    某省2025年质量提升任务分工方案
    某省人民政府办公厅
    2025年3月1日
    一、重点任务
    强化标准引领
    1.完善标准体系。制定地方标准。
    牵头单位：省甲厅；责任单位：省乙厅、省丙委
    完成时限：2025年6月底前
    2.加强计量能力建设。（省乙厅牵头，省甲厅配合）
    二、保障措施
    3.加强组织领导。（这里有一句读不懂的话）
    """

    static func tempDir() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-import-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs duban with extra environment variables (and without the caller's store or language).
    static func run(_ args: [String], env extra: [String: String] = [:]) throws -> Duban.Result {
        var env = ProcessInfo.processInfo.environment
        env["DUBAN_STORE"] = nil
        env["DUBAN_LANG"] = nil
        for (k, v) in extra { env[k] = v }
        let r = try Spawn.run([Duban.binary] + args, env: env)
        return Duban.Result(status: r.status, out: String(decoding: r.out, as: UTF8.self), err: String(decoding: r.err, as: UTF8.self))
    }

    @Test func dryRunPreviewIsATableWithTheWarnings() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.doc.write(toFile: dir + "/plan.txt", atomically: true, encoding: .utf8)
        let r = try Self.run(["import", dir + "/plan.txt", "--dry-run", "--store", dir + "/store"])
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("编号") })
        #expect(header.contains("任务") && header.contains("牵头") && header.contains("其他责任单位") && header.contains("完成时限"))
        let rows = lines.filter { $0.hasPrefix("1.1 ") || $0.hasPrefix("1.2 ") || $0.hasPrefix("2.3 ") }
        #expect(rows.count == 3)
        // Columns line up by display width: every due date starts in the same column.
        let dueColumns = rows.map { row -> Int in
            let prefix = row.components(separatedBy: "2025-")[0]
            // CJK and full-width forms take two columns here.
            return prefix.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
        }
        #expect(Set(dueColumns).count == 1, "\(rows)")
        #expect(rows[0].contains("省甲厅") && rows[0].contains("省乙厅、省丙委") && rows[0].contains("2025-06-30"))
        #expect(rows[1].contains("配合：省甲厅"))
        #expect(lines.contains { $0.contains("plan.txt:11: 警告：") && $0.contains("这里有一句读不懂的话") })
        #expect(lines.last?.contains("1 个任务的责任单位未能完整读出（已导入）：2.3") == true, "\(lines.last ?? "")")
        // Nothing was stored.
        #expect(!FileManager.default.fileExists(atPath: dir + "/store/plan-2025.json"))

        let en = try Self.run(["import", dir + "/plan.txt", "--dry-run"], env: ["DUBAN_LANG": "en"])
        #expect(en.out.contains("key") && en.out.contains("coop: 省甲厅") && en.out.contains("plan.txt:11: warning: "))
        let flag = try Self.run(["import", dir + "/plan.txt", "--dry-run", "--lang", "en"])
        #expect(flag.out == en.out)
    }

    @Test func gb18030FileImportsAsItsUTF8Text() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for d in ["utf8", "gbk"] { try FileManager.default.createDirectory(atPath: dir + "/" + d, withIntermediateDirectories: true) }
        try Self.doc.write(toFile: dir + "/utf8/plan.txt", atomically: true, encoding: .utf8)
        let conv = try Shell.run(["sh", "-c", "iconv -f UTF-8 -t GB18030 '\(dir)/utf8/plan.txt' > '\(dir)/gbk/plan.txt'"])
        #expect(conv.status == 0)
        let a = try Self.run(["import", dir + "/utf8/plan.txt", "--dry-run", "--json"])
        let b = try Self.run(["import", dir + "/gbk/plan.txt", "--dry-run", "--json"])
        #expect(a.status == 0 && b.status == 0)
        #expect(!a.out.isEmpty && a.out == b.out)
        #expect(b.err.contains("按 GB18030 编码读取"), "\(b.err)")
        #expect(a.err.contains("按 UTF-8 编码读取") && !a.err.contains("GB18030"))
    }

    @Test func yearFromTheIssueDateOrFromTheFlagIsSaid() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.doc.replacingOccurrences(of: "某省2025年", with: "某省").write(toFile: dir + "/p.txt", atomically: true, encoding: .utf8)
        let dated = try Self.run(["import", dir + "/p.txt", "--dry-run"])
        #expect(dated.status == 0)
        #expect(dated.err.contains("按发文日期 2025-03-01 取 2025 年"), "\(dated.err)")
        let given = try Self.run(["import", dir + "/p.txt", "--dry-run", "--year", "2026", "--lang", "en"])
        #expect(given.err.contains("2026 from --year"), "\(given.err)")
        #expect(given.out.contains("2026-12-31"))
    }

    /// The binary opens libzip and libxml2 only for a .docx or a page, and reads them.
    @Test func docxAndWebPageThroughTheBinary() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let body = Self.doc.split(separator: "\n").map { "<w:p><w:r><w:t>\($0)</w:t></w:r></w:p>" }.joined()
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(body)</w:body></w:document>"
        try xml.write(toFile: dir + "/document.xml", atomically: true, encoding: .utf8)
        let zipped = try Shell.run(["python3", "-c", "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w'); z.write(sys.argv[2],'word/document.xml'); z.close()",
                                    dir + "/plan.docx", dir + "/document.xml"])
        #expect(zipped.status == 0, "\(zipped.err)")
        let page = "<!DOCTYPE html><html><body><div class=\"nav\">首页</div><div id=\"zoom\">"
            + Self.doc.split(separator: "\n").map { "<p>\($0)</p>" }.joined() + "</div></body></html>"
        try page.write(toFile: dir + "/plan.html", atomically: true, encoding: .utf8)
        try Self.doc.write(toFile: dir + "/plan.txt", atomically: true, encoding: .utf8)
        let text = try Self.run(["import", dir + "/plan.txt", "--dry-run", "--json"])
        for file in ["plan.docx", "plan.html"] {
            let r = try Self.run(["import", dir + "/" + file, "--dry-run", "--json"])
            #expect(r.status == 0, "\(file): \(r.err)")
            // The same plan but for the source file's name.
            #expect(r.out.replacingOccurrences(of: file, with: "plan.txt") == text.out, "\(file)")
        }
    }

    @Test func aMissingProgramIsNamedWithItsPackage() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("%PDF-1.4\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: dir + "/plan.pdf"))
        let r = try Self.run(["import", dir + "/plan.pdf", "--dry-run"], env: ["PATH": dir])
        #expect(r.status != 0)
        #expect(r.err.contains("pdftotext") && r.err.contains("poppler-utils"), "\(r.err)")
        #expect(r.err.split(separator: "\n").count == 1)
    }

    @Test func rosterShowsEachDepartmentsOwnDuties() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../SampleData/documents").standardized.path
        let imported = try Self.run(["import", seeds + "/003_1e58accf00b6e23f.txt", "--store", dir])
        #expect(imported.status == 0, "\(imported.err)")
        let transport = try Self.run(["roster", "省交通运输厅", "--store", dir])
        #expect(transport.status == 0, "\(transport.err)")
        #expect(transport.out.contains("省交通运输厅要按照国家相关服务质量标准要求"))
        #expect(transport.out.contains("按照《中华人民共和国建筑法》"))
        let water = try Self.run(["roster", "水利厅", "--store", dir])
        #expect(water.status == 0)
        #expect(water.out.contains("按照《中华人民共和国建筑法》") && !water.out.contains("省交通运输厅要"))
        let all = try Self.run(["roster", "--store", dir, "--lang", "en"])
        #expect(all.out.contains("[leading group]") && all.out.contains("[member]  省财政厅"))
        let none = try Self.run(["roster", "省不存在厅", "--store", dir])
        #expect(none.status != 0 && none.err.contains("省不存在厅"))
        let empty = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let noRoster = try Self.run(["roster", "--store", empty])
        #expect(noRoster.status != 0 && noRoster.err.contains("duban import"))
    }
}
