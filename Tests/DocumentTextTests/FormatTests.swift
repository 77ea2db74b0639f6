import Foundation
import Testing
import PlanModel
import PlanImport
@testable import DocumentText

/// Every file format an office receives a plan in imports to the same plan as
/// the plan's UTF-8 text.
@Suite struct FormatTests {
    /// A made-up 分工方案 in prose: labelled lines, a time limit, a leader,
    /// a group heading without a number.
    static let prose: [String] = [
        "某省2025年质量提升任务分工方案",
        "某省人民政府办公厅",
        "2025年3月1日",
        "一、重点任务",
        "强化标准引领",
        "1.完善标准体系。制定和修订地方标准，开展对标达标行动，推动企业标准自我声明公开。",
        "牵头单位：省甲厅；责任单位：省乙厅、省丙委",
        "完成时限：2025年6月底前",
        "2.加强计量能力建设。建设省级计量中心，完善量值传递溯源体系。",
        "牵头单位：省乙厅；责任单位：省甲厅、各市州政府",
        "二、保障措施",
        "3.加强组织领导。建立工作机制，定期调度。",
        "牵头单位：省丙委",
        "责任领导：王五",
    ]

    static var proseText: String { prose.joined(separator: "\n") + "\n" }

    static func plan(_ text: String) throws -> Plan {
        let r = try Importer.importDocument(text, fileName: "plan", id: nil)
        guard case .plan(let p) = r.document else { throw ReadFailure() }
        #expect(r.warnings.isEmpty, "\(r.warnings)")
        return p
    }

    struct ReadFailure: Error {}

    static func plan(_ doc: ReadDocument) throws -> Plan {
        try plan(doc.text(tableLines: TableForm.lines))
    }

    static func read(_ path: String, searchPath: String? = nil) throws -> ReadDocument {
        do { return try DocumentReader.read(path: path, searchPath: searchPath) } catch {
            Issue.record("\(error.message(english: true))")
            throw error
        }
    }

    @Test func theProseReadsAsExpected() throws {
        let p = try Self.plan(Self.proseText)
        #expect(p.tasks.map(\.key) == ["1.1", "1.2", "2.3"])
        #expect(p.tasks[0].due == Day(year: 2025, month: 6, day: 30))
        #expect(p.tasks[1].assignments.map(\.role) == [.lead, .joint, .joint])
        #expect(p.sections[0].groups.map(\.title) == ["强化标准引领"])
    }

    @Test func utf8WithAndWithoutBOM() throws {
        let dir = Fixtures.tempDir()
        defer { Fixtures.remove(dir) }
        Fixtures.write(Array(Self.proseText.utf8), dir + "/a.txt")
        Fixtures.write([0xEF, 0xBB, 0xBF] + Array(Self.proseText.utf8), dir + "/b.txt")
        let a = try Self.read(dir + "/a.txt"), b = try Self.read(dir + "/b.txt")
        #expect(a.format == .text && a.encoding == .utf8)
        #expect(b.format == .text && b.encoding == .utf8BOM)
        #expect(try Self.plan(a) == Self.plan(Self.proseText))
        #expect(try Self.plan(b) == Self.plan(Self.proseText))
    }

    @Test func gb18030TextIsDetectedAndConverted() throws {
        let dir = Fixtures.tempDir()
        defer { Fixtures.remove(dir) }
        let bytes = Fixtures.gb18030(Self.proseText)
        #expect(String(validating: bytes, as: UTF8.self) == nil)   // really not UTF-8
        Fixtures.write(bytes, dir + "/plan.txt")
        let d = try Self.read(dir + "/plan.txt")
        #expect(d.format == .text)
        #expect(d.encoding == .gb18030)
        #expect(try Self.plan(d) == Self.plan(Self.proseText))
    }

