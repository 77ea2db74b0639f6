import PlanModel
import TextWidth

extension ImportResult {
    /// The result with every text of the document (titles, task texts,
    /// department names, duties) cleared of control characters, each
    /// replaced by U+FFFD and reported as a warning on its line: a document
    /// cannot carry terminal controls or bidirectional overrides into the
    /// store. Costs one scan of the source when it holds none, as usual.
    func neutralisingControlCharacters(in source: String) -> ImportResult {
        var lineNumber = 1, found: [ImportWarning] = []
        for s in source.unicodeScalars {
            // Line breaks of any kind split the document; they reach no text.
            if s == "\n" || s == "\r" || s == "\u{85}" || s == "\u{2028}" || s == "\u{2029}" {
                if s != "\r" { lineNumber += 1 }
                continue
            }
            if s.isControlCharacter(allowingLineBreaks: true), found.last?.line != lineNumber {
                let code = String(s.value, radix: 16, uppercase: true)
                let name = "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code
                found.append(ImportWarning(line: lineNumber, message: "control character \(name) replaced by U+FFFD",
                                           chinese: "控制字符 \(name) 已替换为 U+FFFD"))
            }
        }
        guard !found.isEmpty else { return self }
        var out = self
        switch document {
        case .plan(let p):
            if let clean = try? Plan(json: ImportResult.neutralised(p.json)) { out.document = .plan(clean) }
        case .roster(let r):
            if let clean = try? DutyRoster(json: ImportResult.neutralised(r.json)) { out.document = .roster(clean) }
        }
        out.warnings = (warnings + found).sorted { $0.line < $1.line }
        return out
    }

    static func neutralised(_ v: JSON) -> JSON {
        switch v {
        case .string(let s): return .string(s.neutralisingControlCharacters(allowingLineBreaks: true))
        case .array(let a): return .array(a.map(neutralised))
        case .object(let o): return .object(o.map { ($0.0, neutralised($0.1)) })
        default: return v
        }
    }
}
