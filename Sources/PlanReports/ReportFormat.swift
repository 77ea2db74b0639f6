/// The formats the office hands to people.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Markdown tables, for the meeting papers.
    case md
    /// UTF-8 with BOM and CRLF, one header row: opens in Excel and WPS.
    case csv
    /// Plain text, columns aligned by display width.
    case txt
}

/// A table as the formats see it: a header row and data rows of strings.
public struct Table: Hashable, Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Columns to align right in plain text (numbers).
    public var numeric: Set<Int>

    public init(header: [String], rows: [[String]], numeric: Set<Int> = []) {
        self.header = header
        self.rows = rows
        self.numeric = numeric
    }
}
