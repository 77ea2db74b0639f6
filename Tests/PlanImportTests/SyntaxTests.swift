import Testing
import PlanModel
@testable import PlanImport

/// The other ways documents of this family name who does a task, each in a
/// small document of its own.
@Suite struct SyntaxTests {
    static func plan(_ text: String, id: String? = nil) throws -> (Plan, [ImportWarning]) {
        let r = try Importer.importDocument(text, fileName: "test.txt", id: id)
        guard case .plan(let p) = r.document else { throw Seeds.SeedError(path: "not a plan") }
        return (p, r.warnings)
    }

    static func pairs(_ t: PlanTask?) -> [String] {
        (t?.assignments ?? []).map { "\($0.department)/\($0.role.rawValue)" }
    }

    @Test func responsibilityLineAfterTheTaskAndEnumerationCommaNumbers() throws {
        let (p, w) = try Self.plan("""
        某省2020年质量工作要点
        一、加强质量监管
        1、加强食品安全监管。开展抽检，公布结果。
        省市场监管局、省农业农村厅负责落实。
        2、加强工程质量监管。开展检查。
        省住建厅负责落实。
        """)
        #expect(w.isEmpty)
        #expect(p.tasks.map(\.key) == ["1.1", "1.2"])
        #expect(p.tasks.map(\.number) == ["1", "2"])
        #expect(p.tasks[0].title == "加强食品安全监管")
        #expect(p.tasks[0].text == "加强食品安全监管。开展抽检，公布结果。")
        #expect(Self.pairs(p.task("1.1")) == ["省市场监管局/joint", "省农业农村厅/joint"])
        #expect(Self.pairs(p.task("1.2")) == ["省住建厅/joint"])
        #expect(p.id == "plan-2020")
    }

    @Test func labelledLeadAndResponsibleUnits() throws {
        let (p, w) = try Self.plan("""
        浙江省2021年质量提升行动计划
        一、夯实质量基础
        （一）完善标准体系。制定地方标准。
        牵头单位：省市场监管局；责任单位：省经信厅、省商务厅
        （二）加强计量工作。（牵头单位：省市场监管局；配合单位：省科技厅）
        """)
        #expect(w.isEmpty)
        #expect(p.id == "zhejiang-2021")
        #expect(Self.pairs(p.task("1.1")) == ["省市场监管局/lead", "省经信厅/joint", "省商务厅/joint"])
        #expect(Self.pairs(p.task("1.2")) == ["省市场监管局/lead", "省科技厅/cooperate"])
        #expect(p.task("1.2")?.text == "加强计量工作。")
    }

    @Test func firstListedDepartmentLeads() throws {
        let (p, w) = try Self.plan("""
        四川省2022年质量工作要点
        （各项任务后括号内列第一位者为牵头部门，下同）
        一、推动质量提升
        （一）提升产品质量。开展攻关。（省经济和信息化厅、省市场监管局、省科技厅）
        （二）提升工程质量。开展检查。（省住房城乡建设厅、省交通运输厅负责）
        二、强化保障
        （三）加强考核。开展评价。（省市场监管局）
        """)
        #expect(w.isEmpty)
        #expect(p.id == "sichuan-2022")
        #expect(Self.pairs(p.task("1.1")) == ["省经济和信息化厅/lead", "省市场监管局/cooperate", "省科技厅/cooperate"])
        #expect(Self.pairs(p.task("1.2")) == ["省住房城乡建设厅/lead", "省交通运输厅/cooperate"])
        #expect(Self.pairs(p.task("2.3")) == ["省市场监管局/lead"])
    }

    @Test func ruleStatedInsideTheFirstList() throws {
        let (p, _) = try Self.plan("""
        云南省2019年质量工作要点
        一、重点工作
        （一）甲。（省质监局、省工商局，列第一位者为牵头部门，下同）
        （二）乙。（省商务厅、省旅游局）
        """)
        #expect(Self.pairs(p.task("1.1")) == ["省质监局/lead", "省工商局/cooperate"])
        #expect(Self.pairs(p.task("1.2")) == ["省商务厅/lead", "省旅游局/cooperate"])
    }

