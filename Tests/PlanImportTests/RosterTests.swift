import Testing
import PlanModel
@testable import PlanImport

/// 甘肃省推进质量振兴工作责任制度 (003): a duty roster, not a plan.
@Suite struct RosterTests {
    static func roster() throws -> DutyRoster {
        let r = try Importer.importDocument(Seeds.text(Seeds.roster2011), fileName: Seeds.roster2011, id: nil)
        guard case .roster(let roster) = r.document else { Issue.record("not a roster"); throw Seeds.SeedError(path: "003") }
        #expect(r.warnings.isEmpty)
        return roster
    }

    @Test func head() throws {
        let r = try Self.roster()
        #expect(r.title == "甘肃省推进质量振兴工作责任制度")
        #expect(r.issued == Day(year: 2011, month: 7, day: 12))
        #expect(r.id == "gansu-2011")
        #expect(r.source == Seeds.roster2011)
    }

    /// Entries 1–14 in order; an entry naming several departments gives each
    /// of them its duties.
    @Test func everyMemberDepartment() throws {
        let r = try Self.roster()
        #expect(r.memberDepartments == [
            "省质监局", "甘肃出入境检验检疫局", "省工商局", "省建设厅", "省交通运输厅", "省水利厅", "省教育厅",
            "省农牧厅", "省林业厅", "省发展改革委", "省工信委", "省政府国资委", "省科技厅", "省财政厅",
            "省卫生厅", "省食品药品监管局", "省环保厅", "省安监局", "省统计局", "省商务厅", "省旅游局",
        ])
        for d in r.memberDepartments { #expect(!r.duties(of: d).isEmpty, "\(d)") }
        #expect(r.duties(of: "省工商局") == ["负责依法规范市场主体行为，加强流通领域商品质量监管，依法打击销售假冒伪劣商品、虚假广告和商标侵权等违法违规行为，营造公平、有序的市场环境"])
        // Entry 1 lists eleven duties separated by ；.
        #expect(r.duties(of: "省质监局").count == 11)
        #expect(r.duties(of: "省质监局").first == "按照国家质量工作方针、政策和法律法规，加强对全省质量工作的宏观指导，全面组织实施质量振兴工作")
        #expect(r.duties(of: "省质监局").last == "积极开展打假治劣、扶优扶强活动，依法规范生产企业质量行为")
        // Entry 4: three departments share the first sentence; the second,
        // whose subject is 省交通运输厅, is that department's alone.
        let building = r.duties(of: "省建设厅")
        #expect(building.count == 1)
        #expect(building.first?.hasPrefix("按照《中华人民共和国建筑法》") == true)
        #expect(r.duties(of: "省交通运输厅") == building + ["省交通运输厅要按照国家相关服务质量标准要求，提高营运服务质量管理水平，改善服务设施和条件，全面提高服务质量"])
        #expect(r.duties(of: "省水利厅") == building)
        #expect(r.duties(of: "省商务厅") == r.duties(of: "省旅游局"))
    }

    @Test func leadingGroupOfficeAndLocalGovernments() throws {
        let r = try Self.roster()
        let kinds = r.entries.map(\.kind)
        #expect(kinds.first == .leadingGroup)
        let group = try #require(r.entries.first { $0.kind == .leadingGroup })
        #expect(group.body == "省推进质量振兴工作领导小组")
        #expect(group.duties.count == 3)
        #expect(group.duties[2] == "按要求对各市州推进质量振兴工作进行监督检查和组织考核，并通报考核结果")
        let office = try #require(r.entries.first { $0.kind == .office })
        #expect(office.body == "领导小组办公室")
        #expect(office.duties.count == 5)
        #expect(office.duties[4] == "承担领导小组交办的其他工作事项")
        let all = try #require(r.entries.first { $0.kind == .allMembers })
        #expect(all.body == "领导小组成员单位")
        #expect(all.duties.count == 4)
        #expect(all.duties[0] == "在各自职责范围内，负责全省推进质量振兴的相关工作")
        let local = try #require(r.entries.first { $0.kind == .localGovernment })
        #expect(local.body == "各地政府")
        #expect(local.duties.count == 4)
        #expect(local.duties[3] == "建立相应工作机制，加强对本地区有关部门的年度考核，及时向领导小组办公室报告有关情况")
        #expect(r.entries.filter { $0.kind == .member }.count == 21)
    }
}

extension RosterTests {
    @Test func entryDutiesSplitAtSemicolonsAndFullStops() throws {
        let r = try Self.roster()
        #expect(r.duties(of: "省财政厅") == ["负责落实省委、省政府确定的推进质量振兴政策经费保障工作，并对财政资金使用情况进行监督检查"])
    }

    @Test func syntheticRoster() throws {
        let doc = """
        某省质量工作责任制度
        一、领导小组成员单位工作职责
        1.省质监局、省工信厅：负责甲；负责乙。
        2.省商务厅：负责丙。
        """
        let r = try Importer.importDocument(doc, fileName: "r.txt", id: "roster-x")
        guard case .roster(let roster) = r.document else { Issue.record("not a roster"); return }
        #expect(roster.id == "roster-x")
        #expect(roster.memberDepartments == ["省质监局", "省工信厅", "省商务厅"])
        #expect(roster.duties(of: "省工信厅") == ["负责甲", "负责乙"])
    }
}
