/// Text of a Word 97–2003 `.doc` through antiword, or catdoc when antiword is
/// not installed or cannot read the file. Both write one paragraph per line
/// with wrapping turned off.
enum WordDocText {
    static let programs = ["antiword", "catdoc"]
    static let package = "antiword"

    static func read(path: String, searchPath: String) throws(DocumentReadError) -> (text: String, tool: String) {
        let tools = programs.compactMap { ExternalTool.find([$0], path: searchPath) }
        guard !tools.isEmpty else {
            throw .toolMissing(format: .doc, programs: programs, package: package)
        }
        // antiword refuses some files catdoc reads (a very short text stream):
        // each program in turn, the first one's complaint if none succeeds.
        var firstFailure: DocumentReadError? = nil
        for tool in tools {
            let arguments = tool.name == "antiword" ? ["-m", "UTF-8.txt", "-w", "0", path] : ["-d", "utf-8", "-w", path]
            switch Result(catching: { () throws(DocumentReadError) -> [UInt8] in try ExternalTool.run(tool.path, arguments, name: tool.name) }) {
            case .success(let out):
                guard let (text, _) = TextDecoding.decode(out) else { throw .unknownEncoding }
                return (text, tool.name)
            case .failure(let error):
                if firstFailure == nil { firstFailure = error }
            }
        }
        throw firstFailure!
    }
}
