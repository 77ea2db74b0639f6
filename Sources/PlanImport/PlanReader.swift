import PlanModel

/// Reads an action plan: sections, optional groups, tasks and their
/// department lists.
struct PlanReader {
    let doc: SourceDocument
    /// The numbering that marks tasks: the style whose lines carry department
    /// lists. Nil when no numbered line does.
    let taskStyle: NumberStyle?
    /// `列第一位者为牵头部门` anywhere in the document: the rule is stated once
    /// and holds for every list.
    let firstListedLeads: Bool
    /// The first line that reads as a task with departments.
    let firstTaskLine: Int?
    /// The trailing list of every numbered line, read once.
    let inlineLists: [Int: TrailingList.Outcome]

    var hasTasks: Bool { taskStyle != nil }

    /// `readListsOnly`: false for the last resort, a document whose numbered
    /// lines carry no list that can be read; its tasks then come in with
    /// warnings rather than being refused.
    init(_ doc: SourceDocument, readListsOnly: Bool = true) {
        self.doc = doc
        var counts: [NumberStyle: Int] = [:]
        var firstLine: [NumberStyle: Int] = [:]
        var order: [NumberStyle] = []
        var rule = false
        var lists: [Int: TrailingList.Outcome] = [:]
        for (i, kind) in doc.kinds.enumerated() {
            let t = doc.trimmed(i)
            if !rule, PlanReader.statesFirstListedLeads(t) { rule = true }
            guard case .numbered(let n) = kind else { continue }
            let inline = TrailingList.find(in: n.body)
            lists[i] = inline
            if PlanReader.carriesDepartments(inline, at: i, in: doc) {
                if counts[n.style] == nil { order.append(n.style); firstLine[n.style] = i }
                counts[n.style, default: 0] += 1
            }
        }
        if !readListsOnly, order.isEmpty, let first = doc.firstSection {
            for i in first..<doc.kinds.count {
                guard case .numbered(let n) = doc.kinds[i] else { continue }
                if counts[n.style] == nil { order.append(n.style); firstLine[n.style] = i }
                counts[n.style, default: 0] += 1
            }
        }
        var best: NumberStyle? = nil
        for s in order where best == nil || counts[s]! > counts[best!]! { best = s }
        taskStyle = best
        firstTaskLine = best.flatMap { firstLine[$0] }
        firstListedLeads = rule
        inlineLists = lists
    }

    /// `列第一位者为牵头部门`, `排在第一位的为牵头单位`.
    static func statesFirstListedLeads(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        guard Sc.contains(t, "牵头"), let k = Sc.find("第一位", in: t) else { return false }
        let before = t[t.startIndex..<k]
        let after = t[(k + 3)...]
        return Sc.hasSuffix(before, "列") || Sc.hasSuffix(before, "排") || Sc.hasSuffix(before, "排在")
            || Sc.hasPrefix(after, "者") || Sc.hasPrefix(after, "的")
    }

    private static func carriesDepartments(_ inline: TrailingList.Outcome, at i: Int, in doc: SourceDocument) -> Bool {
        if case .found(let f) = inline, !f.list.isEmpty { return true }
        // Or the task runs on over text lines until one names the departments.
        var j = i + 1
        var seen = 0
        while j < doc.kinds.count, seen < 20 {
            switch doc.kinds[j] {
            case .blank: break
            case .text(let t):
                if responsibilityLine(t) != nil { return true }
                if case .found(let f) = TrailingList.find(in: t), !f.list.isEmpty { return true }
                seen += 1
            default: return false
            }
            j += 1
        }
        return false
    }

    /// A line of its own after a task naming who does it: `X、Y负责落实。`,
    /// `牵头单位：X；责任单位：Y`, or a bare `（X牵头，Y配合）`.
    static func responsibilityLine(_ t: ArraySlice<Unicode.Scalar>) -> DepartmentList? {
        if let f = t.first, Sc.isOpen(f), case .found(let found) = TrailingList.find(in: t), found.text.isEmpty,
           !found.list.isEmpty {
            return found.list
        }
        guard let list = DepartmentListParser.parse(t, strict: true), !list.isEmpty else { return nil }
        return list
    }