    @Test func docxParagraphForm() throws {
        let dir = Fixtures.tempDir()
        defer { Fixtures.remove(dir) }
        // Named .txt: the content decides, not the name.
        Fixtures.docx(body: Self.prose.map(Fixtures.paragraph).joined(), path: dir + "/plan.txt")
        let d = try Self.read(dir + "/plan.txt")
        #expect(d.format == .docx)
        #expect(d.blocks == Self.prose.map(TextBlock.paragraph))
        #expect(try Self.plan(d) == Self.plan(Self.proseText))
    }

    /// The same plan as a table: a section row spanning the columns, the
    /// group as its own row, a lead cell merged over two rows.
    static let tableRows: [[Fixtures.Cell]] = [
        [.text("序号"), .text("工作任务"), .text("牵头单位"), .text("责任单位"), .text("完成时限"), .text("责任领导")],
        [.span("一、重点任务", 6)],
        [.span("强化标准引领", 6)],
        [.text("1"), .text("完善标准体系。制定和修订地方标准，\n开展对标达标行动，推动企业标准自我声明公开。"), .mergeStart("省甲厅"),
         .text("省乙厅\n省丙委"), .text("2025年6月底前"), .text("")],
        [.text("2"), .text("加强计量能力建设。建设省级计量中心，完善量值传递溯源体系。"), .text("省乙厅"),
         .text("省甲厅、各市州政府"), .text(""), .text("")],
        [.span("二、保障措施", 6)],
        [.text("3"), .text("加强组织领导。建立工作机制，定期调度。"), .text("省丙委"), .text(""), .text(""), .text("王五")],
    ]

    static let tableHead = ["某省2025年质量提升任务分工方案", "某省人民政府办公厅", "2025年3月1日"]

    @Test func docxTableFormImportsWithTheSameRoles() throws {
        let dir = Fixtures.tempDir()
        defer { Fixtures.remove(dir) }
        Fixtures.docx(body: Self.tableHead.map(Fixtures.paragraph).joined() + Fixtures.table(Self.tableRows), path: dir + "/plan.docx")
        let d = try Self.read(dir + "/plan.docx")
        #expect(d.format == .docx)
        guard case .table(let rows) = d.blocks.last else { Issue.record("no table"); return }
        #expect(rows.count == 7)
        #expect(rows[1] == Array(repeating: "一、重点任务", count: 6))
        #expect(rows[3][3] == "省乙厅\n省丙委")
        #expect(try Self.plan(d) == Self.plan(Self.proseText))
    }

    static func html(article: String) -> String {
        """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>某省人民政府门户网站</title>
        <script>var menu = "一、首页"; document.write("1.不是任务。（省假厅牵头）");</script>
        <style>.nav { color: red }</style></head>
        <body>
        <div class="header"><a href="/">首页</a> <a href="/zw">政务公开</a></div>
        <div class="nav"><ul><li>一、机构概况</li><li>二、政策文件</li></ul></div>
        <div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 通知</div>
        <h1>某省2025年质量提升任务分工方案</h1>
        <div class="info">来源：省政府办公厅　　发布时间：2025-03-02</div>
        <div class="TRS_Editor" id="zoom">
        \(article)
        </div>
        <div class="share">分享到：微信 微博</div>
        <div class="footer"><p>主办单位：某省人民政府办公厅　网站标识码 6200000001</p><p>1.网站地图。（省网站局牵头）</p></div>
        </body></html>
        """
    }

    @Test func htmlArticleBodyWithoutThePortal() throws {
        let dir = Fixtures.tempDir()
        defer { Fixtures.remove(dir) }
        let article = Self.prose.map { "<p style=\"text-indent:2em\">\(Fixtures.escapeXML($0))</p>" }.joined(separator: "\n")
        Fixtures.write(Array(Self.html(article: article).utf8), dir + "/page.htm")
        let d = try Self.read(dir + "/page.htm")
        #expect(d.format == .html)
        let paragraphs = d.blocks.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
        #expect(paragraphs.first == "某省2025年质量提升任务分工方案")
        #expect(!paragraphs.contains { $0.contains("首页") || $0.contains("网站") || $0.contains("分享") || $0.contains("document") })
        #expect(try Self.plan(d) == Self.plan(Self.proseText))
    }

