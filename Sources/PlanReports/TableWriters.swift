import TextWidth

/// Lays a table out in each format.
public enum TableWriter {
    public static func markdown(_ t: Table) -> String {
        func cell(_ s: String) -> String {
            // Most cells hold neither; the generic `replacing` is slow enough to
            // dominate a large report, so only pay for it when needed.
            guard s.utf8.contains(where: { $0 == 0x7C || $0 == 0x0A }) else { return s }
            return s.replacing("|", with: "\\|").replacing("\n", with: " ")
        }
        var out = "| " + t.header.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + t.header.indices.map { t.numeric.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for r in t.rows { out += "| " + r.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }

    /// Columns padded by display width, so 省质监局 and ABC line up.
    public static func text(_ t: Table) -> String {
        let all = [t.header] + t.rows
        let n = all.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: n)
        for r in all { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.displayWidth) } }
        func line(_ r: [String]) -> String {
            var s = ""
            for (i, c) in r.enumerated() {
                let last = i == r.count - 1
                if t.numeric.contains(i) { s += c.padded(toWidth: widths[i], alignRight: true) }
                else { s += last ? c : c.padded(toWidth: widths[i]) }
                if !last { s += "  " }
            }
            return s
        }
        var out = line(t.header) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for r in t.rows { out += line(r) + "\n" }
        return out
    }
}

/// RFC 4180 CSV as Excel and WPS read it: a byte-order mark so they take it as
/// UTF-8, CRLF line ends, fields quoted when they hold a comma, quote or line break.
public enum CSVWriter {
    public static let bom = "\u{FEFF}"

    /// A cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or
    /// a tab or CR first, e.g. a note `=HYPERLINK(…)`) gets a leading `'`,
    /// which makes it text; a plain number such as `-5` stays a number.
    public static func field(_ raw: String) -> String {
        var s = raw
        if let c = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(c), !isPlainNumber(s) { s = "'" + s }
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacing("\"", with: "\"\"") + "\""
        }
        return s
    }

    static func isPlainNumber(_ s: String) -> Bool {
        s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B } && Double(s) != nil
    }

    /// A text column's cell that a spreadsheet would read as a number or a date
    /// (2.10, 3-10, 2014/5) is written `="2.10"`: Excel and LibreOffice both keep
    /// the result as the text 2.10. Only cells of digits and . - / : take this
    /// form, so no text of the plan's ever becomes part of a formula; every other cell
    /// goes through `field`, which neutralises what a spreadsheet would evaluate.
    public static func textField(_ s: String) -> String {
        let u = s.utf8
        guard let first = u.first, (0x30...0x39).contains(first),
              u.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2F || $0 == 0x3A })
        else { return field(s) }
        return "\"=\"\"" + s + "\"\"\""
    }

    public static func document(_ t: Table) -> String {
        var out = bom
        out += t.header.map(field).joined(separator: ",") + "\r\n"
        for r in t.rows {
            var first = true
            for (i, c) in r.enumerated() {
                if !first { out += "," }
                first = false
                out += t.textColumns.contains(i) ? textField(c) : field(c)
            }
            out += "\r\n"
        }
        return out
    }
}