    func noStructureError() -> ImportError {
        if doc.firstSection == nil {
            return ImportError("no sections found: expected headings like 一、… followed by tasks （一）… or 1. …",
                               chinese: "未找到章节：应有“一、…”这样的标题，其下为“（一）…”或“1. …”任务")
        }
        return ImportError("no tasks found: expected task lines like （一）… or 1. … ending in a department list such as （省X局牵头，省Y厅配合）, or duty entries like 1.省X局：…",
                           chinese: "未找到任务：任务行应为“（一）…”或“1. …”，末尾列出责任单位如（省X局牵头，省Y厅配合），或为职责条目如“1.省X局：…”")
    }

    // MARK: - Building

    /// A task as read, before keys and department names are settled.
    struct Draft {
        var line: Int
        var number: String
        var value: Int
        var section: Int
        var group: Int?
        var text: Scalars
        var assignments: [PrintedAssignment] = []
        var hasList = false
        var deadline: Deadline? = nil
        /// Part or all of its department list could not be read.
        var unread = false
    }

    /// The state of one pass over the document.
    struct Walk {
        var sections: [Section] = []
        var sectionValues: [Int] = []
        var drafts: [Draft] = []
        var pendingHeading: (number: String, title: String)? = nil
        var group: Int? = nil
        var open: Int? = nil
        /// The last task of the current section: labelled lines such as
        /// `完成时限：…` after its list still belong to it.
        var last: Int? = nil
        var carry: [PrintedAssignment] = []
        /// The task whose list said its implementers carry over.
        var carryFrom: Int? = nil
        var links: [(alias: String, name: String)] = []
        var goals: [(line: Int, text: ArraySlice<Unicode.Scalar>)] = []
        /// Text lines after a task that has no list yet.
        var held: [(line: Int, text: ArraySlice<Unicode.Scalar>)] = []
        var warnings: [ImportWarning] = []
    }

    func build(fileName: String, id: String?, year: Int?) throws(ImportError) -> ImportResult {
        // Tasks start at the first section, or earlier when a task comes
        // first (it then goes into an untitled section, with a warning).
        let start = min(doc.firstSection ?? Int.max, firstTaskLine ?? Int.max, doc.kinds.count)
        let head = doc.head(before: start)
        guard let (years, yearSource) = doc.years(head, given: year) else {
            throw ImportError("no year found: expected the plan's year in its title, such as …2014年行动计划 or …(2023-2025年), or an issue date such as 2014年4月28日 (or give --year)",
                              chinese: "未找到年份：标题中应有年份，如“…2014年行动计划”或“…(2023-2025年)”，或有发文日期如“2014年4月28日”（也可用 --year 指定）")
        }
        let period = Period(start: Day(year: years.first, month: 1, day: 1)!, end: Day(year: years.last, month: 12, day: 31)!)

        var w = Walk()
        for i in start..<doc.kinds.count {
            switch doc.kinds[i] {
            case .blank:
                continue
            case .section(let number, let value, let title):
                close(&w)
                w.sections.append(Section(number: number, title: firstSentence(title).string))
                w.sectionValues.append(value)
                w.group = nil
                w.last = nil
                w.pendingHeading = nil
            case .numbered(let n) where n.style == taskStyle:
                close(&w)
                startTask(n, line: i, &w)
            case .numbered(let n):
                close(&w)
                if case .found(let f) = inlineLists[i] ?? .none, !f.list.isEmpty {
                    w.warnings.append(ImportWarning(line: i + 1, message: "“\(n.number)” names departments but tasks in this document are numbered differently; read as text, not as a task",
                                                     chinese: "“\(n.number)”列有责任单位，但本文件的任务另有编号方式；按正文读取，不作为任务"))
                }
                if !n.body.contains("。"), n.body.count <= 40 {
                    w.pendingHeading = (n.number, n.body.string)
                } else {
                    w.goals.append((i, n.body))
                }
            case .text(let t):
                guard let o = w.open else {
                    if let l = w.last, DepartmentListParser.startsWithLabel(t),
                       let list = DepartmentListParser.parse(t) {
                        // `完成时限：…`, `责任领导：…` after the task's list.
                        apply(list, to: l, line: i, &w)
                        continue
                    }
                    if isGroupHeading(t, at: i) {
                        w.pendingHeading = ("", firstSentence(t).string)
                        continue
                    }
                    if !w.sections.isEmpty { w.goals.append((i, t)) }
                    if let names = DepartmentListParser.carryOverStatement(t) {
                        // Stated between tasks: the tasks after it.
                        w.carry = names.map { PrintedAssignment(name: $0, role: .implement) }
                        w.carryFrom = w.drafts.count - 1
                    }
                    continue
                }
                if let list = PlanReader.responsibilityLine(t) {
                    takeHeldLines(into: o, &w)
                    apply(list, to: o, line: i, &w)
                    w.open = nil
                } else if DepartmentListParser.startsWithLabel(t), let list = DepartmentListParser.parse(t) {
                    // A time limit or a leader before the departments' line.
                    takeHeldLines(into: o, &w)
                    apply(list, to: o, line: i, &w)
                    if w.drafts[o].hasList { w.open = nil }
                } else if case .found(let f) = TrailingList.find(in: t), !f.list.isEmpty {
                    // The task went on over more lines before its list.
                    takeHeldLines(into: o, &w)
                    w.drafts[o].text += f.text
                    apply(f.list, to: o, line: i, &w)
                    w.open = nil
                } else if w.held.count < 20 {
                    // Maybe more of the task; decided when its list turns up
                    // or the next heading or task does.
                    w.held.append((i, t))
                } else {
                    close(&w)
                    w.goals.append((i, t))
                }
            }
        }
        close(&w)
        guard !w.drafts.isEmpty else { throw noStructureError() }
        return finish(w, head: head, period: period, years: years, yearSource: yearSource, fileName: fileName, id: id)
    }

