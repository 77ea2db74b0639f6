import Testing
@testable import PlanModel

/// Closure and extension requests: who may file and decide them (the rules
/// table), and every transition of both state machines.
@Suite struct ReviewTests {
    static let fg = "省发展改革委", zj = "省质监局", gx = "省工信委"
    static let office = AccessRole.office, viewer = AccessRole.viewer
    static let zjReporter = AccessRole.reporter(departments: [zj])
    static let gxReporter = AccessRole.reporter(departments: [gx])

    func closure(_ dept: String, _ text: String = "已完成", filed: String = "2014-06-01") -> Edit {
        .request(ReviewRequest(kind: .closure, department: dept, text: text, filedOn: Day(filed), time: filed + "T09:00:00+08:00", user: "u"))
    }

    func extensionTo(_ to: String, _ dept: String, filed: String = "2014-06-01") -> Edit {
        .request(ReviewRequest(kind: .extension, department: dept, text: "需协调", to: Day(to), filedOn: Day(filed),
                               time: filed + "T09:00:00+08:00", user: "u"))
    }

    func review(_ kind: RequestKind, _ dept: String, _ o: ReviewOutcome, _ reason: String = "", on day: String = "2014-06-10") -> Edit {
        .review(Review(kind: kind, department: dept, outcome: o, reason: reason, time: day + "T10:00:00+08:00", user: "chief"))
    }

    /// The rule that refuses `edit` on `key` for `role`, or nil when allowed.
    func rule(_ role: AccessRole, _ edit: Edit, _ key: String, closureReview: Bool = true) -> PermissionRule?? {
        let p = samplePlan()
        guard let r = role.refusal(user: "u", edit: edit, task: p.task(key), plan: p, closureReview: closureReview) else { return .some(nil) }
        return .some(r.rule)
    }

    @Test func everyRoleAgainstEveryKindOfChange() {
        // (role, edit, task, the rule that refuses it or nil when allowed)
        let cases: [(AccessRole, Edit, String, PermissionRule?)] = [
            // Status and progress: the lead units, or the office.
            (Self.zjReporter, .setStatus(.behind), "1.1", nil),
            (Self.zjReporter, .setProgress(60), "1.1", nil),
            (Self.gxReporter, .setStatus(.behind), "1.1", .statusByLead),   // cooperates only
            (Self.gxReporter, .setProgress(60), "1.1", .statusByLead),
            (Self.gxReporter, .setProgress(60), "2.3", .statusByLead),      // joint: reports its part through feedback/closure
            (Self.office, .setProgress(60), "2.3", nil),
            // Done: through closure review when it is on.
            (Self.zjReporter, .setStatus(.done), "1.1", .doneByReview),
            (Self.gxReporter, .setStatus(.done), "1.1", .statusByLead),
            (Self.office, .setStatus(.done), "1.1", nil),
            // Notes: any unit with a role.
            (Self.gxReporter, .addNote(Note(time: "", user: "", text: "配合")), "1.1", nil),
            (Self.zjReporter, .addNote(Note(time: "", user: "", text: "x")), "2.3", .notesByAssigned),
            // Requests: the responsible unit, for itself.
            (Self.zjReporter, closure(Self.zj), "1.1", nil),
            (Self.gxReporter, closure(Self.gx), "1.1", .requestsByResponsible),
            (Self.zjReporter, closure(Self.fg), "1.1", .requestsByResponsible),
            (Self.gxReporter, closure(Self.gx), "2.3", nil),
            (Self.office, closure(Self.fg), "1.1", nil),
            (Self.zjReporter, extensionTo("2014-09-30", Self.zj), "1.1", nil),
            (Self.zjReporter, extensionTo("2014-09-30", Self.zj, filed: "2014-06-30"), "1.1", .requestsByResponsible),
            (Self.office, extensionTo("2014-09-30", Self.zj, filed: "2014-07-15"), "1.1", nil),
            // Reviews, rounds, chases, structure: the office.
            (Self.zjReporter, review(.closure, Self.zj, .approved), "1.1", .reviewByOffice),
            (Self.office, review(.closure, Self.zj, .approved), "1.1", nil),
            (Self.zjReporter, .setTitle("x"), "1.1", .structureByOffice),
            (Self.zjReporter, .setDue(Day("2015-01-01")!), "1.1", .structureByOffice),
            // Everyone else reads.
            (Self.viewer, .addNote(Note(time: "", user: "", text: "x")), "1.1", .othersRead),
            (Self.viewer, closure(Self.zj), "1.1", .othersRead),
        ]
        for (role, edit, key, expected) in cases {
            #expect(rule(role, edit, key) == .some(expected), "\(role.name) \(edit.field) on \(key)")
        }
        // With closure review off, the lead marks its task done directly; a cooperating unit still may not.
        #expect(rule(Self.zjReporter, .setStatus(.done), "1.1", closureReview: false) == .some(nil))
        #expect(rule(Self.gxReporter, .setStatus(.done), "1.1", closureReview: false) == .some(.statusByLead))
    }

