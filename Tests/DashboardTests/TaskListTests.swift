import Testing
import PlanModel
@testable import Dashboard

/// A small deterministic generator, so the mixed plan is the same every run.
private struct LCG {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(n))
    }
}

/// What the Tasks pane's filters, sorts and search must tell apart: keys out
/// of document order, repeated due dates and progress, mixed-case ASCII,
/// titles that do not start their text, one department in two roles, aliases.
private func mixedPlan(_ n: Int = 400) -> Plan {
    var r = LCG(state: 7)
    let deps = ["省质监局", "省发展改革委", "省财政厅", "Gansu Customs", "省工业和信息化委", "省商务厅", "各市州政府"]
    let words = ["质量", "监督", "Food", "SAFETY", "标准", "品牌", "检验", "计量", "online", "Quality"]
    let sections = (0..<5).map { s in
        Section(number: "\(s + 1)", title: "第\(s + 1)部分",
                groups: s == 1 ? [Group(number: "一", title: "甲"), Group(number: "二", title: "乙")] : [])
    }
    let start = Day("2014-01-01")!
    var tasks: [PlanTask] = []
    for i in 0..<n {
        let s = r.next(5)
        let title = words[r.next(words.count)] + words[r.next(words.count)]
        let rest = words[r.next(words.count)] + "，" + words[r.next(words.count)] + "。"
        let text = r.next(4) == 0 ? "另起：" + rest : title + "。" + rest
        var a = [Assignment(department: deps[r.next(deps.count)], role: .lead)]
        for _ in 0..<r.next(3) { a.append(Assignment(department: deps[r.next(deps.count)], role: .cooperate)) }
        if r.next(5) == 0 { a.append(Assignment(department: a[0].department, role: .joint)) }
        let status = TaskStatus.allCases[r.next(4)]
        tasks.append(PlanTask(key: "\(s + 1).\(i + 1)", number: "\(i + 1)", section: s,
                              group: s == 1 ? (r.next(3) == 0 ? nil : r.next(2)) : nil,
                              title: title, text: text, assignments: a,
                              due: start.adding(days: r.next(300)), status: status, progress: 10 * r.next(11)))
    }
    // Document order is not key order.
    var shuffled: [PlanTask] = []
    while !tasks.isEmpty { shuffled.append(tasks.remove(at: r.next(tasks.count))) }
    return Plan(id: "mixed", title: "混合", period: Period(start: start, end: Day("2014-12-31")!),
                sections: sections, tasks: shuffled,
                departments: [Department(name: "省质监局", aliases: ["技监", "QA Bureau"]),
                              Department(name: "省财政厅", aliases: ["财政"]),
                              Department(name: "各市州政府", collective: true)])
}

/// What search is meant to find, written plainly: the key, title, text, or
/// a department's name or alias contains the needle, ASCII case ignored.
private func referenceSearch(_ p: Plan, _ needle: String) -> (Int) -> Bool {
    func fold(_ s: String) -> [UInt8] { s.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 } }
    func contains(_ s: String) -> Bool {
        let h = fold(s), n = fold(needle)
        if n.isEmpty { return true }
        if n.count > h.count { return false }
        return (0...(h.count - n.count)).contains { Array(h[$0..<($0 + n.count)]) == n }
    }
    return { i in
        let t = p.tasks[i]
        if contains(t.key) || contains(t.title) || contains(t.text) { return true }
        return t.assignments.contains { a in
            contains(a.department) || (p.departments.first { $0.name == a.department }?.aliases ?? []).contains { contains($0) }
        }
    }
}

@Suite struct TaskListTests {
    let plan = mixedPlan()
    var data: PlanData { PlanData(plan, Evaluation(today: Day("2014-06-30")!)) }

    func list(_ d: PlanData, _ configure: (inout TaskQuery) -> Void) -> TaskList {
        var q = TaskQuery()
        configure(&q)
        return TaskList(d, q)
    }

    @Test func departmentFilterByIDsMatchesInvolves() {
        let d = data
        #expect(d.rollup.workloads.count == 7)
        for w in d.rollup.workloads {
            let l = list(d) { $0.department = w.department }
            #expect(l.visible == d.byKey.filter { plan.tasks[$0].involves(w.department) })
            #expect(!l.visible.isEmpty)
        }
        #expect(list(d) { $0.department = "省不存在厅" }.visible.isEmpty)
    }

