import Foundation
import PlanModel
import PlanReports
@testable import Dashboard

/// A store in memory with the store's rules that matter to the dashboard:
/// access refusals, compare-and-swap conflicts, undo of one's own change, and
/// changes "from another session" that show up in `pollChanges`.
final class MemoryBackend: DashboardBackend {
    var session: SessionInfo
    var plans: [String: Plan]
    var order: [String]
    var journal: [JournalEntry] = []
    var pending: [PlanChange] = []
    var today: Day
    var clock = "2014-06-30T10:32:00+08:00"
    /// What a real store would report as carried past (stray files and the like).
    var warnings: [String] = []

    init(_ plans: [Plan], session: SessionInfo = SessionInfo(user: "zhang", role: .office, readOnly: false),
         today: Day = Day("2014-06-30")!) {
        self.plans = Dictionary(uniqueKeysWithValues: plans.map { ($0.id, $0) })
        order = plans.map(\.id)
        self.session = session
        self.today = today
    }

    func planIDs() -> [String] { order }

    func plan(_ id: String) throws -> Plan {
        guard let p = plans[id] else { throw EditError("no plan \(id)") }
        return p
    }

    func history(plan: String, task: String) -> [JournalEntry] {
        journal.filter { $0.plan == plan && $0.task == task }
    }

    func lastChange(plan: String) -> JournalEntry? { journal.last { $0.plan == plan } }

    /// The last journal entry of a plan; sequence numbers count per plan, as the store's do.
    func planAndSeq(_ id: String) throws -> (plan: Plan, seq: Int?) {
        wholeReads += 1
        return (try plan(id), journal.last { $0.plan == id }?.seq ?? 0)
    }
    /// How often a front end read a plan whole (to show it), not counting this fake's own reads.
    var wholeReads = 0

    /// The store's own steps: access, stamping, compare-and-swap, the entry.
    func commit(_ edit: Edit, plan id: String, task: String, expected: JSON, force: Bool) throws -> JournalEntry {
        if session.readOnly { throw Refusal("\(session.user) is read-only") }
        return try commit(edit, plan: id, task: task, expected: expected, force: force,
                          as: ChangeCommit(user: session.user, role: session.role), time: clock)
    }

    @discardableResult
    private func commit(_ edit: Edit, plan id: String, task: String, expected: JSON?, force: Bool,
                        as rules: ChangeCommit, time: String, undoes: Int? = nil) throws -> JournalEntry {
        var p = try plan(id)
        try rules.check(edit, plan: p, task: task)
        let edit = rules.stamp(edit, time: time, plan: p, task: task)
        let entry: JournalEntry
        do {
            entry = try rules.entry(for: edit, plan: p, task: task, expected: expected, force: force,
                                    seq: (journal.last { $0.plan == id }?.seq ?? 0) + 1, time: time, undoes: undoes)
        } catch var c {
            c.by = journal.last { $0.plan == id && $0.task == task && $0.field == edit.field }
            throw c
        }
        try p.apply(edit, task: task)
        plans[id] = p
        journal.append(entry)
        return entry
    }

    /// As the store does: the inverse of this user's last change, refused as
    /// a conflict if someone changed the field since.
    func undoLast(plan id: String) throws -> JournalEntry {
        let undone = Set(journal.filter { $0.plan == id }.compactMap(\.undoes))
        guard let last = journal.last(where: { $0.plan == id && $0.user == session.user && $0.undoes == nil && !undone.contains($0.seq) })
        else { throw EditError("nothing to undo") }
        let (inverse, expected) = try ChangeCommit.undo(last, in: try plan(id))
        return try commit(inverse, plan: id, task: last.task, expected: expected, force: false,
                          as: ChangeCommit(user: session.user, role: session.role), time: clock, undoes: last.seq)
    }