    @Test func aRefusalNamesItsRuleInBothLanguages() throws {
        let p = samplePlan()
        let r = try #require(Self.zjReporter.refusal(user: "wang", edit: .setStatus(.done), task: p.task("1.1"), plan: p, closureReview: true))
        #expect(r.text(.en).contains("duban request test-2014 1.1 closure") && r.text(.en).hasSuffix("(" + PermissionRule.doneByReview.named.en + ")"))
        #expect(r.text(.zh).contains("申请办结") && r.text(.zh).hasSuffix("（" + PermissionRule.doneByReview.named.zh + "）"))
        for rule in PermissionRule.allCases {
            #expect(!rule.what.zh.isEmpty && !rule.who.zh.isEmpty && !rule.what.en.isEmpty && !rule.who.en.isEmpty)
        }
    }

    @Test func closureOfATaskWithTwoLeadsClosesWhenBothPartsAre() throws {
        var p = samplePlan()
        try p.apply(closure(Self.zj, "完成了"), task: "1.1")
        #expect(p.reviewState(task: "1.1").awaitingReview)
        #expect(p.reviews.pending.count == 1)
        // One pending closure per unit.
        #expect(throws: EditError.self) { try p.apply(closure(Self.zj), task: "1.1") }
        // A return needs a reason; a closure is never "rejected".
        #expect(throws: EditError.self) { try p.apply(review(.closure, Self.zj, .returned), task: "1.1") }
        #expect(throws: EditError.self) { try p.apply(review(.closure, Self.zj, .rejected, "x"), task: "1.1") }
        // No request by 省发展改革委 waits.
        #expect(throws: EditError.self) { try p.apply(review(.closure, Self.fg, .approved), task: "1.1") }
        try p.apply(review(.closure, Self.zj, .returned, "材料不全"), task: "1.1")
        var s = p.reviewState(task: "1.1")
        #expect(!s.awaitingReview && s.returns.count == 1 && s.openReturn?.decision?.reason == "材料不全")
        #expect(p.task("1.1")!.status == .inProgress)
        // Applied again, approved: the part is closed, the task not yet (two leads).
        try p.apply(closure(Self.zj, "补充了材料"), task: "1.1")
        #expect(p.reviewState(task: "1.1").openReturn == nil)
        try p.apply(review(.closure, Self.zj, .approved, on: "2014-06-20"), task: "1.1")
        #expect(p.reviews.closedParts(task: "1.1") == [Self.zj])
        #expect(p.task("1.1")!.status == .inProgress)
        #expect(throws: EditError.self) { try p.apply(closure(Self.zj), task: "1.1") }
        try p.apply(closure(Self.fg), task: "1.1")
        try p.apply(review(.closure, Self.fg, .approved, on: "2014-06-25"), task: "1.1")
        s = p.reviewState(task: "1.1")
        #expect(p.task("1.1")!.status == .done && p.task("1.1")!.progress == 100)
        #expect(s.closedOn == Day("2014-06-25") && s.returns.count == 1 && s.pendingClosure.isEmpty)
        // Done: nothing more to apply for.
        #expect(throws: EditError.self) { try p.apply(closure(Self.fg), task: "1.1") }
        #expect(throws: EditError.self) { try p.apply(extensionTo("2014-09-30", Self.fg), task: "1.1") }
        // Only responsible units apply; a cooperating one does not.
        #expect(throws: EditError.self) { try p.apply(closure(Self.gx), task: "1.2") }
    }

