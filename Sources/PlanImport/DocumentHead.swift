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
            if k >= 0, isHeadingLike(lines[k]), isSignature(lines[k]) { head.issuer = lines[k].string }
        }
        // The title stands on its own line after the date; failing that, the
        // cover note quotes it in 《》.
        let after = (dateIndex ?? -1) + 1
        if after < lines.count, let t = lines[after...].last(where: isHeadingLike) {
            head.title = unquote(t).string
        } else if let t = lines.first(where: { isHeadingLike($0) && $0.string != head.issuer && namesItsKind($0) }) {
            // The title above the issuer and date: `《政府工作报告》重点工作责任分解`.
            head.title = unquote(t).string
        } else if let q = lines.lazy.compactMap(quotedTitle).first {
            head.title = q.string
        } else if let t = lines.last(where: { isHeadingLike($0) && $0.string != head.issuer }) {
            head.title = unquote(t).string
        }
        return head
    }

    /// Words that end the titles of this family: `…行动计划`, `…实施方案`,
    /// `…工作要点`, `…任务分工方案`, `…责任分解`, `…责任制度`.
    private static let kindWords = ["计划", "方案", "要点", "分解", "分工", "制度", "意见", "措施", "规划", "安排", "清单"]

    static func namesItsKind(_ l: ArraySlice<Unicode.Scalar>) -> Bool {
        kindWords.contains { Sc.contains(l, $0) }
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

    /// A line that can sign a document: a short name, no sentence.
    static func isSignature(_ l: ArraySlice<Unicode.Scalar>) -> Bool {
        guard !l.isEmpty, l.count <= 40, let last = l.last, !Sc.isOpen(l.first!) else { return false }
        return !l.contains("。") && !l.contains("，") && !l.contains(",") && last != "：" && last != ":"
    }
}
