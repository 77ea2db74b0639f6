#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import FoundationEssentials
import OfficeFiles
import PlanModel
import PlanReports
import PlanStore

/// Where workbooks and documents go, and who they say issued them.
struct DocumentOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Help.pick("写入此文件而不是标准输出（在终端上写 xlsx 和 docx 时必须给出）。",
                                         "Write to this file instead of standard output (needed for xlsx and docx on a terminal)."), valueName: "FILE"))
    var out: String?
    @Option(help: ArgumentHelp(Help.pick("xlsx 和 docx 中署名的发文机关（默认：存储 settings.json 的 \"office\"，否则为 领导小组办公室）。",
                                         "Issuing office named in xlsx and docx (default: the store's settings.json \"office\", else 领导小组办公室)."), valueName: "NAME"))
    var office: String?

    func context(_ s: Store, _ v: Vocabulary) -> OfficeContext {
        let setting = s.settings.raw["office"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        return OfficeContext(office: office ?? setting, english: v.isEnglish)
    }

    /// Writes the text formats as text, xlsx and docx through their writers, to `--out` or standard output.
    /// A path naming a file of `store` is refused, as for every report.
    func emit(_ format: ReportFormat, _ v: Vocabulary, store: Store, text: () -> String, workbook: () throws -> WorkbookSpec,
              document: () throws -> OfficialDocument) throws {
        switch format {
        case .md, .csv, .txt: try Output.write(text(), to: out, v, store: store)
        case .xlsx:
            let spec = try workbook()
            try Output.writeFile(to: out, v, store: store) { path throws(OfficeFileError) in try XLSXWriter.write(spec, to: path) }
        case .docx:
            let spec = try document()
            try Output.writeFile(to: out, v, store: store) { path throws(OfficeFileError) in try DocxWriter.write(spec, to: path) }
        }
    }
}

extension Output {
    /// A file a library writes by name: written beside the target and renamed
    /// over it, so a half-written workbook never replaces a good one. Without
    /// `--out`, copied to standard output unless that is a terminal.
    static func writeFile(to path: String?, _ v: Vocabulary, store: Store, _ body: (String) throws(OfficeFileError) -> Void) throws {
        guard let path else {
            guard isatty(STDOUT_FILENO) == 0 else {
                throw CLIError(v.pick("此格式是二进制文件：请用 --out FILE，或把标准输出重定向到文件",
                                      "this format is a binary file: give --out FILE, or redirect standard output"))
            }
            let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("duban-\(getpid())-\(UUID().uuidString)").path
            defer { unlink(tmp) }
            do { try body(tmp) } catch { throw CLIError(error.message(english: v.isEnglish)) }
            guard let data = FileManager.default.contents(atPath: tmp) else {
                throw CLIError(v.pick("\(tmp)：无法读回", "\(tmp): cannot read back"))
            }
            StandardStreams.writeOutput([UInt8](data))
            return
        }
        if let file = store.storeFile(at: path) {
            throw CLIError(v.pick("\(path)：是存储 \(store.path) 自己的文件，报告不会覆盖它；请写到别处",
                                  "\(path): is \(file), a file of the store \(store.path); write the report elsewhere"))
        }
        do { try AtomicFile.replace(path, body) } catch { throw CLIError(error.message(english: v.isEnglish)) }
    }
}
