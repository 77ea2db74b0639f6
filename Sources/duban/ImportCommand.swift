#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import DocumentText
import FoundationEssentials
import PlanImport
import PlanModel
import PlanStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: Help.pick("把行动计划或责任制度文件导入存储。", "Import a plan document (行动计划) or a responsibility system (责任制度) into the store."),
        discussion: Help.pick("""
            FILE 为收到的文件：文本（UTF-8，带或不带 BOM；GB18030/GBK；UTF-16）、Word .docx\
            （段落，以及含 序号 / 工作任务 / 牵头单位 / 责任单位 / 完成时限 等列的任务表）、\
            从政府网站保存的网页（.html）、PDF（需要 poppler-utils 的 pdftotext）或 Word 97 .doc\
            （需要 antiword 或 catdoc）。按文件内容判断格式。从中读取分项（一、）、任务（（一）、\
            1. 或 1、）、分组，以及每项任务的责任部门（牵头、配合、按职责分工负责、负责具体实施）。\
            未能读出责任单位的任务照样导入，并给出注明行号的警告和计数。导入需要办公室权限。

            示例：
              duban import 行动计划.docx --dry-run         预览：每项任务的牵头、其他责任单位和完成时限
              duban import 行动计划.txt --dry-run --json   以 JSON 输出解析结果
              duban import 工作要点.pdf --year 2024        标题中没有年份时指定年份
              duban import 行动计划.txt --id gansu-2015    以此编号存入
            """, """
            FILE is the document as received: text (UTF-8 with or without BOM, GB18030/GBK, \
            UTF-16), Word .docx (paragraphs and task tables with columns such as 序号 / 工作任务 / \
            牵头单位 / 责任单位 / 完成时限), a web page saved from a government portal (.html), \
            PDF (needs pdftotext from poppler-utils) or Word 97 .doc (needs antiword or catdoc). \
            The format is told by the file's content. Sections (一、), tasks ((一), 1. or 1、), \
            groups, and the departments of each task (牵头 lead, 配合 cooperate, 按职责分工负责 \
            joint, 负责具体实施 implement) are read from it. Tasks whose department list could \
            not be read are imported all the same, with a warning naming the line, and counted. \
            Importing needs office rights.

            Examples:
              duban import 行动计划.docx --dry-run         preview: every task with its lead, others and due date
              duban import 行动计划.txt --dry-run --json   the parsed plan as JSON
              duban import 工作要点.pdf --year 2024        a title without a year
              duban import 行动计划.txt --id gansu-2015    store it under this id
            """))

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("文件（文本、.docx、.html、.pdf 或 .doc）。", "The document (text, .docx, .html, .pdf or .doc)."), valueName: "FILE")) var file: String
    @Option(help: ArgumentHelp(Help.pick("计划编号（小写 ASCII）；省略时由标题生成。", "Plan id (lowercase ASCII slug); derived from the title when omitted."), valueName: "SLUG")) var id: String?
    @Option(help: ArgumentHelp(Help.pick("标题中没有年份时的计划年份（否则取发文日期的年份）。", "The plan's year when its title names none (else the issue date's year)."), valueName: "YEAR")) var year: Int?
    @Flag(help: ArgumentHelp(Help.pick("只解析并预览，不存入。", "Parse and preview, but do not store."))) var dryRun = false
    @Flag(help: ArgumentHelp(Help.pick("替换同编号的计划（其日志作为历史保留）。", "Replace a plan with the same id (its journal is kept as history)."))) var replace = false
    @Flag(help: ArgumentHelp(Help.pick("以 JSON 输出解析结果（与 --dry-run 同用）。", "Print the parsed document as JSON (with --dry-run)."))) var json = false

    func validate() throws {
        if let id, Store.isReservedID(id) {
            throw ValidationError(store.vocabulary.pick("--id：“\(id)”是存储文件 \(id).json 的保留名，请换一个计划编号",
                                                        "--id: \"\(id)\" is reserved for the store's \(id).json; choose another plan id"))
        }
        if let id, !PlanID.isValid(id) {
            throw ValidationError(store.vocabulary.pick("--id：“\(id)”不是计划编号（小写字母、数字和 -，至多 64 个）",
                                                        "--id: \"\(id)\" is not a plan id (lowercase letters, digits and '-', at most 64)"))
        }
        if let year, !(1900...2199).contains(year) {
            throw ValidationError(store.vocabulary.pick("--year：\(year) 不是年份（应如 2024）", "--year: \(year) is not a year such as 2024"))
        }
    }

    func run() throws {
        let v = store.vocabulary
        let read: ReadDocument
        do { read = try DocumentReader.read(path: file) } catch {
            throw CLIError(v.pick("\(file)：", "\(file): ") + error.message(english: v.isEnglish))
        }
        let text = read.text(tableLines: TableForm.lines)
        let result: ImportResult
        do {
            result = try Importer.importDocument(text, fileName: Path.lastComponent(file), id: id, year: year)
        } catch {
            throw CLIError(v.pick("\(file)：", "\(file): ") + error.message(english: v.isEnglish))
        }
        let notes = ImportNotes(file: file, read: read, result: result, v: v)
        for n in notes.reading { Output.warn(n) }
        // Warnings go to standard error, as every command's do. The preview
        // carries them too when it is written to a file or a pipe; on a
        // terminal they are already in sight, once.
        for line in notes.warningLines { Output.warn(line) }
        let previewWarnings = isatty(STDOUT_FILENO) == 1 && isatty(STDERR_FILENO) == 1 ? [] : notes.warningLines
        if dryRun {
            switch result.document {
            case .plan(let p):
                if json { Output.json(p.json); break }
                for line in ImportPreview.lines(p, v) { Output.line(line) }
                for line in previewWarnings { Output.line(line) }
                Output.line(notes.summary(p))
            case .roster(let r):
                if json { Output.json(r.json); break }
                for line in RosterListing.lines(r, department: nil, v) { Output.line(line) }
                for line in previewWarnings { Output.line(line) }
            }
            return
        }
        let s = try StoreOpener.open(store, readOnly: false, create: true)
        // A store made by this import starts with closure review on.
        let fresh = s.planIDs().isEmpty && !FileManager.default.fileExists(atPath: s.path + "/settings.json")
        switch result.document {
        case .plan(let p):
            try s.addPlan(p, replace: replace)
            if fresh, s.role == .office {
                var settings = s.settings
                settings.closureReview = true
                try StoreOpener.run { try s.setSettings(settings) }
            }
            Output.line(v.pick("已导入 ", "imported ") + "\(p.id)" + v.pick("：", ": ") + TerminalText.safe(p.title))
            Output.line(notes.summary(p))
        case .roster(let r):
            try s.setRoster(r)
            Output.line(v.pick("已导入责任分工 \(r.id)：\(TerminalText.safe(r.title))（\(r.entries.count) 条）",
                            "imported duty roster \(r.id): \(TerminalText.safe(r.title)) (\(r.entries.count) entries)"))
        }
    }
}

