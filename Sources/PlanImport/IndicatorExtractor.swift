import PlanModel

/// Finds quantitative targets in goals and task text: percentages
/// (`合格率达到98%以上`, `覆盖率达100%`) and counts of 家/个/名/项
/// (`省级20家、市级40家`, `培育质量管理骨干1500名`). Years, document numbers,
/// hotlines and counts that describe rather than target (`5个国家质检中心`)
/// are left alone: only a number directly followed by `%` or by a counting
/// unit that closes its phrase is a target.
enum IndicatorExtractor {
    private static let sentenceEnds: [Unicode.Scalar] = ["。", "！", "？", "；", ";", "!", "?"]
    private static let clauseEnds: [Unicode.Scalar] = ["，", ",", "：", ":"]
    private static let countUnits: [Unicode.Scalar] = ["家", "个", "名", "项"]
    private static let phraseEnds: [Unicode.Scalar] = ["、", "，", ",", "；", ";", "。", "：", ":", "）", ")", "”"]

    /// Indicators with empty ids: the caller numbers them.
    static func extract(_ text: ArraySlice<Unicode.Scalar>) -> [Indicator] {
        guard text.contains(where: { Sc.digit($0) != nil }) else { return [] }
        var out: [Indicator] = []
        for raw in Sc.splitTopLevel(text, sentenceEnds) {
            let s = Sc.trim(raw)
            guard s.contains(where: { Sc.digit($0) != nil }) else { continue }
            out += fromSentence(Array(s))
        }
        return out
    }

    private struct Match {
        var start: Int, end: Int
        var value: Double
        var unit: String
    }

    private static func matches(_ s: Scalars) -> [Match] {
        var out: [Match] = []
        var i = 0
        while i < s.count {
            guard Sc.digit(s[i]) != nil else { i += 1; continue }
            let start = i
            var intPart = 0.0, digits = 0
            while i < s.count, let d = Sc.digit(s[i]) { if digits < 12 { intPart = intPart * 10 + Double(d) }; digits += 1; i += 1 }
            var value = intPart
            if i + 1 < s.count, s[i] == "." || s[i] == "．", Sc.digit(s[i + 1]) != nil {
                i += 1
                var scale = 0.1
                while i < s.count, let d = Sc.digit(s[i]) { value += Double(d) * scale; scale /= 10; i += 1 }
            }
            let prev: Unicode.Scalar? = start > 0 ? s[start - 1] : nil
            if let p = prev, p == "第" || p == "." || (p.isASCII && p.properties.isAlphabetic) { continue }
            guard digits <= 12, i < s.count else { continue }
            let u = s[i]
            if u == "%" || u == "％" {
                let after = s[(i + 1)...]
                if Sc.hasPrefix(after, "以下") || Sc.hasPrefix(after, "以内") { i += 1; continue }
                out.append(Match(start: start, end: i + 1, value: value, unit: "%"))
                i += 1
            } else if countUnits.contains(u) {
                let after = s[(i + 1)...]
                let closes = after.isEmpty || phraseEnds.contains(after.first!) || Sc.hasPrefix(after, "以上") || Sc.hasPrefix(after, "左右")
                if closes, !Sc.hasPrefix(after, "以下"), !Sc.hasPrefix(after, "以内") {
                    out.append(Match(start: start, end: i + 1, value: value, unit: String(Character(u))))
                }
                i += 1
            }
        }
        return out
    }

    private static func fromSentence(_ s: Scalars) -> [Indicator] {
        let ms = matches(s)
        guard !ms.isEmpty else { return [] }
        // Clause starts, outside brackets, so `高速(含一级)公路` stays whole.
        var clauseStart = [Int](repeating: 0, count: s.count + 1)
        var depth = 0, cs = 0
        for (i, c) in s.enumerated() {
            clauseStart[i] = cs
            if Sc.isOpen(c) { depth += 1 } else if Sc.isClose(c) { depth = max(0, depth - 1) }
            else if depth == 0, clauseEnds.contains(c) { cs = i + 1 }
        }
        clauseStart[s.count] = cs
        let source = s.string

        // Group matches into runs: `98.0%、97.5%` share the subject before them.
        var runs: [(subject: ArraySlice<Unicode.Scalar>, clause: Int, members: [Match])] = []
        var prevEnd = -1
        for m in ms {
            let c = clauseStart[m.start]
            let segStart = max(c, prevEnd)
            var seg = Sc.trim(s[segStart..<m.start])
            while let f = seg.first, f == "、" || f == "和" || f == "及" { seg = Sc.trim(seg.dropFirst()) }
            if Sc.hasPrefix(seg, "以上") { seg = Sc.trim(seg.dropFirst(2)) }
            while let f = seg.first, f == "、" { seg = Sc.trim(seg.dropFirst()) }
            if seg.isEmpty, prevEnd >= c, !runs.isEmpty, runs[runs.count - 1].clause == c {
                runs[runs.count - 1].members.append(m)
            } else {
                runs.append((seg, c, [m]))
            }
            prevEnd = m.end
        }

        var out: [Indicator] = []
        for run in runs {
            // Ceilings and reductions have no place in an at-least target.
            let subj = run.subject.string.replacingAll("不低于", with: "").scalars[...]
            if ["降低", "下降", "减少", "控制在", "不超过", "低于", "压减"].contains(where: { Sc.contains(subj, $0) }) { continue }
            let subject = cleanSubject(run.subject)
            var names: [String] = []
            if run.members.count > 1 {
                names = distribute(subject, over: run.members.count)
            } else if subject.isEmpty || qualifiers.contains(subject.string) {
                names = [subject.string + borrowedNoun(s, before: run.clause)]
            } else {
                names = [subject.string]
            }
            for (k, m) in run.members.enumerated() {
                let name = names[min(k, names.count - 1)]
                guard !name.isEmpty else { continue }
                out.append(Indicator(id: "", name: name, target: m.value, unit: m.unit, comparison: .atLeast, source: source))
            }
        }
        return out
    }

