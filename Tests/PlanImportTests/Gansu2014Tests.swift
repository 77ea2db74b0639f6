import Testing
import PlanModel
@testable import PlanImport

/// 甘肃省贯彻实施质量发展纲要2014年行动计划: full-width brackets, tasks
/// （一）…（二十九） numbered across sections, `X牵头，Y配合`.
@Suite struct Gansu2014Tests {
    static let expected: [ExpectedTask] = [
        .init("1.1", "加快质量诚信体系建设", "L 省发展改革委 省质监局 | C 省工信委 省商务厅 省工商局 省食品药品监管局 省旅游局 甘肃出入境检验检疫局"),
        .init("1.2", "整顿和规范市场竞争秩序", "L 省商务厅 省工商局 省质监局 省科技厅 省旅游局 | C 省公安厅 省食品药品监管局 省新闻出版广电局"),
        .init("1.3", "完善质量发展激励机制", "L 省质监局 | C 省发展改革委 省工信委"),
        .init("2.4", "严格企业质量安全主体责任", "L 省工信委 省质监局 | C 省商务厅 省卫生计生委 省政府国资委 省工商局 省食品药品监管局"),
        .init("2.5", "引导企业加强品牌建设", "L 省质监局 省建设厅 省工商局 | C 省科技厅 省工信委 省财政厅 省商务厅 省政府国资委"),
        .init("3.6", "加强农产品质量安全监管", "L 省农牧厅 | C 省公安厅 省食品药品监管局 省质监局"),
        .init("3.7", "保障食品药品质量安全", "L 省食品药品监管局 省卫生计生委 甘肃出入境检验检疫局 | C 省教育厅 省公安厅 省商务厅 省工商局 省质监局"),
        .init("3.8", "强化重要消费品质量安全监管", "L 省质监局 省工商局 甘肃出入境检验检疫局 | C 省工信委 省公安厅 省农牧厅 省商务厅 省卫生计生委"),
        .init("3.9", "推动工程质量水平提升", "L 省建设厅 省交通运输厅 省水利厅 | C 省质监局 省旅游局"),
        .init("3.10", "推动服务业质量水平提升", "L 省发展改革委 | C 省交通运输厅 省商务厅 省卫生计生委 省质监局 省统计局 省旅游局"),
        .init("3.11", "促进大气环境质量改善", "L 省环保厅 省发展改革委 省质监局 | C 省科技厅 省工信委"),
        .init("3.12", "深化环保管理改革，创新环境质量监管模式", "L 省环保厅 | C 省发展改革委 省质监局 省工信委"),
        .init("3.13", "加强重大设备监理和特种设备监管", "L 省质监局 省安监局 省发展改革委 省工信委 | C 省建设厅 省交通运输厅 省商务厅 省政府国资委 省旅游局"),
        .init("3.14", "加强出入境检验检疫工作", "L 甘肃出入境检验检疫局 | C 省商务厅 省农牧厅"),
        .init("3.15", "强化国防科技工业质量监管", "L 省工信委 | C 省质监局"),
        .init("3.16", "加强消费者维权机制建设", "L 省环保厅 省建设厅 省交通运输厅 省水利厅 省农牧厅 省商务厅 省工商局 省质监局 省旅游局 省食品药品监管局"),
        .init("4.17", "加快质量法治建设", "L 省质监局 省政府法制办"),
        .init("4.18", "改进和加强标准化工作", "L 省质监局 | C 省发展改革委 省科技厅 省商务厅 省工信委 省环保厅 省交通运输厅 省农牧厅 省旅游局"),
        .init("4.19", "强化计量基础工作", "L 省质监局 | C 省发展改革委 省科技厅 省财政厅 省交通运输厅"),
        .init("4.20", "完善认证认可体系", "L 省质监局 | C 省发展改革委 省科技厅 省交通运输厅"),
        .init("4.21", "推进检验检测机构整合发展", "L 省质监局 | C 省发展改革委 省科技厅 省工信委 省财政厅 省政府国资委"),
        .init("4.22", "优化质量统计分析", "L 省质监局 | C 省食品药品监管局 省发展改革委 省建设厅 省交通运输厅 省水利厅 省环保厅 省商务厅 省旅游局 省统计局 甘肃出入境检验检疫局"),
        .init("5.23", "推动企业质量技术创新", "L 省工信委 省科技厅 | C 省政府国资委 省质监局"),
        .init("5.24", "推动重点产品和制造业质量升级", "L 省工信委 省质监局 | C 省科技厅 省商务厅"),
        .init("5.25", "加强质量人才队伍建设", "L 省教育厅 省人社厅 省质监局 | C 省科技厅 省工信委 省总工会"),
        .init("6.26", "健全质量工作协调机制", "L 省质监局 | C 省质量发展领导小组各成员单位*"),
        // Printed 省质量发展领导小组成员单位: the same collective body.
        .init("6.27", "营造促进质量发展的良好氛围", "L 省质监局 | C 省质量发展领导小组各成员单位*"),
        .init("6.28", "广泛开展群众性质量活动", "L 省质监局 | C 省工信委 省人社厅 团省委 省妇联 省总工会 省质量协会"),
        .init("6.29", "实施年度质量工作责任考核", "L 省政府办公厅 | C 省委组织部 省质量发展领导小组各成员单位*"),
    ]

