import ScreenKit
import TextWidth

/// One glyph to draw: its text, style and the columns it takes (1 or 2).
struct Glyph: Equatable {
    var text: String
    var style: StyleRole
    var width: Int
}

/// A stretch of one row to redraw, starting at `col`, covering whole glyphs.
struct DrawRun: Equatable {
    var row: Int
    var col: Int
    var glyphs: [Glyph]

    var width: Int { glyphs.reduce(0) { $0 + $1.width } }
}

/// Previous frame × next frame → what to redraw. Only changed cells are
/// written, so ncurses compares (and the terminal receives) only those; a
/// double-width glyph is always rewritten whole, both where it appears and
/// where one disappears, so no half glyph is ever left on the screen.
enum FrameDiff {
    /// Every row of `next` when there is no previous frame or its size differs.
    static func runs(from previous: Frame?, to next: Frame, ascii: Bool = false) -> [DrawRun] {
        var out: [DrawRun] = []
        let w = next.width
        guard w > 0 else { return out }
        guard let prev = previous, prev.width == w, prev.height == next.height else {
            for row in 0..<next.height { out.append(run(next, row: row, from: 0, to: w, ascii: ascii)) }
            return out
        }
        let old = prev.cells, new = next.cells
        for row in 0..<next.height {
            let base = row * w
            // Most rows of most frames are unchanged: compare them whole first.
            if old[base..<(base + w)] == new[base..<(base + w)] { continue }
            var c = 0
            while c < w {
                if old[base + c] == new[base + c] { c += 1; continue }
                var start = c
                var end = c + 1
                while true {
                    while end < w, old[base + end] != new[base + end] { end += 1 }
                    // Widen to whole glyphs, old and new: a continuation cell at
                    // either edge belongs to the glyph to its left.
                    var widened = false
                    if start > 0, old[base + start].isContinuation || new[base + start].isContinuation {
                        start -= 1; widened = true
                    }
                    if end < w, old[base + end].isContinuation || new[base + end].isContinuation {
                        end += 1; widened = true
                    }
                    if !widened, end >= w || old[base + end] == new[base + end] { break }
                }
                out.append(run(next, row: row, from: start, to: end, ascii: ascii))
                c = end
            }
        }
        return out
    }

    /// The glyphs of `frame` in columns start..<end. A broken cell (a wide
    /// glyph without its continuation, a continuation without its glyph, a
    /// control character) becomes a blank so columns always add up.
    static func run(_ frame: Frame, row: Int, from start: Int, to end: Int, ascii: Bool) -> DrawRun {
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(end - start)
        var col = start
        while col < end {
            let cell = frame[row, col]
            let width = cell.isContinuation ? 0 : min(2, DisplayWidth.of(cell.text))
            if width == 2, col + 1 < frame.width, frame[row, col + 1].isContinuation {
                if ascii {
                    glyphs.append(Glyph(text: "?", style: cell.style, width: 1))
                    glyphs.append(Glyph(text: "?", style: cell.style, width: 1))
                } else {
                    glyphs.append(Glyph(text: cell.text, style: cell.style, width: 2))
                }
                col += 2
                continue
            }
            var text = width == 1 ? cell.text : " "
            if ascii, text.unicodeScalars.contains(where: { !$0.isASCII }) { text = AsciiFallback.replacement(for: text) }
            glyphs.append(Glyph(text: text, style: cell.style, width: 1))
            col += 1
        }
        return DrawRun(row: row, col: start, glyphs: glyphs)
    }
}
