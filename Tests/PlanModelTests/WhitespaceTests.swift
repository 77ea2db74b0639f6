import Foundation
import Testing
import TextWidth

/// The trimming the command line and the dashboard do without Foundation
/// removes exactly what Foundation's character sets remove.
@Suite struct WhitespaceTests {
    /// Every scalar of the Basic Multilingual Plane, alone and around text.
    @Test func trimsWhatFoundationTrims() {
        var differ: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let c = Unicode.Scalar(value) else { continue }
            for s in ["\(c)", "\(c)甲 乙\(c)", "\(c)\(c)a\(c)"]
            where s.trimmingWhitespace() != s.trimmingCharacters(in: .whitespaces)
                || s.trimmingWhitespaceAndNewlines() != s.trimmingCharacters(in: .whitespacesAndNewlines) {
                differ.append("U+" + String(value, radix: 16))
            }
        }
        #expect(differ.isEmpty, "trimmed unlike Foundation: \(differ.prefix(20))")
    }

    @Test func keepsWhatIsInside() {
        #expect("\t 　报送单位 甲\n乙 \u{3000}".trimmingWhitespace() == "报送单位 甲\n乙")
        #expect("\n 进展\n\n顺利 \r\n".trimmingWhitespaceAndNewlines() == "进展\n\n顺利")
        #expect(" \t\n ".trimmingWhitespaceAndNewlines() == "")
        #expect("".trimmingWhitespace() == "")
        #expect(" a b "[...].trimmingWhitespace() == "a b")
    }
}
