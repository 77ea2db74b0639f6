/// Chinese numerals as documents print them: section and task numbers
/// (`十三`, `二十九`) and dates written out (`二○一一年七月十二日`).
enum ChineseNumeral {
    static func digit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "〇", "○", "零", "Ｏ", "◯": return 0
        case "一": return 1
        case "二", "两": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }

    static func unit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "十": return 10
        case "百": return 100
        case "千": return 1000
        default: return nil
        }
    }

    static func isNumeral(_ c: Unicode.Scalar) -> Bool { digit(c) != nil || unit(c) != nil }

    /// The value of a numeral such as `十三`, `二十九`, `一百零五`, or a
    /// digit-by-digit year `二○一一`. Nil for anything else, and for absurdly
    /// long input (the length cap keeps the arithmetic far from overflow).
    static func value<C: Collection>(_ s: C) -> Int? where C.Element == Unicode.Scalar {
        guard !s.isEmpty, s.count <= 12 else { return nil }
        if s.allSatisfy({ digit($0) != nil }) {
            // Positional: 二○一一 → 2011.
            return s.reduce(0) { $0 * 10 + digit($1)! }
        }
        var total = 0
        var pending: Int? = nil
        var lastUnit = Int.max
        for c in s {
            if let d = digit(c) {
                if pending != nil && d != 0 { return nil } // 二三 is not a numeral
                pending = d == 0 ? nil : d
            } else if let u = unit(c) {
                guard u < lastUnit else { return nil }    // 十百 is not a numeral
                total += (pending ?? 1) * u
                pending = nil
                lastUnit = u
            } else {
                return nil
            }
        }
        return total + (pending ?? 0)
    }

    /// Arabic (ASCII or full-width) digits, at most nine of them.
    static func arabic<C: Collection>(_ s: C) -> Int? where C.Element == Unicode.Scalar {
        guard !s.isEmpty, s.count <= 9 else { return nil }
        var n = 0
        for c in s {
            guard let d = Sc.digit(c) else { return nil }
            n = n * 10 + d
        }
        return n
    }

    /// Either kind: `十三` or `13`.
    static func anyValue<C: Collection>(_ s: C) -> Int? where C.Element == Unicode.Scalar {
        arabic(s) ?? value(s)
    }
}
