import Testing
@testable import ScreenKit
import TextWidth

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

/// Zero-width, combining and bidi characters never take, break or shift a cell.
@Suite struct FrameZeroWidthTests {
    func cells(_ f: Frame, _ row: Int) -> [String] { (0..<f.width).map { f[row, $0].text } }

    @Test func invisibleCharactersAfterAWideOneAreDropped() {
        for z in ["\u{200B}", "\u{FEFF}", "\u{202E}", "\u{2066}", "\u{200D}", "\u{FE0F}"] {
            var f = Frame(width: 6, height: 1)
            #expect(f.put("中" + z + "文", row: 0, col: 0) == 4, "\(z.unicodeScalars.first!.value)")
            #expect(cells(f, 0) == ["中", "", "文", "", " ", " "], "\(z.unicodeScalars.first!.value)")
            #expect(("中" + z + "文").displayWidth == 4)
        }
    }

    @Test func marksJoinTheWideGlyphNotItsRightHalf() {
        var f = Frame(width: 4, height: 1)
        #expect(f.put("中\u{301}x", row: 0, col: 0) == 3)
        #expect(cells(f, 0) == ["中\u{301}", "", "x", " "])
    }

    @Test func fiftyMarksKeepOnlyWhatACellHolds() {
        var f = Frame(width: 8, height: 1)
        f.put("abcdefgh", row: 0, col: 0)
        let text = "a" + String(repeating: "\u{301}", count: 50) + "b"
        #expect(text.displayWidth == 2)
        #expect(f.put(text, row: 0, col: 0, maxWidth: 8) == 2)
        #expect(f[0, 0].text.unicodeScalars.count == 1 + DisplayWidth.marksPerCell)
        #expect(cells(f, 0)[1...] == ["b", "c", "d", "e", "f", "g", "h"])
        // A mark with nothing before it in the text is dropped, not glued to a neighbour.
        var g = Frame(width: 4, height: 1)
        g.put("中", row: 0, col: 0)
        #expect(g.put("\u{301}\u{301}z", row: 0, col: 2) == 3)
        #expect(cells(g, 0) == ["中", "", "z", " "])
    }

    @Test func joinedEmojiTakeTheirMeasuredWidth() {
        for t in ["👨\u{200D}👩\u{200D}👧", "👍🏽x", "\u{1F1E8}\u{1F1F3}", "한\u{1161}"] {
            var f = Frame(width: 12, height: 1)
            #expect(f.put(t, row: 0, col: 0) == t.displayWidth, "\(t)")
        }
    }
}
