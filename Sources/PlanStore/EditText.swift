import PlanModel
import TextWidth

/// Text an edit would store, checked where it enters: a control character
/// (see `isControlCharacter`) is refused with its position, never stored, so
/// no journal line carries a sequence that rewrites a terminal or reorders
/// what a reader sees. Notes and full texts may hold newlines and tabs.
enum EditText {
    static func check(_ edit: Edit) throws(EditError) {
        switch edit {
        case .addNote(let n): try refuse(n.text, "note", lineBreaks: true)
        case .setTitle(let t): try refuse(t, "title", lineBreaks: false)
        case .setText(let t): try refuse(t, "text", lineBreaks: true)
        case .addTask(let t):
            try refuse(t.title, "title", lineBreaks: false)
            try refuse(t.text, "text", lineBreaks: true)
            for n in t.notes { try refuse(n.text, "note", lineBreaks: true) }
            for a in t.assignments { try refuse(a.department, "department", lineBreaks: false) }
        case .setAssignments(let a):
            for x in a { try refuse(x.department, "department", lineBreaks: false) }
        default: break
        }
    }

    static func refuse(_ text: String, _ what: String, lineBreaks: Bool) throws(EditError) {
        guard let (s, at) = text.firstControlCharacter(allowingLineBreaks: lineBreaks) else { return }
        let code = String(s.value, radix: 16, uppercase: true)
        throw EditError("\(what): control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code) at character \(at); "
            + "terminal controls and bidirectional overrides are not stored (remove it and try again)")
    }
}
