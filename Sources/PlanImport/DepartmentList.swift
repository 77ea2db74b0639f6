import PlanModel

/// One assignee as printed, before alias normalisation.
struct PrintedAssignment: Equatable {
    var name: String
    var role: Role
}

/// What a department list says: the assignees, and any statements that
/// reach beyond the task (`列第一位者为牵头部门`, `以下措施均需…落实`).
struct DepartmentList {
    var assignments: [PrintedAssignment] = []
    /// `列第一位者为牵头部门，下同`: the first department of every list leads.
    var firstListedLeads = false
    /// `以下措施均需各市州政府、兰州新区管委会落实，不再一一列出`: the
    /// implementers of this task carry over to every later task; these are the
    /// names the statement uses for them.
    var implementersCarryOver: [String]? = nil
    /// Clauses naming departments but no role the importer knows.
    var unreadClauses: [String] = []
    /// `2014年6月底前完成`, `完成时限：2026年6月底前`
    var deadline: Deadline? = nil
    /// `责任领导：…`: people, not departments; kept in the task's text.
    var leaderClauses: [String] = []

    var isEmpty: Bool { assignments.isEmpty }
}

enum DepartmentListParser {
    /// Role keywords at the end of a clause, longest first so that
    /// `负责具体实施` wins over `负责`.
    private static let roleSuffixes: [(String, Role)] = [
        ("按职责分工负责", .joint), ("按职能分工负责", .joint), ("分工负责", .joint),
        ("负责具体实施", .implement), ("具体实施", .implement), ("组织实施", .implement),
        ("牵头组织", .lead), ("牵头负责", .lead), ("牵头落实", .lead), ("牵头", .lead),
        ("负责落实", .joint), ("共同负责", .joint), ("负责", .joint),
        ("配合", .cooperate), ("协助", .cooperate), ("参与", .cooperate), ("协办", .cooperate),
    ]

    /// Labelled lists: `牵头单位：X；责任单位：Y`. A 责任单位 is answerable for
    /// its own part of the task, which is what `joint` means in this model.
    private static let labels: [(String, Role)] = [
        ("牵头单位", .lead), ("牵头部门", .lead), ("主办单位", .lead), ("主责单位", .lead),
        ("责任单位", .joint), ("责任部门", .joint),
        ("配合单位", .cooperate), ("配合部门", .cooperate), ("协办单位", .cooperate),
        ("参与单位", .cooperate), ("参加单位", .cooperate),
        ("实施单位", .implement), ("实施主体", .implement),
    ]

    /// Labels of a time limit: the value sets the due date.
    static let deadlineLabels = ["完成时限", "完成时间", "完成期限", "时间节点", "时限要求", "时限"]
    /// Labels naming people: kept as text, never read as departments.
    static let leaderLabels = ["责任领导", "分管领导", "牵头领导", "联系领导", "责任人"]

    /// `。` separates clauses too: the first-listed-leads rule follows the
    /// first list after a full stop, `（甲部、乙部。列第一位者为牵头部门，下同）`.
    private static let clauseSeparators: [Unicode.Scalar] = ["，", ",", "；", ";", "。"]