    /// A change made by someone else, reported on the next poll.
    func external(_ edit: Edit, plan id: String, task: String, user: String, time: String) {
        let e = try! commit(edit, plan: id, task: task, expected: nil, force: true,
                            as: ChangeCommit(user: user, role: .office), time: time)
        pending.append(PlanChange(plan: id, entries: [e]))
    }

    /// A whole-plan replacement (e.g. a re-import), reported on the next poll.
    func replace(_ p: Plan) {
        plans[p.id] = p
        pending.append(PlanChange(plan: p.id, entries: []))
    }

    func pollChanges() -> [PlanChange] {
        defer { pending = [] }
        return pending
    }

    func evaluation(for plan: Plan) -> Evaluation { Evaluation(today: today) }

    var rules = ScoringRules.standard
    var renamed: [String: String] = [:]
    func statusChanges(plan: String) -> [JournalEntry] { journal.filter { $0.plan == plan && $0.field == ChangeKind.status.journalName } }
    /// Set to make `scoringRules` fail as a store with bad settings does.
    var rulesError: ScoringRulesError?
    func scoringRules() throws -> ScoringRules {
        if let rulesError { throw rulesError }
        return rules
    }
    func successions() -> [String: String] { renamed }
}

enum Sample {
    static func d(_ s: String) -> Day? { Day(s) }

    /// Three sections (the second with groups), eight tasks, CJK throughout.
    static func plan() -> Plan {
        let sections = [
            Section(number: "一", title: "强化质量基础"),
            Section(number: "二", title: "推进质量提升", groups: [Group(number: "一", title: "民生消费质量"), Group(number: "二", title: "工业产品质量")]),
            Section(number: "三", title: "完善保障措施"),
        ]
        func a(_ lead: [String], _ coop: [String] = [], joint: [String] = []) -> [Assignment] {
            lead.map { Assignment(department: $0, role: .lead) } + coop.map { Assignment(department: $0, role: .cooperate) }
                + joint.map { Assignment(department: $0, role: .joint) }
        }
        let end = d("2015-12-31")!
        let tasks = [
            PlanTask(key: "1.1", number: "一", section: 0, title: "建立质量统计分析制度", text: "建立质量统计分析制度。定期发布全省质量状况分析报告，为政府决策提供依据。",
                     assignments: a(["省质监局"], ["省统计局"]), due: d("2014-12-31")!, status: .inProgress, progress: 40),
            PlanTask(key: "1.2", number: "二", section: 0, title: "加强计量基础设施建设", text: "加强计量基础设施建设。",
                     assignments: a(["省质监局"], ["省发展改革委", "省财政厅"]), due: d("2014-03-31")!, status: .inProgress, progress: 20),
            PlanTask(key: "2.1", number: "一", section: 1, group: 0, title: "开展食品安全放心工程", text: "开展食品安全放心工程。Food safety programme in all cities.",
                     assignments: a(["省食品药品监管局"], ["省农牧厅"]), due: end, status: .notStarted),
            PlanTask(key: "2.2", number: "二", section: 1, group: 0, title: "Quality of consumer goods", text: "Improve the quality of consumer goods sold online and offline.",
                     assignments: a(["省工商局"]), due: d("2014-05-31")!, status: .done, progress: 100),
            PlanTask(key: "2.3", number: "三", section: 1, group: 1, title: "提升工业产品质量水平", text: "提升工业产品质量水平。",
                     assignments: a(["省工业和信息化委"], ["省质监局"]), due: d("2014-07-15")!, status: .behind, progress: 10),
            PlanTask(key: "2.10", number: "十", section: 1, group: 1, title: "推动品牌建设", text: "推动品牌建设。",
                     assignments: a(["省工业和信息化委"], joint: ["各市州政府"]), due: end, status: .inProgress, progress: 60),
            PlanTask(key: "3.1", number: "一", section: 2, title: "加大财政投入", text: "加大财政投入。",
                     assignments: a(["省财政厅"]), due: end, status: .notStarted),
            PlanTask(key: "3.2", number: "二", section: 2, title: "加强督促检查", text: "加强督促检查，省质量发展领导小组各成员单位按职责分工负责。",
                     assignments: [Assignment(department: "省质量发展领导小组各成员单位", role: .joint, collective: true)],
                     due: end, status: .inProgress, progress: 30),
        ]
        return Plan(id: "gansu-2014", title: "甘肃省质量发展纲要2014年行动计划",
                    period: Period(start: d("2014-01-01")!, end: end), sections: sections, tasks: tasks)
    }

