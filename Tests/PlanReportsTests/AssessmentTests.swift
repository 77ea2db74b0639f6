import PlanModel
import Testing
@testable import PlanReports

@Suite struct AssessmentTests {
    let doneDays = Assessment.doneDays(from: Fixture.journal)

    @Test func doneDaysComeFromTheJournal() {
        #expect(doneDays == ["1.1": Day("2014-06-20")!, "1.2": Day("2014-07-15")!])
    }

    @Test func standardRulesScoreEachDepartment() {
        let a = Assessment(plan: Fixture.plan(), evaluation: Fixture.evaluation, doneDays: doneDays)
        let by = Dictionary(uniqueKeysWithValues: a.rows.map { ($0.department, $0) })
        // 省质监局: lead 100 (on time) + lead 70 (late) + cooperate 0.5×40 + joint 0.8×8, over 3.3.
        #expect(abs(by["省质监局"]!.score! - 196.4 / 3.3) < 1e-9)
        // 省工商局: cooperate 0.5×100 + lead 0 (overdue) + joint 0.8×8, over 2.3.
        #expect(abs(by["省工商局"]!.score! - 56.4 / 2.3) < 1e-9)
        // 省商务厅: cooperate 0.5×70 + lead 40, over 1.5.
        #expect(abs(by["省商务厅"]!.score! - 50) < 1e-9)
        #expect(a.rows.map(\.department) == ["省质监局", "省商务厅", "省工商局"])
        #expect(a.rows.map(\.rank) == [1, 2, 3])
        #expect(a.rows.map(\.grade) == ["D", "D", "D"])
        let zj = by["省质监局"]!
        #expect([Int]([zj.tasks, zj.doneOnTime, zj.doneLate, zj.inProgress, zj.notStarted, zj.overdue]) == [4, 1, 1, 2, 0, 0])
        #expect(by["省工商局"]!.overdue == 1)
    }

    @Test func withoutJournalDoneCountsAsOnTime() {
        let a = Assessment(plan: Fixture.plan(), evaluation: Fixture.evaluation)
        let zj = a.rows.first { $0.department == "省质监局" }!
        #expect(abs(zj.score! - 226.4 / 3.3) < 1e-9)
    }

    @Test func officeRulesFromSettingsChangeTheScores() throws {
        let json = try JSONParser.parse("""
            {"roleWeights":{"cooperate":0},"credit":{"doneLate":100,"inProgress":100},"grades":{"A":95,"B":60,"C":50}}
            """)
        let rules = try ScoringRules(json: json)
        #expect(rules.weight(.cooperate) == 0 && rules.weight(.lead) == 1)
        let a = Assessment(plan: Fixture.plan(), evaluation: Fixture.evaluation, rules: rules, doneDays: doneDays)
        let by = Dictionary(uniqueKeysWithValues: a.rows.map { ($0.department, $0) })
        // 省质监局: lead 100 + lead 100 + joint 0.8×10, over 2.8 (cooperation weighs nothing).
        #expect(abs(by["省质监局"]!.score! - 208 / 2.8) < 1e-9)
        #expect(by["省质监局"]!.grade == "B")
        // 省商务厅: only its lead on 1.3 weighs, at 50 % of 100: exactly C's lower bound.
        #expect(by["省商务厅"]!.score == 50 && by["省商务厅"]!.grade == "C")
    }

    @Test func gradesOnTheNationalScale() {
        let r = ScoringRules.standard
        #expect([100, 90, 89.9, 80, 79.9, 60, 59.9, 0].map(r.grade) == ["A", "A", "B", "B", "C", "C", "D", "D"])
        #expect(r.grade(89.96) == "A")
    }

    @Test func badRulesNameTheSetting() {
        func error(_ text: String) -> String? {
            do { _ = try ScoringRules(json: try JSONParser.parse(text)); return nil } catch { return "\(error)" }
        }
        #expect(error(#"{"roleWeights":{"boss":1}}"#)?.contains("scoring.roleWeights.boss") == true)
        #expect(error(#"{"credit":{"doneOnTime":"x"}}"#)?.contains("scoring.credit.doneOnTime") == true)
        #expect(error(#"{"grades":{"A":50,"B":80}}"#)?.contains("A ≥ B ≥ C") == true)
        #expect(error(#"{"credit":{"doneOnTime":100}}"#) == nil)
    }

    @Test func rulesRoundTripThroughSettings() throws {
        let r = try ScoringRules(json: ScoringRules.standard.json)
        #expect(r == .standard)
    }

    @Test func rendersEveryFormat() throws {
        let a = Assessment(plan: Fixture.plan(), evaluation: Fixture.evaluation, doneDays: doneDays)
        let md = a.render(.md, title: "测试")
        #expect(md.contains("| 1 | 省质监局 | 4 | 1 | 1 | 2 | 0 | 0 | 59.5 | D |"))
        #expect(md.contains("| 2 | 省商务厅 | 2 | 0 | 1 | 1 | 0 | 0 | 50.0 | D |"))
        let rows = try CSVReader.python(a.render(.csv, title: "测试"))
        #expect(rows.count == 4 && rows[3][1] == "省工商局" && rows[3][8] == "24.5")
        #expect(a.render(.txt, english: true, title: "T").contains("Annual assessment: T"))
    }
}