    /// The same plan with full-width and with ASCII brackets and commas.
    @Test func asciiAndFullWidthBracketsReadAlike() throws {
        let full = """
        安徽省2015年行动计划
        一、严格监管
        （一）加强监管。开展检查（抽查）。（省质监局、省工商局牵头，省公安厅等部门、单位配合）
        （二）提升服务。开展测评。（省商务厅等部门按职责分工负责）
        """
        let ascii = """
        安徽省2015年行动计划
        一、严格监管
        (一)加强监管。开展检查(抽查)。(省质监局、省工商局牵头,省公安厅等部门、单位配合)
        (二)提升服务。开展测评。(省商务厅等部门按职责分工负责)
        """
        let (a, wa) = try Self.plan(full)
        let (b, wb) = try Self.plan(ascii)
        #expect(wa.isEmpty && wb.isEmpty)
        #expect(a.tasks.map(\.assignments) == b.tasks.map(\.assignments))
        #expect(a.tasks.map(\.title) == b.tasks.map(\.title))
        #expect(Self.pairs(a.task("1.1")) == ["省质监局/lead", "省工商局/lead", "省公安厅/cooperate"])
        #expect(Self.pairs(a.task("1.2")) == ["省商务厅/joint"])
        #expect(a.task("1.1")?.text == "加强监管。开展检查（抽查）。")
        #expect(b.task("1.1")?.text == "加强监管。开展检查(抽查)。")
    }

    @Test func implementersCarryOverToLaterTasks() throws {
        let (p, w) = try Self.plan("""
        湖南省质量提升方案(2023-2025年)
        一、重点任务
        1.甲。(省市场监管局等按职责分工负责,各市州人民政府负责具体实施;以下措施均需各市州政府落实,不再一一列出)
        2.乙。(省科技厅等按职责分工负责)
        二、保障措施
        3.丙。(省财政厅牵头)
        """)
        #expect(w.isEmpty)
        #expect(p.id == "hunan-2023-2025")
        #expect(p.period.end == Day(year: 2025, month: 12, day: 31))
        #expect(Self.pairs(p.task("1.1")) == ["省市场监管局/joint", "各市州人民政府/implement"])
        #expect(Self.pairs(p.task("1.2")) == ["省科技厅/joint", "各市州人民政府/implement"])
        #expect(Self.pairs(p.task("2.3")) == ["省财政厅/lead", "各市州人民政府/implement"])
        #expect(p.department(named: "各市州政府")?.name == "各市州人民政府")
        #expect(p.task("2.3")?.assignments.last?.collective == true)
    }