    @Test func searchFindsTitleTextKeyAndDepartments() {
        let a = PlanTask(key: "1.1", number: "一", section: 0, title: "Quality of goods", text: "Improve what is sold online.",
                         assignments: [Assignment(department: "省工商局", role: .lead)], due: Day("2014-12-31")!)
        let b = PlanTask(key: "1.2", number: "二", section: 0, title: "食品安全", text: "食品安全。FOOD safety in all cities.",
                         assignments: [Assignment(department: "省质监局", role: .lead)], due: Day("2014-12-31")!)
        let c = PlanTask(key: "12.34", number: "三", section: 0, title: "计量", text: "计量。",
                         assignments: [Assignment(department: "省财政厅", role: .cooperate)], due: Day("2014-12-31")!)
        let p = Plan(id: "p", title: "p", period: Period(start: Day("2014-01-01")!, end: Day("2014-12-31")!),
                     sections: [Section(number: "一", title: "一")], tasks: [a, b, c],
                     departments: [Department(name: "省质监局", aliases: ["技监"])])
        let d = PlanData(p, Evaluation(today: Day("2014-06-30")!))
        func keys(_ s: String) -> [String] { list(d) { $0.search = s }.visible.map { p.tasks[$0].key } }
        #expect(keys("quality") == ["1.1"])      // title only, not in the text
        #expect(keys("QUALITY") == ["1.1"])
        #expect(keys("food Safety") == ["1.2"])  // text, either case
        #expect(keys("食品") == ["1.2"])
        #expect(keys("2.3") == ["12.34"])        // key
        #expect(keys("技监") == ["1.2"])         // alias of a department
        #expect(keys("工商") == ["1.1"])         // department name
        #expect(keys("财政厅") == ["12.34"])
        #expect(keys("。") == ["1.2", "12.34"])
        #expect(keys("不在") == [])
    }

    @Test func searchMatchesTheReference() {
        let d = data
        var needles = ["质", "质量", "监督", "food", "FOOD", "Safety", "qa", "QA B", "技监", "财政", "customs", "1.1", "3.",
                       "。", "，", "量监", "另起", "online", "y", "Gansu Customs", "市州"]
        for w in ["Quality", "标准品牌"] { for k in 1...w.count { needles.append(String(w.prefix(k))) } }
        for n in needles {
            let l = list(d) { $0.search = n }
            let ref = referenceSearch(plan, n)
            #expect(l.visible == d.byKey.filter(ref), "search \(n)")
        }
    }

    @Test func narrowingGivesTheSameAsAFreshFilter() {
        let d = data
        for (status, section) in [(nil, nil), (TaskStatus.inProgress, nil), (nil, 1), (TaskStatus.done, 1)] as [(TaskStatus?, Int?)] {
            for word in ["质量监督", "Food", "QA Bureau", "省财政厅", "1.1", "另起：检验"] {
                var q = TaskQuery()
                q.status = status
                q.section = section
                var l = TaskList(d, q)
                var typed = ""
                for ch in word {
                    typed.append(ch)
                    q.search = typed
                    l.update(d, q)
                    #expect(l.visible == TaskList(d, q).visible, "\(typed) status \(String(describing: status))")
                }
            }
        }
    }