    /// Levels that qualify a noun named earlier: `…基地建设，力争达到省级20家`.
    private static let qualifiers: Set<String> = ["省级", "市级", "县级", "国家级", "国家", "全省", "全国", "省", "市", "县", "其中"]

    private static let leadingWords = [
        "力争", "确保", "争取", "实现", "达到", "继续", "培育", "争创", "新增", "完成", "培训", "建成",
        "创建", "打造", "选择", "推动", "推进", "使", "并", "和", "及", "其中", "累计", "全年", "年内",
    ]
    private static let trailingWords = [
        "分别提高到", "分别达到", "提高到", "提升到", "提高至", "提升至", "达到", "达", "保持在", "稳定在",
        "不低于", "超过", "分别", "在", "为", "要", "均", "总数", "以上", "逐年", "力争", "确保",
        "增加", "新增", "累计",
    ]

    private static func cleanSubject(_ seg: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var t = Sc.trim(seg)
        // `到2025年,` and `2014年` lead-ins are dates, not subjects.
        var changed = true
        while changed && !t.isEmpty {
            changed = false
            for w in leadingWords where Sc.hasPrefix(t, w) && t.count > w.unicodeScalars.count {
                t = Sc.trim(t.dropFirst(w.unicodeScalars.count)); changed = true
            }
            for w in trailingWords where Sc.hasSuffix(t, w) {
                t = Sc.trim(t.dropLast(w.unicodeScalars.count)); changed = true
            }
        }
        return t
    }

    /// `高速(含一级)公路、干线公路抽检指标总体合格率` over two values →
    /// `高速(含一级)公路抽检指标总体合格率`, `干线公路抽检指标总体合格率`: the
    /// measured thing is shared, found where the first item's ending recurs.
    private static func distribute(_ subject: ArraySlice<Unicode.Scalar>, over n: Int) -> [String] {
        let parts = Sc.splitTopLevel(subject, ["、"]).map { Sc.trim($0) }
        guard parts.count == n, let first = parts.first, let last = parts.last, !first.isEmpty else {
            return [subject.string]
        }
        var tail: ArraySlice<Unicode.Scalar>? = nil
        var l = min(first.count, 4)
        while l >= 1, tail == nil {
            let suffix = first.suffix(l).string
            if let k = Sc.find(suffix, in: last), k + l < last.endIndex { tail = last[(k + l)...] }
            l -= 1
        }
        guard let t = tail else { return Array(repeating: subject.string, count: n) }
        return parts.enumerated().map { i, p in i == n - 1 ? p.string : p.string + t.string }
    }

    /// The object of the clause before, for `省级20家` after
    /// `继续推进中小学质量教育社会实践基地建设`.
    private static func borrowedNoun(_ s: Scalars, before clause: Int) -> String {
        guard clause >= 2 else { return "" }
        var a = clause - 2
        var depth = 0
        // Bounded: a noun worth borrowing is short, and an unbounded walk
        // back per target would be quadratic on a long list of targets.
        let limit = max(0, clause - 64)
        while a >= limit {
            let c = s[a]
            if Sc.isClose(c) { depth += 1 } else if Sc.isOpen(c) { depth -= 1 }
            else if depth == 0, clauseEnds.contains(c) { break }
            a -= 1
        }
        guard a >= limit || a < 0 else { return "" }
        var t = Sc.trim(s[(a + 1)..<(clause - 1)])
        let lead = ["继续", "推进", "加强", "开展", "加快", "深入", "推动", "广泛", "积极", "大力", "建设", "创建", "培育"]
        let trail = ["建设", "工作", "活动", "创建", "培育"]
        var changed = true
        while changed && !t.isEmpty {
            changed = false
            for w in lead where Sc.hasPrefix(t, w) && t.count > w.unicodeScalars.count { t = t.dropFirst(w.unicodeScalars.count); changed = true }
            for w in trail where Sc.hasSuffix(t, w) && t.count > w.unicodeScalars.count { t = t.dropLast(w.unicodeScalars.count); changed = true }
        }
        return t.count <= 30 ? t.string : ""
    }
}
