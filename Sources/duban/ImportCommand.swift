import ArgumentParser
import Foundation
import PlanImport
import PlanModel
import PlanStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a plan document (行动计划) or a responsibility system (责任制度) into the store.",
        discussion: """
            FILE is the document as UTF-8 text. Sections (一、), tasks ((一) or 1.), groups, and \
            the departments of each task (牵头 lead, 配合 cooperate, 按职责分工负责 joint, \
            负责具体实施 implement) are read from it. Lines that look like tasks but could not \
            be read completely are reported as warnings with their line numbers. Importing \
            needs office rights.

            Examples:
              duban import 行动计划.txt --dry-run          summary of what would be imported
              duban import 行动计划.txt --dry-run --json   the parsed plan as JSON
              duban import 行动计划.txt --id gansu-2015    store it under this id
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("The document (UTF-8 text).", valueName: "FILE")) var file: String
    @Option(help: ArgumentHelp("Plan id (lowercase ASCII slug); derived from the title when omitted.", valueName: "SLUG")) var id: String?
    @Flag(help: "Parse and report, but do not store.") var dryRun = false
    @Flag(help: "Replace a plan with the same id (its journal is kept as history).") var replace = false
    @Flag(help: "Print the parsed document as JSON (with --dry-run).") var json = false

    func validate() throws {
        if let id, Store.isReservedID(id) {
            throw ValidationError("--id: \"\(id)\" is reserved for the store's \(id).json; choose another plan id")
        }
        if let id, !PlanID.isValid(id) {
            throw ValidationError("--id: \"\(id)\" is not a plan id (lowercase letters, digits and '-', at most 64)")
        }
    }

    func run() throws {
        let text = try DocumentFile.read(file)
        let result: ImportResult
        do {
            result = try Importer.importDocument(text, fileName: (file as NSString).lastPathComponent, id: id)
        } catch {
            throw CLIError("\(file): \(error)")
        }
        for w in result.warnings { Output.warn("\(file):\(w.line): warning: \(w.message)") }
        if dryRun {
            switch result.document {
            case .plan(let p): json ? Output.json(p.json) : PlanSummary.print(p)
            case .roster(let r): json ? Output.json(r.json) : PlanSummary.print(r)
            }
            return
        }
        let s = try StoreOpener.open(store, readOnly: false, create: true)
        switch result.document {
        case .plan(let p):
            try s.addPlan(p, replace: replace)
            Output.line("imported \(p.id): \(p.title) (\(p.sections.count) sections, \(p.tasks.count) tasks)")
        case .roster(let r):
            try s.setRoster(r)
            Output.line("imported duty roster \(r.id): \(r.title) (\(r.entries.count) entries)")
        }
    }
}

/// Reading a document from disk with a clear error.
enum DocumentFile {
    static func read(_ path: String) throws -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw CLIError("\(path): no such file") }
        guard !isDir.boolValue else { throw CLIError("\(path): is a directory, expected a text document") }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(path): cannot read") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError("\(path): not UTF-8 text (convert it first, e.g. iconv -f GB18030 -t UTF-8)")
        }
        return text
    }
}

/// Human-readable summaries of imported documents.
enum PlanSummary {
    static func print(_ p: Plan) {
        Output.line("\(p.id): \(p.title)")
        Output.line("  issuer \(p.issuer.isEmpty ? "-" : p.issuer), issued \(p.issued?.description ?? "-"), period \(p.period.start) – \(p.period.end)")
        for (i, s) in p.sections.enumerated() {
            let n = p.tasks.filter { $0.section == i }.count
            Output.line("  \(s.number)、\(s.title)  (\(n) tasks)")
            for (gi, g) in s.groups.enumerated() {
                let m = p.tasks.filter { $0.section == i && $0.group == gi }.count
                Output.line("    (\(g.number))\(g.title)  (\(m) tasks)")
            }
        }
        Output.line("  \(p.departments.count) departments, \(p.indicators.count) indicators")
    }

    static func print(_ r: DutyRoster) {
        Output.line("\(r.id): \(r.title)")
        Output.line("  issuer \(r.issuer.isEmpty ? "-" : r.issuer), issued \(r.issued?.description ?? "-")")
        for e in r.entries { Output.line("  [\(e.kind.rawValue)] \(e.body): \(e.duties.count) duties") }
    }
}
