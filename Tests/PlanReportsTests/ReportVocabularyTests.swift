import PlanModel
import Testing
@testable import PlanReports

/// Reports name roles, statuses and assessment columns with the same words as
/// the dashboard: one vocabulary, no labels of their own.
@Suite struct ReportVocabularyTests {
    let report = ProgressReport(plan: Fixture.plan(), evaluation: Fixture.evaluation, noteDays: 30)

    @Test func departmentTableHeadsRolesAsTheDocumentsDo() {
        let zh = Vocabulary(.zh)
        #expect(report.render(.md).contains("| 部门 | 牵头 | 配合 | 按职责分工负责 | 负责具体实施 | 任务 | 已完成 | 进行中 | 逾期 |"))
        let header = Role.allCases.map(zh.role).joined(separator: " | ")
        #expect(report.render(.md).contains("| \(zh.department) | \(header) |"))
        #expect(report.render(.md, english: true).contains("| department | lead | cooperate | jointly responsible | implement |"))
    }

    @Test func assessmentSaysDoneLateAsTheDashboardDoes() {
        let a = Assessment(plan: Fixture.plan(), evaluation: Fixture.evaluation,
                           doneDays: Assessment.doneDays(from: Fixture.journal))
        let header = a.table().header
        #expect(header.contains("超期完成") && !header.contains("逾期完成"))
        #expect(a.render(.txt, title: "T").contains("超期完成70分"))
        #expect(a.render(.txt, title: "T").contains("按职责分工负责×0.8"))
        #expect(a.table(english: true).header.contains("done late"))
    }
}
