import PlanModel

/// What the head of a document says before its first section: the title,
/// who issued it, and when.
struct DocumentHead {
    var title: String = ""
    var issuer: String = ""
    var issued: Day? = nil

    /// `lines` are the trimmed lines before the first section heading.
    static func read(_ lines: [ArraySlice<Unicode.Scalar>]) -> DocumentHead {
        var head = DocumentHead()
        var dateIndex: Int? = nil
        for (i, l) in lines.enumerated() {
            if let d = ChineseDate.wholeLine(l) { head.issued = d; dateIndex = i; break }
        }
        func isHeadingLike(_ l: ArraySlice<Unicode.Scalar>) -> Bool {
            // A parenthesised note such as （列第一位者为牵头部门） is no title.
            guard !l.isEmpty, l.count <= 80, let last = l.last, !Sc.isOpen(l.first!) else { return false }
            return !l.contains("。") && last != "：" && last != ":" && last != "," && last != "，"
                && ChineseDate.wholeLine(l) == nil
        }
        if let d = dateIndex {
            var k = d - 1
            while k >= 0, lines[k].isEmpty { k -= 1 }
            if k >= 0, isHeadingLike(lines[k]), lines[k].count <= 40 { head.issuer = lines[k].string }
        }
        // The title stands on its own line after the date; failing that, the
        // cover note quotes it in 《》.
        let after = (dateIndex ?? -1) + 1
        if after < lines.count, let t = lines[after...].last(where: isHeadingLike) {
            head.title = unquote(t).string
        } else if let q = lines.lazy.compactMap(quotedTitle).first {
            head.title = q.string
        } else if let t = lines.last(where: { isHeadingLike($0) && $0.string != head.issuer }) {
            head.title = unquote(t).string
        }
        return head
    }

    private static func unquote(_ t: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        if t.first == "《", t.last == "》", t.count > 2 { return t.dropFirst().dropLast() }
        return t
    }

    /// The first 《…》 of a line.
    private static func quotedTitle(_ l: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar>? {
        guard let a = l.firstIndex(of: "《"), let b = l[a...].firstIndex(of: "》"), b > a + 1 else { return nil }
        return l[(a + 1)..<b]
    }
}

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

/// The years a title names: `2014年` or `(2023-2025年)`.
enum TitleYears {
    static func find(_ title: String) -> (first: Int, last: Int)? {
        let s = title.scalars
        var years: [(value: Int, start: Int, end: Int)] = []
        var i = 0
        while i < s.count {
            guard Sc.digit(s[i]) != nil else { i += 1; continue }
            var j = i
            while j < s.count, Sc.digit(s[j]) != nil { j += 1 }
            if j - i == 4, let v = ChineseNumeral.arabic(s[i..<j]), (1900...2199).contains(v) {
                years.append((v, i, j))
            }
            i = j
        }
        guard let lastYear = years.last else { return nil }
        // A range: two years joined by a dash or 至.
        let dashes: [Unicode.Scalar] = ["-", "—", "–", "－", "~", "～", "至", "到", "―"]
        var k = years.count - 1
        while k > 0 {
            let a = years[k - 1], b = years[k]
            let between = s[a.end..<b.start]
            if !between.isEmpty, between.count <= 2, between.allSatisfy({ dashes.contains($0) }), a.value <= b.value {
                return (a.value, b.value)
            }
            k -= 1
        }
        return (lastYear.value, lastYear.value)
    }
}

/// Plan ids from titles: province in pinyin plus the year or years.
enum PlanSlug {
    static let provinces: [(String, String)] = [
        ("北京", "beijing"), ("天津", "tianjin"), ("河北", "hebei"), ("山西", "shanxi"),
        ("内蒙古", "neimenggu"), ("辽宁", "liaoning"), ("吉林", "jilin"), ("黑龙江", "heilongjiang"),
        ("上海", "shanghai"), ("江苏", "jiangsu"), ("浙江", "zhejiang"), ("安徽", "anhui"),
        ("福建", "fujian"), ("江西", "jiangxi"), ("山东", "shandong"), ("河南", "henan"),
        ("湖北", "hubei"), ("湖南", "hunan"), ("广东", "guangdong"), ("广西", "guangxi"),
        ("海南", "hainan"), ("重庆", "chongqing"), ("四川", "sichuan"), ("贵州", "guizhou"),
        ("云南", "yunnan"), ("西藏", "xizang"), ("陕西", "shaanxi"), ("甘肃", "gansu"),
        ("青海", "qinghai"), ("宁夏", "ningxia"), ("新疆", "xinjiang"), ("香港", "hongkong"),
        ("澳门", "macau"), ("台湾", "taiwan"),
    ]

    /// The province named earliest in `text`.
    static func province(in text: String) -> String? {
        let s = text.scalars[...]
        var best: (Int, String)? = nil
        for (name, slug) in provinces {
            if let k = Sc.find(name, in: s), best == nil || k < best!.0 { best = (k, slug) }
        }
        return best?.1
    }

    static func make(title: String, issuer: String, years: (first: Int, last: Int)) -> String {
        let y = years.first == years.last ? "\(years.first)" : "\(years.first)-\(years.last)"
        let p = province(in: title) ?? province(in: issuer) ?? "plan"
        return "\(p)-\(y)"
    }
}