    @Test func htmlTableFormAndGBKPage() throws {
        let dir = Fixtures.tempDir()
        defer { Fixtures.remove(dir) }
        var rows = "<tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>责任单位</th><th>完成时限</th><th>责任领导</th></tr>"
        rows += "<tr><td colspan=\"6\">一、重点任务</td></tr><tr><td colspan=\"6\">强化标准引领</td></tr>"
        rows += "<tr><td>1</td><td>完善标准体系。制定和修订地方标准，开展对标达标行动，推动企业标准自我声明公开。</td><td rowspan=\"1\">省甲厅</td><td>省乙厅<br>省丙委</td><td>2025年6月底前</td><td></td></tr>"
        rows += "<tr><td>2</td><td>加强计量能力建设。建设省级计量中心，完善量值传递溯源体系。</td><td>省乙厅</td><td>省甲厅、各市州政府</td><td></td><td></td></tr>"
        rows += "<tr><td colspan=\"6\">二、保障措施</td></tr>"
        rows += "<tr><td>3</td><td>加强组织领导。建立工作机制，定期调度。</td><td rowspan=\"1\">省丙委</td><td></td><td></td><td>王五</td></tr>"
        let article = Self.tableHead.map { "<p>\($0)</p>" }.joined() + "<table border=\"1\"><tbody>\(rows)</tbody></table>"
        // Saved by a browser in the page's own encoding, GBK.
        let page = Self.html(article: article).replacingOccurrences(of: "charset=\"utf-8\"", with: "charset=\"gbk\"")
        Fixtures.write(Fixtures.gb18030(page), dir + "/page.html")
        let d = try Self.read(dir + "/page.html")
        #expect(d.format == .html)
        #expect(d.encoding == .gb18030)
        #expect(try Self.plan(d) == Self.plan(Self.proseText))
    }

    @Test func pdfThroughPdftotext() throws {
        guard ExternalTool.find(PDFText.programs, path: ProcessInfo.processInfo.environment["PATH"] ?? "") != nil else {
            print("pdftotext not installed: PDF import not exercised")
            return
        }
        let dir = Fixtures.tempDir()
        defer { Fixtures.remove(dir) }
        var lines: [(indent: Int, text: String)] = [(6, Self.prose[0])]   // the title, centred
        lines += Fixtures.typeset(Array(Self.prose.dropFirst()))
        // Enough text to run onto a second page, with its page number.
        lines = Array(lines.prefix(3)) + Array(repeating: (2, ""), count: 36) + Array(lines.dropFirst(3))
        Fixtures.pdf(lines, path: dir + "/plan.pdf")
        let d = try Self.read(dir + "/plan.pdf")
        #expect(d.format == .pdf)
        #expect(d.tool == "pdftotext")
        let text = d.text(tableLines: TableForm.lines)
        #expect(!text.contains("—"), "page numbers left in: \(text)")
        #expect(try Self.plan(d) == Self.plan(Self.proseText))
    }

