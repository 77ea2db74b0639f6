import PlanModel
import Testing

/// Feedback, rounds and chases on the fixture plan, whose reporting units are
/// 1.1: 省发展改革委, 省质监局 (leads), 省工信委 (cooperates); 1.2: 省质监局;
/// 2.3: 省工信委 (joint; the collective 各成员单位 is no unit); 2.4: 省发展改革委.
@Suite struct SupervisionTests {
    let fg = "省发展改革委", zj = "省质监局", gx = "省工信委"

    func feedback(_ task: String, _ dept: String, _ day: String, progress: Int? = nil) -> Edit {
        .addFeedback(UnitFeedback(task: task, time: day + "T10:00:00+08:00", user: "u", department: dept, text: "进展", progress: progress))
    }

    func round(_ name: String = "三季度") -> Round {
        Round(name: name, opened: Day("2014-09-20")!, due: Day("2014-10-10")!, openedAt: "2014-09-20T09:00:00+08:00")
    }

    func planWithRound() throws -> Plan {
        var p = samplePlan()
        try p.apply(.setRound(round()), task: "")
        try p.apply(feedback("1.1", fg, "2014-09-25"), task: "1.1")   // on time
        try p.apply(feedback("1.1", zj, "2014-10-12"), task: "1.1")   // late
        try p.apply(feedback("2.3", gx, "2014-09-10"), task: "2.3")   // before the round: does not count
        try p.apply(feedback("2.4", fg, "2014-10-10"), task: "2.4")   // on the due day: on time
        return p
    }

    @Test func expectedReportedLateAndMissingOfARound() throws {
        let p = try planWithRound()
        let t = p.tally(of: round())
        #expect(t.expected == 6 && t.onTime == 2 && t.lateCount == 1 && t.reported == 3 && t.missingCount == 3)
        #expect(t.rows.map(\.department) == [fg, zj, gx])
        #expect(t.row(fg) == RoundTally.Row(department: fg, expected: 2, onTime: 2, late: 0))
        #expect(t.row(zj) == RoundTally.Row(department: zj, expected: 2, onTime: 0, late: 1))
        #expect(t.row(gx)?.missing == 2)
        #expect(t.missing == [.init(task: "1.1", department: gx), .init(task: "1.2", department: zj), .init(task: "2.3", department: gx)])
        #expect(t.late == [.init(task: "1.1", department: zj)])
    }

    @Test func aRoundCoversOnlyItsSectionsAndTasks() throws {
        var p = try planWithRound()
        let r = Round(name: "二部分", opened: Day("2014-09-20")!, due: Day("2014-10-10")!, sections: [1], tasks: ["1.2"])
        try p.apply(.setRound(r), task: "")
        let t = p.tally(of: r)
        #expect(t.expected == 3 && t.onTime == 1 && t.missingCount == 2)
    }

    @Test func aClosedRoundKeepsItsFrozenTally() throws {
        var p = try planWithRound()
        var closing = round()
        closing.closedAt = "2014-10-20T09:00:00+08:00"
        closing.frozen = p.liveTally(of: round())
        try p.apply(.setRound(closing), task: "")
        try p.apply(feedback("1.2", zj, "2014-10-21"), task: "1.2")
        let closed = try #require(p.supervision.round(named: "三季度"))
        #expect(!closed.isOpen && p.tally(of: closed).missingCount == 3)
        // Even recounted, feedback after closing does not count.
        #expect(p.liveTally(of: closed).missingCount == 3)
        #expect(p.supervision.openRound == nil)
    }

