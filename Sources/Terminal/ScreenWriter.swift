import CNcursesw
import ScreenKit
#if canImport(Glibc)
import Glibc
#endif

/// Draws frames on an ncurses window: only the runs that changed since the
/// previous frame, then one `doupdate`. Never clears per frame: ncurses
/// compares what was written with what the terminal shows and sends only the
/// difference, so an unchanged frame costs nothing on the wire.
final class ScreenWriter {
    private let window: UnsafeMutablePointer<WINDOW>
    private let styles: [StyleRole: (attrs: attr_t, pair: Int16)]
    private let ascii: Bool
    private var previous: Frame?
    private var cursorShown: Bool?
    private var cursorAt: (row: Int, col: Int)?

    init(window: UnsafeMutablePointer<WINDOW>, styles: [StyleRole: (attrs: attr_t, pair: Int16)], ascii: Bool) {
        self.window = window
        self.styles = styles
        self.ascii = ascii
    }

    /// Forget the previous frame: the next draw writes every cell.
    func invalidate() { previous = nil }

    /// Draws `frame`; returns the number of runs written (0: nothing sent).
    @discardableResult
    func draw(_ frame: Frame) -> Int {
        let runs = FrameDiff.runs(from: previous, to: frame, ascii: ascii)
        for run in runs { write(run) }
        previous = frame
        let cursorMoved = placeCursor(frame.cursor, width: frame.width, height: frame.height)
        if !runs.isEmpty || cursorMoved {
            wnoutrefresh(window)
            doupdate()
        }
        return runs.count
    }

    private func write(_ run: DrawRun) {
        var col = run.col
        var cc = cchar_t()
        var chars = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        for glyph in run.glyphs {
            let style = styles[glyph.style] ?? (duban_a_normal(), 0)
            // One spacing character and the marks on it, as many as a cell
            // holds: anything the C library calls spacing after the first
            // would make ncurses cut the cell short or refuse it.
            var n = 0
            for scalar in glyph.text.unicodeScalars {
                let wc = wchar_t(bitPattern: scalar.value)
                if n > 0, wcwidth(wc) != 0 { continue }
                chars[n] = wc
                n += 1
                if n == Int(CCHARW_MAX) { break }
            }
            chars[n] = 0
            // ncurses places by the C library's idea of a glyph's width; where
            // it disagrees with the frame's (or the cell is refused), draw '?'
            // in each column instead.
            let fits = ascii || (n > 0 && wcwidth(chars[0]) == Int32(glyph.width))
            if !fits || setcchar(&cc, chars, style.attrs, style.pair, nil) == ERR {
                chars[0] = wchar_t(UInt8(ascii: "?"))
                chars[1] = 0
                setcchar(&cc, chars, style.attrs, style.pair, nil)
                for k in 0..<glyph.width { mvwadd_wch(window, Int32(run.row), Int32(col + k), &cc) }
                col += glyph.width
                continue
            }
            mvwadd_wch(window, Int32(run.row), Int32(col), &cc)
            col += glyph.width
        }
    }

    /// Shows the cursor where the frame wants it (text editing), hides it
    /// otherwise; returns true when the terminal needs an update for it.
    private func placeCursor(_ at: (row: Int, col: Int)?, width: Int, height: Int) -> Bool {
        guard let at, at.row >= 0, at.row < height, at.col >= 0, at.col < width else {
            defer { cursorShown = false; cursorAt = nil }
            if cursorShown != false {
                curs_set(0)
                leaveok(window, true)
                return cursorShown != nil
            }
            return false
        }
        var changed = false
        if cursorShown != true {
            curs_set(1)
            leaveok(window, false)
            cursorShown = true
            changed = true
        }
        if cursorAt?.row != at.row || cursorAt?.col != at.col { changed = true }
        cursorAt = at
        wmove(window, Int32(at.row), Int32(at.col))
        return changed
    }
}