    /// Parses the inside of a department parenthesis, or a responsibility
    /// line. `strict` (for whole lines outside a parenthesis) demands a role
    /// keyword or label on every clause, so ordinary sentences are not
    /// mistaken for lists. Nil when the text is not a department list.
    static func parse(_ text: ArraySlice<Unicode.Scalar>, strict: Bool = false) -> DepartmentList? {
        var list = DepartmentList()
        var sawClause = false
        var t = Sc.trim(text)
        while let l = t.last, l == "。" || l == "." || l == "；" || l == ";" { t = Sc.trim(t.dropLast()) }
        guard !t.isEmpty, t.count <= 2000 else { return nil }
        // The role of the last labelled clause: `责任单位：乙厅、丙委等，各市州政府`
        // goes on naming 责任单位 after the comma.
        var labelledRole: Role? = nil
        for raw in clauses(t) {
            let clause = Sc.trim(raw)
            if clause.isEmpty { continue }
            if let value = labelValue(clause, deadlineLabels) {
                if let d = Deadline.parse(value) { list.deadline = d }
                sawClause = true; labelledRole = nil; continue
            }
            if labelValue(clause, leaderLabels) != nil {
                list.leaderClauses.append(clause.string)
                sawClause = true; labelledRole = nil; continue
            }
            if PlanReader.statesFirstListedLeads(clause) {
                list.firstListedLeads = true; sawClause = true; continue
            }
            if Sc.contains(clause, "一一列出") || clause.elementsEqual("下同".unicodeScalars) { sawClause = true; continue }
            if let d = Deadline.parse(clause) {
                list.deadline = d; sawClause = true; continue
            }
            if let carried = carryOver(clause) {
                list.implementersCarryOver = carried; sawClause = true; continue
            }
            let label = labelled(clause)
            if let (role, names) = label ?? keyworded(clause) {
                let ns = names.compactMap(cleanName)
                guard !ns.isEmpty, ns.allSatisfy(plausibleName) else {
                    if strict { return nil }
                    if !ns.isEmpty { list.unreadClauses.append(clause.string) }
                    continue
                }
                list.assignments += ns.map(markedLead(role))
                labelledRole = label == nil ? nil : role
                sawClause = true
                continue
            }
            if let role = labelledRole {
                let ns = splitNames(clause).compactMap(cleanName)
                if !ns.isEmpty, ns.allSatisfy(plausibleName) {
                    list.assignments += ns.map(markedLead(role))
                    continue
                }
            }
            // No keyword: a bare list of departments (the form the
            // first-listed-leads rule goes with) when every name looks like one.
            if strict { return nil }
            let ns = splitNames(clause).compactMap(cleanName)
            if !ns.isEmpty, ns.allSatisfy(looksLikeDepartment) {
                list.assignments += ns.map { PrintedAssignment(name: $0, role: .joint) }
                sawClause = true
            } else {
                list.unreadClauses.append(clause.string)
            }
        }
        guard sawClause, !list.assignments.isEmpty || list.firstListedLeads || list.implementersCarryOver != nil
            || (!strict && (list.deadline != nil || !list.leaderClauses.isEmpty)) else { return nil }
        // A deadline alone, `（2014年底前完成）`, is no department list.
        if strict && list.assignments.isEmpty { return nil }
        return list
    }

    /// `责任单位：省X局（牵头）、省Y厅`: a name can carry its own lead mark.
    private static func markedLead(_ role: Role) -> (String) -> PrintedAssignment {
        { name in
            for mark in ["（牵头）", "(牵头)", "（牵头单位）", "(牵头单位)"] where name.hasSuffix(mark) && name.count > mark.count {
                return PrintedAssignment(name: String(name.dropLast(mark.count)), role: .lead)
            }
            return PrintedAssignment(name: name, role: role)
        }
    }

    /// Clauses at top-level separators, and also where a label starts after
    /// a space: `牵头部门：甲厅　配合部门：乙厅`.
    private static func clauses(_ t: ArraySlice<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
        var out: [ArraySlice<Unicode.Scalar>] = []
        for part in Sc.splitTopLevel(t, clauseSeparators) {
            var start = part.startIndex
            var i = part.startIndex + 1
            while i < part.endIndex {
                if Sc.isSpace(part[i - 1]), !Sc.isSpace(part[i]), startsWithLabel(part[i...]) {
                    out.append(part[start..<i])
                    start = i
                }
                i += 1
            }
            out.append(part[start...])
        }
        return out
    }

    /// Every label this family uses before a colon.
    static let allLabels: [String] = labels.map(\.0) + deadlineLabels + leaderLabels

    /// True when `s` starts with a known label and its colon.
    static func startsWithLabel(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        allLabels.contains { labelValue(s, [$0]) != nil }
    }

    /// The text after `label：` when `c` starts with one of `labels`.
    static func labelValue(_ c: ArraySlice<Unicode.Scalar>, _ labels: [String]) -> ArraySlice<Unicode.Scalar>? {
        for label in labels where Sc.hasPrefix(c, label) {
            var i = c.startIndex + label.unicodeScalars.count
            while i < c.endIndex, Sc.isSpace(c[i]) { i += 1 }
            guard i < c.endIndex, c[i] == "：" || c[i] == ":" else { continue }
            return Sc.trim(c[(i + 1)...])
        }
        return nil
    }

    private static func labelled(_ c: ArraySlice<Unicode.Scalar>) -> (Role, [ArraySlice<Unicode.Scalar>])? {
        for (label, role) in labels where Sc.hasPrefix(c, label) {
            var i = c.startIndex + label.unicodeScalars.count
            while i < c.endIndex, Sc.isSpace(c[i]) { i += 1 }
            guard i < c.endIndex, c[i] == "：" || c[i] == ":" else { continue }
            return (role, splitNames(c[(i + 1)...]))
        }
        return nil
    }

    private static func keyworded(_ c: ArraySlice<Unicode.Scalar>) -> (Role, [ArraySlice<Unicode.Scalar>])? {
        for (kw, role) in roleSuffixes where Sc.hasSuffix(c, kw) {
            var names = c.dropLast(kw.unicodeScalars.count)
            // `…等按职责分工负责`, `由省X局负责`
            names = stripEtc(Sc.trim(names))
            if Sc.hasSuffix(names, "按职责") { names = names.dropLast(3) }
            if Sc.hasPrefix(names, "由") { names = names.dropFirst() }
            guard !names.isEmpty else { return nil }
            return (role, splitNames(names))
        }
        return nil
    }