    @Test func head() throws {
        let p = try Seeds.plan(Seeds.gansu2014)
        #expect(p.id == "gansu-2014")
        #expect(p.title == "甘肃省贯彻实施质量发展纲要2014年行动计划")
        #expect(p.issuer == "甘肃省人民政府办公厅")
        #expect(p.issued == Day(year: 2014, month: 4, day: 28))
        #expect(p.period == Period(start: Day(year: 2014, month: 1, day: 1)!, end: Day(year: 2014, month: 12, day: 31)!))
        #expect(p.source == Seeds.gansu2014)
    }

    @Test func sections() throws {
        let p = try Seeds.plan(Seeds.gansu2014)
        #expect(p.sections.map(\.number) == ["一", "二", "三", "四", "五", "六"])
        #expect(p.sections.map(\.title) == ["大力营造公平竞争的发展环境", "严格落实企业质量主体责任", "改革和创新政府质量监管",
                                            "加强质量基础建设", "坚持依靠创新驱动提升质量", "积极推进质量社会共治"])
        #expect(sectionSizes(p) == [3, 2, 11, 6, 3, 4])
        #expect(p.tasks.count == 29)
        #expect(p.sections.allSatisfy { $0.groups.isEmpty })
        #expect(p.tasks.map(\.number).last == "二十九")
    }

    @Test func tasks() throws {
        check(try Seeds.plan(Seeds.gansu2014), Self.expected)
    }

    @Test func textLeavesOutTheDepartmentList() throws {
        let p = try Seeds.plan(Seeds.gansu2014)
        let t = try #require(p.task("6.27"))
        #expect(t.text.hasPrefix("营造促进质量发展的良好氛围。精心组织2014年省“质量月”"))
        #expect(t.text.hasSuffix("完善质量纠纷行政民事调解和公益诉讼等制度。"))
        let t2 = try #require(p.task("1.2"))
        #expect(t2.text.contains("建立旅游市场（安全）综合监管机制"))
    }

    @Test func departmentsWithAliases() throws {
        let p = try Seeds.plan(Seeds.gansu2014)
        let c = try #require(p.department(named: "省质量发展领导小组成员单位"))
        #expect(c.name == "省质量发展领导小组各成员单位")
        #expect(c.aliases == ["省质量发展领导小组成员单位"])
        #expect(c.collective)
        #expect(p.departments.first?.name == "省发展改革委")
        #expect(p.departments.filter(\.collective).count == 1)
        #expect(p.departments.count == 31)
    }
}
