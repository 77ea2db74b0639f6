import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PlanModel
import Testing
@testable import OfficeFiles
@testable import PlanReports

@Suite struct CSVTextCellTests {
    @Test func keysThatLookLikeNumbersBecomeConstantTextFormulas() {
        // The field ="2.10", quoted as RFC 4180 wants for a field holding quotes.
        #expect(CSVWriter.textField("2.10") == "\"=\"\"2.10\"\"\"")
        #expect(CSVWriter.textField("3-10") == "\"=\"\"3-10\"\"\"")
        // Anything else is an ordinary field: no text of a plan's enters a formula.
        #expect(CSVWriter.textField("gansu-2014") == "gansu-2014")
        #expect(CSVWriter.textField("=HYPERLINK(\"x\")") == CSVWriter.field("=HYPERLINK(\"x\")"))
        #expect(CSVWriter.textField("2.1\",\"") == CSVWriter.field("2.1\",\""))
        #expect(CSVWriter.textField("") == "")
    }

    @Test func keysStayTextWhileHostileCellsAreNeutralised() throws {
        let t = Table(header: ["key", "title"], rows: [["2.10", "=HYPERLINK(\"http://x\")"], ["2.1", "@SUM(A1)"]], textColumns: [0])
        let rows = try CSVReader.python(CSVWriter.document(t))
        #expect(rows.dropFirst().map { $0[0] } == ["=\"2.10\"", "=\"2.1\""])
        #expect(rows.dropFirst().map { $0[1] } == ["'=HYPERLINK(\"http://x\")", "'@SUM(A1)"])
    }

    @Test func twoPointOneAndTwoPointTenStayTwoRows() throws {
        let t = Table(header: ["plan", "key", "progress"], rows: [["p", "2.1", "30"], ["p", "2.10", "40"]], textColumns: [1])
        let rows = try CSVReader.python(CSVWriter.document(t))
        #expect(rows.map { $0[1] } == ["key", "=\"2.1\"", "=\"2.10\""])
        // The number column stays a plain number.
        #expect(rows.map { $0[2] } == ["progress", "30", "40"])
    }
}

@Suite struct DocxBodyTests {
    func document(_ body: [DocBlock], issuer: String = "办公室") -> String {
        DocxWriter.documentXML(OfficialDocument(title: "标题", body: body, issuer: issuer,
                                                date: CalendarDate(year: 2014, month: 4, day: 28)))
    }

    @Test func headingsAreNumberedByLevelAndRestartUnderTheirParent() {
        let xml = document([.heading(1, "甲"), .heading(2, "乙"), .heading(2, "丙"), .heading(3, "丁"),
                            .heading(1, "戊"), .heading(2, "己"), .heading(4, "庚")])
        for text in ["一、甲", "（一）乙", "（二）丙", "1.丁", "二、戊", "（一）己", "（1）庚"] {
            #expect(xml.contains(">\(text)<"), "\(text)")
        }
        #expect(xml.contains(#"<w:pStyle w:val="Heading3"/>"#))
        #expect(ChineseNumber.of(10) == "十" && ChineseNumber.of(13) == "十三" && ChineseNumber.of(21) == "二十一")
    }

