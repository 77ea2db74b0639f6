import Testing
import PlanModel
@testable import PlanImport

/// 甘肃省深入开展产品、工程和服务质量提升行动实施方案(2023-2025年): section 一
/// holds goals only; section 二 has six groups `(一)`…`(六)` over tasks
/// `1.`…`18.`; section 三 has `19.`…`21.`. Task 1 names the implementing
/// governments and says they implement every later task too.
@Suite struct Gansu2023Tests {
    // 省交通厅 (task 4) and 省交通运输厅 (task 20) are one department.
    static let expected: [ExpectedTask] = [
        .init("2.1", "扩大优质农产品食品供给", "J 省农业农村厅 省卫健委 省林草局 省市场监管局 省粮食和物资储备局 省药监局"),
        .init("2.2", "优化消费品供给质量", "J 省科技厅 省工信厅 省公安厅 省民政厅 省文旅厅 省市场监管局 省体育局"),
        .init("2.3", "促进生物医药创新发展", "J 省发展改革委 省科技厅 省工信厅 省农业农村厅 省卫健委 省市场监管局 省药监局"),
        .init("2.4", "推动建筑工程品质提升", "J 省工信厅 省住建厅 省交通运输厅 省水利厅"),
        .init("2.5", "加快传统产业升级改造", "J 省发展改革委 省科技厅 省工信厅 省农业农村厅 省药监局"),
        .init("2.6", "促进新材料新能源质量创新", "J 省发展改革委 省科技厅 省工信厅 省市场监管局"),
        .init("2.7", "推动数字经济惠民利民", "J 省工信厅 省农业农村厅 省商务厅 省市场监管局 省大数据中心"),
        .init("2.8", "促进服务品质提档升级", "J 省质量强省建设协调推进领导小组各成员单位* 省大数据中心"),
        .init("2.9", "加强生命健康质量保障", "J 省民政厅 省卫健委 省医保局 省药监局"),
        .init("2.10", "提升文化旅游质量效益", "J 省委宣传部 省发展改革委 省科技厅 省文旅厅 省文物局"),
        .init("2.11", "强化科技创新引领", "J 省教育厅 省科技厅 省政府国资委 省市场监管局"),
        .init("2.12", "开展关键技术质量攻关", "J 省发展改革委 省科技厅 省工信厅 省政府国资委 省市场监管局"),
        .init("2.13", "发挥企业质量提升主体作用", "J 省工信厅 省政府国资委 省市场监管局"),
        .init("2.14", "加速质量管理转型升级", "J 省科技厅 省工信厅 省政府国资委 省市场监管局"),
        .init("2.15", "完善质量共治体系", "J 省质量强省建设协调推进领导小组各成员单位*"),
        .init("2.16", "加快培育质量品牌优势", "J 省发展改革委 省工信厅 省住建厅 省农业农村厅 省商务厅 省文旅厅 省市场监管局"),
        .init("2.17", "提升质量基础设施服务效能", "J 省发展改革委 省科技厅 省工信厅 省商务厅 省政府国资委 省市场监管局 兰州海关"),
        .init("2.18", "提升劳动者质量素养", "J 省教育厅 省科技厅 省工信厅 省人社厅 省市场监管局 省总工会"),
        .init("3.19", "健全财政金融支持政策", "J 省科技厅 省工信厅 省财政厅 省市场监管局 省金融监管局 省税务局 甘肃银保监局"),
        .init("3.20", "加强质量安全监管", "J 省发展改革委 省工信厅 省公安厅 省民政厅 省住建厅 省交通运输厅 省水利厅 省农业农村厅 省文旅厅 省市场监管局 兰州海关"),
        .init("3.21", "发挥示范引领作用", "J 省委宣传部 省工信厅 省市场监管局 省总工会"),
    ]

    /// Task 1: `各市州人民政府、兰州新区负责具体实施`; the carry-over statement
    /// calls them 各市州政府 and 兰州新区管委会, the fuller name.
    static let implementers = [
        Assignment(department: "各市州人民政府", role: .implement, collective: true),
        Assignment(department: "兰州新区管委会", role: .implement),
    ]

    @Test func head() throws {
        let p = try Seeds.plan(Seeds.gansu2023)
        #expect(p.id == "gansu-2023-2025")
        #expect(p.title == "甘肃省深入开展产品、工程和服务质量提升行动实施方案(2023-2025年)")
        #expect(p.issuer == "甘肃省质量强省建设协调推进领导小组")
        #expect(p.issued == Day(year: 2023, month: 3, day: 24))
        #expect(p.period == Period(start: Day(year: 2023, month: 1, day: 1)!, end: Day(year: 2025, month: 12, day: 31)!))
    }

    @Test func sectionsAndGroups() throws {
        let p = try Seeds.plan(Seeds.gansu2023)
        #expect(p.sections.map(\.title) == ["总体要求", "重点任务", "保障措施"])
        #expect(sectionSizes(p) == [0, 18, 3])
        #expect(p.sections[0].groups.isEmpty)
        #expect(p.sections[2].groups.isEmpty)
        #expect(p.sections[1].groups == [
            Group(number: "一", title: "推进民生消费质量提升"),
            Group(number: "二", title: "增强产业基础质量竞争力"),
            Group(number: "三", title: "推动服务领域提质增效"),
            Group(number: "四", title: "强化质量变革创新"),
            Group(number: "五", title: "提升全面质量管理水平"),
            Group(number: "六", title: "夯实质量发展基础"),
        ])
        let groupOf = p.tasks.map { $0.group ?? -1 }
        #expect(groupOf == [0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5, 5, 5, -1, -1, -1])
    }

    @Test func tasksWithImplementersOnEveryTask() throws {
        let p = try Seeds.plan(Seeds.gansu2023)
        check(p, Self.expected, extra: Self.implementers)
    }

    @Test func aliases() throws {
        let p = try Seeds.plan(Seeds.gansu2023)
        #expect(p.department(named: "省交通厅")?.name == "省交通运输厅")
        #expect(p.department(named: "各市州政府")?.name == "各市州人民政府")
        #expect(p.department(named: "兰州新区")?.name == "兰州新区管委会")
        #expect(p.department(named: "各市州人民政府")?.collective == true)
    }
}
