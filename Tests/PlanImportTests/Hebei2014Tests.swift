import Testing
import PlanModel
@testable import PlanImport

/// 河北省…2014年行动计划: task numbers （一） restart in every section; every
/// task is `（…等部门按职责分工负责）`.
@Suite struct Hebei2014Tests {
    static let expected: [ExpectedTask] = [
        .init("1.1", "加强食品药品质量安全监管", "J 省食品药品监管局 省公安厅 省商务厅 省卫生计生委 省教育厅 河北出入境检验检疫局 省质监局"),
        .init("1.2", "加强农产品质量安全监管体系建设", "J 省农业厅 省人力资源社会保障厅 省工商局"),
        .init("1.3", "强化重要消费品质量安全监管", "J 省工业和信息化厅 省农业厅 省公安厅 河北出入境检验检疫局 石家庄海关 省商务厅 省质监局 省工商局"),
        .init("1.4", "加强电子等新兴产业质量安全监管", "J 省发展改革委 省工业和信息化厅 省商务厅 省质监局"),
        .init("1.5", "促进大气环境质量改善", "J 省发展改革委 省环境保护厅 省国资委 省工业和信息化厅 省质监局 省法制办"),
        .init("1.6", "加强工程和设备制造质量安全监管", "J 省发展改革委 省工业和信息化厅 省住房城乡建设厅 省农业厅 省交通运输厅 省旅游局 省质监局"),
        .init("2.1", "加快质量诚信体系建设", "J 省质监局 省工业和信息化厅 省水利厅 省商务厅 省工商局 省食品药品监管局 省旅游局"),
        .init("2.2", "整顿和规范市场竞争秩序", "J 省公安厅 省工商局 省商务厅 省新闻出版广电局 省食品药品监管局 省质监局"),
        .init("2.3", "严格落实企业质量安全主体责任", "J 省工业和信息化厅 省住房城乡建设厅 省国资委 省工商局 省质监局 省食品药品监管局"),
        .init("3.1", "加快推进京津冀对接协作发展", "J 省质监局 省农业厅 省商务厅"),
        .init("3.2", "推动制造业、服务业质量水平提升", "J 省科技厅 省工业和信息化厅 省质监局 省发展改革委 省商务厅 省交通运输厅 省住房城乡建设厅 省通信管理局 河北银监局 省旅游局"),
        .init("3.3", "扎实做好质量升级相关基础工作", "J 省质监局 省发展改革委 省工业和信息化厅 省环境保护厅"),
        .init("3.4", "完善质量升级激励机制", "J 省科技厅 省质监局 省工业和信息化厅 省财政厅"),
        .init("3.5", "大力推动品牌建设", "J 省质监局 省发展改革委 省科技厅 省工业和信息化厅 省农业厅 省商务厅 省旅游局 省国资委"),
        .init("4.1", "加强质量人才队伍建设", "J 省教育厅 省人力资源社会保障厅 省工业和信息化厅 省农业厅 省质监局 省总工会"),
        .init("4.2", "推动质量共治", "J 省质监局 省政府新闻办 省新闻出版广电局"),
        .init("4.3", "开展群众性质量活动", "J 省质监局 省工业和信息化厅 省国资委"),
        .init("4.4", "完善质量工作考核制度", "J 省委组织部 省质监局 省统计局"),
    ]

    @Test func head() throws {
        let p = try Seeds.plan(Seeds.hebei2014)
        #expect(p.id == "hebei-2014")
        #expect(p.title == "河北省贯彻实施质量发展纲要深入推进质量兴省战略2014年行动计划")
        // The document prints its date but no issuer line.
        #expect(p.issuer == "")
        #expect(p.issued == Day(year: 2014, month: 6, day: 16))
        #expect(p.period.end == Day(year: 2014, month: 12, day: 31))
    }

    @Test func sectionsAndRestartingNumbers() throws {
        let p = try Seeds.plan(Seeds.hebei2014)
        #expect(sectionSizes(p) == [6, 3, 5, 4])
        #expect(p.tasks.count == 18)
        #expect(Set(p.tasks.map(\.key)).count == 18)
        #expect(p.tasks.filter { $0.number == "一" }.map(\.key) == ["1.1", "2.1", "3.1", "4.1"])
    }

    @Test func tasks() throws {
        check(try Seeds.plan(Seeds.hebei2014), Self.expected)
        let p = try Seeds.plan(Seeds.hebei2014)
        #expect(!p.tasks.contains { t in t.assignments.contains { $0.role != .joint } })
    }
}
