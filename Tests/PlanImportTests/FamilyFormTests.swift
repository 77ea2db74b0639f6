import Testing
import PlanModel
@testable import PlanImport

/// The other forms of task-decomposition notices (national, provincial,
/// municipal), each in a made-up document, read alike whether the document
/// uses full-width or ASCII punctuation.
@Suite struct FamilyFormTests {
    enum Width: CaseIterable { case full, ascii }

    /// The same document with ASCII brackets, colons, semicolons and commas
    /// (as seed 001 writes them); `、` and `。` stay, as they do in such documents.
    static func text(_ doc: String, _ width: Width) -> String {
        guard width == .ascii else { return doc }
        let map: [Character: String] = ["（": "(", "）": ")", "：": ":", "；": ";", "，": ","]
        return String(doc.flatMap { map[$0] ?? String($0) })
    }

    static func read(_ doc: String, _ width: Width, year: Int? = nil) throws -> (Plan, ImportResult) {
        let r = try Importer.importDocument(text(doc, width), fileName: "t.txt", id: nil, year: year)
        guard case .plan(let p) = r.document else { throw Seeds.SeedError(path: "not a plan") }
        return (p, r)
    }

    static func pairs(_ t: PlanTask?) -> [String] {
        (t?.assignments ?? []).map { "\($0.department)/\($0.role.rawValue)" }
    }

    @Test(arguments: Width.allCases)
    func conventionStatedOnceAfterAFullStop(_ width: Width) throws {
        let (p, r) = try Self.read("""
        某省2024年质量工作要点
        一、夯实基础
        （一）完善标准体系。制定地方标准。（甲部、乙部、丙部。列第一位者为牵头部门，下同）
        （二）加强计量。开展比对。（丁部、甲部）
        二、强化监管
        （三）加强抽检。公布结果。（乙部）
        """, width)
        #expect(r.warnings.isEmpty)
        #expect(Self.pairs(p.task("1.1")) == ["甲部/lead", "乙部/cooperate", "丙部/cooperate"])
        #expect(Self.pairs(p.task("1.2")) == ["丁部/lead", "甲部/cooperate"])
        #expect(Self.pairs(p.task("2.3")) == ["乙部/lead"])
        #expect(p.task("1.1")?.text == "完善标准体系。制定地方标准。")
        #expect(p.departments.map(\.name) == ["甲部", "乙部", "丙部", "丁部"])
    }

    @Test(arguments: Width.allCases)
    func labelledUnitsInlineAndOnTheNextLines(_ width: Width) throws {
        let (p, r) = try Self.read("""
        某省2026年质量提升实施方案
        一、重点任务
        （一）完善标准体系。制定地方标准。牵头单位：省甲厅；责任单位：省乙厅、省丙委等，各市州政府。
        （二）加强计量工作。开展比对。
        牵头部门：省甲厅　配合部门：省乙厅
        完成时限：2026年6月底前
        责任领导：张三
        （三）加强质量监管。
        责任单位：省丙委
        （四）加强认证。
        完成时间：9月30日前
        牵头单位：省丁局
        """, width)
        #expect(r.warnings.isEmpty, "\(r.warnings)")
        #expect(Self.pairs(p.task("1.1")) == ["省甲厅/lead", "省乙厅/joint", "省丙委/joint", "各市州政府/joint"])
        #expect(p.task("1.1")?.text == "完善标准体系。制定地方标准。")
        #expect(p.task("1.1")?.assignments.last?.collective == true)
        #expect(Self.pairs(p.task("1.2")) == ["省甲厅/lead", "省乙厅/cooperate"])
        #expect(p.task("1.2")?.due == Day(year: 2026, month: 6, day: 30))
        let leader = width == .full ? "责任领导：张三" : "责任领导:张三"
        #expect(p.task("1.2")?.text == "加强计量工作。开展比对。" + leader)
        #expect(p.task("1.2")?.title == "加强计量工作")
        #expect(!p.departments.contains { $0.name.contains("张三") })
        #expect(Self.pairs(p.task("1.3")) == ["省丙委/joint"])
        #expect(p.task("1.3")?.due == Day(year: 2026, month: 12, day: 31))
        #expect(Self.pairs(p.task("1.4")) == ["省丁局/lead"])
        #expect(p.task("1.4")?.due == Day(year: 2026, month: 9, day: 30))
    }

