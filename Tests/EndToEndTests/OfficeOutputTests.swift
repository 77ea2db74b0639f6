import Foundation
import PlanModel
import Testing

/// Workbooks and documents read back by readers that share no code with the
/// writers: openpyxl and python-docx (installed by .ci/run), and LibreOffice
/// headless where it is installed.
enum OfficeReaders {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Support/office_read.py").path
    static let sampleStore = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../SampleData/store").standardized.path

    static let python: Bool = (try? Spawn.run(["python3", "-c", "import openpyxl, docx"]).status) == 0
    static let soffice: String? = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static func temporary(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-office-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// What office_read.py prints for a file.
    static func read(_ kind: String, _ path: String) throws -> [String: Any] {
        let r = try Spawn.run(["python3", script, kind, path])
        guard r.status == 0, let v = try JSONSerialization.jsonObject(with: r.out) as? [String: Any] else {
            throw Spawn.Failure(description: "office_read.py \(kind) \(path): \(String(decoding: r.err, as: UTF8.self))")
        }
        return v
    }

    static func sheets(_ path: String, values: Bool = false) throws -> [[String: Any]] {
        try read(values ? "xlsx-values" : "xlsx", path)["sheets"] as! [[String: Any]]
    }

    static func rows(_ sheet: [String: Any]) -> [[[String: Any]]] { sheet["rows"] as! [[[String: Any]]] }

    /// The rows under a table's header row, found by its first cell.
    static func table(_ sheet: [String: Any], headedBy first: String) -> (header: [String], rows: [[[String: Any]]]) {
        let all = rows(sheet)
        guard let h = all.firstIndex(where: { ($0.first?["v"] as? String) == first }) else { return ([], []) }
        var out: [[[String: Any]]] = []
        for r in all[(h + 1)...] {
            if r.allSatisfy({ $0["v"] is NSNull }) { break }
            out.append(r)
        }
        return (all[h].map { $0["v"] as? String ?? "" }, out)
    }

    static func exportJSON(_ store: String, _ plan: String) throws -> [String: Any] {
        let r = try Duban.run(["export", plan, "--store", store])
        return try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
    }

    /// Every task of an exported plan, sections and groups alike, in key order as written.
    static func exportedTasks(_ plan: [String: Any]) -> [[String: Any]] {
        var out: [[String: Any]] = []
        for s in plan["sections"] as! [[String: Any]] {
            out += s["tasks"] as? [[String: Any]] ?? []
            for g in s["groups"] as? [[String: Any]] ?? [] { out += g["tasks"] as? [[String: Any]] ?? [] }
        }
        return out
    }
}

@Suite(.enabled(if: OfficeReaders.python, "python3 with openpyxl and python-docx (installed by .ci/run)"))
struct WorkbookReadBackTests {
    let store = OfficeReaders.sampleStore

