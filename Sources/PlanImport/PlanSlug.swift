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