    @Test(arguments: Width.allCases)
    func ownLineNamesAndTheProvincePrefixDropped(_ width: Width) throws {
        let (p, r) = try Self.read("""
        某省2023年质量工作任务分工方案
        一、重点任务
        1、制定标准。开展对标。
        省甲局、省乙厅、省丙厅负责落实。
        2、推进认证。
        乙厅、丙厅牵头落实。
        3、建设计量中心。
        甲局负责。
        """, width)
        #expect(r.warnings.isEmpty)
        #expect(Self.pairs(p.task("1.1")) == ["省甲局/joint", "省乙厅/joint", "省丙厅/joint"])
        #expect(Self.pairs(p.task("1.2")) == ["省乙厅/lead", "省丙厅/lead"])
        #expect(Self.pairs(p.task("1.3")) == ["省甲局/joint"])
        #expect(p.departments.map(\.name) == ["省甲局", "省乙厅", "省丙厅"])
        #expect(p.department(named: "乙厅")?.name == "省乙厅")
        #expect(p.department(named: "甲局")?.aliases == ["甲局"])
    }

    static let numberings = ["1、", "1.", "1．", "（1）"]

    /// `1、`/`1.`/`1．`/`（1）` under sub-headings without numbers, numbered
    /// on across groups.
    @Test(arguments: Width.allCases, numberings)
    func numberingUnderUnnumberedSubheadings(_ width: Width, _ mark: String) throws {
        func n(_ k: Int) -> String { mark.replacingAll("1", with: String(k)) }
        let (p, r) = try Self.read("""
        某省2025年质量工作要点
        一、重点任务
        强化标准引领
        \(n(1))制定标准。开展对标。（省甲局牵头，省乙厅配合）
        \(n(2))推进认证。（省乙厅牵头）
        提升计量能力。
        \(n(3))建设计量中心。（省甲局牵头）
        二、保障措施
        加强组织领导
        \(n(4))健全机制。（各成员单位按职责分工负责）
        """, width)
        #expect(r.warnings.isEmpty, "\(r.warnings)")
        #expect(p.tasks.map(\.key) == ["1.1", "1.2", "1.3", "2.4"])
        #expect(p.tasks.map(\.number) == ["1", "2", "3", "4"])
        #expect(p.sections[0].groups.map(\.title) == ["强化标准引领", "提升计量能力"])
        #expect(p.sections[1].groups.map(\.title) == ["加强组织领导"])
        #expect(p.tasks.map(\.group) == [0, 0, 1, 0])
        #expect(Self.pairs(p.task("2.4")) == ["各成员单位/joint"])
        #expect(p.task("2.4")?.assignments.first?.collective == true)
    }

    /// Numbers restarting in every group, and in every section: keys stay
    /// unique, without warnings, and the same on every import.
    @Test(arguments: Width.allCases)
    func numbersRestartingPerGroupAndPerSection(_ width: Width) throws {
        let doc = """
        某市2024年质量工作任务分解和责任分工方案
        一、重点任务
        强化标准引领
        1.制定标准。（市甲局牵头）
        2.推进认证。（市乙局牵头）
        提升计量能力
        1.建设计量中心。（市甲局牵头）
        2.推进检定。（市丙局牵头）
        二、保障措施
        1.健全机制。（市丁局牵头）
        2.加强督查。（市丁局牵头）
        """
        let (p, r) = try Self.read(doc, width)
        #expect(r.warnings.isEmpty, "\(r.warnings)")
        #expect(p.tasks.map(\.key) == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2"])
        #expect(p.tasks.map(\.number) == ["1", "2", "1", "2", "1", "2"])
        #expect(p.tasks.map(\.title) == ["制定标准", "推进认证", "建设计量中心", "推进检定", "健全机制", "加强督查"])
        let (again, _) = try Self.read(doc, width)
        #expect(again.tasks.map(\.key) == p.tasks.map(\.key))
        #expect(p.title == "某市2024年质量工作任务分解和责任分工方案")
        #expect(p.id == "plan-2024")
    }

