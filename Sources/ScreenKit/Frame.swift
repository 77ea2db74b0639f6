import TextWidth

/// A full screen of cells: what views produce and backends draw.
public struct Frame: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should sit (text editing), or nil to hide it.
    public var cursor: (row: Int, col: Int)? {
        get { cursorRow.map { ($0, cursorCol) } }
        set { cursorRow = newValue?.row; cursorCol = newValue?.col ?? 0 }
    }
    private var cursorRow: Int?
    private var cursorCol = 0

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, col: Int) -> Cell {
        get { cells[row * width + col] }
        set { cells[row * width + col] = newValue }
    }

    /// Writes `text` at (row, col), clipped to `maxWidth` columns (and the frame's
    /// edge). A wide glyph that does not fit is replaced by a space, never drawn
    /// half. Overwriting half of an existing wide glyph blanks its other half.
    /// Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, style: StyleRole = .normal, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < height, col < width else { return col }
        let limit = min(width, col + (maxWidth ?? width))
        var c = col
        if DisplayWidth.standsAlone(text) {
            // Each scalar a character of width 1 or 2: no grapheme breaking.
            for s in text.unicodeScalars {
                if !place(String(s), width: DisplayWidth.of(s), row: row, at: &c, limit: limit, style: style) { return c }
            }
            return c
        }
        // Cell by cell: each spacing scalar starts a cell, marks join the cell
        // before (up to what a terminal cell holds), invisible scalars (bidi
        // controls, zero-width space, joiners, BOM) are dropped. So a cell is
        // always one glyph of width 1 or 2, and the columns used are exactly
        // the text's display width, whatever the text holds.
        var base: Int?  // the cell the last spacing scalar went to
        for s in text.unicodeScalars {
            if DisplayWidth.isInvisible(s) { continue }
            let w = DisplayWidth.of(s)
            if w == 0 {
                if let b = base, b >= 0, b < width, self[row, b].text.unicodeScalars.count <= DisplayWidth.marksPerCell {
                    self[row, b].text.unicodeScalars.append(s)
                }
                continue
            }
            let at = c
            if !place(String(s), width: w, row: row, at: &c, limit: limit, style: style) { return c }
            base = at
        }
        return c
    }

    /// Puts a character `w` columns wide at column `c` and moves past it; when
    /// it does not fit before `limit`, blanks what is left (so no stale half
    /// cell remains) and returns false.
    private mutating func place(_ text: String, width w: Int, row: Int, at c: inout Int, limit: Int, style: StyleRole) -> Bool {
        if c + w > limit {
            while c < limit { if c >= 0 { setCell(row, c, Cell(" ", style)) }; c += 1 }
            return false
        }
        if c >= 0 {
            setCell(row, c, Cell(text, style))
            if w == 2 { setCell(row, c + 1, Cell("", style)) }
        }
        c += w
        return true
    }

    private mutating func setCell(_ row: Int, _ col: Int, _ cell: Cell) {
        guard col >= 0, col < width else { return }
        let i = row * width + col
        // Breaking a wide glyph: blank its other half.
        if cells[i].isContinuation, !cell.isContinuation, col > 0 {
            cells[i - 1] = Cell(" ", cells[i - 1].style)
        }
        // A wide glyph takes at least three UTF-8 bytes: blanks skip the width.
        if !cells[i].isContinuation, cells[i].text.utf8.count >= 3, cells[i].text.displayWidth == 2, col + 1 < width,
           !(cell.text.displayWidth == 2) {
            cells[i + 1] = Cell(" ", cells[i + 1].style)
        }
        cells[i] = cell
    }

    /// Fills a rectangle with one style of blanks.
    public mutating func fill(row: Int, col: Int, width w: Int, height h: Int, style: StyleRole = .normal) {
        for r in max(0, row)..<min(height, row + h) {
            for c in max(0, col)..<min(width, col + w) { setCell(r, c, Cell(" ", style)) }
        }
    }

    /// Sets the style of existing cells, keeping their text (selection bars).
    public mutating func restyle(row: Int, col: Int, width w: Int, style: StyleRole) {
        guard row >= 0, row < height else { return }
        for c in max(0, col)..<min(width, col + w) { cells[row * width + c].style = style }
    }

    /// The text of one row; continuation cells contribute nothing, so the
    /// display width of the result is exactly `width`.
    public func rowText(_ row: Int) -> String {
        var s = ""
        for c in 0..<width { s += self[row, c].text }
        return s
    }

    /// The frame as plain text, one line per row: what headless tests compare.
    public var text: String {
        (0..<height).map(rowText).joined(separator: "\n")
    }

    public static func == (a: Frame, b: Frame) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
            && a.cursorRow == b.cursorRow && a.cursorCol == b.cursorCol
    }

    public func hash(into h: inout Hasher) { h.combine(width); h.combine(height); h.combine(cells) }
}
