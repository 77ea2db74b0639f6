/// A document as read from its file: paragraphs and tables in document order,
/// with what it turned out to be.
public struct ReadDocument: Sendable, Equatable {
    public var format: DocumentFormat
    /// The text encoding found, for plain text and HTML.
    public var encoding: TextEncoding?
    /// The program that extracted the text (`pdftotext`, `antiword`, `catdoc`).
    public var tool: String?
    public var blocks: [TextBlock]

    public init(format: DocumentFormat, encoding: TextEncoding? = nil, tool: String? = nil, blocks: [TextBlock]) {
        self.format = format
        self.encoding = encoding
        self.tool = tool
        self.blocks = blocks
    }
}

public enum TextBlock: Sendable, Equatable {
    /// Plain text as written, lines separated by line breaks: a text file is
    /// kept whole rather than split and joined again.
    case lines(String)
    /// One paragraph, without its line break.
    case paragraph(String)
    /// Rows of cells; a cell merged over several rows or columns is repeated
    /// in each, so every row reads on its own.
    case table([[String]])
}

public enum DocumentFormat: String, Sendable, CaseIterable {
    case text, docx, html, pdf, doc
}

public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    case utf16 = "UTF-16"
    case gb18030 = "GB18030"
}

/// Why a file could not be read, with what to do about it.
public enum DocumentReadError: Error, Equatable, Sendable {
    case cannotOpen(path: String, reason: String)
    case isDirectory(path: String)
    /// Neither UTF-8 nor GB18030 (nor UTF-16 with its mark).
    case unknownEncoding
    /// An external program is needed and none of them is on the PATH.
    case toolMissing(format: DocumentFormat, programs: [String], package: String)
    case toolFailed(program: String, status: Int32, message: String)
    /// The program was still running after `seconds` and was stopped.
    case toolTimedOut(program: String, seconds: Int)
    /// A zip archive or an XML document that does not hold what a .docx holds.
    case notADocx(reason: String)
    /// A shared library this format is read with is not installed.
    case libraryMissing(format: DocumentFormat, library: String, package: String)
    case unsupported(what: String)

    /// The message in Chinese, or in English.
    public func message(english en: Bool) -> String {
        switch self {
        case .cannotOpen(let path, let reason):
            return en ? "\(path): cannot read (\(reason))" : "\(path)：无法读取（\(reason)）"
        case .isDirectory(let path):
            return en ? "\(path): is a directory, expected a document" : "\(path)：是目录，应为文件"
        case .unknownEncoding:
            return en ? "not UTF-8, UTF-16 or GB18030 text" : "既不是 UTF-8、UTF-16 也不是 GB18030 文本"
        case .toolMissing(let format, let programs, let package):
            let list = programs.joined(separator: en ? " or " : "或")
            return en
                ? "reading a .\(format.rawValue) file needs \(list), which is not installed: install the Debian package \(package) (apt-get install \(package)), or save the document as .docx or text"
                : "读取 .\(format.rawValue) 文件需要 \(list)，但未安装：请安装 Debian 软件包 \(package)（apt-get install \(package)），或将文件另存为 .docx 或文本"
        case .toolFailed(let program, let status, let message):
            return en ? "\(program) failed (exit \(status)): \(message)" : "\(program) 执行失败（退出码 \(status)）：\(message)"
        case .toolTimedOut(let program, let seconds):
            return en ? "\(program) did not finish within \(seconds) s and was stopped: the file may be damaged"
                      : "\(program) 在 \(seconds) 秒内未完成，已停止：文件可能已损坏"
        case .libraryMissing(let format, let library, let package):
            return en
                ? "reading a .\(format.rawValue) file needs the \(library) library, which is not installed: install the Debian package \(package) (apt-get install \(package))"
                : "读取 .\(format.rawValue) 文件需要 \(library) 库，但未安装：请安装 Debian 软件包 \(package)（apt-get install \(package)）"
        case .notADocx(let reason):
            return en ? "not a Word .docx document: \(reason)" : "不是 Word .docx 文档：\(reason)"
        case .unsupported(let what):
            return en ? "\(what) is not supported: save the document as .docx, PDF or text" : "不支持\(what)：请将文件另存为 .docx、PDF 或文本"
        }
    }
}
