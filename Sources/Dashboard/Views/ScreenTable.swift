import ScreenKit
import TextWidth

/// A column of a full-screen list: at least `width` columns and its header's
/// width; the one with `flexible` takes the room that is left.
struct Column {
    var header: String
    var width: Int = 0
    var right = false
    var flexible = false
}

/// The table of the full-screen views: a summary line, a header line, then
/// rows, one space between columns.
enum ScreenTable {
    /// Below the summary and header lines.
    static func listRect(_ inner: Rect) -> Rect { inner.dropFirst(2) }

    static func widths(_ cols: [Column], total: Int) -> [Int] {
        var w = cols.map { $0.flexible ? 0 : max($0.width, $0.header.displayWidth) }
        let used = w.reduce(0, +) + max(0, cols.count - 1)
        if let i = cols.firstIndex(where: \.flexible) { w[i] = max(0, total - used) }
        return w
    }

    static func header(_ f: inout Frame, _ r: Rect, line: Int, _ cols: [Column], _ w: [Int]) {
        row(f: &f, r, line: line, cols.map { ($0.header, StyleRole.title) }, cols, w)
    }

    /// One row; each cell clipped (text truncated with …) to its column.
    static func row(f: inout Frame, _ r: Rect, line: Int, _ cells: [(String, StyleRole)], _ cols: [Column], _ w: [Int]) {
        var x = 0
        for (i, (text, style)) in cells.enumerated() where i < cols.count {
            guard x < r.width else { break }
            let width = min(w[i], r.width - x)
            let t = cols[i].right ? text.clipped(toWidth: width) : text.truncated(toWidth: width)
            f.put(t.padded(toWidth: width, alignRight: cols[i].right), in: r, line: line, at: x, style: style)
            x += w[i] + 1
        }
    }

    /// The selection bar across the whole row.
    static func highlight(_ f: inout Frame, _ r: Rect, line: Int) {
        f.restyle(row: r.row + line, col: r.col, width: r.width, style: .selected)
    }
}

/// A score with one decimal, `87.5`; `-` when there is none.
func scoreText(_ s: Double?) -> String {
    guard let s else { return "-" }
    let v = Int((s * 10).rounded())
    return "\(v / 10).\(v % 10)"
}
