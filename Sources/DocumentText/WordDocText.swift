/// Text of a Word 97–2003 `.doc` through antiword, or catdoc when antiword is
/// not installed. Both write one paragraph per line with wrapping turned off.
enum WordDocText {
    static let programs = ["antiword", "catdoc"]
    static let package = "antiword"

    static func read(path: String, searchPath: String) throws(DocumentReadError) -> (text: String, tool: String) {
        guard let tool = ExternalTool.find(programs, path: searchPath) else {
            throw .toolMissing(format: .doc, programs: programs, package: package)
        }
        let arguments = tool.name == "antiword" ? ["-m", "UTF-8.txt", "-w", "0", path] : ["-d", "utf-8", "-w", path]
        let out = try ExternalTool.run(tool.path, arguments, name: tool.name)
        guard let (text, _) = TextDecoding.decode(out) else { throw .unknownEncoding }
        return (text, tool.name)
    }
}
