import TextWidth

/// A one-line text editor measured in display columns: CJK arrives one
/// Character at a time, backspace removes a whole (possibly wide) Character,
/// and the view scrolls horizontally so the cursor stays on screen.
public struct LineEditor: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Index into `characters`: the cursor sits before this character.
    public private(set) var cursor: Int
    /// Longest text accepted, in UTF-8 bytes.
    public var maxBytes: Int?

    public init(_ text: String = "", maxBytes: Int? = nil) {
        characters = Array(text)
        cursor = characters.count
        self.maxBytes = maxBytes
    }

    public var text: String { String(characters) }

    /// Inserts at the cursor. Control and invisible characters (bidi
    /// controls, zero-width space) are ignored; false when the text would
    /// exceed `maxBytes`.
    @discardableResult
    public mutating func insert(_ c: Character) -> Bool {
        if !LineEditor.accepts(c) { return false }
        if let m = maxBytes, text.utf8.count + c.utf8.count > m { return false }
        characters.insert(c, at: cursor)
        cursor += 1
        return true
    }

    /// Inserts pasted text at the cursor, whole or not at all: false (and
    /// nothing inserted) when it would exceed `maxBytes`. Line breaks are kept
    /// as "\n" when `keepingLineBreaks`, else become spaces; tabs become
    /// spaces; control and invisible characters are dropped.
    @discardableResult
    public mutating func insert(pasted: String, keepingLineBreaks: Bool) -> Bool {
        var add: [Character] = []
        for c in pasted {
            if c == "\n" || c == "\r\n" || c == "\r" {
                add.append(keepingLineBreaks ? "\n" : " ")
            } else if c == "\t" {
                add.append(" ")
            } else if LineEditor.accepts(c) {
                add.append(c)
            }
        }
        if let m = maxBytes, text.utf8.count + String(add).utf8.count > m { return false }
        characters.insert(contentsOf: add, at: cursor)
        cursor += add.count
        return true
    }

    /// Ctrl-U: the whole entry goes.
    public mutating func clear() {
        characters = []
        cursor = 0
    }

    static func accepts(_ c: Character) -> Bool {
        !c.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || DisplayWidth.isInvisible($0) }
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = characters.count }

    /// A kept line break shows as this one-column glyph.
    static let lineBreakGlyph: Character = "↵"

    static func width(_ c: Character) -> Int {
        if c == "\n" { return 1 }
        var w = 0
        for s in c.unicodeScalars { w += DisplayWidth.of(s) }
        return w
    }

    /// The text wrapped at `width` columns (a kept line break starts a new
    /// line; a wide glyph that would be cut goes to the next), the `height`
    /// lines that keep the cursor in view, and the cursor's line and column
    /// among them: a long text is edited seeing a paragraph, not a strip.
    public func wrappedView(width: Int, height: Int) -> (lines: [String], cursorLine: Int, cursorColumn: Int) {
        guard width > 0, height > 0 else { return ([], 0, 0) }
        var lines = [""]
        var col = 0
        var at = (line: 0, col: 0)
        for (i, ch) in characters.enumerated() {
            if ch == "\n" {
                if i == cursor { at = (lines.count - 1, min(col, width - 1)) }
                lines.append("")
                col = 0
                continue
            }
            let w = LineEditor.width(ch)
            if col + w > width && col > 0 {
                lines.append("")
                col = 0
            }
            if i == cursor { at = (lines.count - 1, col) }
            lines[lines.count - 1].append(ch)
            col += w
        }
        if cursor == characters.count {
            // The cursor's cell past the right edge starts the next line.
            if col >= width { lines.append(""); col = 0 }
            at = (lines.count - 1, col)
        }
        let top = max(0, at.line - (height - 1))
        return (Array(lines[top..<min(lines.count, top + height)]), at.line - top, at.col)
    }

    /// The part to show in `width` columns and the cursor's column within it.
    /// Scrolls only as far as needed to keep the cursor's cell visible; a wide
    /// glyph cut by the left edge shows as a blank.
    public func view(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        var cursorCol = 0
        for i in 0..<cursor { cursorCol += LineEditor.width(characters[i]) }
        let offset = max(0, cursorCol + 1 - width)
        var out = ""
        var col = 0  // column in the full text
        var used = 0
        for ch in characters {
            let w = LineEditor.width(ch)
            defer { col += w }
            if col + w <= offset { continue }
            if col < offset {  // straddles the left edge
                let part = col + w - offset
                out += String(repeating: " ", count: part); used += part
                continue
            }
            if used + w > width { break }
            out.append(ch == "\n" ? LineEditor.lineBreakGlyph : ch); used += w
        }
        return (out, cursorCol - offset)
    }
}