    @Test func aJointTaskClosesPerUnit() throws {
        var p = samplePlan()
        // 2.3: 省工信委 is the only joint unit (the collective one is not a unit that applies).
        #expect(p.responsibleUnits(of: p.task("2.3")!) == [Self.gx])
        try p.apply(closure(Self.gx), task: "2.3")
        try p.apply(review(.closure, Self.gx, .approved), task: "2.3")
        #expect(p.task("2.3")!.status == .done)
    }

    @Test func extensionsMoveTheDueDateAndKeepTheOriginal() throws {
        var p = samplePlan()
        #expect(throws: EditError.self) { try p.apply(extensionTo("2014-06-30", Self.zj), task: "1.1") }  // not later
        #expect(throws: EditError.self) {
            try p.apply(.request(ReviewRequest(kind: .extension, department: Self.zj, text: "x")), task: "1.1")  // no date
        }
        try p.apply(extensionTo("2014-09-30", Self.zj), task: "1.1")
        #expect(throws: EditError.self) { try p.apply(extensionTo("2014-10-30", Self.zj), task: "1.1") }  // one pending
        #expect(throws: EditError.self) { try p.apply(review(.extension, Self.zj, .returned, "x"), task: "1.1") }
        #expect(throws: EditError.self) { try p.apply(review(.extension, Self.zj, .rejected), task: "1.1") }  // reason
        try p.apply(review(.extension, Self.zj, .rejected, "理由不充分"), task: "1.1")
        #expect(p.task("1.1")!.due == Day("2014-06-30") && p.reviewState(task: "1.1").originalDue == nil)
        try p.apply(extensionTo("2014-09-30", Self.zj), task: "1.1")
        try p.apply(review(.extension, Self.zj, .approved), task: "1.1")
        #expect(p.task("1.1")!.due == Day("2014-09-30"))
        #expect(p.reviewState(task: "1.1").originalDue == Day("2014-06-30"))
        // A second extension keeps the first original date.
        try p.apply(extensionTo("2014-11-30", Self.fg), task: "1.1")
        try p.apply(review(.extension, Self.fg, .approved), task: "1.1")
        #expect(p.task("1.1")!.due == Day("2014-11-30") && p.reviewState(task: "1.1").originalDue == Day("2014-06-30"))
        #expect(ReviewWords(Vocabulary(.en)).due(p.task("1.1")!, p.reviewState(task: "1.1")) == "2014-11-30 (was 2014-06-30)")
    }

    @Test func recordsSurviveTheirSnapshotForm() throws {
        var p = samplePlan()
        try p.apply(closure(Self.zj, "完成\n\"引号\""), task: "1.1")
        try p.apply(review(.closure, Self.zj, .returned, "补充"), task: "1.1")
        try p.apply(extensionTo("2014-09-30", Self.zj), task: "1.1")
        let text = JSONWriter.compact(p.reviews.json)
        let back = try Reviews(json: try JSONParser.parse(Array(text.utf8)), path: "reviews")
        #expect(back == p.reviews && back.requests(task: "1.1").count == 2)
        #expect(back.pending.map(\.kind) == [.extension])
    }
}

@Suite struct ReturnedClosureIsOwedTests {
    @Test func aReturnIsOwedUntilTheUnitAppliesAgain() throws {
        var p = samplePlan()
        let zj = "省质监局", today = Day("2014-06-01")!
        func owed() -> [OwedKind] { p.owed(task: p.task("1.1")!, department: zj, today: today, dueSoonDays: 0) }
        #expect(!owed().contains(.returned))
        try p.apply(.request(ReviewRequest(kind: .closure, department: zj, text: "完成", time: "t", user: "u")), task: "1.1")
        try p.apply(.review(Review(kind: .closure, department: zj, outcome: .returned, reason: "不全", time: "2014-06-02T09:00:00+08:00", user: "c")), task: "1.1")
        #expect(owed().contains(.returned))
        // Another unit owes nothing for it.
        #expect(!p.owed(task: p.task("1.1")!, department: "省发展改革委", today: today, dueSoonDays: 0).contains(.returned))
        #expect(p.chaseDrafts(today: today, dueSoonDays: 0, department: zj).first?.items.first { $0.task == "1.1" }?.owed.contains(.returned) == true)
        try p.apply(.request(ReviewRequest(kind: .closure, department: zj, text: "补充", time: "t", user: "u")), task: "1.1")
        #expect(!owed().contains(.returned))
    }
}
