import CXlsxWriter
import TextWidth

/// Writes a `WorkbookSpec` as an .xlsx file through libxlsxwriter.
public enum XLSXWriter {
    public static func write(_ spec: WorkbookSpec, to path: String) throws(OfficeFileError) {
        let lxw = try OfficeLibrary.xlsxwriter.get()
        guard let wb = lxw.workbook_new(path) else { throw OfficeFileError("\(path): cannot create the workbook") }
        let formats = FormatCache(wb, lxw)
        var properties = lxw_doc_properties()
        let title = strdup(spec.title), author = strdup(spec.author)
        defer { free(title); free(author) }
        properties.title = title
        properties.author = author
        _ = lxw.workbook_set_properties(wb, &properties)
        var names = SheetNames()
        for sheet in spec.sheets {
            let name = names.unique(sheet.name)
            guard let ws = lxw.workbook_add_worksheet(wb, name) else {
                _ = lxw.workbook_close(wb)
                throw OfficeFileError("\(path): cannot add sheet \"\(name)\"")
            }
            SheetLayout(sheet: sheet, name: name, wb: wb, ws: ws, formats: formats, lxw: lxw).write()
        }
        let err = lxw.workbook_close(wb)
        guard err == LXW_NO_ERROR else {
            throw OfficeFileError("\(path): cannot write the workbook (\(lxw.lxw_strerror(err).map { String(cString: $0) } ?? "\(err)"))")
        }
    }
}

/// Sheet names as Excel allows them: at most 31 characters, none of []:*?/\, unique.
struct SheetNames {
    var used: Set<String> = []

    mutating func unique(_ wanted: String) -> String {
        var base = String(wanted.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        base = base.trimmingPrefix("'").isEmpty ? "Sheet" : base
        if base.utf16.count > 31 { base = String(base.prefix(28)) }
        var name = base, n = 2
        while used.contains(name.lowercased()) {
            name = String(base.prefix(26)) + "(\(n))"
            n += 1
        }
        used.insert(name.lowercased())
        return name
    }
}

/// One format per look, created once per workbook (Excel caps their number).
final class FormatCache {
    enum Kind: Hashable { case title, subtitle, caption, header, text, wrapped, integer, decimal, percent, date, filled(UInt32) }
    private let wb: UnsafeMutablePointer<lxw_workbook>
    private let lxw: duban_xlsxwriter
    private var made: [Kind: UnsafeMutablePointer<lxw_format>] = [:]

    init(_ wb: UnsafeMutablePointer<lxw_workbook>, _ lxw: duban_xlsxwriter) {
        self.wb = wb
        self.lxw = lxw
    }

    subscript(_ k: Kind) -> UnsafeMutablePointer<lxw_format> {
        if let f = made[k] { return f }
        let f = lxw.workbook_add_format(wb)!
        lxw.format_set_font_name(f, "宋体")
        lxw.format_set_font_size(f, 11)
        lxw.format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        switch k {
        case .title:
            lxw.format_set_bold(f)
            lxw.format_set_font_size(f, 16)
        case .subtitle:
            break
        case .caption:
            lxw.format_set_bold(f)
        case .header:
            lxw.format_set_bold(f)
            lxw.format_set_bg_color(f, 0xD9D9D9)
            lxw.format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue))
            lxw.format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
            lxw.format_set_text_wrap(f)
        case .text:
            lxw.format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue))
        case .wrapped:
            lxw.format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue))
            lxw.format_set_text_wrap(f)
        case .integer:
            lxw.format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue))
            lxw.format_set_num_format(f, "0")
        case .decimal:
            lxw.format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue))
            lxw.format_set_num_format(f, "0.0")
        case .percent:
            lxw.format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue))
            lxw.format_set_num_format(f, "0.0%")
        case .date:
            lxw.format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue))
            lxw.format_set_num_format(f, "yyyy-mm-dd")
            lxw.format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .filled(let rgb):
            lxw.format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue))
            lxw.format_set_bg_color(f, rgb)
            lxw.format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
            // White on dark fills, black on light ones.
            let (r, g, b) = (Double(rgb >> 16 & 0xFF), Double(rgb >> 8 & 0xFF), Double(rgb & 0xFF))
            if 0.299 * r + 0.587 * g + 0.114 * b < 150 { lxw.format_set_font_color(f, 0xFFFFFF) }
        }
        made[k] = f
        return f
    }
}

/// Places one sheet's title lines, tables and chart.
struct SheetLayout {
    let sheet: SheetSpec
    let name: String
    let wb: UnsafeMutablePointer<lxw_workbook>
    let ws: UnsafeMutablePointer<lxw_worksheet>
    let formats: FormatCache
    let lxw: duban_xlsxwriter

    /// Columns wider than this (in Excel's character units) wrap instead.
    static let widest = 40.0