    static func second() -> Plan {
        Plan(id: "gansu-2015", title: "2015年行动计划", period: Period(start: d("2015-01-01")!, end: d("2015-12-31")!),
             sections: [Section(number: "一", title: "总体要求")],
             tasks: [PlanTask(key: "1.1", number: "一", section: 0, title: "制定年度方案", text: "制定年度方案。",
                              assignments: [Assignment(department: "省质监局", role: .lead)], due: d("2015-06-30")!)])
    }

    /// A generated plan of `n` tasks in 10 sections for the large-plan smoke test.
    static func large(_ n: Int) -> Plan {
        let deps = ["省质监局", "省发展改革委", "省财政厅", "省工业和信息化委", "省商务厅", "省农牧厅", "Gansu Customs"]
        let sections = (0..<10).map { Section(number: "\($0 + 1)", title: "第\($0 + 1)部分 质量工作") }
        let tasks = (0..<n).map { i -> PlanTask in
            let s = i % 10
            let status = TaskStatus.allCases[i % 4]
            return PlanTask(key: "\(s + 1).\(i / 10 + 1)", number: "\(i / 10 + 1)", section: s,
                            title: "任务\(i) 提升质量水平 task \(i)", text: "任务\(i)的全文，包括具体措施和要求。Full text \(i).",
                            assignments: [Assignment(department: deps[i % deps.count], role: .lead),
                                          Assignment(department: deps[(i + 3) % deps.count], role: .cooperate)],
                            due: Day(ordinal: Day("2014-01-01")!.ordinal + i % 700), status: status,
                            progress: status == .done ? 100 : (i * 7) % 100)
        }
        return Plan(id: "big", title: "大型计划", period: Period(start: d("2014-01-01")!, end: d("2015-12-31")!),
                    sections: sections, tasks: tasks)
    }
}

/// A fixed clock the tests move by hand.
final class TestClock: @unchecked Sendable {
    var date: Date
    init(_ iso: String = "2014-06-30T02:32:00Z") { date = ISO8601DateFormatter().date(from: iso)! }
    func advance(_ s: Double) { date = date.addingTimeInterval(s) }
    var now: () -> Date { { self.date } }
}

extension DashboardApp {
    func press(_ keys: Key...) { for k in keys { _ = handle(.key(k)) } }
    func type(_ text: String) { for c in text { _ = handle(.key(.char(c))) } }
}

extension Frame {
    /// Every row must be exactly the frame's width in display columns.
    func rowsHaveExactWidth() -> Bool {
        (0..<height).allSatisfy { rowText($0).displayWidth == width }
    }

    /// The display column where `text` starts on `row`, or nil.
    func column(of text: String, row: Int) -> Int? {
        let line = rowText(row)
        guard let r = line.range(of: text) else { return nil }
        return String(line[..<r.lowerBound]).displayWidth
    }

    /// The first row containing `text`.
    func row(containing text: String) -> Int? {
        (0..<height).first { rowText($0).contains(text) }
    }

    /// No wide glyph is missing its right half and no continuation lacks its left half.
    func wideGlyphsWhole() -> Bool {
        for r in 0..<height {
            for c in 0..<width {
                let cell = self[r, c]
                if cell.isContinuation {
                    if c == 0 || self[r, c - 1].text.displayWidth != 2 { return false }
                } else if cell.text.displayWidth == 2 {
                    if c + 1 >= width || !self[r, c + 1].isContinuation { return false }
                }
            }
        }
        return true
    }
}

import ScreenKit
import TextWidth