    @Test func englishDocumentsNumberHeadingsInArabicAndDateInISO() {
        let xml = DocxWriter.documentXML(OfficialDocument(
            title: "Report", body: [.heading(1, "Summary"), .heading(2, "Sections"), .heading(4, "Detail"), .heading(1, "Departments")],
            issuer: "Office", date: CalendarDate(year: 2014, month: 4, day: 8), english: true))
        for text in ["1. Summary", "(1) Sections", "(a) Detail", "2. Departments", "2014-04-08"] { #expect(xml.contains(">\(text)<"), "\(text)") }
        #expect(!xml.contains("、"))
    }

    @Test func hostileTextIsEscapedAndControlCharactersDropped() throws {
        let xml = document([.paragraph("a<b>&\"c\u{1}\u{1B}[31m"), .table(DocTable(header: ["<h>"], rows: [["]]>"]]))])
        #expect(xml.contains("a&lt;b&gt;&amp;&quot;c[31m"))
        #expect(xml.contains("&lt;h&gt;") && xml.contains("]]&gt;"))
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        // Well-formed: Foundation's parser reads the whole part.
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
    }

    @Test func dateInArabicNumeralsAndTheOfficeAboveIt() {
        let xml = document([], issuer: "甘肃省质量发展领导小组办公室")
        let office = xml.range(of: "甘肃省质量发展领导小组办公室")!, date = xml.range(of: "2014年4月28日")!
        #expect(office.lowerBound < date.lowerBound)
    }

    @Test func tableColumnsFillTheTypeAreaExactly() {
        let narrow = DocTable(header: ["键", "值"], rows: [["1.1", "30%"]])
        let wide = DocTable(header: ["任务", "标题", "牵头", "状态", "进度", "期限", "灯", "最新进展"],
                            rows: [["3.10", String(repeating: "很长的任务标题", count: 10), "省质监局、省工商局", "进行中", "40%",
                                    "2014-12-31", "红灯", String(repeating: "进展", count: 40)]])
        for t in [narrow, wide] {
            let w = DocxBody.columnWidths(t)
            #expect(w.reduce(0, +) == DocxParts.textWidth)
            #expect(w.allSatisfy { $0 > 0 })
        }
        // Short columns keep room for their text; the long ones share the rest.
        let w = DocxBody.columnWidths(wide)
        #expect(w[4] >= 3 * DocxBody.columnTwips && w[1] > w[0])
    }

    @Test func barsShadeTheirShareOfTwentyCells() {
        var b = DocxBody()
        b.bars([DocBar(label: "一、甲", fraction: 0.5, value: "50%"), DocBar(label: "二、乙", fraction: 1.2, value: "120%")])
        let rows = b.xml.components(separatedBy: "<w:tr>").dropFirst()
        #expect(rows.map { $0.components(separatedBy: "2E75B6").count - 1 } == [10, 20])
    }
}

@Suite struct SheetNameTests {
    @Test func namesAreLegalUniqueAndShort() {
        var n = SheetNames()
        #expect(n.unique("a/b:c") == "a_b_c")
        #expect(n.unique("任务") == "任务")
        #expect(n.unique("任务") == "任务(2)")
        let long = n.unique(String(repeating: "长", count: 40))
        #expect(long.utf16.count <= 31)
    }
}

@Suite struct WorkbookContentTests {
    @Test func reportSheetsTypeTheirCells() {
        let r = ProgressReport(plan: Fixture.plan(), evaluation: Fixture.evaluation)
        let wb = r.workbook(OfficeContext(office: "办公室"))
        let tasks = wb.sheets.first { $0.name == "任务" }!
        #expect(tasks.titleLines[1].contains("办公室") && tasks.titleLines[1].contains(Fixture.evaluation.today.description))
        let row = tasks.tables[0].rows.first!
        #expect(row[1] == .text("1.1"))
        #expect(tasks.tables[0].rows.allSatisfy {
            if case .percent = $0[6] { return true } else { return false }
        })
        let red = tasks.tables[0].rows.first { $0[1] == .text("2.1") }!
        #expect(red[7] == .filled("红灯", rgb: 0xFF0000))
        #expect(wb.sheets[0].chart?.valueColumn == 5)
    }
}

/// Several notices in one file, read back by python-docx.
@Suite(.enabled(if: (try? CSVReader.run(["python3", "-c", "import docx"])) == 0, "python-docx (installed by .ci/run)"))
struct SeveralDocumentsTests {
    @Test func eachDocumentIsASectionOfItsOwnWithTitleAndSignature() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-docs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let date = CalendarDate(year: 2014, month: 9, day: 30)
        let notices = ["省质监局", "省工商局", "省商务厅"].map { d in
            OfficialDocument(title: "关于督促办理有关任务的通知", body: [.paragraph("\(d)："), .table(DocTable(header: ["任务"], rows: [["2.10"]]))],
                             issuer: "办公室", date: date)
        }
        let path = dir + "/notices.docx"
        try DocxWriter.write(notices, to: path)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../EndToEndTests/Support/office_read.py").standardized.path
        let out = try CSVReader.output(["python3", script, "docx", path])
        let doc = try JSONSerialization.jsonObject(with: out) as! [String: Any]
        #expect((doc["sections"] as! [Any]).count == 3)
        let paragraphs = doc["paragraphs"] as! [[String: Any]]
        #expect(paragraphs.filter { $0["style"] as? String == "Title" }.count == 3)
        #expect(paragraphs.filter { $0["text"] as? String == "2014年9月30日" }.count == 3)
        #expect((doc["tables"] as! [[[String]]]).map { $0[1][0] } == ["2.10", "2.10", "2.10"])
    }
}

extension CSVReader {
    static func output(_ argv: [String]) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = argv
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw Failure(message: "\(argv[0]) failed") }
        return data
    }

    static func run(_ argv: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = argv
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }
}

@Suite struct ReportFileNameTests {
    @Test func namesCarryNoPathOrControlCharacters() {
        let day = Day(year: 2014, month: 10, day: 1)!
        #expect(ReportFile.name("gansu-2014", "进展情况报告", day, .docx) == "gansu-2014-进展情况报告-2014-10-01.docx")
        let hostile = ReportFile.name("../省\u{1B}[2J质监局/x\ny", "部门任务", day, .xlsx)
        #expect(!hostile.contains("/") && !hostile.unicodeScalars.contains { $0.value < 0x20 })
        #expect(hostile.hasSuffix("-2014-10-01.xlsx"))
    }
}