    @Test func badRoundsAndFeedbackAreRefusedAndChangeNothing() throws {
        var p = try planWithRound()
        let before = p
        #expect(throws: EditError.self) { try p.apply(.setRound(round()), task: "") }   // name used twice
        var early = round("四季度")
        early.due = Day("2014-09-01")!
        #expect(throws: EditError.self) { try p.apply(.setRound(early), task: "") }     // due before opening
        #expect(throws: EditError.self) { try p.apply(.setRound(Round(name: "x", opened: Day("2014-09-20")!, due: Day("2014-10-10")!, sections: [7])), task: "") }
        #expect(throws: EditError.self) { try p.apply(.setRound(Round(name: " ", opened: Day("2014-09-20")!, due: Day("2014-10-10")!)), task: "") }
        #expect(throws: EditError.self) { try p.apply(feedback("1.2", "省外办", "2014-09-25"), task: "1.2") }  // unknown unit
        #expect(throws: EditError.self) { try p.apply(feedback("1.2", fg, "2014-09-25"), task: "1.2") }      // no role
        #expect(throws: EditError.self) {
            try p.apply(.addFeedback(UnitFeedback(task: "1.2", time: "t", user: "u", department: zj, text: "  \n")), task: "1.2")
        }
        #expect(throws: EditError.self) { try p.apply(feedback("1.2", zj, "2014-09-25", progress: 101), task: "1.2") }
        #expect(throws: EditError.self) { try p.apply(.addChase(Chase(department: "省外办", date: Day("2014-10-12")!, reply: Day("2014-10-17")!, items: [ChaseItem(task: "1.2", owed: [.overdue], step: 1)])), task: "") }
        #expect(p == before)
        // An alias files as its department.
        try p.apply(feedback("1.2", "质监", "2014-09-25"), task: "1.2")
        #expect(p.supervision.feedback(task: "1.2").last?.department == zj)
    }

    @Test func aJointTaskWithoutLeadTakesItsProgressFromItsUnits() throws {
        var p = samplePlan()
        p.insert(PlanTask(key: "2.5", number: "五", section: 1, title: "联合任务", text: "",
                          assignments: [.init(department: fg, role: .joint), .init(department: gx, role: .joint),
                                        .init(department: zj, role: .cooperate)],
                          due: Day("2014-12-31")!, status: .inProgress, progress: 5))
        let t = { p.task("2.5")! }
        // Nobody has reported: the task's own figures stand.
        #expect(p.overallProgress(of: t()) == OverallProgress(status: .inProgress, progress: 5, derived: false))
        try p.apply(feedback("2.5", fg, "2014-09-25", progress: 100), task: "2.5")
        try p.apply(feedback("2.5", gx, "2014-09-25", progress: 40), task: "2.5")
        try p.apply(feedback("2.5", zj, "2014-09-25", progress: 100), task: "2.5")   // cooperating: not a part
        #expect(p.overallProgress(of: t()) == OverallProgress(status: .inProgress, progress: 70, derived: true, unitsDone: 1, units: 2))
        // The latest stated progress counts; feedback without one leaves it.
        try p.apply(feedback("2.5", gx, "2014-09-26", progress: 99), task: "2.5")
        try p.apply(feedback("2.5", gx, "2014-09-27"), task: "2.5")
        #expect(p.overallProgress(of: t()).progress == 99)
        #expect(p.overallProgress(of: t()).status == .inProgress)
        try p.apply(feedback("2.5", gx, "2014-09-28", progress: 100), task: "2.5")
        #expect(p.overallProgress(of: t()) == OverallProgress(status: .done, progress: 100, derived: true, unitsDone: 2, units: 2))
        // With a lead, the lead's figures stand whatever the others report.
        try p.apply(feedback("1.1", gx, "2014-09-25", progress: 100), task: "1.1")
        #expect(p.overallProgress(of: p.task("1.1")!) == OverallProgress(status: .inProgress, progress: 40, derived: false))
    }

    @Test func chasesEscalateOnTheSecondAndThirdNotice() throws {
        var p = try planWithRound()
        let today = Day("2014-10-12")!
        func draft() throws -> Chase { try #require(p.chaseDrafts(today: today, dueSoonDays: 30, department: gx).first) }
        let first = try draft()
        #expect(first.items == [ChaseItem(task: "1.1", owed: [.feedback], step: 1),
                                ChaseItem(task: "2.3", owed: [.dueSoon, .feedback], step: 1)])
        #expect(first.reply == Day("2014-10-17"))
        try p.apply(.addChase(first), task: "")
        #expect(try draft().step == 2)
        try p.apply(.addChase(try draft()), task: "")
        let third = try draft()
        #expect(third.step == 3)
        let steps = ChaseSettings()
        #expect(steps.label(1).zh == "催办" && steps.label(2).zh == "再次催办" && steps.label(3).zh == "第三次催办/通报")
        #expect(ChaseSettings(again: 3, circulate: 5).label(3).zh == "再次催办")
        try p.apply(.addChase(third), task: "")
        #expect(p.chaseCount(department: gx) == 3 && p.chaseCount(department: fg) == 0)
        #expect(p.chaseCount(task: "2.3") == 3 && p.chaseCount(task: "1.2") == 0)
        // 1.2 is done: its lead owes only the round's feedback.
        #expect(p.owed(task: p.task("1.2")!, department: zj, today: today, dueSoonDays: 30) == [.feedback])
        // 1.1 is past due (2014-06-30): its leads are chased for it, the cooperating unit only for feedback.
        #expect(p.owed(task: p.task("1.1")!, department: fg, today: today, dueSoonDays: 30) == [.overdue])
    }

    @Test func recordsRoundTripThroughJSON() throws {
        var p = try planWithRound()
        try p.apply(.addChase(try #require(p.chaseDrafts(today: Day("2014-10-12")!, dueSoonDays: 30).first)), task: "")
        var closing = round()
        closing.closedAt = "2014-10-20T09:00:00+08:00"
        closing.frozen = p.liveTally(of: round())
        try p.apply(.setRound(closing), task: "")
        let text = JSONWriter.compact(p.supervision.json)
        let back = try Supervision(json: try JSONParser.parse(Array(text.utf8)), path: "supervision")
        #expect(back == p.supervision)
        #expect(back.feedback(task: "1.1").count == 2)
        // The snapshot header reads the same record straight from the bytes.
        let fast = try JSONReader.decode(Array(text.utf8)) { (r) throws(JSONReader.Failure) in try Supervision(reading: &r) }
        #expect(fast == p.supervision)
        #expect(fast.feedback(task: "2.4").count == 1)
    }

    @Test func controlCharactersBecomeSpaces() {
        #expect(CleanText.clean("a\u{1b}[2Jb\nc", multiline: true) == "a [2Jb\nc")
        #expect(CleanText.clean("a\nb\u{9b}", multiline: false) == "a b ")
    }
}

/// The counts alone (the 报送 view's department rows) agree with the full
/// tally, without listing a pair per missing or late feedback.
@Suite struct RoundCountsTests {
    @Test func countsWithoutPairsAgreeWithTheFullTally() throws {
        let p = try SupervisionTests().planWithRound()
        let round = try #require(p.supervision.openRound)
        let full = p.tally(of: round), counts = p.tally(of: round, listingOwed: false)
        #expect(counts.rows == full.rows && counts.missing.isEmpty && counts.late.isEmpty)
        #expect(full.missing.count == full.missingCount && full.late.count == full.lateCount && full.missingCount == 3)
    }

    @Test func anAssignmentUnderAnotherSpellingCountsForItsDepartment() throws {
        var p = try SupervisionTests().planWithRound()
        let round = try #require(p.supervision.openRound)
        let before = p.tally(of: round)
        p.insert(PlanTask(key: "2.6", number: "六", section: 1, title: "别名任务", text: "",
                          assignments: [.init(department: "质监", role: .lead), .init(department: "省质监局", role: .cooperate)],
                          due: Day("2014-12-31")!, status: .inProgress, progress: 0))
        try p.apply(.addFeedback(UnitFeedback(task: "2.6", time: "2014-09-25T10:00:00+08:00", user: "u", department: "质监", text: "进展")), task: "2.6")
        let t = p.tally(of: round)
        #expect(t.rows.map(\.department) == before.rows.map(\.department))
        #expect(t.row("省质监局")?.expected == before.row("省质监局")!.expected + 1)
        #expect(t.row("省质监局")?.onTime == before.row("省质监局")!.onTime + 1)
    }
}
