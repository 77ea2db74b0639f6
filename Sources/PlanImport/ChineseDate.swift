import PlanModel

/// Chinese dates: `2014年4月28日`, `二○一一年七月十二日`.
enum ChineseDate {
    /// A line that is nothing but a date.
    static func wholeLine(_ l: ArraySlice<Unicode.Scalar>) -> Day? {
        guard l.count >= 8, l.count <= 16, l.last == "日" else { return nil }
        return parse(l)
    }

    static func parse(_ l: ArraySlice<Unicode.Scalar>) -> Day? {
        guard let y = l.firstIndex(of: "年"), let m = l[y...].firstIndex(of: "月"),
              let d = l[m...].firstIndex(of: "日") else { return nil }
        let ys = Sc.trim(l[l.startIndex..<y]), ms = Sc.trim(l[(y + 1)..<m]), ds = Sc.trim(l[(m + 1)..<d])
        guard let year = ChineseNumeral.anyValue(ys), let month = ChineseNumeral.anyValue(ms),
              let day = ChineseNumeral.anyValue(ds) else { return nil }
        return Day(year: year, month: month, day: day)
    }
}
