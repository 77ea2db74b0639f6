/// Characters that must not reach a terminal as they are: C0 controls (ESC
/// starts the sequences that retitle a window, clear the screen or rewrite
/// what was printed, CR overprints a line), DEL, the C1 controls (U+009B is a
/// one-byte CSI to many terminals) and the invisible characters that reorder
/// the text around them (bidirectional embeddings, overrides, isolates and
/// marks; line and paragraph separators; interlinear annotations).
///
/// Two functions, one per direction, so there is a single rule: text is
/// neutralised where it enters (a note, an imported document) and escaped
/// wherever it leaves for a terminal.
extension Unicode.Scalar {
    /// True for a character that controls a terminal or reorders text.
    /// `allowingLineBreaks`: newline and tab are text (a note's lines).
    public func isControlCharacter(allowingLineBreaks: Bool) -> Bool {
        switch value {
        case 0x0A, 0x09: return !allowingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x206F, 0xFFF9...0xFFFB: return true
        default: return false
        }
    }
}

extension String {
    /// The first control character in the text, if any (see `isControlCharacter`),
    /// with its position counted in characters from 1, to name it in a refusal.
    public func firstControlCharacter(allowingLineBreaks: Bool) -> (scalar: Unicode.Scalar, position: Int)? {
        var position = 0
        for c in self {
            position += 1
            // CR LF is one character; it is a line break where those are allowed.
            if allowingLineBreaks && c == "\r\n" { continue }
            if let s = c.unicodeScalars.first(where: { $0.isControlCharacter(allowingLineBreaks: allowingLineBreaks) }) {
                return (s, position)
            }
        }
        return nil
    }

    /// Entering: the text with each control character replaced by U+FFFD (so
    /// the change is visible, not a silent deletion); CR LF and a lone CR
    /// become a newline where line breaks are allowed, and a space elsewhere,
    /// as do newline and tab.
    public func neutralisingControlCharacters(allowingLineBreaks: Bool) -> String {
        guard unicodeScalars.contains(where: { $0.isControlCharacter(allowingLineBreaks: allowingLineBreaks) }) else { return self }
        var out = String.UnicodeScalarView()
        var lastWasCR = false
        for s in unicodeScalars {
            defer { lastWasCR = s == "\r" }
            if s == "\n" && lastWasCR { continue }
            switch s {
            case "\r", "\n", "\u{2028}", "\u{2029}": out.append(allowingLineBreaks ? "\n" : " ")
            case "\t": out.append(allowingLineBreaks ? "\t" : " ")
            default: out.append(s.isControlCharacter(allowingLineBreaks: allowingLineBreaks) ? "\u{FFFD}" : s)
            }
        }
        return String(out)
    }

    /// Leaving for a terminal: each control character written as `\uXXXX`
    /// (as JSON writes it), so it shows and does nothing. `keepingLineBreaks`:
    /// newline and tab pass (a text of several lines); elsewhere (a table
    /// cell) they are escaped too.
    public func escapingControlCharacters(keepingLineBreaks: Bool) -> String {
        guard unicodeScalars.contains(where: { $0.isControlCharacter(allowingLineBreaks: keepingLineBreaks) }) else { return self }
        var out = ""
        for s in unicodeScalars {
            if s.isControlCharacter(allowingLineBreaks: keepingLineBreaks) {
                let hex = String(s.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }
}