    /// Without the program, the message names the Debian package.
    @Test func missingProgramsNameTheirPackage() throws {
        let dir = Fixtures.tempDir()
        defer { Fixtures.remove(dir) }
        Fixtures.pdf([(0, "一、甲")], path: dir + "/a.pdf")
        Fixtures.write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504), dir + "/a.doc")
        let empty = dir + "/nothing-here"
        #expect(throws: DocumentReadError.toolMissing(format: .pdf, programs: ["pdftotext"], package: "poppler-utils")) {
            _ = try DocumentReader.read(path: dir + "/a.pdf", searchPath: empty)
        }
        #expect(throws: DocumentReadError.toolMissing(format: .doc, programs: ["antiword", "catdoc"], package: "antiword")) {
            _ = try DocumentReader.read(path: dir + "/a.doc", searchPath: empty)
        }
        let en = DocumentReadError.toolMissing(format: .pdf, programs: ["pdftotext"], package: "poppler-utils").message(english: true)
        #expect(en.contains("apt-get install poppler-utils"))
        let zh = DocumentReadError.toolMissing(format: .doc, programs: ["antiword", "catdoc"], package: "antiword").message(english: false)
        #expect(zh.contains("antiword") && zh.contains("未安装"))
        let lib = DocumentReadError.libraryMissing(format: .docx, library: "libzip", package: "libzip4").message(english: true)
        #expect(lib.contains("libzip") && lib.contains("apt-get install libzip4"))
    }

    /// A damaged .doc reaches the program, whose complaint is passed on.
    @Test func docThroughAntiwordOrCatdoc() throws {
        guard let tool = ExternalTool.find(WordDocText.programs, path: ProcessInfo.processInfo.environment["PATH"] ?? "") else {
            print("neither antiword nor catdoc installed: .doc import not exercised")
            return
        }
        let dir = Fixtures.tempDir()
        defer { Fixtures.remove(dir) }
        Fixtures.write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504), dir + "/a.doc")
        let result = Result { () throws(DocumentReadError) -> ReadDocument in try DocumentReader.read(path: dir + "/a.doc") }
        switch result {
        case .success(let d):
            // catdoc reads anything; whatever it gives is text from catdoc.
            #expect(d.format == .doc && WordDocText.programs.contains(d.tool ?? ""))
        case .failure(.toolFailed(let program, _, _)):
            #expect(program == tool.name)
        case .failure(let e):
            Issue.record("\(e)")
        }
    }

    /// A real Word 97 file, written by LibreOffice from the prose, read back
    /// through antiword (or catdoc) to the same plan.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")
                   && ExternalTool.find(WordDocText.programs, path: ProcessInfo.processInfo.environment["PATH"] ?? "") != nil,
                   "LibreOffice and antiword or catdoc"))
    func wordDocumentImportsAsItsText() throws {
        let dir = Fixtures.tempDir()
        defer { Fixtures.remove(dir) }
        Fixtures.write(Array(Self.proseText.utf8), dir + "/plan.txt")
        let lo = Process()
        lo.executableURL = URL(fileURLWithPath: "/usr/bin/soffice")
        lo.arguments = ["-env:UserInstallation=file://\(dir)/profile", "--headless", "--infilter=Text (encoded):UTF8",
                        "--convert-to", "doc:MS Word 97", "--outdir", dir + "/out", dir + "/plan.txt"]
        lo.standardOutput = FileHandle.nullDevice
        lo.standardError = FileHandle.nullDevice
        try lo.run()
        lo.waitUntilExit()
        let d = try Self.read(dir + "/out/plan.doc")
        #expect(d.format == .doc)
        #expect(try Self.plan(d) == Self.plan(Self.proseText))
    }

    @Test func contentNotTheNameChoosesTheReader() {
        #expect(DocumentReader.sniff(Array("%PDF-1.7\n".utf8), name: "a.txt") == .pdf)
        #expect(DocumentReader.sniff(Array("<!DOCTYPE html><html>".utf8), name: "a.txt") == .html)
        #expect(DocumentReader.sniff(Array("一、总体要求\n<注>".utf8), name: "a.htm") == .text)
        #expect(DocumentReader.sniff(Array("PK\u{3}\u{4}rest".utf8), name: "a.doc") == .docx)
        #expect(DocumentReader.sniff([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], name: "a.docx") == .doc)
    }

    @Test func damagedFilesGiveErrorsNotCrashes() throws {
        let dir = Fixtures.tempDir()
        defer { Fixtures.remove(dir) }
        Fixtures.write(Array("PK\u{3}\u{4}not really a zip".utf8), dir + "/a.docx")
        #expect(throws: DocumentReadError.self) { _ = try DocumentReader.read(path: dir + "/a.docx") }
        Fixtures.zip(["word/other.xml": "<x/>"], path: dir + "/b.docx")
        #expect(throws: DocumentReadError.notADocx(reason: "the archive holds no word/document.xml")) {
            _ = try DocumentReader.read(path: dir + "/b.docx")
        }
        Fixtures.write([0xFF, 0xFF, 0x80, 0x81, 0xFF], dir + "/c.txt")
        #expect(throws: DocumentReadError.unknownEncoding) { _ = try DocumentReader.read(path: dir + "/c.txt") }
        #expect(throws: DocumentReadError.isDirectory(path: dir)) { _ = try DocumentReader.read(path: dir) }
    }

    @Test func wrappedPDFLinesJoinAgain() {
        let text = """
                      某省2025年工作要点

            一、重点任务
            1.完善标准体系。制定和修订地方标准，开展对标达标
          行动，推动企业标准自我声明公开。（省甲厅牵头，省
          乙厅配合）
            2.加强计量。（省乙厅牵头）
                                  — 1 —
        \u{0C}    3.加强认证。（省丙委牵头）
        """
        #expect(PDFText.paragraphs(text) == [
            "某省2025年工作要点", "一、重点任务", "1.完善标准体系。制定和修订地方标准，开展对标达标行动，推动企业标准自我声明公开。（省甲厅牵头，省乙厅配合）",
            "2.加强计量。（省乙厅牵头）", "3.加强认证。（省丙委牵头）",
        ])
        // A paragraph running over the page break, blank lines and page number between.
        let across = """
            1.完善标准体系。制定和修订地方标准，开展对标达标
          行动，推动企业标准自我声明公开。（省甲厅牵头，省


                                  — 1 —
        \u{0C}  乙厅配合）
        """
        // Chinese wraps inside numbers and Latin letters with no space lost.
        #expect(PDFText.paragraphs("  完善12315、12365等平台，开展Q\nC小组活动。") == ["完善12315、12365等平台，开展QC小组活动。"])
        #expect(PDFText.paragraphs("  Quality plan for the\nyear.") == ["Quality plan for the year."])
        #expect(PDFText.paragraphs(across) == ["1.完善标准体系。制定和修订地方标准，开展对标达标行动，推动企业标准自我声明公开。（省甲厅牵头，省乙厅配合）"])
    }
}

