/// A workbook as its writer sees it: titled tables on named sheets, with typed
/// cells, so a key stays text, a percentage stays a number and a date a date.
public struct WorkbookSpec: Sendable {
    /// Document properties: what Excel shows under File → Info.
    public var title: String
    public var author: String
    public var sheets: [SheetSpec]

    public init(title: String, author: String, sheets: [SheetSpec]) {
        self.title = title
        self.author = author
        self.sheets = sheets
    }
}

/// One sheet: title lines at the top, then tables stacked with a blank row
/// between them. The first table's header stays in view and carries the
/// autofilter; a chart, when given, sits below the tables.
public struct SheetSpec: Sendable {
    public var name: String
    public var titleLines: [String]
    public var tables: [SheetTable]
    public var chart: BarChartSpec?

    public init(name: String, titleLines: [String], tables: [SheetTable], chart: BarChartSpec? = nil) {
        self.name = name
        self.titleLines = titleLines
        self.tables = tables
        self.chart = chart
    }
}

public struct SheetTable: Sendable {
    /// A bold line above the header, when the sheet holds several tables.
    public var caption: String?
    public var header: [String]
    public var rows: [[SheetCell]]

    public init(caption: String? = nil, header: [String], rows: [[SheetCell]]) {
        self.caption = caption
        self.header = header
        self.rows = rows
    }
}

public enum SheetCell: Hashable, Sendable {
    case text(String)
    case integer(Int)
    /// One decimal place.
    case decimal(Double)
    /// A fraction (0.652) shown as a percentage (65.2%).
    case percent(Double)
    case date(CalendarDate)
    /// Text on a coloured fill, e.g. a warning light; `rgb` as 0xRRGGBB.
    case filled(String, rgb: UInt32)
    case empty

    /// What a person reads, for measuring column widths.
    var shown: String {
        switch self {
        case .text(let s), .filled(let s, _): return s
        case .integer(let n): return String(n)
        case .decimal: return "000.0"
        case .percent: return "100.0%"
        case .date: return "2014-04-28"
        case .empty: return ""
        }
    }
}

/// A date without time, as office documents print it.
public struct CalendarDate: Hashable, Sendable {
    public var year: Int, month: Int, day: Int
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// 2014年4月28日: Arabic numerals, no leading zeros (GB/T 9704).
    public var chinese: String { "\(year)年\(month)月\(day)日" }
}

/// A bar chart drawn by the spreadsheet from one table's columns.
public struct BarChartSpec: Sendable {
    public var title: String
    /// Index into the sheet's tables.
    public var table: Int
    public var categoryColumn: Int
    public var valueColumn: Int
    /// Values are fractions: the axis runs 0–100%.
    public var percent: Bool

    public init(title: String, table: Int = 0, categoryColumn: Int, valueColumn: Int, percent: Bool) {
        self.title = title
        self.table = table
        self.categoryColumn = categoryColumn
        self.valueColumn = valueColumn
        self.percent = percent
    }
}