    @Test func reportWorkbookHasTypedCellsFrozenHeaderAndTheExportedValues() throws {
        let dir = try OfficeReaders.temporary("report")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/report.xlsx"
        let r = try Duban.run(["report", "gansu-2023-2025", "--format", "xlsx", "--out", path, "--store", store, "--office", "测试办公室"])
        #expect(r.status == 0, "\(r.err)")
        let sheets = try OfficeReaders.sheets(path)
        let names = sheets.map { $0["name"] as! String }
        #expect(names.starts(with: ["分项进展", "任务", "部门", "逾期滞后"]))
        let tasks = sheets[1]
        // Title rows name the plan, the date and the office; the header below them stays in view.
        let title = OfficeReaders.rows(tasks)[1][0]["v"] as! String
        #expect(title.contains("gansu-2023-2025") && title.contains("2024-07-01") && title.contains("测试办公室"))
        #expect(tasks["freeze"] as? String == "A5")
        #expect((tasks["filter"] as? String)?.hasPrefix("A4:") == true)
        let (header, rows) = OfficeReaders.table(tasks, headedBy: "计划")
        let keyCol = header.firstIndex(of: "任务")!, progressCol = header.firstIndex(of: "进度")!
        let dueCol = header.firstIndex(of: "截止")!, lightCol = header.firstIndex(of: "灯")!

        let exported = OfficeReaders.exportedTasks(try OfficeReaders.exportJSON(store, "gansu-2023-2025"))
        #expect(rows.count == exported.count)
        let keys = rows.map { $0[keyCol]["v"] as? String }
        #expect(keys == exported.map { $0["key"] as? String })
        // 2.1 and 2.10 are two rows, each a text cell.
        #expect(keys.contains("2.1") && keys.contains("2.10"))
        #expect(rows.allSatisfy { $0[keyCol]["t"] as? String == "str" })
        for (row, task) in zip(rows, exported) {
            let done = task["status"] as? String == "done"
            let progress = done ? 100 : task["progress"] as! Int
            let cell = row[progressCol]
            #expect(cell["t"] as? String == "float" || cell["t"] as? String == "int")
            #expect(abs((cell["v"] as! Double) - Double(progress) / 100) < 1e-9, "\(task["key"]!)")
            #expect((cell["fmt"] as! String).hasSuffix("%"))
            #expect(row[dueCol]["t"] as? String == "datetime" && row[dueCol]["v"] as? String == task["due"] as? String)
        }
        // Lights are coloured cells: red, amber or green.
        let fills = Set(rows.compactMap { $0[lightCol]["fill"] as? String })
        #expect(!fills.isEmpty && fills.isSubset(of: ["FF0000", "FFC000", "00B050"]))
        for row in rows {
            let expected = ["红灯": "FF0000", "黄灯": "FFC000", "绿灯": "00B050"][row[lightCol]["v"] as! String]
            #expect(row[lightCol]["fill"] as? String == expected)
        }
        // The section sheet carries the completion chart.
        #expect(sheets[0]["charts"] as? Int == 1)
        let (_, sections) = OfficeReaders.table(sheets[0], headedBy: "分项")
        #expect(sections.count == 4 || sections.count > 0)
        #expect(sections.allSatisfy { ($0[5]["fmt"] as! String).hasSuffix("%") && $0[5]["v"] is Double })
        // Columns of Chinese text are wider than the default, by display width.
        let widths = tasks["widths"] as! [String: Double]
        #expect((widths["E"] ?? 0) > 20)
    }

    @Test func assessmentWorkbookScoresAreNumbersAndChartedByDepartment() throws {
        let dir = try OfficeReaders.temporary("assess")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/assess.xlsx"
        let r = try Duban.run(["assess", "gansu-2014", "--format", "xlsx", "--out", path, "--store", store])
        #expect(r.status == 0, "\(r.err)")
        let sheet = try OfficeReaders.sheets(path)[0]
        #expect(sheet["charts"] as? Int == 1)
        #expect(sheet["freeze"] as? String != nil)
        let (header, rows) = OfficeReaders.table(sheet, headedBy: "名次")
        #expect(header.contains("得分") && header.contains("等级"))
        // The same departments, scores and grades as the CSV of the same command.
        let csv = try Duban.run(["assess", "gansu-2014", "--format", "csv", "--store", store]).out
        let lines = csv.dropFirst().split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == lines.count && rows.count > 5)
        for (row, line) in zip(rows, lines) {
            #expect(row[1]["v"] as? String == line[1])
            if let score = Double(line[8]) {
                #expect(["float", "int"].contains(row[8]["t"] as? String) && abs((row[8]["v"] as! Double) - score) < 1e-9)
            }
            #expect(row[9]["v"] as? String == line[9] && row[9]["fill"] != nil)
        }
    }

    @Test func departmentWorkbookHasASheetPerPlan() throws {
        let dir = try OfficeReaders.temporary("dept")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/dept.xlsx"
        let r = try Duban.run(["dept", "省质监局", "--format", "xlsx", "--out", path, "--store", store])
        #expect(r.status == 0, "\(r.err)")
        let json = try Duban.run(["dept", "省质监局", "--json", "--store", store]).out
        let entries = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [[String: Any]]
        var plans: [String] = []
        for e in entries where !plans.contains(e["plan"] as! String) { plans.append(e["plan"] as! String) }
        let sheets = try OfficeReaders.sheets(path)
        #expect(sheets.map { $0["name"] as! String } == plans)
        for sheet in sheets {
            let (_, rows) = OfficeReaders.table(sheet, headedBy: "计划")
            let mine = entries.filter { $0["plan"] as? String == sheet["name"] as? String }
            #expect(rows.map { $0[1]["v"] as? String } == mine.map { $0["task"] as? String })
            #expect(rows.allSatisfy { $0[1]["t"] as? String == "str" && $0[5]["v"] is Double })
            #expect(sheet["freeze"] as? String != nil)
        }
    }

