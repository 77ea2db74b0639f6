import PlanModel

/// A time limit written into a department list, `（省X局牵头，2014年6月底前完成）`:
/// the task is then due on that day instead of the plan's end.
struct Deadline: Equatable {
    var year: Int?
    var month: Int
    /// Nil for the end of the month (`6月底`, `6月`).
    var day: Int?

    /// Reads clauses such as `6月底前完成`, `2014年9月30日前`, `年底前完成`;
    /// nil for anything else, so department names never pass for a date.
    static func parse(_ clause: ArraySlice<Unicode.Scalar>) -> Deadline? {
        var t = Sc.trim(clause)
        for tail in ["完成", "前", "以前", "之前", "底", "末"] where Sc.hasSuffix(t, tail) {
            t = t.dropLast(tail.unicodeScalars.count)
        }
        for tail in ["前", "以前", "之前"] where Sc.hasSuffix(t, tail) { t = t.dropLast(tail.unicodeScalars.count) }
        for tail in ["底", "末"] where Sc.hasSuffix(t, tail) { t = t.dropLast(1) }
        for lead in ["于", "在", "力争"] where Sc.hasPrefix(t, lead) { t = t.dropFirst(lead.unicodeScalars.count) }
        guard !t.isEmpty, t.count <= 16 else { return nil }
        var year: Int? = nil
        if let y = t.firstIndex(of: "年") {
            let ys = t[t.startIndex..<y]
            if !ys.isEmpty {
                guard let v = ChineseNumeral.anyValue(ys), (1900...2199).contains(v) else { return nil }
                year = v
            }
            t = t[(y + 1)...]
            // `年底前完成`, `2014年底`, `年内完成`
            if t.isEmpty || t.elementsEqual("内".unicodeScalars) { return Deadline(year: year, month: 12, day: 31) }
        }
        guard let m = t.firstIndex(of: "月"), let month = ChineseNumeral.anyValue(t[t.startIndex..<m]),
              (1...12).contains(month) else { return nil }
        let rest = t[(m + 1)...]
        if rest.isEmpty { return Deadline(year: year, month: month, day: nil) }
        guard rest.last == "日", let day = ChineseNumeral.anyValue(rest.dropLast()), (1...31).contains(day) else { return nil }
        return Deadline(year: year, month: month, day: day)
    }

    /// The due day; a deadline without a year falls in the plan's first year.
    func day(in period: Period) -> Day? {
        let y = year ?? period.start.year
        return Day(year: y, month: month, day: min(day ?? 31, Day.daysIn(month: month, year: y)))
    }
}
