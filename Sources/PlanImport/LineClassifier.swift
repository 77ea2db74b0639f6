/// How a task or heading is numbered. The task numbering of a document is the
/// style whose lines carry department lists; the other style, when present,
/// marks group headings (the 2023 plan's `(一)推进民生消费质量提升` above
/// tasks `1.`…).
enum NumberStyle: Hashable {
    /// `（一）` or `(一)`
    case bracketChinese
    /// `（1）` or `(1)`
    case bracketArabic
    /// `1.` `1、` `1．`
    case arabic
}

/// A numbered line: `（十三）加强…` or `17. 提升…`.
struct NumberedLine {
    var style: NumberStyle
    /// As printed, without brackets or the trailing dot: `十三`, `17`.
    var number: String
    var value: Int
    /// The rest of the line, trimmed.
    var body: ArraySlice<Unicode.Scalar>
}

enum LineKind {
    case blank
    /// `一、总体要求`
    case section(number: String, value: Int, title: ArraySlice<Unicode.Scalar>)
    case numbered(NumberedLine)
    case text(ArraySlice<Unicode.Scalar>)
}

enum LineClassifier {
    static func classify(_ line: Scalars) -> LineKind {
        let t = Sc.trim(line[...])
        guard let first = t.first else { return .blank }
        if let s = section(t) { return s }
        if Sc.isOpen(first), let n = bracketed(t) { return .numbered(n) }
        if Sc.digit(first) != nil, let n = dotted(t) { return .numbered(n) }
        return .text(t)
    }

    /// `一、…`: one to four Chinese numerals and an enumeration comma.
    private static func section(_ t: ArraySlice<Unicode.Scalar>) -> LineKind? {
        var i = t.startIndex
        while i < t.endIndex, i - t.startIndex < 5, ChineseNumeral.isNumeral(t[i]) { i += 1 }
        guard i > t.startIndex, i < t.endIndex, t[i] == "、",
              let v = ChineseNumeral.value(t[t.startIndex..<i]) else { return nil }
        return .section(number: t[t.startIndex..<i].string, value: v, title: Sc.trim(t[(i + 1)...]))
    }

    /// `（一）…`, `(一)…`, `（1）…`; brackets of either width, even mixed.
    private static func bracketed(_ t: ArraySlice<Unicode.Scalar>) -> NumberedLine? {
        let a = t.startIndex + 1
        var i = a
        while i < t.endIndex, i - a < 6, ChineseNumeral.isNumeral(t[i]) || Sc.digit(t[i]) != nil { i += 1 }
        guard i > a, i < t.endIndex, Sc.isClose(t[i]) else { return nil }
        let num = t[a..<i]
        if let v = ChineseNumeral.arabic(num) {
            return NumberedLine(style: .bracketArabic, number: num.string, value: v, body: Sc.trim(t[(i + 1)...]))
        }
        guard let v = ChineseNumeral.value(num) else { return nil }
        return NumberedLine(style: .bracketChinese, number: num.string, value: v, body: Sc.trim(t[(i + 1)...]))
    }

    /// `1.`, `1、`, `1．`, `1. `: at most three digits so that `2014年` or
    /// `12315、…` never pass for a task, and not `98.0%`.
    private static func dotted(_ t: ArraySlice<Unicode.Scalar>) -> NumberedLine? {
        var i = t.startIndex
        while i < t.endIndex, Sc.digit(t[i]) != nil { i += 1 }
        guard i - t.startIndex <= 3, i < t.endIndex else { return nil }
        let mark = t[i]
        guard mark == "." || mark == "、" || mark == "．" else { return nil }
        let next = i + 1
        if next < t.endIndex, Sc.digit(t[next]) != nil { return nil }
        let body = Sc.trim(t[next...])
        guard !body.isEmpty, let v = ChineseNumeral.arabic(t[t.startIndex..<i]) else { return nil }
        return NumberedLine(style: .arabic, number: t[t.startIndex..<i].string, value: v, body: body)
    }
}
