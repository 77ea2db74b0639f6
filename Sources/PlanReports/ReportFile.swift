import OfficeFiles
import PlanModel

/// A report written to a file in one format, whole or not at all: what the
/// dashboard's export key does.
public enum ReportFile {
    public static func write(_ r: ProgressReport, _ format: ReportFormat, _ c: OfficeContext, to path: String) throws(OfficeFileError) {
        switch format {
        case .xlsx: try AtomicFile.replace(path) { tmp throws(OfficeFileError) in try XLSXWriter.write(r.workbook(c), to: tmp) }
        case .docx: try AtomicFile.replace(path) { tmp throws(OfficeFileError) in try DocxWriter.write(r.document(c), to: tmp) }
        case .md, .csv, .txt: try AtomicFile.write(r.render(format, english: c.english), to: path)
        }
    }

    public static func write(_ a: Assessment, title: String, _ format: ReportFormat, _ c: OfficeContext,
                             to path: String) throws(OfficeFileError) {
        switch format {
        case .xlsx, .docx:
            try AtomicFile.replace(path) { tmp throws(OfficeFileError) in try XLSXWriter.write(a.workbook(title: title, c), to: tmp) }
        case .md, .csv, .txt: try AtomicFile.write(a.render(format, english: c.english, title: title), to: path)
        }
    }

    public static func write(_ d: DepartmentAcrossPlans, asOf: [String: Day], _ format: ReportFormat, _ c: OfficeContext,
                             to path: String) throws(OfficeFileError) {
        switch format {
        case .xlsx, .docx:
            try AtomicFile.replace(path) { tmp throws(OfficeFileError) in try XLSXWriter.write(d.workbook(c, asOf: asOf), to: tmp) }
        case .csv: try AtomicFile.write(CSVWriter.document(d.table(english: c.english)), to: path)
        case .md: try AtomicFile.write(TableWriter.markdown(d.table(english: c.english)), to: path)
        case .txt: try AtomicFile.write(TableWriter.text(d.table(english: c.english)), to: path)
        }
    }

    /// `gansu-2014-进展情况报告-2014-10-01.docx`: no slashes, no control characters,
    /// nothing a shell or Windows would read as special.
    public static func name(_ subject: String, _ kind: String, _ day: Day, _ format: ReportFormat) -> String {
        let clean = String((subject + "-" + kind).map { c in
            "/\\:*?\"<>|".contains(c) || c.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? "_" : c
        }.prefix(80))
        return "\(clean)-\(day).\(format.rawValue)"
    }
}
