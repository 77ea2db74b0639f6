internal import CLibZip

/// A Word `.docx`: a zip archive whose `word/document.xml` holds the body as
/// paragraphs (`w:p`) and tables (`w:tbl`).
enum DocxReader {
    static func read(_ bytes: [UInt8]) throws(DocumentReadError) -> [TextBlock] {
        let xml = try documentXML(bytes)
        let blocks: [TextBlock]? = try XMLParsing.withXML(xml) { root in
            guard let body = root.first("body") else { return nil }
            var out: [TextBlock] = []
            blocksOf(body, into: &out)
            return out
        } ?? nil
        guard let blocks else { throw .notADocx(reason: "word/document.xml has no body") }
        return blocks
    }

    /// The bytes of `word/document.xml`, read in memory with libzip.
    static func documentXML(_ bytes: [UInt8]) throws(DocumentReadError) -> [UInt8] {
        guard let z = LibZip.shared else {
            throw .libraryMissing(format: .docx, library: "libzip", package: LibZip.package)
        }
        // Zeroed is what zip_error_init makes of it.
        var error = zip_error_t()
        defer { z.errorFini(&error) }
        // libzip reads the buffer in place; `bytes` outlives the archive.
        let result: Result<[UInt8], DocumentReadError> = bytes.withUnsafeBytes { raw in
            guard let src = z.sourceBufferCreate(raw.baseAddress, zip_uint64_t(raw.count), 0, &error) else {
                return .failure(.notADocx(reason: "cannot read the archive"))
            }
            guard let archive = z.openFromSource(src, ZIP_RDONLY, &error) else {
                z.sourceFree(src)
                return .failure(.notADocx(reason: "not a zip archive"))
            }
            defer { z.discard(archive) }
            let index = z.nameLocate(archive, "word/document.xml", 0)
            guard index >= 0 else { return .failure(.notADocx(reason: "the archive holds no word/document.xml")) }
            guard let file = z.fopenIndex(archive, zip_uint64_t(index), 0) else {
                return .failure(.notADocx(reason: "cannot open word/document.xml"))
            }
            defer { _ = z.fclose(file) }
            var out: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = chunk.withUnsafeMutableBytes { z.fread(file, $0.baseAddress, zip_uint64_t($0.count)) }
                if n < 0 { return .failure(.notADocx(reason: "word/document.xml is damaged")) }
                if n == 0 { break }
                out += chunk[0..<Int(n)]
            }
            return .success(out)
        }
        return try result.get()
    }

    /// Paragraphs and tables of a body or a table cell, in order. Content
    /// controls and inserted runs (`w:sdt`, `w:ins`) are looked into.
    private static func blocksOf(_ node: XMLNode, into out: inout [TextBlock]) {
        for c in node.children where c.isElement {
            switch c.name {
            case "p": out += paragraphs(c).map(TextBlock.paragraph)
            case "tbl": out.append(.table(table(c)))
            case "sdt", "sdtcontent", "customxml", "ins", "smarttag": blocksOf(c, into: &out)
            default: continue
            }
        }
    }

    /// A paragraph's text; a manual line break (`w:br`) starts a new one.
    private static func paragraphs(_ p: XMLNode) -> [String] {
        var lines = [""]
        func walk(_ n: XMLNode) {
            for c in n.children where c.isElement {
                switch c.name {
                case "t": lines[lines.count - 1] += c.children.filter(\.isText).map(\.content).joined()
                case "tab": lines[lines.count - 1] += "\t"
                case "br", "cr": lines.append("")
                // Deleted text, field codes and properties are not text.
                case "del", "instrtext", "ppr", "rpr": continue
                default: walk(c)
                }
            }
        }
        walk(p)
        return lines
    }

    /// Rows of cell texts. `w:gridSpan` repeats a cell over the columns it
    /// spans; `w:vMerge` (without `restart`) repeats the cell above.
    private static func table(_ tbl: XMLNode) -> [[String]] {
        var rows: [[String]] = []
        for tr in tbl.children where tr.isElement && tr.name == "tr" {
            var row: [String] = []
            for tc in tr.children where tc.isElement && tc.name == "tc" {
                var span = 1
                var continuesAbove = false
                if let pr = tc.children.first(where: { $0.isElement && $0.name == "tcpr" }) {
                    for p in pr.children where p.isElement {
                        if p.name == "gridspan", let v = p.attribute("val"), let n = Int(v), n > 1 { span = min(n, 64) }
                        if p.name == "vmerge" { continuesAbove = p.attribute("val") != "restart" }
                    }
                }
                var text = ""
                if continuesAbove, let above = rows.last, row.count < above.count {
                    text = above[row.count]
                } else {
                    var inner: [TextBlock] = []
                    blocksOf(tc, into: &inner)
                    text = inner.map { b -> String in
                        switch b {
                        case .paragraph(let s), .lines(let s): return s
                        case .table(let t): return t.map { $0.joined(separator: " ") }.joined(separator: "\n")
                        }
                    }.filter { !$0.isEmpty }.joined(separator: "\n")
                }
                row += Array(repeating: text, count: span)
            }
            rows.append(row)
        }
        return rows
    }
}
