import CLibZip
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files built by the tests themselves: a .docx written with libzip, a PDF
/// written object by object, GB18030 bytes through iconv.
enum Fixtures {
    static func tempDir() -> String {
        let dir = NSTemporaryDirectory() + "duban-doc-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func remove(_ dir: String) {
        try? FileManager.default.removeItem(atPath: dir)
    }

    static func write(_ bytes: [UInt8], _ path: String) {
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    // MARK: GB18030

    static func gb18030(_ text: String) -> [UInt8] {
        let cd = iconv_open("GB18030", "UTF-8")
        precondition(cd != iconv_t(bitPattern: -1))
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var out = [CChar](repeating: 0, count: input.count * 2 + 16)
        let produced = input.withUnsafeMutableBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in
                var ip: UnsafeMutablePointer<CChar>? = i.baseAddress, il = i.count
                var op: UnsafeMutablePointer<CChar>? = o.baseAddress, ol = o.count
                precondition(iconv(cd, &ip, &il, &op, &ol) != -1)
                return o.count - ol
            }
        }
        return out.prefix(produced).map { UInt8(bitPattern: $0) }
    }

    // MARK: .docx

    static func escapeXML(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A paragraph split over two runs, as Word stores text it has touched.
    static func paragraph(_ text: String) -> String {
        let chars = Array(text)
        let half = chars.count / 2
        let a = escapeXML(String(chars[..<half])), b = escapeXML(String(chars[half...]))
        return "<w:p><w:pPr><w:ind w:firstLine=\"640\"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii=\"仿宋_GB2312\"/></w:rPr><w:t>\(a)</w:t></w:r><w:r><w:t xml:space=\"preserve\">\(b)</w:t></w:r></w:p>"
    }

    enum Cell { case text(String), span(String, Int), mergeStart(String), mergeContinue }

    static func table(_ rows: [[Cell]]) -> String {
        var x = "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
        for r in rows {
            x += "<w:tr>"
            for c in r {
                switch c {
                case .text(let t):
                    x += "<w:tc><w:tcPr/>" + t.split(separator: "\n").map { paragraph(String($0)) }.joined() + "</w:tc>"
                case .span(let t, let n):
                    x += "<w:tc><w:tcPr><w:gridSpan w:val=\"\(n)\"/></w:tcPr>\(paragraph(t))</w:tc>"
                case .mergeStart(let t):
                    x += "<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>\(paragraph(t))</w:tc>"
                case .mergeContinue:
                    x += "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
                }
            }
            x += "</w:tr>"
        }
        return x + "</w:tbl>"
    }

    static func docx(body: String, path: String) {
        let document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr/></w:body></w:document>
        """
        let types = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """
        zip(["[Content_Types].xml": types, "word/document.xml": document], path: path)
    }

    static func zip(_ files: [String: String], path: String) {
        var err: Int32 = 0
        guard let za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err) else { fatalError("zip_open \(err)") }
        for (name, content) in files.sorted(by: { $0.key < $1.key }) {
            let bytes = Array(content.utf8)
            let buf = malloc(max(1, bytes.count))!
            bytes.withUnsafeBytes { buf.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
            // freep 1: libzip frees the copy once the archive is written.
            let src = zip_source_buffer(za, buf, zip_uint64_t(bytes.count), 1)
            precondition(zip_file_add(za, name, src, zip_flags_t(ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8)) >= 0)
        }
        precondition(zip_close(za) == 0)
    }

    // MARK: PDF

    /// A one-font PDF whose glyph ids are the characters' code points and whose
    /// ToUnicode map says so: no font program is needed to get the text back.
    /// `lines` are (indent in characters, text); 38 lines to a page.
    static func pdf(_ lines: [(indent: Int, text: String)], path: String) {
        let perPage = 38
        let pages = stride(from: 0, to: max(lines.count, 1), by: perPage).map { Array(lines[$0..<min($0 + perPage, lines.count)]) }
        var objects: [String] = []   // 1-based object numbers
        func add(_ s: String) -> Int { objects.append(s); return objects.count }
        let catalog = add("")   // filled below
        let pagesObj = add("")
        var cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        for block in stride(from: 0, to: 256, by: 100) {
            let n = min(100, 256 - block)
            cmap += "\(n) beginbfrange\n"
            for hi in block..<(block + n) {
                let h = String(format: "%02X", hi)
                cmap += "<\(h)00> <\(h)FF> <\(h)00>\n"
            }
            cmap += "endbfrange\n"
        }
        cmap += "endcmap CMapName currentdict /CMap defineresource pop end end"
        let toUnicode = add("<< /Length \(cmap.utf8.count) >>\nstream\n\(cmap)\nendstream")
        let descriptor = add("<< /Type /FontDescriptor /FontName /DubanTest /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
        let cid = add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DubanTest /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor \(descriptor) 0 R /DW 1000 >>")
        let font = add("<< /Type /Font /Subtype /Type0 /BaseFont /DubanTest /Encoding /Identity-H /DescendantFonts [\(cid) 0 R] /ToUnicode \(toUnicode) 0 R >>")
        var kids: [Int] = []
        for (n, page) in pages.enumerated() {
            var content = ""
            for (i, l) in page.enumerated() {
                let hex = l.text.unicodeScalars.map { String(format: "%04X", $0.value) }.joined()
                content += "BT /F1 12 Tf \(72 + 12 * l.indent) \(780 - 18 * i) Td <\(hex)> Tj ET\n"
            }
            // The page number, centred at the foot, as GB/T 9704 prints it.
            let number = "— \(n + 1) —".unicodeScalars.map { String(format: "%04X", $0.value) }.joined()
            content += "BT /F1 10 Tf 280 40 Td <\(number)> Tj ET\n"
            let stream = add("<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream")
            kids.append(add("<< /Type /Page /Parent \(pagesObj) 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 \(font) 0 R >> >> /Contents \(stream) 0 R >>"))
        }
        objects[catalog - 1] = "<< /Type /Catalog /Pages \(pagesObj) 0 R >>"
        objects[pagesObj - 1] = "<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>"
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(format: "%010d 00000 n \n", o) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root \(catalog) 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        write(Array(out.utf8), path)
    }

    /// Lines of at most `width` characters, the first indented by two, as a
    /// PDF of a 公文 sets a paragraph.
    static func typeset(_ paragraphs: [String], width: Int = 28) -> [(indent: Int, text: String)] {
        var out: [(Int, String)] = []
        for p in paragraphs {
            var chars = Array(p)
            var first = true
            while !chars.isEmpty {
                let room = first ? width - 2 : width
                out.append((first ? 2 : 0, String(chars.prefix(room))))
                chars = Array(chars.dropFirst(room))
                first = false
            }
        }
        return out
    }
}