    @Test func collectiveBodiesAndEtcStripped() throws {
        let (p, _) = try Self.plan("""
        福建省2016年行动计划
        一、共治
        （一）甲。（省质监局牵头，省质量强省领导小组各成员单位、各设区市人民政府等配合）
        （二）乙。（质监、工商等部门、单位按职责分工负责）
        （三）丙。（质监部门牵头）
        """)
        let t = try #require(p.task("1.1"))
        #expect(t.assignments == [
            Assignment(department: "省质监局", role: .lead),
            Assignment(department: "省质量强省领导小组各成员单位", role: .cooperate, collective: true),
            Assignment(department: "各设区市人民政府", role: .cooperate, collective: true),
        ])
        #expect(Self.pairs(p.task("1.2")) == ["质监部门/joint", "工商/joint"])
        #expect(Self.pairs(p.task("1.3")) == ["质监部门/lead"])
        #expect(p.department(named: "质监")?.aliases == ["质监"])
    }

    @Test func groupHeadingsOnlyWhenTasksFollow() throws {
        let (p, _) = try Self.plan("""
        广东省质量行动方案(2024-2026年)
        一、总体要求
        (一)指导思想
        以质量为先。
        二、重点任务
        (一)提升产品质量
        1.甲。(省市场监管局等按职责分工负责)
        2.乙。(省工信厅等按职责分工负责)
        (二)提升服务质量
        3.丙。(省商务厅等按职责分工负责)
        """)
        #expect(p.sections[0].groups.isEmpty)
        #expect(p.sections[1].groups.map(\.title) == ["提升产品质量", "提升服务质量"])
        #expect(p.tasks.map(\.group) == [0, 0, 1])
        #expect(p.tasks.map(\.key) == ["2.1", "2.2", "2.3"])
    }

    @Test func taskTextOverTwoLines() throws {
        let (p, w) = try Self.plan("""
        江苏省2017年行动计划
        一、监管
        （一）加强监管。开展检查，
        公布结果。（省质监局牵头）
        """)
        #expect(w.isEmpty)
        #expect(p.task("1.1")?.text == "加强监管。开展检查，公布结果。")
        #expect(Self.pairs(p.task("1.1")) == ["省质监局/lead"])
    }

    @Test func taskTextOverSeveralLinesThenItsResponsibilityLine() throws {
        let (p, w) = try Self.plan("""
        江苏省2017年行动计划
        一、监管
        （一）加强监管。开展检查。
        公布结果。
        接受监督。
        省质监局、省工商局负责落实。
        （二）提升服务。
        结语段落。
        """)
        #expect(p.task("1.1")?.text == "加强监管。开展检查。公布结果。接受监督。")
        #expect(Self.pairs(p.task("1.1")) == ["省质监局/joint", "省工商局/joint"])
        #expect(p.task("1.2")?.text == "提升服务。")
        #expect(w.map(\.line) == [7])
    }

    @Test func givenIdWinsAndIsChecked() throws {
        let (p, _) = try Self.plan("""
        江苏省2017年行动计划
        一、监管
        （一）加强监管。（省质监局牵头）
        """, id: "js-17")
        #expect(p.id == "js-17")
        #expect(throws: ImportError.self) {
            _ = try Importer.importDocument("一、甲\n（一）乙。（省质监局牵头）", fileName: "x", id: "Bad Id")
        }
    }

    @Test func timeLimitsInTheListSetTheDueDate() throws {
        let (p, w) = try Self.plan("""
        贵州省2014年行动计划
        一、监管
        （一）甲。（省质监局牵头，省工商局配合，6月底前完成）
        （二）乙。（省商务厅负责，2014年9月30日前完成）
        （三）丙。（省旅游局负责，年底前完成）
        （四）丁。（省农业厅负责）
        （五）戊。（省林业厅负责，2015年3月底前完成）
        """)
        #expect(p.tasks.map { "\($0.due)" } == ["2014-06-30", "2014-09-30", "2014-12-31", "2014-12-31", "2014-12-31"])
        #expect(Self.pairs(p.task("1.1")) == ["省质监局/lead", "省工商局/cooperate"])
        #expect(w.map(\.line) == [7])
    }

    @Test func deadlineClauses() {
        func d(_ s: String) -> Deadline? { Deadline.parse(s.scalars[...]) }
        #expect(d("6月底前完成") == Deadline(year: nil, month: 6, day: nil))
        #expect(d("2014年9月30日前") == Deadline(year: 2014, month: 9, day: 30))
        #expect(d("十一月底前") == Deadline(year: nil, month: 11, day: nil))
        #expect(d("年底前完成") == Deadline(year: nil, month: 12, day: 31))
        #expect(d("省年鉴社") == nil)
        #expect(d("省质监局") == nil)
        #expect(d("13月底前") == nil)
    }

    @Test func implementersStatedOnTheirOwnLine() throws {
        let (p, w) = try Self.plan("""
        宁夏回族自治区2016年质量工作要点
        一、重点任务
        以下各项任务均需各市县人民政府落实，不再一一列出。
        （一）甲。（自治区质监局牵头）
        （二）乙。（自治区商务厅牵头）
        """)
        #expect(w.isEmpty)
        #expect(p.id == "ningxia-2016")
        #expect(Self.pairs(p.task("1.1")) == ["自治区质监局/lead", "各市县人民政府/implement"])
        #expect(Self.pairs(p.task("1.2")) == ["自治区商务厅/lead", "各市县人民政府/implement"])
    }

    @Test func issuerAndDateSignedAtTheBottom() throws {
        let (p, _) = try Self.plan("""
        吉林省2015年质量工作要点
        一、重点任务
        （一）甲。（省质监局牵头）
        吉林省人民政府办公厅
        2015年3月2日
        """)
        #expect(p.issuer == "吉林省人民政府办公厅")
        #expect(p.issued == Day(year: 2015, month: 3, day: 2))
        #expect(p.id == "jilin-2015")
    }

    @Test func leadMarkedAfterAName() throws {
        let (p, w) = try Self.plan("""
        天津市2019年质量工作要点
        一、重点任务
        （一）甲。
        责任单位：市市场监管委（牵头）、市工信局、市商务局
        """)
        #expect(w.isEmpty)
        #expect(p.id == "tianjin-2019")
        #expect(Self.pairs(p.task("1.1")) == ["市市场监管委/lead", "市工信局/joint", "市商务局/joint"])
    }

    @Test func otherNumberingWithDepartmentsIsReported() throws {
        let (p, w) = try Self.plan("""
        天津市2019年质量工作要点
        一、重点任务
        （一）甲。（市工信局牵头）
        （二）乙。（市商务局牵头）
        1.丙。（市教委牵头）
        """)
        #expect(p.tasks.count == 2)
        #expect(w.map(\.line) == [5])
    }
}