    private func startTask(_ n: NumberedLine, line: Int, _ w: inout Walk) {
        if w.sections.isEmpty {
            w.sections.append(Section(number: "", title: ""))
            w.sectionValues.append(0)
            w.warnings.append(ImportWarning(line: line + 1, message: "task \(n.number) comes before any section heading 一、…; placed in an untitled section",
                                          chinese: "任务 \(n.number) 出现在任何“一、…”标题之前；归入未命名部分"))
        }
        let s = w.sections.count - 1
        if let h = w.pendingHeading {
            w.sections[s].groups.append(Group(number: h.number, title: h.title))
            w.group = w.sections[s].groups.count - 1
            w.pendingHeading = nil
        }
        w.drafts.append(Draft(line: line, number: n.number, value: n.value, section: s, group: w.group, text: Array(n.body)))
        let k = w.drafts.count - 1
        w.last = k
        switch inlineLists[line] ?? TrailingList.find(in: n.body) {
        case .found(let f) where !f.list.isEmpty || f.list.implementersCarryOver != nil || f.list.deadline != nil:
            // The task's text is everything but the department list, which
            // lives on as the assignments.
            w.drafts[k].text = Array(f.text)
            apply(f.list, to: k, line: line, &w)
            if !w.drafts[k].hasList { w.open = k }
        case .unbalanced:
            w.warnings.append(ImportWarning(line: line + 1, message: "task \(n.number): unbalanced brackets at the end of the line; department list not read",
                                          chinese: "任务 \(n.number)：行末括号不配对，未读出责任单位"))
            w.drafts[k].unread = true
            w.open = k
        default:
            w.open = k
        }
    }

    private func apply(_ list: DepartmentList, to k: Int, line: Int, _ w: inout Walk) {
        var a = list.assignments
        if firstListedLeads || list.firstListedLeads, !a.contains(where: { $0.role == .lead }),
           let f = a.firstIndex(where: { $0.role != .implement }) {
            // The rule names the lead; the others then cooperate with it.
            for i in a.indices where a[i].role == .joint { a[i].role = .cooperate }
            a[f].role = .lead
        }
        if !list.unreadClauses.isEmpty { w.drafts[k].unread = true }
        for c in list.unreadClauses {
            w.warnings.append(ImportWarning(line: line + 1, message: "task \(w.drafts[k].number): could not read “\(c)” in the department list: expected names followed by 牵头, 配合, 按职责分工负责 or 负责具体实施",
                                          chinese: "任务 \(w.drafts[k].number)：责任单位中的“\(c)”无法识别，应为单位名称后接 牵头、配合、按职责分工负责 或 负责具体实施"))
        }
        if let carried = list.implementersCarryOver {
            var implementers = a.filter { $0.role == .implement }
            if implementers.isEmpty { implementers = carried.map { PrintedAssignment(name: $0, role: .implement) } }
            for (n, alias) in carried.enumerated() {
                if let same = implementers.first(where: { AliasTable.key($0.name) == AliasTable.key(alias) }) {
                    w.links.append((alias, same.name))
                } else if carried.count == implementers.count {
                    // Same count, same order: the statement renames them.
                    w.links.append((alias, implementers[n].name))
                }
            }
            w.carry = implementers
            w.carryFrom = k
        }
        w.drafts[k].assignments += a
        if !a.isEmpty || list.firstListedLeads || list.implementersCarryOver != nil { w.drafts[k].hasList = true }
        if let d = list.deadline { w.drafts[k].deadline = d }
        for c in list.leaderClauses {
            // People answerable for the task stay in its text, as written.
            if let last = w.drafts[k].text.last, last != "。", last != "；" { w.drafts[k].text.append("；") }
            w.drafts[k].text += c.unicodeScalars
        }
    }