/// What the office should know about an import besides the plan itself:
/// how the file was read, where the year came from, the warnings, the counts.
struct ImportNotes {
    let file: String
    let read: ReadDocument
    let result: ImportResult
    let v: Vocabulary

    /// How the file was read, and where the year came from.
    var reading: [String] {
                var out: [String] = []
        switch read.format {
        case .text:
            if let e = read.encoding { out.append(v.pick("\(file)：按 \(e.rawValue) 编码读取", "\(file): read as \(e.rawValue) text")) }
        case .html:
            out.append(v.pick("\(file)：网页正文（\(read.encoding?.rawValue ?? "UTF-8")）", "\(file): web page article (\(read.encoding?.rawValue ?? "UTF-8"))"))
        case .docx:
            let tables = read.blocks.filter { if case .table = $0 { return true } else { return false } }.count
            out.append(v.pick("\(file)：Word 文档，\(tables) 个表格", "\(file): Word document, \(tables) table(s)"))
        case .pdf, .doc:
            out.append(v.pick("\(file)：经 \(read.tool ?? "?") 提取文字", "\(file): text extracted with \(read.tool ?? "?")"))
        }
        switch result.yearSource {
        case .given(let y):
            out.append(v.pick("\(file)：标题中没有年份，按 --year 取 \(y) 年", "\(file): no year in the title; \(y) from --year"))
        case .issueDate(let d):
            out.append(v.pick("\(file)：标题中没有年份，按发文日期 \(d) 取 \(d.year) 年（可用 --year 指定）",
                           "\(file): no year in the title; \(d.year) from the issue date \(d) (give --year to choose)"))
        case .title, .none:
            break
        }
        return out
    }

    var warningLines: [String] {
        result.warnings.map { w in
            "\(file):\(w.line): " + v.pick("警告：", "warning: ") + TerminalText.safe(w.message(english: v.isEnglish))
        }
    }

    /// `12 个任务（3 个章节），2 个任务的责任单位未能完整读出：1.2、1.3`
    func summary(_ p: Plan) -> String {
                var s = v.pick("\(p.tasks.count) 个任务，\(p.sections.count) 个部分，\(p.departments.count) 个责任单位，\(result.warnings.count) 条警告",
                    "\(p.tasks.count) tasks, \(p.sections.count) section(s), \(p.departments.count) departments, \(result.warnings.count) warning(s)")
        let unread = result.unreadListKeys
        if !unread.isEmpty {
            let keys = unread.prefix(20).joined(separator: v.pick("、", ", ")) + (unread.count > 20 ? "…" : "")
            s += v.pick("；\(unread.count) 个任务的责任单位未能完整读出（已导入）：\(keys)",
                     "; \(unread.count) task(s) imported without a fully read department list: \(keys)")
        }
        return s
    }
}

/// A document's text as the importer reads it, from any format it comes in.
enum DocumentFile {
    static func read(_ path: String, _ v: Vocabulary) throws -> String {
        do { return try DocumentReader.read(path: path).text(tableLines: TableForm.lines) } catch {
            throw CLIError(v.pick("\(path)：", "\(path): ") + error.message(english: v.isEnglish))
        }
    }
}
