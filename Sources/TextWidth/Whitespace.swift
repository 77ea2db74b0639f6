/// Trimming white space without Foundation's `CharacterSet`, which would load
/// Foundation and ICU into the process at start-up.
extension StringProtocol {
    /// Without spaces and tabs at either end: the Unicode space separators
    /// (U+0020, U+00A0, U+3000 …), U+0009 and the zero width space U+200B,
    /// as Foundation's `.whitespaces`.
    public func trimmingWhitespace() -> String {
        trimming { $0 == "\t" || $0 == "\u{200B}" || $0.properties.generalCategory == .spaceSeparator }
    }

    /// Without white space or line breaks at either end: the Unicode
    /// White_Space property and U+200B, as Foundation's `.whitespacesAndNewlines`.
    public func trimmingWhitespaceAndNewlines() -> String {
        trimming { $0 == "\u{200B}" || $0.properties.isWhitespace }
    }

    private func trimming(_ blank: (Unicode.Scalar) -> Bool) -> String {
        let s = unicodeScalars
        guard let first = s.firstIndex(where: { !blank($0) }), let last = s.lastIndex(where: { !blank($0) }) else { return "" }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: s[first...last])
        return String(kept)
    }
}
