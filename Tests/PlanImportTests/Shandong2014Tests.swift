import Testing
import PlanModel
@testable import PlanImport

/// 山东省贯彻实施质量发展纲要2014年行动计划: ASCII brackets, tasks `1.`…`16.`,
/// department kinds without the province (`质监部门牵头`, `…等部门、单位配合`).
@Suite struct Shandong2014Tests {
    // 质监 and 质监部门 are one department; so are 食品药品监管 and
    // 食品药品监管部门. The fuller spelling is the canonical name.
    static let expected: [ExpectedTask] = [
        .init("1.1", "加强食品及食用农产品质量安全监管", "L 食品药品监管部门 | C 教育 公安 农业 海洋与渔业 林业 畜牧兽医 商务 人力资源社会保障 卫生计生 海关 质监部门 出入境检验检疫"),
        .init("1.2", "加强消费品等重点产品质量安全监管", "J 公安 农业 海洋与渔业 林业 畜牧兽医 商务 卫生计生 海关 工商 质监部门 出入境检验检疫"),
        .init("1.3", "加强电子等新兴产业质量安全监管", "J 发展改革 经济和信息化 商务 质监部门"),
        .init("1.4", "促进大气环境质量改善", "J 发展改革 经济和信息化 环保 质监部门 出入境检验检疫"),
        .init("1.5", "加强工程和设备制造质量安全监管", "J 住房城乡建设 交通运输 农业 林业 质监部门 旅游"),
        .init("2.6", "加快质量诚信体系建设", "J 发展改革 商务 工商 质监部门 食品药品监管部门 旅游"),
        .init("2.7", "整顿和规范市场竞争秩序", "J 公安 农业 海洋与渔业 林业 畜牧兽医 商务 工商 质监部门 新闻出版广电 食品药品监管部门 知识产权"),
        .init("2.8", "落实企业质量安全主体责任", "J 住房城乡建设 商务 国资 工商 质监部门 食品药品监管部门"),
        .init("3.9", "加快制造业、服务业质量升级", "J 质监部门 发展改革 科技 经济和信息化 人力资源社会保障 林业 商务 统计 旅游"),
        .init("3.10", "加强质量升级相关基础工作", "L 质监部门 | C 发展改革 科技 财政 环保 交通运输 商务"),
        .init("3.11", "完善质量升级的激励机制", "L 质监部门 | C 发展改革 科技 经济和信息化 农业 海洋与渔业 林业 畜牧兽医 财政 商务 国资 工商"),
        .init("4.12", "积极推进质量强省建设", "J 政府质量工作领导机构各成员单位*"),
        .init("4.13", "加快质量法治和人才队伍建设", "J 食品药品监管部门 教育 人力资源社会保障 农业 海洋与渔业 林业 畜牧兽医 卫生计生 质监部门"),
        .init("4.14", "推进部门质量合作", "L 质监部门 | C 政府质量工作领导机构其他成员单位*"),
        .init("4.15", "广泛开展群众性质量活动", "J 经济和信息化 人力资源社会保障 质监部门"),
        .init("4.16", "加强政府质量工作统计分析", "L 政府质量工作领导机构 | J 各成员单位*"),
    ]

    @Test func head() throws {
        let p = try Seeds.plan(Seeds.shandong2014)
        #expect(p.id == "shandong-2014")
        #expect(p.title == "山东省贯彻实施质量发展纲要2014年行动计划")
        #expect(p.issuer == "山东省人民政府办公厅")
        #expect(p.issued == Day(year: 2014, month: 7, day: 2))
        #expect(p.period.start == Day(year: 2014, month: 1, day: 1))
        #expect(p.period.end == Day(year: 2014, month: 12, day: 31))
    }

    @Test func sections() throws {
        let p = try Seeds.plan(Seeds.shandong2014)
        #expect(p.sections.map(\.number) == ["一", "二", "三", "四"])
        #expect(p.sections[1].title == "加快建立优胜劣汰的质量发展市场机制")
        #expect(sectionSizes(p) == [5, 3, 3, 5])
        #expect(p.tasks.map(\.number) == (1...16).map(String.init))
    }

    @Test func tasks() throws {
        check(try Seeds.plan(Seeds.shandong2014), Self.expected)
    }

    @Test func aliases() throws {
        let p = try Seeds.plan(Seeds.shandong2014)
        #expect(p.department(named: "质监")?.name == "质监部门")
        #expect(p.department(named: "质监部门")?.aliases == ["质监"])
        #expect(p.department(named: "食品药品监管")?.name == "食品药品监管部门")
        #expect(p.departments.filter(\.collective).map(\.name) == ["政府质量工作领导机构各成员单位", "政府质量工作领导机构其他成员单位", "各成员单位"])
    }
}
