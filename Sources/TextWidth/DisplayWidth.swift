/// Terminal display width of text, independent of the process locale.
///
/// Columns are never `String.count`: 中 is one Character but two columns, and a
/// combining accent is one scalar but zero columns. The table follows Unicode's
/// East Asian Width (W and F are two columns) like glibc's `wcwidth` in a UTF-8
/// locale, so layout computed here matches what ncurses draws.
public enum DisplayWidth {
    /// Columns taken by one scalar: 0, 1 or 2. Control characters count 0; callers
    /// should not draw them.
    @inlinable
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x300 {  // fast path: ASCII and Latin
            if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
            return 1
        }
        // Fast path: CJK ideographs, most of a Chinese plan, are far down both tables.
        if v >= 0x4E00 && v <= 0x9FFF { return 2 }
        // Punctuation, box drawing, kana and the like are never width 0: skip
        // the Unicode property lookup for them.
        if !standsAlone(s), isZeroWidth(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// True for a scalar that is a whole character whatever its neighbours,
    /// one or two columns wide: printable ASCII and Latin, punctuation, arrows,
    /// box drawing and shapes, CJK punctuation, kana, ideographs, fullwidth
    /// forms. No mark, joiner or control can merge with these, so text made
    /// only of them can be laid out scalar by scalar, without grapheme breaking.
    @inlinable
    public static func standsAlone(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x300 { return v >= 0x20 && v != 0x7F && !(v >= 0x80 && v < 0xA0) && v != 0xAD }
        switch v {
        case 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x23FF, 0x2500...0x27BF,
             0x3000...0x3029, 0x3030...0x303E, 0x3041...0x3096, 0x30A0...0x30FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF60, 0xFFE0...0xFFE6:
            return true
        default:
            return false
        }
    }

    /// True when every scalar of `text` stands alone (see above). Decodes
    /// UTF-8 in place: cheaper than walking the scalar view.
    public static func standsAlone(_ text: String) -> Bool {
        var t = text
        return t.withUTF8 { b in
            var i = 0
            let n = b.count
            while i < n {
                let x = b[i]
                let v: UInt32
                if x < 0x80 {
                    v = UInt32(x); i += 1
                } else if x & 0xE0 == 0xC0, i + 1 < n {
                    v = UInt32(x & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); i += 2
                } else if x & 0xF0 == 0xE0, i + 2 < n {
                    v = UInt32(x & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); i += 3
                } else {
                    return false  // beyond the BMP: none stands alone here
                }
                if !standsAlone(Unicode.Scalar(v)!) { return false }
            }
            return true
        }
    }

    /// Columns taken by a string.
    @inlinable
    public static func of(_ text: some StringProtocol) -> Int {
        var w = 0
        for s in text.unicodeScalars { w &+= of(s) }
        return w
    }

    /// Width 0 as glibc's `wcwidth` has it: combining and enclosing marks,
    /// format characters (zero-width space, joiners, bidi controls, BOM) and
    /// the Hangul vowel and final-consonant jamo that join a syllable.
    @usableFromInline
    static func isZeroWidth(_ v: UInt32) -> Bool {
        if v >= 0x1160 && v <= 0x11FF { return true }
        // Emoji skin tones merge with the emoji before them.
        if v >= 0x1F3FB && v <= 0x1F3FF { return true }
        if v >= 0xD800 && v <= 0xDFFF { return true }
        guard let s = Unicode.Scalar(v) else { return true }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// Scalars a screen never draws: format characters (zero-width space and
    /// joiners, the bidi embeddings, overrides and isolates, BOM, tags) and
    /// variation selectors. They carry no glyph; drawn, a terminal may join,
    /// reorder or widen its neighbours (U+202E would reverse the rest of the row).
    @inlinable
    public static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x300 { return v < 0x20 || (v >= 0x7F && v < 0xA0) }  // soft hyphen is one column
        if standsAlone(s) { return false }
        if (v >= 0xFE00 && v <= 0xFE0F) || (v >= 0xE0100 && v <= 0xE01EF) { return true }
        return s.properties.generalCategory == .format
    }

    /// Marks a terminal cell holds after its base character: ncurses keeps at
    /// most `CCHARW_MAX` (5) characters per cell, the base included. More marks
    /// add nothing legible.
    public static let marksPerCell = 4

    @usableFromInline
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC,
             0x23F0, 0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653,
             0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
             0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705,
             0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
             0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393,
             0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4,
             0x1F3F8...0x1F43E, 0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D,
             0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A, 0x1F595...0x1F596, 0x1F5A4,
             0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC, 0x1F6D0...0x1F6D2,
             0x1F6D5...0x1F6D7, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB,
             0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FAFF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

extension StringProtocol {
    /// Terminal columns this text occupies.
    @inlinable
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension String {
    /// The longest prefix that fits in `width` columns. A wide glyph that would
    /// straddle the edge is dropped, never cut in half.
    public func clipped(toWidth width: Int) -> String {
        if width <= 0 { return "" }
        let scalars = unicodeScalars
        if DisplayWidth.standsAlone(self) {
            // Each scalar a character: no grapheme breaking needed.
            var used = 0
            var end = scalars.startIndex
            for s in scalars {
                let w = DisplayWidth.of(s)
                if used + w > width { break }
                used += w
                end = scalars.index(after: end)
            }
            return String(scalars[..<end])
        }
        var used = 0
        var end = startIndex
        for ch in self {
            var w = 0
            for s in ch.unicodeScalars { w += DisplayWidth.of(s) }
            if used + w > width { break }
            used += w
            end = index(after: end)
        }
        return String(self[startIndex..<end])
    }

    /// Clipped to `width` columns with a trailing "…" when text was cut.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        if displayWidth <= width { return self }
        let ew = ellipsis.displayWidth
        if width <= ew { return clipped(toWidth: width) }
        return clipped(toWidth: width - ew) + ellipsis
    }

    /// Padded with spaces (or clipped) to exactly `width` columns.
    public func padded(toWidth width: Int, alignRight: Bool = false) -> String {
        let c = clipped(toWidth: width)
        let pad = width - c.displayWidth
        if pad <= 0 { return c }
        let spaces = String(repeating: " ", count: pad)
        return alignRight ? spaces + c : c + spaces
    }

    /// Lines of at most `width` columns. Breaks at spaces for Latin text and
    /// between any two CJK characters; keeps closing punctuation off a line start.
    public func wrapped(toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            var lastBreak: String.Index? = nil  // index in `line` after a space
            for ch in paragraph {
                let w = ch.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) }
                if lineWidth + w > width && !line.isEmpty {
                    let noStart = "，。、；：！？）」』》〉,.;:!?)".contains(ch)
                    if ch == " " {
                        lines.append(line); line = ""; lineWidth = 0; lastBreak = nil
                        continue
                    } else if let b = lastBreak, w == 1 {
                        let head = String(line[..<b])
                        let tail = String(line[b...])
                        lines.append(head.trailingSpacesTrimmed)
                        line = tail; lineWidth = tail.displayWidth
                    } else if noStart, let last = line.last, line.count > 1 {
                        // Carry the previous character down with the punctuation.
                        line.removeLast()
                        lines.append(line)
                        line = String(last); lineWidth = line.displayWidth
                    } else {
                        lines.append(line); line = ""; lineWidth = 0
                    }
                    lastBreak = nil
                }
                line.append(ch)
                lineWidth += w
                if ch == " " { lastBreak = line.endIndex }
                if lineWidth > width {  // a single glyph wider than the line
                    lines.append(line.clipped(toWidth: width)); line = ""; lineWidth = 0
                }
            }
            lines.append(line)
        }
        return lines
    }

    var trailingSpacesTrimmed: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