    @Test func rowOfIsThePositionInTheVisibleList() {
        let d = data
        var l = TaskList(d, TaskQuery())
        for change in [{ (q: inout TaskQuery) in q.sort = .light }, { $0.search = "质" }, { $0.department = "省财政厅" },
                       { $0.sort = .due }, { $0.search = "" }, { $0.status = .behind }] {
            var q = l.query
            change(&q)
            l.update(d, q)
            for i in plan.tasks.indices { #expect(l.row(of: i) == l.visible.firstIndex(of: i)) }
        }
        #expect(l.row(of: -1) == nil && l.row(of: plan.tasks.count) == nil)
    }

    @Test func sortsFollowTheirFieldsThenKeys() {
        let d = data
        let t = plan.tasks, l = d.rollup.lights
        let k = PlanData.keyNumbers
        let byKey = t.indices.sorted { k(t[$0].key) != k(t[$1].key) ? k(t[$0].key) < k(t[$1].key) : $0 < $1 }
        #expect(d.byKey == byKey)
        var rank = Array(repeating: 0, count: t.count)
        for (r, i) in byKey.enumerated() { rank[i] = r }
        #expect(d.keyOrder == rank)
        #expect(TaskList.sort(d, .key) == byKey)
        #expect(TaskList.sort(d, .due) == t.indices.sorted { (t[$0].due, rank[$0]) < (t[$1].due, rank[$1]) })
        #expect(TaskList.sort(d, .progress)
            == t.indices.sorted { (t[$0].effectiveProgress, rank[$0]) < (t[$1].effectiveProgress, rank[$1]) })
        #expect(TaskList.sort(d, .light)
            == t.indices.sorted { l[$0] != l[$1] ? l[$0] < l[$1] : (t[$0].due, rank[$0]) < (t[$1].due, rank[$1]) })
    }

    @Test func stableSortKeepsTiesInOrderOverAnyRange() {
        let order = [7, 3, 9, 1, 4, 8]
        let small = [7: 2, 3: 1, 9: 2, 1: 0, 4: 1, 8: 2]
        #expect(TaskList.stableSort(order) { small[$0]! } == [1, 3, 4, 7, 9, 8])
        let wide = [7: 5, 3: Int.max, 9: -3, 1: 5, 4: Int.min, 8: -3]
        #expect(TaskList.stableSort(order) { wide[$0]! } == [4, 9, 8, 7, 1, 3])
        #expect(TaskList.stableSort([5]) { $0 } == [5] && TaskList.stableSort([]) { $0 } == [])
    }

    @Test func columnsAndOverdueFollowTheTasks() {
        let ev = Evaluation(today: Day("2014-06-30")!)
        let d = PlanData(plan, ev)
        let t = plan.tasks
        #expect(d.overdue == t.indices.filter { t[$0].isOverdue(ev) }.sorted { (t[$0].due, $0) < (t[$1].due, $1) })
        #expect(!d.overdue.isEmpty)
        for i in t.indices {
            #expect(Int(d.columns.section[i]) == t[i].section && Int(d.columns.group[i]) == (t[i].group ?? -1))
            #expect(d.columns.status[i] == t[i].status && Int(d.columns.progress[i]) == t[i].effectiveProgress)
        }
        for row in d.sectionRows where row.group != nil {
            let members = t.filter { $0.section == row.section && $0.group == row.group }
            #expect(d.tally(row).total == members.count)
            #expect(d.tally(row).count(.done) == members.filter { $0.status == .done }.count)
        }
    }

    @Test func keysAlreadyInOrderNeedNoSort() {
        let d = PlanData(Sample.plan(), Evaluation(today: Day("2014-06-30")!))
        #expect(d.byKey == Array(0..<8))
        #expect(d.keyOrder == Array(0..<8))
    }
}

@Suite struct SearchNeedleTests {
    func found(_ needle: String, _ hay: String) -> Bool { SearchNeedle(needle).found(in: hay) }

    @Test func exactAndCaseInsensitive() {
        #expect(found("", "anything") && found("", ""))
        #expect(found("质量", "提升质量水平") && found("质量", "质量") && !found("质量", "质"))
        #expect(found("水平", "提升质量水平"))  // at the very end
        #expect(!found("量质", "提升质量水平"))
        #expect(found("aab", "aaab") && found("abab", "ababab") && !found("abc", "ababab"))
        #expect(found("GOODS", "consumer goods") && found("goods", "CONSUMER GOODS") && found("Go", "gO"))
        #expect(!found("goods!", "goods") && found("[x]", "a [X] b") && !found("[x]", "a {x} b"))
        #expect(found("3.1", "3.13") && !found("3.1", "31"))
        // Only ASCII folds: `@` and `[` sit next to the letters but are not letters.
        #expect(!found("@", "`") && !found("[", "{"))
    }

    @Test func wholeCharactersOnly() {
        #expect(found("中", "中文") && !found("文中", "中文"))
        // U+00AD is C2 AD and 中 is E4 B8 AD: sharing a last byte is no match.
        #expect(!found("\u{AD}", "中") && found("\u{AD}", "a\u{AD}b"))
    }
}
