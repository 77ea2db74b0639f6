import Testing
@testable import PlanModel

/// The one-line `部门:职责,…` form of a task's assignments, shared by
/// `duban edit --assign` and the dashboard's reassignment field.
@Suite struct AssignmentListTests {
    @Test func rolesInEitherLanguageAndFullWidthPunctuation() throws {
        let a = try AssignmentList.parse(" 省农牧厅:lead ，省公安厅：配合,各市州政府:负责具体实施,省质监局:共同 ")
        #expect(a == [Assignment(department: "省农牧厅", role: .lead), Assignment(department: "省公安厅", role: .cooperate),
                      Assignment(department: "各市州政府", role: .implement), Assignment(department: "省质监局", role: .joint)])
        #expect(try AssignmentList.parse("").isEmpty)
    }

    @Test func theBadPartIsNamedInEitherLanguage() {
        for line in ["省农牧厅:lead,省公安厅", "省农牧厅:lead,:配合", "省农牧厅:主办"] {
            #expect(throws: AssignmentList.BadPart.self) { try AssignmentList.parse(line) }
        }
        do {
            _ = try AssignmentList.parse("省农牧厅:lead，省公安厅 协助")
            Issue.record("accepted")
        } catch {
            #expect(error == AssignmentList.BadPart("省公安厅 协助"))
            #expect(error.text(.zh) == "“省公安厅 协助”应为 部门:职责（牵头、配合、共同、实施）")
            #expect(error.text(.en) == "\"省公安厅 协助\" is not DEPT:ROLE (lead, cooperate, joint, implement)")
        }
    }

    @Test func formatReadsBackAndKeepsACollectiveBody() throws {
        let old = [Assignment(department: "省质量发展领导小组各成员单位", role: .joint, collective: true),
                   Assignment(department: "省质监局", role: .lead)]
        for lang in [Language.zh, .en] {
            let line = AssignmentList.format(old, lang)
            #expect(try AssignmentList.parse(line, keeping: old) == old, "\(line)")
        }
        #expect(AssignmentList.format(old, .zh) == "省质量发展领导小组各成员单位:共同，省质监局:牵头")
        #expect(AssignmentList.format(old, .en) == "省质量发展领导小组各成员单位:joint,省质监局:lead")
        // Without the old list to lend it, the flag is not guessed.
        #expect(try AssignmentList.parse("省质量发展领导小组各成员单位:共同").first?.collective == false)
    }

    @Test func theNextKeyFollowsTheSectionsLastNumber() {
        var p = Plan(id: "p", title: "t", period: Period(start: Day("2014-01-01")!, end: Day("2014-12-31")!),
                     sections: [Section(number: "一", title: "甲"), Section(number: "二", title: "乙"), Section(number: "三", title: "丙")])
        p.insert(p.newTask(key: "1.2", section: 0, title: "a"))
        p.insert(p.newTask(key: "1.10", section: 0, title: "b"))
        p.insert(p.newTask(key: "2.x", section: 1, title: "c"))
        #expect(p.nextTaskKey(section: 0) == "1.11")
        #expect(p.nextTaskKey(section: 1) == "2.1")
        #expect(p.nextTaskKey(section: 2) == "3.1")
        let t = p.newTask(key: "3.1", section: 2, group: nil, title: "新任务")
        #expect(t.number == "1" && t.text == "新任务" && t.due == Day("2014-12-31") && t.status == .notStarted)
    }
}