    @Test(arguments: Width.allCases)
    func collectiveOwners(_ width: Width) throws {
        let (p, _) = try Self.read("""
        国务院2022年质量工作要点
        一、重点任务
        （一）加强质量基础。（质量工作部际联席会议成员单位按职责分工负责）
        （二）开展质量提升。
        各成员单位负责落实。
        （三）加强督查。（市场监管总局牵头，各省级人民政府负责具体实施）
        """, width)
        let all = try #require(p.task("1.1")?.assignments.first)
        #expect(all.department == "质量工作部际联席会议成员单位" && all.role == .joint && all.collective)
        #expect(p.task("1.2")?.assignments.map(\.collective) == [true])
        #expect(p.task("1.3")?.assignments.last == Assignment(department: "各省级人民政府", role: .implement, collective: true))
        #expect(p.department(named: "市场监管总局")?.collective == false)
    }

    /// Titles of every kind, the year wherever it stands.
    @Test(arguments: [
        ("某省2022年深化质量提升工作要点", 2022),
        ("某省质量提升行动实施方案", 2019),
        ("某省2021年质量工作任务分工方案", 2021),
        ("某市落实质量强国建设纲要2023年任务分解和责任分工方案", 2023),
        ("《政府工作报告》重点工作责任分解", 2019),
    ])
    func titlesOfEveryKind(_ title: String, _ year: Int) throws {
        let (p, r) = try Self.read("""
        \(title)
        某省人民政府办公厅
        2019年2月10日
        一、稳增长
        1.扩大有效投资。（省发展改革委牵头，省财政厅配合）
        """, .full)
        #expect(p.title == title)
        #expect(p.period == Period(start: Day(year: year, month: 1, day: 1)!, end: Day(year: year, month: 12, day: 31)!))
        #expect(p.issuer == "某省人民政府办公厅")
        if year == 2019 {
            #expect(r.yearSource == .issueDate(Day(year: 2019, month: 2, day: 10)!))
        } else {
            #expect(r.yearSource == .title)
        }
    }

    @Test func aGivenYearWhenTheTitleHasNone() throws {
        let doc = """
        某省质量工作要点
        一、重点任务
        1.扩大有效投资。（省发展改革委牵头）
        """
        #expect(throws: ImportError.self) { _ = try Self.read(doc, .full) }
        let (p, r) = try Self.read(doc, .full, year: 2027)
        #expect(r.yearSource == .given(2027))
        #expect(p.period.end == Day(year: 2027, month: 12, day: 31))
        #expect(p.id == "plan-2027")
        // A year in the title wins over the one given.
        let (q, s) = try Self.read(doc.replacingAll("某省质量", with: "某省2020年质量"), .full, year: 2027)
        #expect(s.yearSource == .title)
        #expect(q.period.end.year == 2020)
    }

    /// A list that cannot be read: the task comes in all the same, with a
    /// warning naming its line, and is counted.
    @Test(arguments: Width.allCases)
    func unreadListsAreImportedWithAWarning(_ width: Width) throws {
        let (p, r) = try Self.read("""
        某省2024年质量工作要点
        一、重点任务
        （一）甲。（省甲局牵头）
        （二）乙。（省乙局牵头，这里写了一句看不懂的话）
        （三）丙。开展检查。
        （四）丁。（省丁局牵头
        """, width)
        #expect(p.tasks.map(\.key) == ["1.1", "1.2", "1.3", "1.4"])
        #expect(r.unreadListKeys == ["1.2", "1.3", "1.4"])
        #expect(Set(r.warnings.map(\.line)) == [4, 5, 6])
        #expect(Self.pairs(p.task("1.2")) == ["省乙局/lead"])
    }

    /// Not one list readable: the document still comes in, every task warned.
    @Test(arguments: Width.allCases)
    func noListReadableStillImports(_ width: Width) throws {
        let (p, r) = try Self.read("""
        某省2024年质量工作要点
        一、重点任务
        1.甲。开展检查。
        2.乙。开展督查。
        """, width)
        #expect(p.tasks.map(\.key) == ["1.1", "1.2"])
        #expect(r.unreadListKeys == ["1.1", "1.2"])
        #expect(r.warnings.map(\.line) == [3, 4])
    }
}
