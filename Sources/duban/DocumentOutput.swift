import ArgumentParser
import Foundation
import OfficeFiles
import PlanReports
import PlanStore

/// Where workbooks and documents go, and who they say issued them.
struct DocumentOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write to this file instead of standard output (needed for xlsx and docx on a terminal).", valueName: "FILE"))
    var out: String?
    @Option(help: ArgumentHelp("Issuing office named in xlsx and docx (default: the store's settings.json \"office\", else 领导小组办公室).", valueName: "NAME"))
    var office: String?
    @Option(help: ArgumentHelp("Headings in zh (default) or en (default: $DUBAN_LANG); plan text stays as written.", valueName: "LANG"))
    var lang: String?

    func validate() throws {
        if let lang, lang != "zh" && lang != "en" { throw ValidationError("--lang: \"\(lang)\" is not zh or en") }
    }

    var english: Bool { (lang ?? ProcessInfo.processInfo.environment["DUBAN_LANG"]) == "en" }

    func context(_ s: Store) -> OfficeContext {
        let setting = s.settings.raw["office"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        return OfficeContext(office: office ?? setting, english: english)
    }

    /// Writes the text formats as text, xlsx and docx through their writers, to `--out` or standard output.
    func emit(_ format: ReportFormat, text: () -> String, workbook: () throws -> WorkbookSpec,
              document: () throws -> OfficialDocument) throws {
        switch format {
        case .md, .csv, .txt: try Output.write(text(), to: out)
        case .xlsx:
            let spec = try workbook()
            try Output.writeFile(to: out) { path throws(OfficeFileError) in try XLSXWriter.write(spec, to: path) }
        case .docx:
            let spec = try document()
            try Output.writeFile(to: out) { path throws(OfficeFileError) in try DocxWriter.write(spec, to: path) }
        }
    }
}

extension Output {
    /// A file a library writes by name: written beside the target and renamed
    /// over it, so a half-written workbook never replaces a good one. Without
    /// `--out`, copied to standard output unless that is a terminal.
    static func writeFile(to path: String?, _ body: (String) throws(OfficeFileError) -> Void) throws {
        guard let path else {
            guard isatty(STDOUT_FILENO) == 0 else {
                throw CLIError("this format is a binary file: give --out FILE, or redirect standard output")
            }
            let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("duban-\(getpid())-\(UUID().uuidString)").path
            defer { unlink(tmp) }
            do { try body(tmp) } catch { throw CLIError("\(error)") }
            guard let data = FileManager.default.contents(atPath: tmp) else { throw CLIError("\(tmp): cannot read back") }
            FileHandle.standardOutput.write(data)
            return
        }
        do { try AtomicFile.replace(path, body) } catch { throw CLIError("\(error)") }
    }
}
