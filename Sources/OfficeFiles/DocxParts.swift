/// The fixed parts of a .docx package: content types, relationships, styles,
/// settings and the two page-number footers. The layout of GB/T 9704 lives here.
enum DocxParts {
    static let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    // Fonts the office PCs have, named as GB/T 9704 names them.
    static let titleFont = "方正小标宋简体"
    static let bodyFont = "仿宋_GB2312"
    static let heiti = "黑体"
    static let kaiti = "楷体_GB2312"
    static let songti = "宋体"
    static let latinFont = "Times New Roman"

    /// A4 with the type area 156 mm × 225 mm: top 37 mm, left 28 mm, in twips.
    static let pageWidth = 11906, pageHeight = 16838
    static let marginTop = 2098, marginBottom = 1984, marginLeft = 1587, marginRight = 1474
    static var textWidth: Int { pageWidth - marginLeft - marginRight }
    /// 22 lines in 225 mm.
    static let linePitch = 579
    /// 28 characters of 16 pt in 156 mm: a pitch of 15.8 pt, so body text is
    /// condensed by 0.2 pt (in twentieths of a point). Done in the text, not by a
    /// character grid: LibreOffice spreads the grid over tables and digits too.
    static let condensed = -4

    static let contentTypes = head + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
        <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
        <Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
        </Types>
        """

    static let packageRels = head + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    static let documentRels = head + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
        <Relationship Id="rIdOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\
        <Relationship Id="rIdEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>\
        </Relationships>
        """

    static func core(title: String, creator: String) -> String {
        head + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>\(XMLText.escape(title))</dc:title><dc:creator>\(XMLText.escape(creator))</dc:creator>\
            </cp:coreProperties>
            """
    }

    static let app = head + """
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Duban</Application></Properties>
        """

    /// Odd and even pages have their own footers (evenAndOddHeaders).
    static let settings = head + """
        <w:settings xmlns:w="\(w)"><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>\
        <w:characterSpacingControl w:val="compressPunctuation"/>\
        <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
        </w:settings>
        """

    static func fonts(_ eastAsia: String) -> String {
        #"<w:rFonts w:ascii="\#(latinFont)" w:hAnsi="\#(latinFont)" w:eastAsia="\#(eastAsia)" w:cs="\#(latinFont)"/>"#
    }

    /// Sizes in half-points: 二号 22 pt = 44, 三号 16 pt = 32, 四号 14 pt = 28, 五号 10.5 pt = 21.
    static func paragraphStyle(_ id: String, _ name: String, font: String, size: Int, bold: Bool = false,
                               pPr: String = "", outline: Int? = nil, spacing: Int = 0) -> String {
        let outlineLevel = outline.map { #"<w:outlineLvl w:val="\#($0)"/>"# } ?? ""
        let b = bold ? "<w:b/><w:bCs/>" : ""
        let condense = spacing == 0 ? "" : #"<w:spacing w:val="\#(spacing)"/>"#
        return #"<w:style w:type="paragraph" w:customStyle="1" w:styleId="\#(id)"><w:name w:val="\#(name)"/><w:basedOn w:val="Normal"/><w:qFormat/>"#
            + "<w:pPr>\(pPr)\(outlineLevel)</w:pPr><w:rPr>\(fonts(font))\(b)\(condense)"
            + #"<w:sz w:val="\#(size)"/><w:szCs w:val="\#(size)"/></w:rPr></w:style>"#
    }

    static var styles: String {
        let indent = #"<w:ind w:firstLineChars="200" w:firstLine="640"/>"#
        let lines = #"<w:spacing w:line="\#(linePitch)" w:lineRule="exact"/>"#
        let compact = #"<w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/>"#
        return head + #"<w:styles xmlns:w="\#(w)"><w:docDefaults><w:rPrDefault><w:rPr>"#
            + fonts(bodyFont)
            + #"<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>"#
            + #"<w:pPrDefault><w:pPr><w:widowControl/>\#(lines)<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>"#
            + #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#
            + #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="57" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
            + paragraphStyle("BodyText", "Body Text", font: bodyFont, size: 32, pPr: indent, spacing: condensed)
            + paragraphStyle("DocTitle", "Title", font: titleFont, size: 44, pPr: #"<w:jc w:val="center"/>"#)
            + paragraphStyle("DocSubtitle", "Subtitle", font: kaiti, size: 32, pPr: #"<w:jc w:val="center"/>"#)
            + paragraphStyle("Heading1", "heading 1", font: heiti, size: 32, pPr: "<w:keepNext/>" + indent, outline: 0, spacing: condensed)
            + paragraphStyle("Heading2", "heading 2", font: kaiti, size: 32, pPr: "<w:keepNext/>" + indent, outline: 1, spacing: condensed)
            + paragraphStyle("Heading3", "heading 3", font: bodyFont, size: 32, bold: true, pPr: "<w:keepNext/>" + indent, outline: 2, spacing: condensed)
            + paragraphStyle("Heading4", "heading 4", font: bodyFont, size: 32, pPr: "<w:keepNext/>" + indent, outline: 3, spacing: condensed)
            + paragraphStyle("AttachmentLabel", "Attachment", font: heiti, size: 32)
            + paragraphStyle("Signature", "Signature", font: bodyFont, size: 32, pPr: #"<w:jc w:val="right"/>"#)
            + paragraphStyle("TableText", "Table Text", font: bodyFont, size: 21, pPr: compact + #"<w:jc w:val="left"/>"#)
            + paragraphStyle("TableNumber", "Table Number", font: bodyFont, size: 21, pPr: compact + #"<w:jc w:val="right"/>"#)
            + paragraphStyle("TableHeader", "Table Header", font: heiti, size: 21, pPr: compact + #"<w:jc w:val="center"/>"#)
            + paragraphStyle("PageNumber", "Page Number", font: songti, size: 28, pPr: compact)
            + "</w:styles>"
    }

    /// — 1 — in 四号 宋体: odd pages to the right and even pages to the left, one character in.
    static func footer(odd: Bool) -> String {
        let place = odd ? #"<w:ind w:right="280"/><w:jc w:val="right"/>"# : #"<w:ind w:left="280"/><w:jc w:val="left"/>"#
        return head + #"<w:ftr xmlns:w="\#(w)"><w:p><w:pPr><w:pStyle w:val="PageNumber"/>\#(place)</w:pPr>"#
            + #"<w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>"#
            + #"<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
            + #"<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>"#
    }

    static var sectionProperties: String {
        #"<w:sectPr><w:footerReference w:type="default" r:id="rIdOdd"/><w:footerReference w:type="even" r:id="rIdEven"/>"#
            + #"<w:pgSz w:w="\#(pageWidth)" w:h="\#(pageHeight)"/>"#
            + #"<w:pgMar w:top="\#(marginTop)" w:right="\#(marginRight)" w:bottom="\#(marginBottom)" w:left="\#(marginLeft)" w:header="851" w:footer="1304" w:gutter="0"/>"#
            + #"<w:pgNumType w:start="1"/><w:docGrid w:type="lines" w:linePitch="\#(linePitch)"/></w:sectPr>"#
    }
}