/// Damaged and random files: an error or some text, never a crash.
@Suite struct DocumentFuzzTests {
    @Test func damagedDocxAndPages() throws {
        let dir = Fixtures.tempDir()
        defer { Fixtures.remove(dir) }
        Fixtures.docx(body: FormatTests.tableHead.map(Fixtures.paragraph).joined() + Fixtures.table(FormatTests.tableRows), path: dir + "/a.docx")
        let docx = try #require(FileManager.default.contents(atPath: dir + "/a.docx")).map { $0 }
        let page = Array(FormatTests.html(article: "<p>一、重点任务</p><table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td></tr></table>").utf8)
        var state: UInt64 = 0x5EED_D0C5
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for round in 0..<150 {
            var bytes = round % 2 == 0 ? docx : page
            for _ in 0..<(1 + next() % 8) {
                let i = next() % bytes.count
                switch next() % 3 {
                case 0: bytes[i] = UInt8(truncatingIfNeeded: next())
                case 1: bytes.removeSubrange(i..<min(bytes.count, i + next() % 64))
                default: bytes.insert(contentsOf: Array("<td rowspan=\"9999\">（</w:p>".utf8), at: i)
                }
                if bytes.isEmpty { bytes = [0] }
            }
            switch DocumentReaderResult.of(bytes) {
            case .success(let d):
                for b in d.blocks { if case .table(let rows) = b { _ = TableForm.lines(rows) } }
            case .failure(let e):
                #expect(!e.message(english: true).isEmpty)
            }
        }
    }
}

enum DocumentReaderResult {
    static func of(_ bytes: [UInt8]) -> Result<ReadDocument, DocumentReadError> {
        Result { () throws(DocumentReadError) -> ReadDocument in try DocumentReader.read(bytes: bytes, name: "fuzz") }
    }
}
