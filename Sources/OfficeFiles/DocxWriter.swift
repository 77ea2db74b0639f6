import TextWidth

/// Writes an `OfficialDocument` as a .docx package: the fixed parts of
/// `DocxParts` and a generated document.xml, zipped through libzip.
public enum DocxWriter {
    public static func write(_ doc: OfficialDocument, to path: String) throws(OfficeFileError) {
        try write([doc], to: path)
    }

    /// Several documents in one file, each from a new page with its own page
    /// numbers: one notice per department, say.
    public static func write(_ docs: [OfficialDocument], to path: String) throws(OfficeFileError) {
        let zip = try ZipArchive(creating: path)
        try zip.add("[Content_Types].xml", DocxParts.contentTypes)
        try zip.add("_rels/.rels", DocxParts.packageRels)
        try zip.add("docProps/core.xml", DocxParts.core(title: docs.first?.title ?? "", creator: docs.first?.issuer ?? ""))
        try zip.add("docProps/app.xml", DocxParts.app)
        try zip.add("word/_rels/document.xml.rels", DocxParts.documentRels)
        try zip.add("word/styles.xml", DocxParts.styles)
        try zip.add("word/settings.xml", DocxParts.settings)
        try zip.add("word/footer1.xml", DocxParts.footer(odd: true))
        try zip.add("word/footer2.xml", DocxParts.footer(odd: false))
        try zip.add("word/document.xml", documentXML(docs))
        try zip.close()
    }

    /// The main part; public so tests can check it without unzipping.
    public static func documentXML(_ doc: OfficialDocument) -> String { documentXML([doc]) }

    public static func documentXML(_ docs: [OfficialDocument]) -> String {
        var b = DocxBody()
        for (n, doc) in docs.enumerated() {
            if n > 0 { b.sectionBreak() }
            b.english = doc.english
            b.paragraph(doc.title, style: "DocTitle")
            if let s = doc.subtitle { b.paragraph(s, style: "DocSubtitle") }
            b.empty()
            b.blocks(doc.body)
            b.signature(doc.issuer, doc.date)
            for (i, a) in doc.attachments.enumerated() {
                b.pageBreak()
                let label = doc.english ? "Attachment" : "附件"
                b.paragraph(doc.attachments.count == 1 ? label : "\(label)\(doc.english ? " " : "")\(i + 1)", style: "AttachmentLabel")
                b.empty()
                b.paragraph(a.title, style: "DocTitle")
                b.empty()
                b.blocks(a.body)
            }
        }
        return DocxParts.head + #"<w:document xmlns:w="\#(DocxParts.w)" xmlns:r="\#(DocxParts.r)"><w:body>"#
            + b.xml + DocxParts.sectionProperties + "</w:body></w:document>"
    }
}

/// document.xml's body, built block by block.
struct DocxBody {
    var xml = ""
    /// Heading numbers at levels 1–4.
    var counters = [0, 0, 0, 0]
    /// English documents number headings 1. (1) 1) (a) and date the signature 2014-04-28.
    var english = false

    static func run(_ text: String) -> String {
        #"<w:r><w:t xml:space="preserve">\#(XMLText.escape(text))</w:t></w:r>"#
    }

