import Testing
import PlanModel
@testable import PlanImport

@Suite struct IndicatorTests {
    @Test func goalsOf2023Plan() throws {
        let p = try Seeds.plan(Seeds.gansu2023)
        let first = "到2025年,全省产品、工程、服务质量水平进一步提升,农产品食品安全底线进一步筑牢,主要农产品例行监测合格率达到98%以上"
        let second = "制造业产品质量合格率达到94%以上,消费品优质供给能力明显增强"
        let third = "工程质量保障体系健全并规范高效运行,建筑工程品质进一步提升,高速(含一级)公路、干线公路抽检指标总体合格率分别提高到98.0%、97.5%以上"
        #expect(p.indicators == [
            Indicator(id: "goal.1", name: "主要农产品例行监测合格率", target: 98, unit: "%", source: first),
            Indicator(id: "goal.2", name: "制造业产品质量合格率", target: 94, unit: "%", source: second),
            Indicator(id: "goal.3", name: "高速(含一级)公路抽检指标总体合格率", target: 98.0, unit: "%", source: third),
            Indicator(id: "goal.4", name: "干线公路抽检指标总体合格率", target: 97.5, unit: "%", source: third),
        ])
        #expect(p.indicators.allSatisfy { $0.taskKey == nil && $0.comparison == .atLeast && $0.actual == nil })
    }

    @Test func countsOfHebeiPlan() throws {
        let p = try Seeds.plan(Seeds.hebei2014)
        let bases = "广泛开展质量教育社会实践活动，继续推进中小学质量教育社会实践基地建设，力争达到省级20家、市级40家"
        let groups = "在全省企业中广泛开展QC小组、“五小”（小建议、小革新、小攻关、小发明、小创造）、岗位练兵、技术比武等群众性质量活动，选择千家民营企业开展质量管理知识普及活动，培育质量管理骨干1500名，争创省优小组50个、国优小组5个，省质量管理优秀班组50个、优秀成果50个"
        #expect(p.indicators == [
            Indicator(id: "4.2.1", taskKey: "4.2", name: "省级中小学质量教育社会实践基地", target: 20, unit: "家", source: bases),
            Indicator(id: "4.2.2", taskKey: "4.2", name: "市级中小学质量教育社会实践基地", target: 40, unit: "家", source: bases),
            Indicator(id: "4.3.1", taskKey: "4.3", name: "质量管理骨干", target: 1500, unit: "名", source: groups),
            Indicator(id: "4.3.2", taskKey: "4.3", name: "省优小组", target: 50, unit: "个", source: groups),
            Indicator(id: "4.3.3", taskKey: "4.3", name: "国优小组", target: 5, unit: "个", source: groups),
            Indicator(id: "4.3.4", taskKey: "4.3", name: "省质量管理优秀班组", target: 50, unit: "个", source: groups),
            Indicator(id: "4.3.5", taskKey: "4.3", name: "优秀成果", target: 50, unit: "个", source: groups),
        ])
    }

    @Test func coverageInGansu2014AndNoneInShandong() throws {
        let g = try Seeds.plan(Seeds.gansu2014)
        #expect(g.indicators == [
            Indicator(id: "3.9.1", taskKey: "3.9", name: "新开工建筑工程质量监督覆盖率", target: 100, unit: "%",
                      source: "以在建保障性安居工程、公共建筑等为重点，组织开展全省建筑工程质量监督执法检查，推进住宅工程质量常见问题专项治理，确保新开工建筑工程质量监督覆盖率达100%"),
        ])
        #expect(try Seeds.plan(Seeds.shandong2014).indicators.isEmpty)
    }

    static func extract(_ s: String) -> [String] {
        IndicatorExtractor.extract(s.scalars[...]).map { "\($0.name)=\($0.target)\($0.unit)" }
    }

    @Test func noiseIsLeftAlone() {
        #expect(Self.extract("制定本计划（国发〔2012〕9号）。完善12315、12365等平台。推进5G建设。") == [])
        #expect(Self.extract("确保风电、塑料建材等5个国家质检中心项目年内竣工。") == [])
        #expect(Self.extract("开展2014年度评价，第3批企业。") == [])
        #expect(Self.extract("单位产值能耗降低5%，不合格率控制在2%以下。") == [])
    }

    @Test func percentagesAndCounts() {
        #expect(Self.extract("全省产品质量合格率达到98.5%以上。") == ["全省产品质量合格率=98.5%"])
        #expect(Self.extract("培训质检人员300名。新增检测机构12家。") == ["质检人员=300.0名", "检测机构=12.0家"])
        #expect(Self.extract("食品抽检合格率不低于97％。") == ["食品抽检合格率=97.0%"])
        #expect(Self.extract("建标覆盖率力争达90%以上，计量标准增加12项。") == ["建标覆盖率=90.0%", "计量标准=12.0项"])
        #expect(Self.extract("产品抽查合格率逐年达到89%、90%、91%。") == ["产品抽查合格率=89.0%", "产品抽查合格率=90.0%", "产品抽查合格率=91.0%"])
    }
}
