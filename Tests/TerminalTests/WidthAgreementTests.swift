import Testing
import CNcursesw
import TextWidth
#if canImport(Glibc)
import Glibc
#endif

/// The frame lays text out by `DisplayWidth`; ncurses places it by the C
/// library's `wcwidth`. Where they disagree the writer draws '?' instead, so
/// they must agree on what plan text holds: CJK, punctuation, marks and the
/// zero-width characters a frame drops. Nested in `NcursesTests`: `setlocale`
/// is not safe while another thread is inside ncurses, so it runs with them, one at a time.
extension NcursesTests {
    @Suite struct WidthAgreementTests {
        @Test func zeroWidthAndCombiningAgreeWithTheCLibrary() {
            setlocale(LC_CTYPE, "C.UTF-8")
            var disagreements: [String] = []
            var compared = 0
            let ranges: [ClosedRange<UInt32>] = [0x300...0x36F, 0x483...0x489, 0x591...0x5C7, 0x610...0x61A, 0x64B...0x65F,
                                                 0x900...0x97F, 0xE00...0xE7F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF,
                                                 0x2000...0x206F, 0x20D0...0x20FF, 0x3000...0x303F, 0x4E00...0x4E20,
                                                 0xFE00...0xFE2F, 0xFEFF...0xFEFF, 0xFF00...0xFF60]
            for r in ranges {
                for v in r {
                    guard let s = Unicode.Scalar(v) else { continue }
                    let c = wcwidth(wchar_t(bitPattern: v))
                    guard c >= 0 else { continue }  // unassigned for the C library
                    compared += 1
                    if Int(c) != DisplayWidth.of(s) { disagreements.append("U+\(String(v, radix: 16)) C \(c) ours \(DisplayWidth.of(s))") }
                }
            }
            #expect(compared > 800)
            #expect(disagreements.isEmpty, "\(disagreements.count): \(disagreements.prefix(20))")
        }
    }
}
