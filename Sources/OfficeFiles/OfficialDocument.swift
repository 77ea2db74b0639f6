/// A document laid out as a Chinese official document (GB/T 9704): a title,
/// numbered headings, body paragraphs, tables, the issuing office and date,
/// and attachments after them. The layout is the writer's; this says what is in it.
public struct OfficialDocument: Sendable {
    public var title: String
    /// A line under the title in 楷体, e.g. （截至2014年10月1日）.
    public var subtitle: String?
    public var body: [DocBlock]
    /// The issuing office and the date, at the end of the body.
    public var issuer: String
    public var date: CalendarDate
    /// Each starts on a new page after the date, headed 附件1, 附件2….
    public var attachments: [DocAttachment]
    /// Headings and labels the writer adds itself (附件), in the reader's language.
    public var english: Bool

    public init(title: String, subtitle: String? = nil, body: [DocBlock], issuer: String, date: CalendarDate,
                attachments: [DocAttachment] = [], english: Bool = false) {
        self.title = title
        self.subtitle = subtitle
        self.body = body
        self.issuer = issuer
        self.date = date
        self.attachments = attachments
        self.english = english
    }
}

public struct DocAttachment: Sendable {
    public var title: String
    public var body: [DocBlock]

    public init(title: String, body: [DocBlock]) {
        self.title = title
        self.body = body
    }
}

public enum DocBlock: Sendable {
    /// Levels 1–4 are numbered 一、 （一） 1. （1） in order, restarting under
    /// each higher level; the text comes without its number.
    case heading(Int, String)
    case paragraph(String)
    case table(DocTable)
    /// A small bar per row, drawn with table cells so every word processor shows it.
    case bars([DocBar])
}

public struct DocTable: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Columns aligned right (numbers).
    public var numeric: Set<Int>

    public init(header: [String], rows: [[String]], numeric: Set<Int> = []) {
        self.header = header
        self.rows = rows
        self.numeric = numeric
    }
}

public struct DocBar: Sendable {
    public var label: String
    /// 0–1.
    public var fraction: Double
    /// Shown after the bar, e.g. 65.2%.
    public var value: String

    public init(label: String, fraction: Double, value: String) {
        self.label = label
        self.fraction = fraction
        self.value = value
    }
}
