import FoundationEssentials

/// Reads a plan document in whatever form an office received it, choosing
/// the reader by the file's content (the extension only breaks a tie
/// between HTML and plain text).
public enum DocumentReader {
    /// `searchPath`: where to look for the optional programs (the `PATH`).
    public static func read(path: String, searchPath: String? = nil) throws(DocumentReadError) -> ReadDocument {
        var isDir = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw .cannotOpen(path: path, reason: "no such file")
        }
        guard !isDir else { throw .isDirectory(path: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .cannotOpen(path: path, reason: "permission denied or unreadable")
        }
        let searchPath = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return try read(bytes: [UInt8](data), name: path, path: path, searchPath: searchPath)
    }

    /// `path`: the file itself, for the formats read by another program.
    static func read(bytes: [UInt8], name: String, path: String, searchPath: String) throws(DocumentReadError) -> ReadDocument {
        switch sniff(bytes, name: name) {
        case .pdf:
            let r = try PDFText.read(path: path, searchPath: searchPath)
            return ReadDocument(format: .pdf, tool: r.tool, blocks: r.blocks)
        case .doc:
            let r = try WordDocText.read(path: path, searchPath: searchPath)
            return ReadDocument(format: .doc, tool: r.tool, blocks: [.lines(r.text)])
        case .docx:
            return ReadDocument(format: .docx, blocks: try DocxReader.read(bytes))
        case .html:
            guard let (text, encoding) = TextDecoding.decode(bytes) else { throw .unknownEncoding }
            return ReadDocument(format: .html, encoding: encoding, blocks: try HTMLReader.read(Array(text.utf8)))
        case .text:
            guard let (text, encoding) = TextDecoding.decode(bytes) else { throw .unknownEncoding }
            return ReadDocument(format: .text, encoding: encoding, blocks: [.lines(text)])
        }
    }

    /// Bytes from memory (no external programs: PDF and `.doc` need a file).
    public static func read(bytes: [UInt8], name: String) throws(DocumentReadError) -> ReadDocument {
        try read(bytes: bytes, name: name, path: name, searchPath: "")
    }

    static func sniff(_ bytes: [UInt8], name: String) -> DocumentFormat {
        let head = bytes.prefix(1024)
        if bytes.starts(with: Array("PK\u{3}\u{4}".utf8)) { return .docx }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .doc }
        if find(Array("%PDF-".utf8), in: head) != nil { return .pdf }
        // HTML: markup near the top, whatever the file is called; or a
        // `.htm`/`.html` file that starts with a tag.
        let lower = head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        for mark in ["<!doctype html", "<html", "<head", "<body", "<meta "] where find(Array(mark.utf8), in: lower[...]) != nil {
            return .html
        }
        let ext = fileExtension(name).lowercased()
        if ext == "html" || ext == "htm" || ext == "xhtml",
           lower.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) == 0x3C {
            return .html
        }
        return .text
    }

    /// What follows the last `.` of the file's name ("" without one).
    private static func fileExtension(_ path: String) -> Substring {
        let name = path.split(separator: "/").last ?? Substring(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...]
    }

    private static func find(_ needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int? {
        guard needle.count <= hay.count else { return nil }
        var i = hay.startIndex
        while i + needle.count <= hay.endIndex {
            if hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

extension ReadDocument {
    /// Paragraphs and plain text joined into lines; tables are left to the
    /// caller, which knows what their columns mean.
    public func text(tableLines: ([[String]]) -> [String]) -> String {
        var out = ""
        for b in blocks {
            switch b {
            case .lines(let s): out += s; if !s.hasSuffix("\n") { out += "\n" }
            case .paragraph(let p): out += p; out += "\n"
            case .table(let rows): for l in tableLines(rows) { out += l; out += "\n" }
            }
        }
        return out
    }
}
