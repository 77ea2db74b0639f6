import Testing
import PlanModel
@testable import PlanImport

@Suite struct ErrorTests {
    static func error(_ text: String) -> String? {
        do {
            _ = try Importer.importDocument(text, fileName: "x.txt", id: nil)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func noStructureNamesWhatWasExpected() {
        #expect(Self.error("") == "no sections found: expected headings like 一、… followed by tasks （一）… or 1. …")
        #expect(Self.error("这是一段普通的文字。没有任何结构。")?.hasPrefix("no sections found") == true)
        #expect(Self.error("2014年工作\n一、甲\n二、乙\n普通文字。")?.hasPrefix("no tasks found: expected task lines like （一）") == true)
        #expect(Self.error("一、监管\n（一）甲。（省质监局牵头）")?.hasPrefix("no year found") == true)
    }

    @Test func partlyReadTasksComeBackAsWarnings() throws {
        let r = try Importer.importDocument("""
        河南省2018年行动计划
        一、监管
        （一）甲。（省质监局牵头）
        （二）乙。开展检查。
        （三）丙。省工商局牵头）
        （四）丁。（省商务厅牵头，省旅游局配合，随便写点什么）
        """, fileName: "h.txt", id: nil)
        guard case .plan(let p) = r.document else { Issue.record("not a plan"); return }
        #expect(p.tasks.map(\.key) == ["1.1", "1.2", "1.3", "1.4"])
        #expect(r.warnings.map(\.line) == [4, 5, 5, 6])
        #expect(r.warnings[0].message.hasPrefix("task 二 has no department list"))
        #expect(r.warnings[1].message.contains("unbalanced brackets"))
        #expect(r.warnings[3].message.contains("随便写点什么"))
        #expect(p.task("1.4")?.assignments.map(\.department) == ["省商务厅", "省旅游局"])
    }

    @Test func repeatedNumbersGetFreshKeys() throws {
        let r = try Importer.importDocument("""
        河南省2018年行动计划
        一、监管
        （一）甲。（省质监局牵头）
        （一）乙。（省工商局牵头）
        """, fileName: "h.txt", id: nil)
        guard case .plan(let p) = r.document else { Issue.record("not a plan"); return }
        #expect(p.tasks.map(\.key) == ["1.1", "1.2"])
        #expect(r.warnings.map(\.line) == [4])
    }
}