    func write() {
        let columns = max(1, sheet.tables.map(\.header.count).max() ?? 1)
        let widths = columnWidths(columns)
        for (i, w) in widths.enumerated() {
            _ = lxw.worksheet_set_column(ws, UInt16(i), UInt16(i), w, nil)
        }
        var row: UInt32 = 0
        for (i, line) in sheet.titleLines.enumerated() {
            let f = formats[i == 0 ? .title : .subtitle]
            if columns > 1 {
                _ = lxw.worksheet_merge_range(ws, row, 0, row, UInt16(columns - 1), line, f)
            } else {
                _ = lxw.worksheet_write_string(ws, row, 0, line, f)
            }
            if i == 0 { _ = lxw.worksheet_set_row(ws, row, 24, nil) }
            row += 1
        }
        if !sheet.titleLines.isEmpty { row += 1 }
        var placed: [(header: UInt32, last: UInt32)] = []
        for (ti, table) in sheet.tables.enumerated() {
            if ti > 0 { row += 1 }
            if let c = table.caption {
                _ = lxw.worksheet_write_string(ws, row, 0, c, formats[.caption])
                row += 1
            }
            let header = row
            for (c, h) in table.header.enumerated() { _ = lxw.worksheet_write_string(ws, row, UInt16(c), h, formats[.header]) }
            row += 1
            for cells in table.rows {
                for (c, cell) in cells.enumerated() { put(cell, row, UInt16(c), wrap: widths[c] >= Self.widest) }
                row += 1
            }
            placed.append((header, row - 1))
            if ti == 0 {
                lxw.worksheet_freeze_panes(ws, header + 1, 0)
                if !table.header.isEmpty {
                    _ = lxw.worksheet_autofilter(ws, header, 0, max(header, row - 1), UInt16(table.header.count - 1))
                }
            }
        }
        if let chart = sheet.chart, chart.table < placed.count, sheet.tables[chart.table].rows.count > 0 {
            // Below the tables, so the page prints as wide as they are.
            insert(chart, at: placed[chart.table], row: row + 1)
        }
        // A4, as wide as one page; a wide table is printed across the page.
        lxw.worksheet_set_paper(ws, 9)
        let total = widths.reduce(0, +)
        if total > 100 { lxw.worksheet_set_landscape(ws) }
        // Shrunk to one page wide only while the text stays readable.
        if total <= 250 { lxw.worksheet_fit_to_pages(ws, 1, 0) }
        if let h = placed.first?.header { _ = lxw.worksheet_repeat_rows(ws, 0, h) }
    }

    func put(_ cell: SheetCell, _ row: UInt32, _ col: UInt16, wrap: Bool) {
        switch cell {
        case .text(let s): _ = lxw.worksheet_write_string(ws, row, col, Self.fit(s), formats[wrap ? .wrapped : .text])
        case .integer(let n): _ = lxw.worksheet_write_number(ws, row, col, Double(n), formats[.integer])
        case .decimal(let d): _ = lxw.worksheet_write_number(ws, row, col, d, formats[.decimal])
        case .percent(let d): _ = lxw.worksheet_write_number(ws, row, col, d, formats[.percent])
        case .date(let d):
            var dt = lxw_datetime(year: Int32(d.year), month: Int32(d.month), day: Int32(d.day), hour: 0, min: 0, sec: 0)
            _ = lxw.worksheet_write_datetime(ws, row, col, &dt, formats[.date])
        case .filled(let s, let rgb): _ = lxw.worksheet_write_string(ws, row, col, Self.fit(s), formats[.filled(rgb)])
        case .empty: _ = lxw.worksheet_write_blank(ws, row, col, formats[.text])
        }
    }

    /// Excel holds at most 32,767 characters in a cell; the library refuses longer ones.
    static func fit(_ s: String) -> String {
        s.utf16.count <= 32_767 ? s : String(s.prefix(32_000)) + "…"
    }

    /// By display width, so a column of Chinese names is as wide as they are.
    func columnWidths(_ n: Int) -> [Double] {
        var w = Array(repeating: 6.0, count: n)
        for t in sheet.tables {
            for (c, h) in t.header.enumerated() { w[c] = max(w[c], Double(h.displayWidth) + 2) }
            for r in t.rows {
                for (c, cell) in r.enumerated() where c < n { w[c] = max(w[c], Double(cell.shown.displayWidth) * 1.1 + 2) }
            }
        }
        return w.map { min($0, Self.widest) }
    }

    func insert(_ spec: BarChartSpec, at table: (header: UInt32, last: UInt32), row: UInt32) {
        // Horizontal bars: long category names read along the axis.
        guard let chart = lxw.workbook_add_chart(wb, UInt8(LXW_CHART_BAR.rawValue)) else { return }
        let series = lxw.chart_add_series(chart, nil, nil)
        let first = table.header + 1
        lxw.chart_series_set_categories(series, name, first, UInt16(spec.categoryColumn), table.last, UInt16(spec.categoryColumn))
        lxw.chart_series_set_values(series, name, first, UInt16(spec.valueColumn), table.last, UInt16(spec.valueColumn))
        lxw.chart_series_set_labels(series)
        lxw.chart_title_set_name(chart, spec.title)
        lxw.chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
        // First category at the top, as in the table.
        lxw.chart_axis_set_reverse(chart.pointee.y_axis)
        if spec.percent {
            lxw.chart_axis_set_min(chart.pointee.x_axis, 0)
            lxw.chart_axis_set_max(chart.pointee.x_axis, 1)
            lxw.chart_axis_set_num_format(chart.pointee.x_axis, "0%")
            lxw.chart_series_set_labels_num_format(series, "0.0%")
        }
        let count = Double(table.last - table.header)
        var options = lxw_chart_options()
        options.x_scale = 1.6
        options.y_scale = max(1.0, (count * 24 + 80) / 288)
        _ = lxw.worksheet_insert_chart_opt(ws, row, 0, chart, &options)
    }
}
