import ArgumentParser
import Foundation
import PlanImport
import PlanModel
import PlanStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: Help.pick("把行动计划或责任制度文件导入存储。", "Import a plan document (行动计划) or a responsibility system (责任制度) into the store."),
        discussion: Help.pick("""
            FILE 为 UTF-8 文本。从中读取分项（一、）、任务（（一）或 1.）、分组，以及每项任务的\
            责任部门（牵头、配合、按职责分工负责、负责具体实施）。看似任务但未能完整读取的行\
            作为警告报告，并注明行号。导入需要办公室权限。

            示例：
              duban import 行动计划.txt --dry-run          显示将导入的内容摘要
              duban import 行动计划.txt --dry-run --json   以 JSON 输出解析结果
              duban import 行动计划.txt --id gansu-2015    以此编号存入
            """, """
            FILE is the document as UTF-8 text. Sections (一、), tasks ((一) or 1.), groups, and \
            the departments of each task (牵头 lead, 配合 cooperate, 按职责分工负责 joint, \
            负责具体实施 implement) are read from it. Lines that look like tasks but could not \
            be read completely are reported as warnings with their line numbers. Importing \
            needs office rights.

            Examples:
              duban import 行动计划.txt --dry-run          summary of what would be imported
              duban import 行动计划.txt --dry-run --json   the parsed plan as JSON
              duban import 行动计划.txt --id gansu-2015    store it under this id
            """))

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("文件（UTF-8 文本）。", "The document (UTF-8 text)."), valueName: "FILE")) var file: String
    @Option(help: ArgumentHelp(Help.pick("计划编号（小写 ASCII）；省略时由标题生成。", "Plan id (lowercase ASCII slug); derived from the title when omitted."), valueName: "SLUG")) var id: String?
    @Flag(help: ArgumentHelp(Help.pick("只解析并报告，不存入。", "Parse and report, but do not store."))) var dryRun = false
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
    }

    func run() throws {
        let v = store.vocabulary
        let text = try DocumentFile.read(file, v)
        let result: ImportResult
        do {
            result = try Importer.importDocument(text, fileName: (file as NSString).lastPathComponent, id: id)
        } catch {
            throw CLIError("\(file): \(error)")
        }
        for w in result.warnings { Output.warn("\(file):\(w.line)" + v.pick("：警告：", ": warning: ") + w.message) }
        if dryRun {
            switch result.document {
            case .plan(let p): json ? Output.json(p.json) : PlanSummary.print(p, v)
            case .roster(let r): json ? Output.json(r.json) : PlanSummary.print(r, v)
            }
            return
        }
        let s = try StoreOpener.open(store, readOnly: false, create: true)
        switch result.document {
        case .plan(let p):
            try s.addPlan(p, replace: replace)
            Output.line(v.pick("已导入 \(p.id)：\(p.title)（\(p.sections.count) 个分项，\(p.tasks.count) 项任务）",
                               "imported \(p.id): \(p.title) (\(p.sections.count) sections, \(p.tasks.count) tasks)"))
        case .roster(let r):
            try s.setRoster(r)
            Output.line(v.pick("已导入责任制度 \(r.id)：\(r.title)（\(r.entries.count) 条）",
                               "imported duty roster \(r.id): \(r.title) (\(r.entries.count) entries)"))
        }
    }
}

/// Reading a document from disk with a clear error.
enum DocumentFile {
    static func read(_ path: String, _ v: Vocabulary) throws -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw CLIError(path + v.pick("：文件不存在", ": no such file"))
        }
        guard !isDir.boolValue else { throw CLIError(path + v.pick("：是目录，应为文本文件", ": is a directory, expected a text document")) }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError(path + v.pick("：无法读取", ": cannot read")) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError(path + v.pick("：不是 UTF-8 文本（请先转换，如 iconv -f GB18030 -t UTF-8）",
                                         ": not UTF-8 text (convert it first, e.g. iconv -f GB18030 -t UTF-8)"))
        }
        return text
    }
}

/// Human-readable summaries of imported documents.
enum PlanSummary {
    static func print(_ p: Plan, _ v: Vocabulary) {
        Output.line("\(p.id)\(v.colon)\(p.title)")
        Output.line("  " + issue(p.issuer, p.issued, v) + v.pick("，起止 ", ", period ") + "\(p.period.start) – \(p.period.end)")
        for (i, s) in p.sections.enumerated() {
            let n = p.tasks.filter { $0.section == i }.count
            Output.line("  \(s.number)、\(s.title)  " + tasks(n, v))
            for (gi, g) in s.groups.enumerated() {
                let m = p.tasks.filter { $0.section == i && $0.group == gi }.count
                Output.line("    (\(g.number))\(g.title)  " + tasks(m, v))
            }
        }
        Output.line("  " + v.pick("\(p.departments.count) 个部门，\(p.indicators.count) 项指标",
                                  "\(p.departments.count) departments, \(p.indicators.count) indicators"))
    }

    static func print(_ r: DutyRoster, _ v: Vocabulary) {
        Output.line("\(r.id)\(v.colon)\(r.title)")
        Output.line("  " + issue(r.issuer, r.issued, v))
        for e in r.entries {
            Output.line("  [\(e.kind.rawValue)] \(e.body)\(v.colon)" + v.pick("\(e.duties.count) 项职责", "\(e.duties.count) duties"))
        }
    }

    private static func tasks(_ n: Int, _ v: Vocabulary) -> String { v.pick("（\(n) 项任务）", "(\(n) tasks)") }

    private static func issue(_ issuer: String, _ issued: Day?, _ v: Vocabulary) -> String {
        let who = issuer.isEmpty ? "-" : issuer, when = issued?.description ?? "-"
        return v.pick("发文机关 \(who)，发文日期 \(when)", "issuer \(who), issued \(when)")
    }
}
