import Testing
import ScreenKit
@testable import Terminal

@Suite struct FrameDiffTests {
    /// A small task table: header row, rows of key / CJK title / department.
    static func table(width: Int = 40, height: Int = 8, selected: Int) -> Frame {
        var f = Frame(width: width, height: height)
        f.put("键  标题", row: 0, col: 0, style: .header)
        for i in 1..<height {
            f.put("1.\(i) 建立质量工作考核制度", row: i, col: 0, maxWidth: 30)
            f.put("省质监局", row: i, col: 31)
            if i == selected { f.restyle(row: i, col: 0, width: width, style: .selected) }
        }
        return f
    }

    @Test func unchangedFrameGivesNothing() {
        let f = Self.table(selected: 2)
        #expect(FrameDiff.runs(from: f, to: f).isEmpty)
    }

    @Test func noPreviousFrameDrawsEveryRowWhole() {
        let f = Self.table(selected: 2)
        let runs = FrameDiff.runs(from: nil, to: f)
        #expect(runs.count == f.height)
        #expect(runs.allSatisfy { $0.col == 0 && $0.width == f.width })
    }

    @Test func sizeChangeDrawsEverything() {
        let runs = FrameDiff.runs(from: Self.table(width: 30, selected: 2), to: Self.table(width: 40, selected: 2))
        #expect(runs.count == 8)
    }

    @Test func movedSelectionRedrawsOnlyTheTwoRows() {
        let runs = FrameDiff.runs(from: Self.table(selected: 2), to: Self.table(selected: 3))
        #expect(runs.map(\.row) == [2, 3])
        #expect(runs.allSatisfy { $0.col == 0 && $0.width == 40 })
        #expect(runs[1].glyphs.allSatisfy { $0.style == .selected })
        #expect(runs[0].glyphs.allSatisfy { $0.style == .normal })
    }

    @Test func changeInsideAWideGlyphRedrawsTheWholeGlyph() {
        var a = Frame(width: 10, height: 1)
        a.put("中文abc", row: 0, col: 0)
        var b = a
        b.put("字", row: 0, col: 2)       // replaces 文 (columns 2–3)
        let runs = FrameDiff.runs(from: a, to: b)
        #expect(runs == [DrawRun(row: 0, col: 2, glyphs: [Glyph(text: "字", style: .normal, width: 2)])])
    }

    @Test func styleChangeOnContinuationOnlyStillStartsAtTheGlyph() {
        var a = Frame(width: 6, height: 1)
        a.put("中中中", row: 0, col: 0)
        var b = a
        b.restyle(row: 0, col: 3, width: 1, style: .selected)   // right half of the 2nd 中 only
        let runs = FrameDiff.runs(from: a, to: b)
        #expect(runs.count == 1)
        #expect(runs[0].col == 2)
        #expect(runs[0].glyphs.map(\.text) == ["中"])
        #expect(runs[0].glyphs[0].style == .normal)   // the glyph draws in its own cell's style
    }

    @Test func wideGlyphReplacedByNarrowOnesLeavesNoHalf() {
        var a = Frame(width: 8, height: 1)
        a.put("ab中cd", row: 0, col: 0)
        var b = Frame(width: 8, height: 1)
        b.put("abxycd", row: 0, col: 0)
        let runs = FrameDiff.runs(from: a, to: b)
        #expect(runs == [DrawRun(row: 0, col: 2, glyphs: [Glyph(text: "x", style: .normal, width: 1),
                                                          Glyph(text: "y", style: .normal, width: 1)])])
    }

    @Test func narrowReplacedByWideShiftedByOneColumnCoversBothOldGlyphs() {
        var a = Frame(width: 8, height: 1)
        a.put("中文", row: 0, col: 0)     // 中 0–1, 文 2–3
        var b = Frame(width: 8, height: 1)
        b.put("x字", row: 0, col: 0)      // x 0, 字 1–2, blank 3
        let runs = FrameDiff.runs(from: a, to: b)
        #expect(runs.count == 1)
        #expect(runs[0].col == 0)
        #expect(runs[0].width == 4)
        #expect(runs[0].glyphs.map(\.text) == ["x", "字", " "])
    }

    @Test func brokenCellsBecomeBlanks() {
        var f = Frame(width: 4, height: 1)
        f[0, 0] = Cell("")            // continuation with no glyph before it
        f[0, 1] = Cell("中")           // wide glyph without its continuation
        f[0, 2] = Cell("x")
        f[0, 3] = Cell("\u{7}")       // control character
        let run = FrameDiff.run(f, row: 0, from: 0, to: 4, ascii: false)
        #expect(run.glyphs.map(\.text) == [" ", " ", "x", " "])
        #expect(run.width == 4)
    }

    @Test func asciiModeKeepsColumns() {
        var f = Frame(width: 8, height: 1)
        f.put("a中─b", row: 0, col: 0)
        let run = FrameDiff.run(f, row: 0, from: 0, to: 8, ascii: true)
        #expect(run.glyphs.map(\.text).joined() == "a??-b   ")
        #expect(run.width == 8)
    }

    @Test func asciiModeKeepsTheShapeOfBordersAndBars() {
        var f = Frame(width: 12, height: 1)
        f.put("┌─│█░●▶…é任", row: 0, col: 0)
        let run = FrameDiff.run(f, row: 0, from: 0, to: 12, ascii: true)
        #expect(run.glyphs.map(\.text).joined() == "+-|#.*>.??? ")
    }

    @Test func separateChangesInOneRowGiveSeparateRuns() {
        var a = Frame(width: 20, height: 1)
        a.put("0123456789abcdefghij", row: 0, col: 0)
        var b = a
        b.put("X", row: 0, col: 2)
        b.put("Y", row: 0, col: 15)
        #expect(FrameDiff.runs(from: a, to: b).map(\.col) == [2, 15])
    }
}
