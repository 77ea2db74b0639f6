/// Text of a PDF through `pdftotext -layout` (poppler-utils), put back into
/// paragraphs: a PDF knows lines on a page, not paragraphs, so lines wrapped
/// at the right margin are joined again and page numbers dropped.
enum PDFText {
    static let programs = ["pdftotext"]
    static let package = "poppler-utils"

    static func read(path: String, searchPath: String) throws(DocumentReadError) -> (blocks: [TextBlock], tool: String) {
        guard let tool = ExternalTool.find(programs, path: searchPath) else {
            throw .toolMissing(format: .pdf, programs: programs, package: package)
        }
        let out = try ExternalTool.run(tool.path, ["-layout", "-enc", "UTF-8", "-q", path, "-"], name: tool.name)
        let text = String(decoding: out, as: UTF8.self)
        return (paragraphs(text).map(TextBlock.paragraph), tool.name)
    }

    /// Joins wrapped lines: a line continues the one before when that one
    /// ran to the right margin without ending a sentence or a bracket, and it
    /// starts at the left margin (not indented as a first line or centred as
    /// a title) and opens with no heading or task number.
    static func paragraphs(_ text: String) -> [String] {
        // Page by page: without its page number and the blank lines around
        // it, so a paragraph running onto the next page joins up again.
        var lines: [Line] = []
        for page in text.split(separator: "\u{0C}", omittingEmptySubsequences: false) {
            var pageLines = page.split(separator: "\n", omittingEmptySubsequences: false).map { Line(String($0)) }
                .filter { !$0.isPageNumber }
            while pageLines.last?.text.isEmpty == true { pageLines.removeLast() }
            while pageLines.first?.text.isEmpty == true { pageLines.removeFirst() }
            lines += pageLines
        }
        let withText = lines.filter { !$0.text.isEmpty }
        let margin = withText.map(\.indent).min() ?? 0
        let right = withText.map(\.end).max() ?? 0

        var out: [String] = []
        var current: String? = nil
        var lastEnd = 0
        for l in lines {
            guard !l.text.isEmpty else {
                if let c = current { out.append(c); current = nil }
                continue
            }
            if let c = current, lastEnd >= right - 3, l.indent <= margin + 1, !endsParagraph(c), !startsStructure(l.text) {
                current = join(c, l.text)
            } else {
                if let c = current { out.append(c) }
                current = l.text
            }
            lastEnd = l.end
        }
        if let c = current { out.append(c) }
        return out
    }

    struct Line {
        var indent: Int
        var text: String
        /// Columns from the left edge to the last character.
        var end: Int { indent + text.unicodeScalars.count }

        init(_ raw: String) {
            var indent = 0
            var start = raw.unicodeScalars.startIndex
            for c in raw.unicodeScalars {
                if c == " " { indent += 1 } else if c == "\u{3000}" { indent += 2 } else { break }
                start = raw.unicodeScalars.index(after: start)
            }
            self.indent = indent
            self.text = PDFText.tidy(String(raw.unicodeScalars[start...]))
        }

        /// `— 1 —`, `- 12 -`, `第3页`, `3/12` on a line of their own.
        var isPageNumber: Bool {
            let s = text.unicodeScalars.filter { $0 != " " }
            guard !s.isEmpty, s.count <= 12, s.contains(where: { $0.properties.numericType != nil }) else { return false }
            let allowed: Set<Unicode.Scalar> = ["—", "－", "-", "–", "―", "第", "页", "共", "/", "·"]
            return s.allSatisfy { ($0.value >= 0x30 && $0.value <= 0x39) || allowed.contains($0) }
        }
    }

    /// Drops the spaces `-layout` puts between spread-out CJK characters and
    /// trailing white space.
    static func tidy(_ s: String) -> String {
        let u = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, c) in u.enumerated() {
            if c == " ", i > 0, i + 1 < u.count, isWide(u[i - 1]), isWide(u[i + 1]) { continue }
            out.append(c)
        }
        return String(out).trimmingSpaces
    }

    static func isWide(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x2E80 && c.value <= 0x9FFF) || (c.value >= 0xFF00 && c.value <= 0xFFEF) || (c.value >= 0x3000 && c.value <= 0x303F)
    }

    static func endsParagraph(_ s: String) -> Bool {
        guard let last = s.unicodeScalars.last else { return true }
        return "。！？；：）)」』”".unicodeScalars.contains(last)
    }

    /// `一、` `（一）` `(1)` `1.` `1、` `1．` at the start of a line.
    static func startsStructure(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars.prefix(8))
        guard let first = u.first else { return false }
        let numerals: Set<Unicode.Scalar> = Set("一二三四五六七八九十百〇零".unicodeScalars)
        var i = 0
        if first == "（" || first == "(" {
            i = 1
            while i < u.count, numerals.contains(u[i]) || (u[i].value >= 0x30 && u[i].value <= 0x39) { i += 1 }
            return i > 1 && i < u.count && (u[i] == "）" || u[i] == ")")
        }
        while i < u.count, numerals.contains(u[i]) { i += 1 }
        if i > 0 { return i < u.count && u[i] == "、" }
        while i < u.count, u[i].value >= 0x30 && u[i].value <= 0x39 { i += 1 }
        guard i > 0, i <= 3, i + 1 < u.count else { return false }
        let mark = u[i], next = u[i + 1]
        return (mark == "、" || mark == "．" || mark == ".") && !(next.value >= 0x30 && next.value <= 0x39)
    }

    static func join(_ a: String, _ b: String) -> String {
        guard let x = a.unicodeScalars.last, let y = b.unicodeScalars.first else { return a + b }
        // Chinese text wraps anywhere, inside `12315` or `QC` too, with no
        // space lost; Latin text wraps at a space, which comes back.
        if a.unicodeScalars.contains(where: isWide) { return a + b }
        return x.isASCIIAlnum && y.isASCIIAlnum ? a + " " + b : a + b
    }
}

extension Unicode.Scalar {
    var isASCIIAlnum: Bool {
        (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
    }
}
