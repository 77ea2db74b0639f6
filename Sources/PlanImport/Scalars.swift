/// The importer works on arrays of Unicode scalars rather than `String`
/// indices or regular expressions: the documents are CJK text, and scanning
/// scalars keeps every pass linear and cheap on Linux.
typealias Scalars = [Unicode.Scalar]

extension String {
    var scalars: Scalars { Array(unicodeScalars) }
}

extension Collection where Element == Unicode.Scalar {
    /// Encodes straight to UTF-8: appending to a `UnicodeScalarView` takes a
    /// slow path that showed up in profiles.
    var string: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 3)
        for c in self {
            let v = c.value
            if v < 0x80 {
                bytes.append(UInt8(v))
            } else if v < 0x800 {
                bytes.append(UInt8(0xC0 | (v >> 6))); bytes.append(UInt8(0x80 | (v & 0x3F)))
            } else if v < 0x10000 {
                bytes.append(UInt8(0xE0 | (v >> 12))); bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            } else {
                bytes.append(UInt8(0xF0 | (v >> 18))); bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

enum Sc {
    /// Spaces that documents use for indentation: ASCII, ideographic (U+3000),
    /// no-break, byte-order mark.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0xFEFF, 0x200B: return true
        default: return false
        }
    }

    static func isOpen(_ c: Unicode.Scalar) -> Bool { c == "（" || c == "(" }
    static func isClose(_ c: Unicode.Scalar) -> Bool { c == "）" || c == ")" }

    static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    /// ASCII or full-width digit value.
    static func digit(_ c: Unicode.Scalar) -> Int? {
        if c.value >= 0x30 && c.value <= 0x39 { return Int(c.value - 0x30) }
        if c.value >= 0xFF10 && c.value <= 0xFF19 { return Int(c.value - 0xFF10) }
        return nil
    }

    static func isCJK(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x4E00 && c.value <= 0x9FFF) || (c.value >= 0x3400 && c.value <= 0x4DBF)
    }

    static func trim<C: BidirectionalCollection>(_ s: C) -> C.SubSequence where C.Element == Unicode.Scalar {
        var a = s.startIndex, b = s.endIndex
        while a < b, isSpace(s[a]) { a = s.index(after: a) }
        while a < b, isSpace(s[s.index(before: b)]) { b = s.index(before: b) }
        return s[a..<b]
    }

    // The needle helpers walk `String.unicodeScalars` directly rather than
    // copying the needle into an array: they run in the innermost loops.
    static func hasPrefix(_ s: ArraySlice<Unicode.Scalar>, _ p: String) -> Bool {
        var i = s.startIndex
        for c in p.unicodeScalars {
            guard i < s.endIndex, s[i] == c else { return false }
            i += 1
        }
        return true
    }

    static func hasSuffix(_ s: ArraySlice<Unicode.Scalar>, _ p: String) -> Bool {
        var i = s.endIndex
        for c in p.unicodeScalars.reversed() {
            guard i > s.startIndex else { return false }
            i -= 1
            guard s[i] == c else { return false }
        }
        return true
    }

    /// First index of `needle` in `s`, or nil. Needles are short, so the
    /// naive scan stays linear in practice.
    static func find(_ needle: String, in s: ArraySlice<Unicode.Scalar>, from: Int? = nil) -> Int? {
        let n = needle.unicodeScalars
        guard let first = n.first else { return nil }
        var i = from ?? s.startIndex
        while i < s.endIndex {
            if s[i] == first {
                var k = i
                var matched = true
                for c in n {
                    guard k < s.endIndex, s[k] == c else { matched = false; break }
                    k += 1
                }
                if matched { return i }
            }
            i += 1
        }
        return nil
    }

    static func contains(_ s: ArraySlice<Unicode.Scalar>, _ needle: String) -> Bool {
        find(needle, in: s) != nil
    }

    /// Separator lists are tiny arrays: a linear scan beats hashing every
    /// scalar into a Set.
    /// Splits at any of `separators` outside brackets (（）()《》“”), so a
    /// department name such as `QC小组(质量管理小组)` or a clause holding a
    /// parenthesised remark stays whole.
    static func splitTopLevel(_ s: ArraySlice<Unicode.Scalar>, _ separators: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
        var parts: [ArraySlice<Unicode.Scalar>] = []
        var depth = 0
        var start = s.startIndex
        for i in s.indices {
            let c = s[i]
            if isOpen(c) || c == "《" { depth += 1 }
            else if isClose(c) || c == "》" { depth = max(0, depth - 1) }
            else if depth == 0 && separators.contains(c) {
                parts.append(s[start..<i])
                start = i + 1
            }
        }
        parts.append(s[start..<s.endIndex])
        return parts
    }
}
