import OfficeFiles
import PlanModel
import Testing
@testable import PlanReports

/// Extensions and returns in the assessment, the progress report and the
/// lights, on a plan built by hand: every task due 2014-06-30 and led by a
/// unit of its own, so each unit's score is its task's credit.
@Suite struct DeadlineAssessmentTests {
    static let asOf = Evaluation(today: Day("2014-12-31")!, dueSoonDays: 30)
    /// Cooperates on 1.1 (within an extension) and 1.6 (returned twice).
    static let partner = "省协作局"

    /// 1.1 extended to 09-30, closed 09-15 · 1.2 extended to 09-30, closed 10-10 ·
    /// 1.3 closed 07-10, no extension · 1.4 extension refused, closed 07-05 ·
    /// 1.5 returned once, closed 06-25 · 1.6 returned twice, closed 06-28 ·
    /// 1.7 closed 06-28 · 1.8 marked done directly (its day in the journal).
    static func plan() throws -> Plan {
        let units = ["甲局", "乙局", "丙局", "丁局", "戊局", "己局", "庚局", "辛局"]
        var p = Plan(id: "deadlines", title: "期限测试计划", period: Period(start: Day("2014-01-01")!, end: Day("2014-12-31")!),
                     sections: [Section(number: "一", title: "期限")])
        p.replaceTasks(units.enumerated().map { i, unit in
            var a = [Assignment(department: unit, role: .lead)]
            if i == 0 || i == 5 { a.append(Assignment(department: partner, role: .cooperate)) }
            return PlanTask(key: "1.\(i + 1)", number: "\(i + 1)", section: 0, title: "任务\(i + 1)", text: "任务\(i + 1)。",
                            assignments: a, due: Day("2014-06-30")!, status: .inProgress, progress: 50)
        })
        func at(_ day: String) -> String { day + "T10:00:00+08:00" }
        func extend(_ key: String, _ unit: String, to: String, filed: String) throws {
            try p.apply(.request(ReviewRequest(kind: .extension, department: unit, text: "需要更多时间", to: Day(to),
                                               filedOn: Day(filed), time: at(filed), user: "u")), task: key)
        }
        func decideExtension(_ key: String, _ unit: String, _ o: ReviewOutcome, on day: String) throws {
            try p.apply(.review(Review(kind: .extension, department: unit, outcome: o, reason: o == .approved ? "" : "理由不足",
                                       time: at(day), user: "office")), task: key)
        }
        func close(_ key: String, _ unit: String, filed: String, _ o: ReviewOutcome, on day: String) throws {
            try p.apply(.request(ReviewRequest(kind: .closure, department: unit, text: "已完成", filedOn: Day(filed),
                                               time: at(filed), user: "u")), task: key)
            try p.apply(.review(Review(kind: .closure, department: unit, outcome: o, reason: o == .returned ? "材料不全" : "",
                                       time: at(day), user: "office")), task: key)
        }
        try extend("1.1", "甲局", to: "2014-09-30", filed: "2014-06-10")
        try decideExtension("1.1", "甲局", .approved, on: "2014-06-15")
        try close("1.1", "甲局", filed: "2014-09-10", .approved, on: "2014-09-15")
        try extend("1.2", "乙局", to: "2014-09-30", filed: "2014-06-10")
        try decideExtension("1.2", "乙局", .approved, on: "2014-06-15")
        try close("1.2", "乙局", filed: "2014-10-05", .approved, on: "2014-10-10")
        try close("1.3", "丙局", filed: "2014-07-01", .approved, on: "2014-07-10")
        try extend("1.4", "丁局", to: "2014-09-30", filed: "2014-06-10")
        try decideExtension("1.4", "丁局", .rejected, on: "2014-06-15")
        try close("1.4", "丁局", filed: "2014-07-01", .approved, on: "2014-07-05")
        try close("1.5", "戊局", filed: "2014-06-10", .returned, on: "2014-06-12")
        try close("1.5", "戊局", filed: "2014-06-20", .approved, on: "2014-06-25")
        try close("1.6", "己局", filed: "2014-06-01", .returned, on: "2014-06-03")
        try close("1.6", "己局", filed: "2014-06-10", .returned, on: "2014-06-12")
        try close("1.6", "己局", filed: "2014-06-20", .approved, on: "2014-06-28")
        try close("1.7", "庚局", filed: "2014-06-20", .approved, on: "2014-06-28")
        p.modifyTask("1.8") { $0.status = .done; $0.progress = 100 }
        return p
    }

