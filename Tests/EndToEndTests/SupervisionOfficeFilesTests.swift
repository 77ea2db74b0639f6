import Foundation
import PlanModel
import Testing

/// The round's status and summary and the chase notices as workbooks and
/// official documents, read back by openpyxl and python-docx.
@Suite(.enabled(if: OfficeReaders.python, "needs python3 with openpyxl and python-docx"))
struct SupervisionOfficeFilesTests {
    func copy() throws -> String {
        let dir = try OfficeReaders.temporary("cycle")
        try FileManager.default.copyItem(atPath: OfficeReaders.sampleStore, toPath: dir + "/store")
        return dir
    }

    @Test func roundStatusWorkbookHasTheDepartmentsFigures() throws {
        let dir = try copy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = dir + "/store", path = dir + "/status.xlsx"
        let r = try Duban.run(["round", "status", "gansu-2014", "--format", "xlsx", "--out", path, "--store", store])
        #expect(r.status == 0, "\(r.err)")
        let status = try JSONParser.parse(try Duban.run(["round", "status", "gansu-2014", "--json", "--store", store]).out)
        let sheet = try OfficeReaders.sheets(path)[0]
        #expect(sheet["charts"] as? Int == 1)
        let (header, rows) = OfficeReaders.table(sheet, headedBy: "单位")
        #expect(header.starts(with: ["单位", "应报", "按时", "逾期报送", "未报"]))
        let departments = status["departments"]?.array ?? []
        #expect(rows.count == departments.count + 1)
        for (row, d) in zip(rows, departments) {
            #expect(row[0]["v"] as? String == d["department"]?.string)
            #expect((row[1]["v"] as? Double).map(Int.init) == d["expected"]?.int)
            let missing = (row[4]["v"] as? Double).map(Int.init) ?? (row[4]["v"] as? String).flatMap { Int($0) }
            #expect(missing == d["missing"]?.int)
        }
    }

    @Test func chaseNoticesAreOfficialDocumentsOnePerDepartment() throws {
        let dir = try copy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = dir + "/store", out = dir + "/notices"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let r = try Duban.run(["chase", "gansu-2014", "--dept", "省发展改革委", "--format", "docx", "--out", out,
                               "--office", "甘肃省质量发展领导小组办公室", "--store", store])
        #expect(r.status == 0, "\(r.err)")
        let doc = try OfficeReaders.read("docx", out + "/催办通知-gansu-2014-省发展改革委-2014-10-01.docx")
        let paragraphs = doc["paragraphs"] as! [[String: Any]]
        let texts = paragraphs.map { $0["text"] as! String }
        let styles = paragraphs.map { $0["style"] as! String }
        // 省发展改革委 was chased on 2014-09-20 in the sample: this is its second chase.
        #expect(styles[0] == "Title" && texts[0].hasSuffix("再次催办通知"), "\(texts)")
        #expect(texts.contains("省发展改革委：") && texts.contains { $0.contains("2014年10月6日前") })
        let signature = zip(styles, texts).filter { $0.0 == "Signature" }.map(\.1)
        #expect(signature == ["甘肃省质量发展领导小组办公室", "2014年10月1日"])
        let table = (doc["tables"] as! [[[String]]])[0]
        #expect(table[0] == ["任务", "标题", "截止日期", "事项", "催办次数"])
        #expect(table.dropFirst().map { $0[0] } == ["1.3", "3.11", "3.12", "3.13", "4.19", "4.21"])
        #expect(table.contains { $0[0] == "3.13" && $0[4] == "再次催办" })
        let xlsx = try Duban.run(["chase", "gansu-2014", "--dry-run", "--format", "xlsx", "--out", out, "--store", store])
        #expect(xlsx.status == 0 && !FileManager.default.fileExists(atPath: out + "/催办清单-gansu-2014-2014-10-01.xlsx"))
    }

    @Test func chaseWritesOneNoticePerDepartmentItRecords() throws {
        let dir = try copy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = dir + "/store", out = dir + "/notices"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        func chased() throws -> [String] {
            let log = try JSONParser.parse(try Duban.run(["log", "gansu-2014", "--json", "--store", store]).out)
            return (log.array ?? []).compactMap { $0["field"]?.string }.filter { $0.hasPrefix("chase:") }
        }
        let before = try chased()
        let r = try Duban.run(["chase", "gansu-2014", "--format", "docx", "--out", out, "--store", store])
        #expect(r.status == 0, "\(r.err)")
        let recorded = try chased().dropFirst(before.count).map { String($0.dropFirst("chase:".count)) }
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".docx") }
        #expect(!recorded.isEmpty)
        #expect(files.count == recorded.count, "\(files) against \(recorded)")
        for d in recorded { #expect(files.contains { $0.contains("-\(d)-") }, "no notice for \(d)") }
    }

    @Test func roundSummaryAsDocumentAndWorkbook() throws {
        let dir = try copy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = dir + "/store"
        let docx = dir + "/summary.docx", xlsx = dir + "/summary.xlsx"
        #expect(try Duban.run(["round", "summary", "gansu-2014", "2014年三季度", "--format", "docx", "--out", docx, "--store", store]).status == 0)
        #expect(try Duban.run(["round", "summary", "gansu-2014", "2014年三季度", "--format", "xlsx", "--out", xlsx, "--store", store]).status == 0)
        let doc = try OfficeReaders.read("docx", docx)
        let paragraphs = doc["paragraphs"] as! [[String: Any]]
        let headings = paragraphs.filter { $0["style"] as? String == "Heading 1" }.map { $0["text"] as! String }
        #expect(headings.first?.hasPrefix("一、1.1 ") == true || headings.first?.contains("1.1 加快质量诚信体系建设") == true, "\(headings.prefix(2))")
        #expect(headings.last?.contains("未报送单位") == true)
        let status = try JSONParser.parse(try Duban.run(["round", "status", "gansu-2014", "--json", "--store", store]).out)
        let sheets = try OfficeReaders.sheets(xlsx)
        let (_, rows) = OfficeReaders.table(sheets[0], headedBy: "任务")
        #expect(rows.count == status["expected"]?.int)
        #expect(rows.filter { $0[4]["v"] as? String == "未报" }.count == status["missing"]?.int)
    }
}
