import PlanModel

/// What a document turned out to be.
public enum ImportedDocument: Sendable {
    case plan(Plan)
    case roster(DutyRoster)
}

public struct ImportResult: Sendable {
    public var document: ImportedDocument
    /// Lines the importer could not read completely, in line order.
    public var warnings: [ImportWarning]
    /// Keys of the tasks imported although their department list was not
    /// read (or read only in part); each has a warning naming its line.
    public var unreadListKeys: [String]
    /// Where the plan's year came from.
    public var yearSource: YearSource

    public init(document: ImportedDocument, warnings: [ImportWarning],
                unreadListKeys: [String] = [], yearSource: YearSource = .title) {
        self.document = document
        self.warnings = warnings
        self.unreadListKeys = unreadListKeys
        self.yearSource = yearSource
    }
}

/// Where a plan's year came from: its title names it, or else `--year` or
/// the issue date supplied it (and the office should check it).
public enum YearSource: Hashable, Sendable {
    case title
    case given(Int)
    case issueDate(Day)
    /// A roster has no period; nothing to say.
    case none
}

/// A line that looked like part of the structure but was not read completely.
public struct ImportWarning: Hashable, Sendable, CustomStringConvertible {
    /// 1-based line number in the document.
    public var line: Int
    /// In English.
    public var message: String
    /// The same in Chinese.
    public var chinese: String

    public init(line: Int, message: String, chinese: String? = nil) {
        self.line = line
        self.message = message
        self.chinese = chinese ?? message
    }

    public func message(english: Bool) -> String { english ? message : chinese }

    public var description: String { "line \(line): \(message)" }
}

/// The document has no structure the importer recognises; the message says
/// what it expected to find.
public struct ImportError: Error, CustomStringConvertible, Sendable {
    /// In English.
    public var message: String
    /// The same in Chinese.
    public var chinese: String

    public init(_ message: String, chinese: String? = nil) {
        self.message = message
        self.chinese = chinese ?? message
    }

    public func message(english: Bool) -> String { english ? message : chinese }

    public var description: String { message }
}

/// Document text → plan or duty roster.
public enum Importer {
    /// Imports a plan document (sections `一、`, tasks `（一）`/`1.` with
    /// department lists) or a responsibility-system document (duty entries
    /// `N.省X局、省Y厅：…`), telling them apart by their content.
    ///
    /// `id`: the plan id slug; when nil it is derived from the title
    /// (province in pinyin plus the year or years: `gansu-2014`,
    /// `gansu-2023-2025`; `plan-<year>` when no province is named).
    ///
    /// `year`: the plan's year when its title names none (`--year`); the
    /// issue date's year otherwise. A year in the title always wins.
    public static func importDocument(_ text: String, fileName: String, id: String?,
                                      year: Int? = nil) throws(ImportError) -> ImportResult {
        try read(text, fileName: fileName, id: id, year: year).neutralisingControlCharacters(in: text)
    }

    static func read(_ text: String, fileName: String, id: String?, year: Int?) throws(ImportError) -> ImportResult {
        if let id, !PlanID.isValid(id) {
            throw ImportError("invalid plan id \"\(id)\": expected lowercase letters, digits and '-', such as gansu-2014",
                              chinese: "计划编号“\(id)”无效：应由小写字母、数字和“-”组成，如 gansu-2014")
        }
        if let year, !(1900...2199).contains(year) {
            throw ImportError("invalid year \(year): expected a year such as 2024", chinese: "年份 \(year) 无效：应为 2024 这样的年份")
        }
        let doc = SourceDocument(text)
        let plan = PlanReader(doc)
        if plan.hasTasks {
            return try plan.build(fileName: fileName, id: id, year: year)
        }
        if let roster = RosterReader.read(doc, fileName: fileName, id: id) {
            return roster
        }
        // Numbered tasks none of whose lists could be read: imported all the
        // same, each with a warning, rather than refused.
        let unread = PlanReader(doc, readListsOnly: false)
        if unread.hasTasks {
            return try unread.build(fileName: fileName, id: id, year: year)
        }
        throw plan.noStructureError()
    }
}

/// The document split into classified lines.
struct SourceDocument {
    var lines: [Scalars]
    var kinds: [LineKind]

    init(_ text: String) {
        var lines: [Scalars] = []
        var cur: Scalars = []
        var lastWasCR = false
        for c in text.unicodeScalars {
            if c == "\n" {
                if !lastWasCR { lines.append(cur); cur = [] }
                lastWasCR = false
            } else if c == "\r" || c == "\u{2028}" || c == "\u{2029}" || c == "\u{85}" {
                lines.append(cur); cur = []
                lastWasCR = c == "\r"
            } else {
                cur.append(c)
                lastWasCR = false
            }
        }
        if !cur.isEmpty { lines.append(cur) }
        self.lines = lines
        self.kinds = lines.map(LineClassifier.classify)
    }

    func trimmed(_ i: Int) -> ArraySlice<Unicode.Scalar> { Sc.trim(lines[i][...]) }

    var firstSection: Int? {
        kinds.firstIndex { if case .section = $0 { return true } else { return false } }
    }

    /// Title, issuer and date from the lines before the first section (or
    /// before the first numbered line when there are no sections).
    /// Documents that sign off at the bottom (issuer, then date, as the last
    /// lines) get their issuer and date from there.
    func head(before end: Int) -> DocumentHead {
        var head = DocumentHead.read((0..<min(end, lines.count)).map { trimmed($0) })
        if head.issued == nil {
            let tail = lines.indices.reversed().lazy.map { trimmed($0) }.filter { !$0.isEmpty }.prefix(2)
            let last = Array(tail)
            if let date = last.first, let d = ChineseDate.wholeLine(date) {
                head.issued = d
                if last.count == 2, DocumentHead.isSignature(last[1]) { head.issuer = last[1].string }
            }
        }
        return head
    }

    /// The period and id a title implies; falls back to the given year,
    /// then to the issue year.
    func years(_ head: DocumentHead, given: Int? = nil) -> ((first: Int, last: Int), YearSource)? {
        if let y = TitleYears.find(head.title) { return (y, .title) }
        if let given { return ((given, given), .given(given)) }
        if let d = head.issued { return ((d.year, d.year), .issueDate(d)) }
        return nil
    }
}