    mutating func paragraph(_ text: String, style: String, extra: String = "") {
        xml += #"<w:p><w:pPr><w:pStyle w:val="\#(style)"/>\#(extra)</w:pPr>"#
        if !text.utf8.contains(0x0A) {
            if !text.isEmpty { xml += Self.run(text) }
            xml += "</w:p>"
            return
        }
        // A line break in a note stays a line break.
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { xml += "<w:r><w:br/></w:r>" }
            if !line.isEmpty { xml += Self.run(String(line)) }
        }
        xml += "</w:p>"
    }

    mutating func empty() { xml += #"<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr></w:p>"# }

    mutating func pageBreak() { xml += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"# }

    /// Ends a section: the next document starts on a new page at page 1.
    mutating func sectionBreak() { xml += "<w:p><w:pPr>\(DocxParts.sectionProperties)</w:pPr></w:p>" }

    mutating func blocks(_ blocks: [DocBlock]) {
        counters = [0, 0, 0, 0]
        for block in blocks {
            switch block {
            case .heading(let level, let text): heading(level, text)
            case .paragraph(let text): paragraph(text, style: "BodyText")
            case .table(let t): table(t)
            case .bars(let bars): self.bars(bars)
            }
        }
    }

    /// 一、 in 黑体, （一） in 楷体, 1. in bold 仿宋, （1） in 仿宋.
    mutating func heading(_ level: Int, _ text: String) {
        let l = min(max(level, 1), 4)
        counters[l - 1] += 1
        for deeper in l..<4 { counters[deeper] = 0 }
        let n = counters[l - 1]
        let number: String
        switch l {
        case _ where english: number = l == 1 ? "\(n). " : l == 2 ? "(\(n)) " : l == 3 ? "\(n)) " : "(\(Character(UnicodeScalar(96 + min(n, 26))!))) "
        case 1: number = ChineseNumber.of(n) + "、"
        case 2: number = "（" + ChineseNumber.of(n) + "）"
        case 3: number = "\(n)."
        default: number = "（\(n)）"
        }
        paragraph(number + text, style: "Heading\(l)")
    }

    mutating func signature(_ issuer: String, _ date: CalendarDate) {
        // The office centred over the date; the date four characters in from the right.
        let dateText = english ? "\(date.year)-\(date.month < 10 ? "0" : "")\(date.month)-\(date.day < 10 ? "0" : "")\(date.day)" : date.chinese
        let dateWidth = Double(dateText.displayWidth) / 2, issuerWidth = Double(issuer.displayWidth) / 2
        var dateIndent = 4.0
        var issuerIndent = dateIndent + (dateWidth - issuerWidth) / 2
        if issuerIndent < 2 {
            issuerIndent = 2
            dateIndent = 2 + (issuerWidth - dateWidth) / 2
        }
        func indent(_ chars: Double) -> String { #"<w:ind w:right="\#(Int(chars * 320))"/>"# }
        empty()
        empty()
        if !issuer.isEmpty { paragraph(issuer, style: "Signature", extra: indent(issuerIndent)) }
        paragraph(dateText, style: "Signature", extra: indent(dateIndent))
    }

    static let border = #"w:val="single" w:sz="4" w:space="0" w:color="000000""#

    mutating func table(_ t: DocTable) {
        let widths = Self.columnWidths(t)
        xml += #"<w:tbl><w:tblPr><w:tblW w:w="\#(widths.reduce(0, +))" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>"#
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] { xml += "<w:\(side) \(Self.border)/>" }
        // Cell margins stated here: LibreOffice does not take them from the table style.
        xml += #"</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#
        for w in widths { xml += #"<w:gridCol w:w="\#(w)"/>"# }
        xml += "</w:tblGrid>"
        // The header row repeats on every page and is never split.
        row(t.header, widths, header: true, numeric: [])
        for r in t.rows { row(r, widths, header: false, numeric: t.numeric) }
        xml += "</w:tbl>"
        empty()
    }

    mutating func row(_ cells: [String], _ widths: [Int], header: Bool, numeric: Set<Int>) {
        xml += header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        for (i, w) in widths.enumerated() {
            let text = i < cells.count ? cells[i] : ""
            let shade = header ? #"<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>"# : ""
            xml += #"<w:tc><w:tcPr><w:tcW w:w="\#(w)" w:type="dxa"/>\#(shade)<w:vAlign w:val="center"/></w:tcPr>"#
            paragraph(text, style: header ? "TableHeader" : numeric.contains(i) ? "TableNumber" : "TableText")
            xml += "</w:tc>"
        }
        xml += "</w:tr>"
    }

    /// Twips per display column of 五号 text (with room for a wider substitute
    /// font), and the cell's side margins.
    static let columnTwips = 125, cellMargin = 170

    /// Short columns (keys, dates, numbers) as wide as their widest text, so
    /// they never break; the long ones (titles, notes) share what remains in
    /// proportion to their text, each at least six characters wide. A header
    /// may take two lines.
    static func columnWidths(_ t: DocTable) -> [Int] {
        let n = max(t.header.count, t.rows.map(\.count).max() ?? 0)
        guard n > 0 else { return [] }
        func width(_ c: String) -> Int {
            c.utf8.contains(0x0A) ? c.split(separator: "\n").map { $0.displayWidth }.max() ?? 0 : c.displayWidth
        }
        var natural = Array(repeating: 2, count: n)
        for (i, h) in t.header.enumerated() { natural[i] = max(natural[i], (width(h) + 1) / 2 + 1) }
        // One column of slack: % and digits are wider than half a character in some fonts.
        for r in t.rows { for (i, c) in r.enumerated() where i < n { natural[i] = max(natural[i], width(c) + 1) } }
        let total = DocxParts.textWidth
        func twips(_ cols: Int) -> Int { cols * columnTwips + cellMargin }
        var widths = natural.map(twips)
        let sum = widths.reduce(0, +)
        if sum <= total {
            // Room to spare: the widest column takes it.
            let widest = natural.indices.max { natural[$0] < natural[$1] }!
            widths[widest] += total - sum
            return widths
        }
        let shortest = 12, least = twips(6)
        let long = natural.indices.filter { natural[$0] > shortest }
        let fixed = widths.indices.filter { !long.contains($0) }.reduce(0) { $0 + widths[$1] }
        let remaining = total - fixed
        if !long.isEmpty && remaining >= long.count * least {
            // Shares by text up to forty characters, so a long list of departments
            // does not starve the titles.
            let share = long.map { min(natural[$0], 40) }
            let wanted = share.reduce(0, +)
            for (i, w) in zip(long, share) { widths[i] = max(least, remaining * w / wanted) }
        } else {
            // Too many columns even then: the long ones at their least, the rest in proportion.
            for i in long { widths[i] = least }
            let left = max(0, total - long.count * least)
            for i in widths.indices where !long.contains(i) { widths[i] = max(twips(1), widths[i] * left / max(1, fixed)) }
        }
        let drift = total - widths.reduce(0, +)
        if let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) { widths[widest] += drift }
        return widths
    }

    /// Label, twenty cells shaded in proportion, and the value: a bar made of a table.
    mutating func bars(_ bars: [DocBar]) {
        let steps = 20, step = 210
        let valueWidth = 1100
        let labelWidth = DocxParts.textWidth - steps * step - valueWidth
        xml += #"<w:tbl><w:tblPr><w:tblW w:w="\#(DocxParts.textWidth)" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>"#
        xml += #"<w:tblCellMar><w:top w:w="20" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="20" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#
        xml += #"<w:gridCol w:w="\#(labelWidth)"/>"#
        for _ in 0..<steps { xml += #"<w:gridCol w:w="\#(step)"/>"# }
        xml += #"<w:gridCol w:w="\#(valueWidth)"/></w:tblGrid>"#
        for bar in bars {
            let filled = Int((min(max(bar.fraction, 0), 1) * Double(steps)).rounded())
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            xml += #"<w:tc><w:tcPr><w:tcW w:w="\#(labelWidth)" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>"#
            paragraph(bar.label, style: "TableText")
            xml += "</w:tc>"
            for i in 0..<steps {
                let fill = i < filled ? "2E75B6" : "EDEDED"
                xml += #"<w:tc><w:tcPr><w:tcW w:w="\#(step)" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="\#(fill)"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p></w:tc>"#
            }
            xml += #"<w:tc><w:tcPr><w:tcW w:w="\#(valueWidth)" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>"#
            paragraph(bar.value, style: "TableNumber")
            xml += "</w:tc></w:tr>"
        }
        xml += "</w:tbl>"
        empty()
    }
}
