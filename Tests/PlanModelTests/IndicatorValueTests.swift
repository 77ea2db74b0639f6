import Testing
@testable import PlanModel

@Suite struct IndicatorValueTests {
    @Test func valuesAsTheOfficeTypesThem() {
        let pct = Indicator(id: "goal.1", name: "合格率", target: 98, unit: "%", source: "合格率达到98%以上")
        let bases = Indicator(id: "4.2.1", taskKey: "4.2", name: "省级基地", target: 20, unit: "家", source: "省级20家")
        #expect(pct.parseValue("97.5") == 97.5)
        #expect(pct.parseValue(" 97.5% ") == 97.5)
        #expect(pct.parseValue("100 %") == 100)
        #expect(bases.parseValue("21家") == 21)
        #expect(bases.parseValue("21") == 21)
        for bad in ["", "abc", "九十", "nan", "inf", "21个", "%"] {
            #expect(bases.parseValue(bad) == nil, "\(bad)")
        }
    }
}