    @Test func reportOfEveryPlanHasAnOverviewAndASheetPerPlan() throws {
        let dir = try OfficeReaders.temporary("all")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/all.xlsx"
        let r = try Duban.run(["report", "--all", "--format", "xlsx", "--out", path, "--store", store])
        #expect(r.status == 0, "\(r.err)")
        let plans = try Duban.run(["plans", "--store", store, "--json"]).out
        let ids = (try JSONSerialization.jsonObject(with: Data(plans.utf8)) as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        let sheets = try OfficeReaders.sheets(path)
        #expect(sheets.map { $0["name"] as! String } == ["总览"] + ids)
        #expect(sheets.allSatisfy { $0["charts"] as? Int == 1 })
        for (sheet, id) in zip(sheets.dropFirst(), ids) {
            let (_, rows) = OfficeReaders.table(sheet, headedBy: "计划")
            #expect(rows.count == OfficeReaders.exportedTasks(try OfficeReaders.exportJSON(store, id)).count)
        }
    }

    @Test func aWorkbookNeverReplacesAStoreFile() throws {
        let store = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let snapshot = store + "/e2e.json"
        let before = try Data(contentsOf: URL(fileURLWithPath: snapshot))
        for format in ["xlsx", "docx"] {
            let r = try Duban.run(["report", "e2e", "--format", format, "--out", snapshot, "--store", store])
            #expect(r.status != 0 && r.err.contains(snapshot))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: snapshot)) == before)
    }

    /// Calc opens the workbook and prints it: the sections sheet and the task sheets.
    @Test(.enabled(if: OfficeReaders.soffice != nil, "LibreOffice headless"))
    func workbookConvertsToPDF() throws {
        let dir = try OfficeReaders.temporary("xlsx-pdf")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/report.xlsx"
        #expect(try Duban.run(["report", "gansu-2014", "--format", "xlsx", "--out", path, "--store", store]).status == 0)
        let lo = try Spawn.run([OfficeReaders.soffice!, "-env:UserInstallation=file://\(dir)/profile", "--headless",
                                "--convert-to", "pdf", "--outdir", dir, path])
        #expect(lo.status == 0, "\(String(decoding: lo.err, as: UTF8.self))")
        let pdf = try Data(contentsOf: URL(fileURLWithPath: dir + "/report.pdf"))
        #expect(pdf.starts(with: Data("%PDF".utf8)) && pdf.count > 10_000)
    }

    /// The CSV read by LibreOffice itself: keys 2.1 and 2.10 stay two texts.
    @Test(.enabled(if: OfficeReaders.soffice != nil, "LibreOffice headless"))
    func csvKeysSurviveLibreOffice() throws {
        let dir = try OfficeReaders.temporary("csv")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let csv = dir + "/report.csv"
        #expect(try Duban.run(["report", "gansu-2023-2025", "--format", "csv", "--out", csv, "--store", store]).status == 0)
        // 44 comma, 34 quote, 76 UTF-8, from line 1: what an office gets opening it in Calc.
        let lo = try Spawn.run([OfficeReaders.soffice!, "-env:UserInstallation=file://\(dir)/profile", "--headless",
                                "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", dir, csv])
        #expect(lo.status == 0, "\(String(decoding: lo.err, as: UTF8.self))")
        // What Calc shows: the key as text.
        let rows = OfficeReaders.rows(try OfficeReaders.sheets(dir + "/report.xlsx", values: true)[0])
        let exported = OfficeReaders.exportedTasks(try OfficeReaders.exportJSON(store, "gansu-2023-2025"))
        let keys = rows.dropFirst().map { $0[1]["v"] as? String }
        #expect(keys == exported.map { $0["key"] as? String })
        #expect(keys.contains("2.1") && keys.contains("2.10"))
        #expect(rows.dropFirst().allSatisfy { $0[1]["t"] as? String == "str" })
        // Progress stays a number.
        #expect(rows.dropFirst().allSatisfy { $0[6]["t"] as? String == "int" || $0[6]["t"] as? String == "float" })
        // The only formulas are the constant texts of the key columns: nothing else of the plan's is evaluated.
        let formulas = OfficeReaders.rows(try OfficeReaders.sheets(dir + "/report.xlsx")[0]).dropFirst().flatMap { row in
            row.compactMap { ($0["v"] as? String).flatMap { $0.hasPrefix("=") ? $0 : nil } }
        }
        #expect(formulas.allSatisfy { $0.wholeMatch(of: /="[0-9.\-\/:]+"/) != nil }, "\(formulas)")
    }
}

@Suite(.enabled(if: OfficeReaders.python, "python3 with openpyxl and python-docx (installed by .ci/run)"))
struct DocumentReadBackTests {
    let store = OfficeReaders.sampleStore

    func document(_ args: [String], _ name: String) throws -> (dir: String, path: String, doc: [String: Any]) {
        let dir = try OfficeReaders.temporary(name)
        let path = dir + "/\(name).docx"
        let r = try Duban.run(["report"] + args + ["--format", "docx", "--out", path, "--store", store])
        #expect(r.status == 0, "\(r.err)")
        return (dir, path, try OfficeReaders.read("docx", path))
    }

    @Test func reportFollowsTheOfficialDocumentLayout() throws {
        let (dir, _, doc) = try document(["gansu-2014", "--office", "甘肃省质量发展领导小组办公室"], "report")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let paragraphs = doc["paragraphs"] as! [[String: Any]]
        let texts = paragraphs.map { $0["text"] as! String }
        let styles = paragraphs.map { $0["style"] as! String }
        #expect(styles[0] == "Title" && texts[0].hasPrefix("甘肃省贯彻实施质量发展纲要2014年行动计划"))
        #expect(texts[1] == "（截至2014年10月1日）")
        let headings = zip(styles, texts).filter { $0.0 == "Heading 1" }.map(\.1)
        #expect(headings.starts(with: ["一、总体情况", "二、各分项进度", "三、分部门进展", "四、逾期和滞后任务"]))
        // Office and date (Arabic numerals) close the body, before the attachment.
        let signature = zip(styles, texts).filter { $0.0 == "Signature" }.map(\.1)
        #expect(signature == ["甘肃省质量发展领导小组办公室", "2014年10月1日"])
        #expect(texts.contains("附件"))
        // Fonts and sizes as GB/T 9704 names them.
        let st = doc["styles"] as! [String: [String: Any]]
        #expect(st["Title"]?["eastAsia"] as? String == "方正小标宋简体" && st["Title"]?["size"] as? Double == 22)
        #expect(st["Body Text"]?["eastAsia"] as? String == "仿宋_GB2312" && st["Body Text"]?["size"] as? Double == 16)
        #expect(st["Heading 1"]?["eastAsia"] as? String == "黑体" && st["Heading 2"]?["eastAsia"] as? String == "楷体_GB2312")
        #expect(st["Heading 3"]?["bold"] as? Bool == true)
        // A4, top 37 mm, left 28 mm; page numbers "— 1 —" on both footers.
        let section = (doc["sections"] as! [[String: Any]])[0]
        #expect(abs((section["width"] as! Double) - 210) < 0.5 && abs((section["height"] as! Double) - 297) < 0.5)
        #expect(abs((section["top"] as! Double) - 37) < 0.5 && abs((section["left"] as! Double) - 28) < 0.5)
        #expect(section["oddFooter"] as? String == "— 1 —")
        #expect((section["evenFooterXML"] as! String).contains("PAGE") && doc["evenAndOdd"] as? Bool == true)
        // The task list attached has every task, keys as the export has them.
        let tables = doc["tables"] as! [[[String]]]
        let exported = OfficeReaders.exportedTasks(try OfficeReaders.exportJSON(store, "gansu-2014"))
        let list = tables.last!
        #expect(list.dropFirst().map { $0[0] } == exported.map { $0["key"] as! String })
        #expect(list.dropFirst().map { $0[1] } == exported.map { $0["title"] as! String })
        // The section bars: one row per section, the share of twenty cells.
        let sections = (try OfficeReaders.exportJSON(store, "gansu-2014")["sections"] as! [[String: Any]]).count
        #expect(tables.contains { $0.count == sections && $0[0].count == 22 })
    }

    @Test func everyPlanInOneDocumentWithAPartEach() throws {
        let (dir, _, doc) = try document(["--all"], "all")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let paragraphs = doc["paragraphs"] as! [[String: Any]]
        let parts = paragraphs.filter { $0["style"] as? String == "Heading 1" }.map { $0["text"] as! String }
        let plans = try JSONSerialization.jsonObject(with: Data(try Duban.run(["plans", "--store", store, "--json"]).out.utf8)) as! [[String: Any]]
        #expect(parts.count == plans.count)
        for (part, plan) in zip(parts, plans) { #expect(part.hasSuffix(plan["title"] as! String)) }
        // Under each part the numbering restarts at （一）.
        let second = paragraphs.filter { $0["style"] as? String == "Heading 2" }.map { $0["text"] as! String }
        #expect(second.filter { $0 == "（一）总体情况" }.count == plans.count)
    }

    @Test(.enabled(if: OfficeReaders.soffice != nil, "LibreOffice headless"))
    func reportConvertsToPDF() throws {
        let (dir, path, _) = try document(["gansu-2014"], "pdf")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lo = try Spawn.run([OfficeReaders.soffice!, "-env:UserInstallation=file://\(dir)/profile", "--headless",
                                "--convert-to", "pdf", "--outdir", dir, path])
        #expect(lo.status == 0, "\(String(decoding: lo.err, as: UTF8.self))")
        let pdf = try Data(contentsOf: URL(fileURLWithPath: dir + "/pdf.pdf"))
        #expect(pdf.starts(with: Data("%PDF".utf8)) && pdf.count > 10_000)
    }
}

/// Changes and notes between two dates come from the journal.
@Suite(.enabled(if: OfficeReaders.python, "python3 with openpyxl and python-docx (installed by .ci/run)"))
struct ReportWindowTests {
    @Test func windowListsTheJournalsChangesWithinTheDates() throws {
        let store = try makeE2EStore(tasks: 10)
        defer { try? FileManager.default.removeItem(atPath: store) }
        #expect(try Duban.run(["update", "e2e", "1.10", "--status", "in_progress", "--progress", "40", "--note", "已召开推进会", "--store", store]).status == 0)
        #expect(try Duban.run(["update", "e2e", "1.1", "--status", "done", "--store", store]).status == 0)
        let log = try JSONSerialization.jsonObject(with: Data(try Duban.run(["log", "e2e", "--json", "--store", store]).out.utf8)) as! [[String: Any]]
        let day = String((log.last!["time"] as! String).prefix(10))
        let changes = log.filter { ["status", "progress"].contains($0["field"] as! String) }
        let dir = try OfficeReaders.temporary("window")
        defer { try? FileManager.default.removeItem(atPath: dir) }

        let inside = dir + "/in.xlsx"
        #expect(try Duban.run(["report", "e2e", "--from", day, "--to", day, "--format", "xlsx", "--out", inside, "--store", store]).status == 0)
        let sheets = try OfficeReaders.sheets(inside)
        let changeSheet = sheets.first { $0["name"] as? String == "本期变化" }!
        let (_, rows) = OfficeReaders.table(changeSheet, headedBy: "日期")
        #expect(rows.count == changes.count)
        #expect(rows.map { $0[1]["v"] as? String } == changes.map { $0["task"] as? String })
        #expect(rows.contains { ($0[3]["v"] as? String) == "状态：未开始 → 已完成" })
        let notes = OfficeReaders.table(sheets.first { $0["name"] as? String == "本期进展" }!, headedBy: "日期").rows
        #expect(notes.map { $0[4]["v"] as? String } == ["已召开推进会"])

        // Every plan at once: the window's tables sit below the plan's own, under captions.
        let all = dir + "/all.xlsx"
        #expect(try Duban.run(["report", "--all", "--from", day, "--to", day, "--format", "xlsx", "--out", all, "--store", store]).status == 0)
        let plan = try OfficeReaders.sheets(all).first { $0["name"] as? String == "e2e" }!
        let captions = OfficeReaders.rows(plan).compactMap { $0.first?["v"] as? String }.filter { $0.hasPrefix("本期") }
        #expect(captions == ["本期变化（\(day)至\(day)）", "本期进展（\(day)至\(day)）"])
        let allRows = OfficeReaders.rows(plan)
        let at = allRows.firstIndex { ($0.first?["v"] as? String) == captions[0] }!
        #expect(allRows[(at + 2)...].prefix(changes.count).map { $0[1]["v"] as? String } == changes.map { $0["task"] as? String })

        // A window that ends the day before lists none of them.
        let before = Day(day).map { "\($0.adding(days: -1))" }!
        let md = try Duban.run(["report", "e2e", "--from", "2014-01-01", "--to", before, "--store", store]).out
        #expect(md.contains("## 本期变化（2014-01-01至\(before)）\n\n（无）"))
        #expect(md.contains("## 本期进展（2014-01-01至\(before)）\n\n（无）"))
    }
}