    /// A sentence of its own saying who implements every task that follows
    /// (`以下各项任务均需各市州人民政府落实，不再一一列出。`): the names.
    static func carryOverStatement(_ line: ArraySlice<Unicode.Scalar>) -> [String]? {
        guard Sc.contains(line, "不再一一列出") || (Sc.contains(line, "以下") && Sc.contains(line, "均需")) else { return nil }
        for clause in Sc.splitTopLevel(line, clauseSeparators + ["。"]) {
            if let names = carryOver(Sc.trim(clause)), !names.isEmpty { return names }
        }
        return nil
    }

    /// `以下措施均需各市州政府、兰州新区管委会落实`: returns the names.
    private static func carryOver(_ c: ArraySlice<Unicode.Scalar>) -> [String]? {
        guard Sc.hasPrefix(c, "以下") || Sc.contains(c, "均需") || Sc.contains(c, "均由") else { return nil }
        var body = c[...]
        for marker in ["均需", "均由", "需由", "由"] {
            if let k = Sc.find(marker, in: body) { body = body[(k + marker.unicodeScalars.count)...]; break }
        }
        for tail in ["负责具体实施", "具体实施", "负责落实", "组织落实", "落实", "实施", "负责"] where Sc.hasSuffix(body, tail) {
            body = body.dropLast(tail.unicodeScalars.count)
            break
        }
        let names = splitNames(stripEtc(Sc.trim(body))).compactMap(cleanName)
        // Names only: a sentence or a label is no implementer.
        guard names.allSatisfy(plausibleName) else { return nil }
        return names.isEmpty ? [] : names
    }

    /// Drops `等`, `等部门`, `等部门、单位`, `等单位` at the end of a list.
    static func stripEtc(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        guard let k = s.lastIndex(of: "等") else { return s }
        let tail = s[(k + 1)...]
        let filler: [Unicode.Scalar] = ["部", "门", "单", "位", "、", "和", "及", "有", "关", "相"]
        return tail.allSatisfy({ filler.contains($0) || Sc.isSpace($0) }) ? Sc.trim(s[..<k]) : s
    }

    /// Splits at `、` (and `/`), and at `和`/`及`/`与` only between two full
    /// names (`省质监局和省工商局`), never inside one (`经济和信息化`, `海洋与渔业`).
    static func splitNames(_ s: ArraySlice<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
        var out: [ArraySlice<Unicode.Scalar>] = []
        for part in Sc.splitTopLevel(s, ["、", "/", "／"]) {
            var rest = part
            var i = rest.startIndex
            while i < rest.endIndex {
                let c = rest[i]
                if (c == "和" || c == "及" || c == "与"), i > rest.startIndex, i + 1 < rest.endIndex,
                   endsLikeDepartment(rest[rest.startIndex..<i]) {
                    out.append(rest[rest.startIndex..<i])
                    rest = rest[(i + 1)...]
                    i = rest.startIndex
                    continue
                }
                i += 1
            }
            out.append(rest)
        }
        return out
    }

    static func cleanName(_ s: ArraySlice<Unicode.Scalar>) -> String? {
        var t = Sc.trim(s)
        let quotes: [Unicode.Scalar] = ["“", "”", "\"", "‘", "’", "'", "「", "」"]
        while let f = t.first, quotes.contains(f) { t = t.dropFirst() }
        while let l = t.last, quotes.contains(l) || l == "。" { t = t.dropLast() }
        t = stripEtc(Sc.trim(t))
        if Sc.hasPrefix(t, "由") { t = t.dropFirst() }
        t = Sc.trim(t)
        return t.isEmpty ? nil : t.string
    }

    /// A name, not a sentence: short, without sentence punctuation.
    static func plausibleName(_ n: String) -> Bool {
        let s = n.scalars
        guard s.count <= 30 else { return false }
        return !s.contains { $0 == "。" || $0 == "：" || $0 == ":" || $0 == "？" || $0 == "！" }
    }

    private static let departmentEndings: [String] = [
        "局", "厅", "委", "办", "部", "会", "院", "府", "关", "行", "署", "处", "室", "所", "社",
        "联", "协", "台", "区", "站", "队", "中心", "小组", "机构", "单位", "部门", "公司", "集团", "大学",
    ]

    static func endsLikeDepartment(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        s.count >= 2 && departmentEndings.contains { Sc.hasSuffix(s, $0) }
    }

    /// Used only for lists without any role keyword.
    static func looksLikeDepartment(_ n: String) -> Bool {
        plausibleName(n) && endsLikeDepartment(n.scalars[...])
    }
}