    private func takeHeldLines(into o: Int, _ w: inout Walk) {
        for (_, t) in w.held { w.drafts[o].text += t }
        w.held = []
    }

    /// Ends the task still waiting for its department list; lines held for
    /// it were not part of it after all.
    private func close(_ w: inout Walk) {
        w.goals += w.held
        w.held = []
        guard let o = w.open else { return }
        w.open = nil
        if !w.drafts[o].hasList {
            w.drafts[o].unread = true
            let d = w.drafts[o]
            if let tail = PlanReader.trailingBracket(d.text) {
                // A bracket where the list belongs, saying something else.
                w.warnings.append(ImportWarning(line: d.line + 1, message: "task \(d.number): could not read “\(tail)” as a department list: expected （X牵头，Y配合）",
                                              chinese: "任务 \(d.number)：“\(tail)”不能读作责任单位，应为（X牵头，Y配合）；已导入，请核对"))
                return
            }
            w.warnings.append(ImportWarning(line: d.line + 1, message: "task \(d.number) has no department list: expected （X牵头，Y配合） at the end of the task, or a line such as X、Y负责落实。",
                                          chinese: "任务 \(d.number) 未列责任单位：应在任务末尾写（X牵头，Y配合），或另起一行写 X、Y负责落实。；已导入，请核对"))
        }
    }
}

extension PlanReader {
    /// The bracketed group a text ends with (before a final `。`), if any.
    static func trailingBracket(_ text: Scalars) -> String? {
        var end = text.endIndex
        while end > 0, Sc.isSpace(text[end - 1]) || text[end - 1] == "。" { end -= 1 }
        guard end > 0, Sc.isClose(text[end - 1]) else { return nil }
        var depth = 0
        var i = end - 1
        while i >= 0 {
            if Sc.isClose(text[i]) { depth += 1 } else if Sc.isOpen(text[i]) { depth -= 1; if depth == 0 { break } }
            i -= 1
        }
        guard i >= 0, end - i <= 200 else { return nil }
        return text[i..<end].string
    }

    /// A line of its own between tasks that is a short phrase or sentence,
    /// with no number and no department list, followed by a task: the
    /// heading of a group of tasks (`强化标准引领` above `1、…`).
    func isGroupHeading(_ t: ArraySlice<Unicode.Scalar>, at i: Int) -> Bool {
        guard t.count >= 2, t.count <= 40, let first = t.first, !Sc.isOpen(first),
              let last = t.last, last != "：", last != ":", last != "，", last != ",", last != "；" else { return false }
        if let stop = t.firstIndex(of: "。"), stop != t.endIndex - 1 { return false }
        if PlanReader.responsibilityLine(t) != nil || DepartmentListParser.carryOverStatement(t) != nil
            || DepartmentListParser.startsWithLabel(t) { return false }
        var j = i + 1
        while j < doc.kinds.count {
            switch doc.kinds[j] {
            case .blank: j += 1; continue
            case .numbered(let n): return n.style == taskStyle
            default: return false
            }
        }
        return false
    }
}

/// A task's title: its first sentence, up to (not including) the first `。`.
func firstSentence(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    guard let k = s.firstIndex(of: "。") else { return s }
    return Sc.trim(s[s.startIndex..<k])
}
