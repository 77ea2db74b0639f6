import PlanModel
import TextWidth

/// Text an edit would store, checked where it enters: a control character
/// (see `isControlCharacter`) is refused with its position, never stored, so
/// no journal line carries a sequence that rewrites a terminal or reorders
/// what a reader sees. Every string of the value the journal would record is
/// checked, whatever kind of change carries it; a title is one line, other
/// texts (notes, full texts) may hold newlines and tabs.
enum EditText {
    static func check(_ edit: Edit) throws(StoreError) {
        let singleLine: Bool
        if case .setTitle = edit { singleLine = true } else { singleLine = false }
        try check(edit.newValue, what: edit.field, lineBreaks: !singleLine)
    }

    static func check(_ value: JSON, what: String, lineBreaks: Bool) throws(StoreError) {
        switch value {
        case .string(let s): try refuse(s, what, lineBreaks: lineBreaks)
        case .array(let a): for v in a { try check(v, what: what, lineBreaks: lineBreaks) }
        case .object(let o):
            for (k, v) in o {
                try refuse(k, what, lineBreaks: false)
                try check(v, what: what, lineBreaks: lineBreaks && k != "title" && k != "department")
            }
        default: break
        }
    }

    static func refuse(_ text: String, _ what: String, lineBreaks: Bool) throws(StoreError) {
        guard let (s, at) = text.firstControlCharacter(allowingLineBreaks: lineBreaks) else { return }
        let code = String(s.value, radix: 16, uppercase: true)
        throw StoreError(.controlCharacter(field: what, code: String(repeating: "0", count: max(0, 4 - code.count)) + code, at: at))
    }
}