    static let doneDays = ["1.8": Day("2014-08-01")!]

    /// The rules an office might set: every credit apart, so no two outcomes score alike.
    static func officeRules() throws -> ScoringRules {
        try ScoringRules(json: try JSONParser.parse(#"{"credit":{"doneExtended":85,"doneLate":60,"perReturn":7}}"#))
    }

    @Test func oneRuleTellsOnTimeExtendedAndLate() throws {
        let p = try Self.plan()
        let timing = p.tasks.map { p.doneTiming(of: $0, doneDays: Self.doneDays) }
        #expect(timing == [.withinExtension, .late, .late, .late, .onTime, .onTime, .onTime, .late])
        // Without the journal's day, work marked done directly counts on time.
        #expect(p.doneTiming(of: p.task("1.8")!) == .onTime)
        // The rejected extension kept the due date; the approved ones moved it and kept the original.
        #expect(p.task("1.4")!.due == Day("2014-06-30") && p.reviews.originalDue(task: "1.4") == nil)
        #expect(p.task("1.2")!.due == Day("2014-09-30") && p.reviews.originalDue(task: "1.2") == Day("2014-06-30"))
        // The rule on its own, at the edges: the original due date and the extended one are both kept to.
        let due = Day("2014-09-30")!, original = Day("2014-06-30")!
        #expect(DoneTiming(doneOn: original, due: due, originalDue: original) == .onTime)
        #expect(DoneTiming(doneOn: due, due: due, originalDue: original) == .withinExtension)
        #expect(DoneTiming(doneOn: due.adding(days: 1), due: due, originalDue: original) == .late)
        #expect(DoneTiming(doneOn: original.adding(days: 1), due: original, originalDue: nil) == .late)
        #expect(DoneTiming(doneOn: nil, due: original, originalDue: nil) == .onTime)
    }

    @Test(arguments: [false, true])
    func scoresFollowTheScoringSettings(_ office: Bool) throws {
        let rules = office ? try Self.officeRules() : .standard
        let a = Assessment(plan: try Self.plan(), evaluation: Self.asOf, rules: rules, doneDays: Self.doneDays)
        let by = Dictionary(uniqueKeysWithValues: a.rows.map { ($0.department, $0) })
        func score(_ unit: String) -> Double { by[unit]?.score ?? -1 }
        #expect(score("甲局") == rules.doneExtended)
        #expect(score("乙局") == rules.doneLate)
        #expect(score("丙局") == rules.doneLate)
        #expect(score("丁局") == rules.doneLate)
        #expect(score("戊局") == rules.doneOnTime - rules.perReturn)
        #expect(score("己局") == rules.doneOnTime - 2 * rules.perReturn)
        #expect(score("庚局") == rules.doneOnTime)
        #expect(score("辛局") == rules.doneLate)
        // Cooperating on both, in the same role: the mean of the two tasks' credits.
        let partner = (rules.doneExtended + rules.doneOnTime - 2 * rules.perReturn) / 2
        #expect(abs(score(Self.partner) - partner) < 1e-9)
        // The credits differ, so the scores tell the outcomes apart.
        #expect(Set([rules.doneOnTime, rules.doneExtended, rules.doneLate]).count == 3)
    }

    @Test func assessmentCountsPerDepartmentAndInAll() throws {
        let a = Assessment(plan: try Self.plan(), evaluation: Self.asOf, doneDays: Self.doneDays)
        let by = Dictionary(uniqueKeysWithValues: a.rows.map { ($0.department, $0) })
        func counts(_ unit: String) -> [Int] {
            guard let r = by[unit] else { return [] }
            return [r.doneOnTime, r.doneExtended, r.doneLate, r.returns]
        }
        #expect(counts("甲局") == [0, 1, 0, 0])
        #expect(counts("乙局") == [0, 0, 1, 0])
        #expect(counts("丁局") == [0, 0, 1, 0])
        #expect(counts("戊局") == [1, 0, 0, 1])
        #expect(counts("己局") == [1, 0, 0, 2])
        #expect(counts(Self.partner) == [1, 1, 0, 2])
        // Each task once: the partner's tasks are not counted twice.
        #expect(a.totals == DeadlineCounts(doneWithinExtension: 1, doneLate: 4, returns: 3))
        let md = a.render(.md, title: "期限")
        #expect(md.contains("| 延期内完成 | 退回次数 |"))
        #expect(md.contains("合计（每项任务计一次）：延期内完成 1 项，超期完成 4 项，退回 3 次。"))
        #expect(md.contains("延期内完成90分") && md.contains("每退回一次扣5分"))
        let en = a.render(.txt, english: true, title: "T")
        #expect(en.contains("In all (each task once): 1 done within an extension, 4 done late, 3 returns."))
        let rows = try CSVReader.python(a.render(.csv, title: "期限"))
        let partnerRow = try #require(rows.first { $0.count > 1 && $0[1] == Self.partner })
        #expect(rows[0].suffix(2) == ["延期内完成", "退回次数"] && partnerRow.suffix(2) == ["1", "2"])
        let sheet = a.workbook(title: "期限", OfficeContext(office: "办公室")).sheets[0]
        #expect(sheet.titleLines.contains { $0.hasPrefix("合计") })
        let cells = try #require(sheet.tables[0].rows.first { $0[1] == .text(Self.partner) })
        #expect(Array(cells.suffix(2)) == [.integer(1), .integer(2)] && sheet.tables[0].header.count == cells.count)
    }

    @Test func lightsTellWithinAnExtensionFromLate() throws {
        let p = try Self.plan()
        let r = Rollup(p, Self.asOf, doneDays: Self.doneDays)
        #expect(r.lights == [.green, .yellow, .yellow, .yellow, .green, .green, .green, .yellow])
        #expect(r.plan.count(.yellow) == 4 && r.plan.count(.green) == 4)
        // The same rule for a task read alone.
        #expect(p.tasks.map { p.light(of: $0, Self.asOf, doneDays: Self.doneDays) } == r.lights)
        // Without the journal, the task marked done directly has no day: green.
        #expect(Rollup(p, Self.asOf).lights[7] == .green)
    }

    @Test func aNotDoneTaskIsJudgedByItsExtendedDueDate() throws {
        var p = try Self.plan()
        p.modifyTask("1.7") { $0.status = .inProgress; $0.progress = 90 }
        try p.apply(.request(ReviewRequest(kind: .extension, department: "庚局", text: "等待验收", to: Day("2015-03-31"),
                                           filedOn: Day("2014-06-20"), time: "2014-06-20T10:00:00+08:00", user: "u")), task: "1.7")
        #expect(Rollup(p, Self.asOf).lights[6] == .red)
        try p.apply(.review(Review(kind: .extension, department: "庚局", outcome: .approved,
                                   time: "2014-06-22T10:00:00+08:00", user: "office")), task: "1.7")
        #expect(Rollup(p, Self.asOf).lights[6] == .green)
        #expect(!p.task("1.7")!.isOverdue(Self.asOf))
    }

    @Test func progressReportCountsPerDepartmentAndInTotal() throws {
        let r = ProgressReport(plan: try Self.plan(), evaluation: Self.asOf, doneDays: Self.doneDays)
        #expect(r.deadlines == DeadlineCounts(doneWithinExtension: 1, doneLate: 4, returns: 3))
        let by = Dictionary(uniqueKeysWithValues: r.departments.map { ($0.department, $0.deadlines) })
        #expect(by["甲局"] == DeadlineCounts(doneWithinExtension: 1))
        #expect(by["辛局"] == DeadlineCounts(doneLate: 1))
        #expect(by["己局"] == DeadlineCounts(returns: 2))
        #expect(by[Self.partner] == DeadlineCounts(doneWithinExtension: 1, returns: 2))
        #expect(r.taskDeadlines[0] == .init(originalDue: Day("2014-06-30"), timing: .withinExtension, returns: 0))
        #expect(r.taskDeadlines[3] == .init(originalDue: nil, timing: .late, returns: 0))

        let md = r.render(.md)
        #expect(md.contains("| 完成度 | 延期内完成 | 超期完成 | 退回次数 |"))
        #expect(md.contains("| 8 | 8 | 0 | 0 | 0 | 0 | 4 | 4 | 100% | 1 | 4 | 3 |"), "\(md)")
        #expect(md.contains("| \(Self.partner) | 0 | 2 | 0 | 0 | 2 | 2 | 0 | 0 | 1 | 0 | 2 |"))
        #expect(r.render(.txt, english: true).contains("done within extension"))

        let csv = try CSVReader.python(r.render(.csv))
        #expect(csv[0].suffix(3) == ["原定时限", "完成情况", "退回次数"])
        #expect(csv[1].suffix(3) == ["2014-06-30", "延期内完成", "0"])
        #expect(csv[2].suffix(3) == ["2014-06-30", "超期完成", "0"])
        #expect(csv[6].suffix(3) == ["", "按时完成", "2"])

        let wb = r.workbook(OfficeContext(office: "办公室"))
        let summary = wb.sheets[0].tables[1]
        #expect(summary.rows[0].suffix(3) == [.integer(1), .integer(4), .integer(3)] && summary.header.count == summary.rows[0].count)
        let departments = wb.sheets[2].tables[0]
        let partnerCells = try #require(departments.rows.first { $0[0] == .text(Self.partner) })
        #expect(partnerCells.suffix(3) == [.integer(1), .integer(0), .integer(2)])
        let tasks = wb.sheets[1].tables[0]
        #expect(tasks.rows[1].suffix(3) == [.date(Day("2014-06-30")!.calendarDate), .text("超期完成"), .integer(0)])
        let overview = ProgressReport.workbook([r], OfficeContext(office: "办公室")).sheets[0].tables[0]
        #expect(overview.rows[0].suffix(3) == [.integer(1), .integer(4), .integer(3)] && overview.header.count == overview.rows[0].count)

        let doc = r.document(OfficeContext(office: "办公室"))
        let opening = doc.body.compactMap { if case .paragraph(let t) = $0 { return t } else { return nil } }.first ?? ""
        #expect(opening.contains("其中延期内完成1项、超期完成4项，办结申请被退回3次。"), "\(opening)")
    }

    @Test func aPlanWithoutRequestsCountsNothing() {
        let r = ProgressReport(plan: Fixture.plan(), evaluation: Fixture.evaluation)
        #expect(r.deadlines == DeadlineCounts() && r.departments.allSatisfy { $0.deadlines == DeadlineCounts() })
        // With the journal's days, 1.2 done on 07-15 against 06-30 is late, and its light yellow.
        let dated = ProgressReport(plan: Fixture.plan(), evaluation: Fixture.evaluation, doneDays: Assessment.doneDays(from: Fixture.journal))
        #expect(dated.deadlines == DeadlineCounts(doneLate: 1))
        #expect(dated.tasks.map(\.light)[1] == .yellow && dated.tasks.map(\.light)[0] == .green)
    }
}
