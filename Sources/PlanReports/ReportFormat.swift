/// The formats the office hands to people.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Markdown tables, for the meeting papers.
    case md
    /// UTF-8 with BOM and CRLF, one header row: opens in Excel and WPS.
    case csv
    /// Plain text, columns aligned by display width.
    case txt
    /// An Excel workbook: typed cells, frozen headers, filters, charts.
    case xlsx
    /// A Word document laid out as an official document (GB/T 9704).
    case docx

    /// Written to a file by a writer library, not rendered as text.
    public var isBinary: Bool { self == .xlsx || self == .docx }
}

/// A table as the formats see it: a header row and data rows of strings.
public struct Table: Hashable, Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Columns to align right in plain text (numbers).
    public var numeric: Set<Int>
    /// Columns a spreadsheet must keep as text although they may look like
    /// numbers or dates: task keys (2.10 is not 2.1).
    public var textColumns: Set<Int>

    public init(header: [String], rows: [[String]], numeric: Set<Int> = [], textColumns: Set<Int> = []) {
        self.header = header
        self.rows = rows
        self.numeric = numeric
        self.textColumns = textColumns
    }
}
