import Testing
@testable import ScreenKit

/// `Frame.put` lays plain text out scalar by scalar and everything else by
/// Characters; both must leave the same cells.
@Suite struct FramePutTests {
    func cells(_ f: Frame, _ row: Int) -> [String] { (0..<f.width).map { f[row, $0].text } }

    @Test func wideGlyphsTakeTwoCells() {
        var f = Frame(width: 8, height: 1)
        #expect(f.put("a质量", row: 0, col: 0) == 5)
        #expect(cells(f, 0) == ["a", "质", "", "量", "", " ", " ", " "])
    }

    @Test func aWideGlyphThatDoesNotFitIsBlanked() {
        var f = Frame(width: 8, height: 1)
        #expect(f.put("质量发展", row: 0, col: 0, style: .title, maxWidth: 5) == 5)
        #expect(cells(f, 0) == ["质", "", "量", "", " ", " ", " ", " "])
        #expect(f[0, 4].style == .title)
    }

    @Test func overwritingHalfAGlyphBlanksTheOtherHalf() {
        var f = Frame(width: 6, height: 1)
        f.put("质量发", row: 0, col: 0)
        f.put("x", row: 0, col: 1)  // right half of 质
        f.put("y", row: 0, col: 2)  // left half of 量
        #expect(cells(f, 0) == [" ", "x", "y", " ", "发", ""])
    }

    @Test func combiningMarksJoinTheirCharacter() {
        var f = Frame(width: 4, height: 1)
        #expect(f.put("e\u{301}质", row: 0, col: 0) == 3)
        #expect(cells(f, 0) == ["e\u{301}", "质", "", " "])
    }
}
