import Testing
import PlanModel
@testable import PlanImport

@Suite struct HeadTests {
    @Test func chineseNumerals() {
        func v(_ s: String) -> Int? { ChineseNumeral.value(s.scalars) }
        #expect(v("一") == 1)
        #expect(v("十") == 10)
        #expect(v("十三") == 13)
        #expect(v("二十") == 20)
        #expect(v("二十九") == 29)
        #expect(v("一百零五") == 105)
        #expect(v("二○一一") == 2011)
        #expect(v("十十") == nil)
        #expect(v("甲") == nil)
        #expect(v("") == nil)
    }

    @Test func chineseDates() {
        func d(_ s: String) -> Day? { ChineseDate.wholeLine(s.scalars[...]) }
        #expect(d("2014年4月28日") == Day(year: 2014, month: 4, day: 28))
        #expect(d("二○一一年七月十二日") == Day(year: 2011, month: 7, day: 12))
        #expect(d("二〇二三年三月二十四日") == Day(year: 2023, month: 3, day: 24))
        #expect(d("2014年2月30日") == nil)
        #expect(d("已经2014年3月31日省质量发展领导小组审定") == nil)
    }

    @Test func titleYearsAndSlugs() {
        #expect(TitleYears.find("甘肃省贯彻实施质量发展纲要2014年行动计划")! == (2014, 2014))
        #expect(TitleYears.find("实施方案(2023-2025年)")! == (2023, 2025))
        #expect(TitleYears.find("实施方案（2023—2025年）")! == (2023, 2025))
        #expect(TitleYears.find("质量工作要点") == nil)
        #expect(PlanSlug.make(title: "甘肃省贯彻实施质量发展纲要2014年行动计划", issuer: "", years: (2014, 2014)) == "gansu-2014")
        #expect(PlanSlug.make(title: "实施方案(2023-2025年)", issuer: "甘肃省质量强省建设协调推进领导小组", years: (2023, 2025)) == "gansu-2023-2025")
        #expect(PlanSlug.make(title: "山东省…", issuer: "", years: (2014, 2014)) == "shandong-2014")
        #expect(PlanSlug.make(title: "河北省…", issuer: "", years: (2014, 2014)) == "hebei-2014")
        #expect(PlanSlug.make(title: "陕西省…", issuer: "", years: (2016, 2016)) == "shaanxi-2016")
        #expect(PlanSlug.make(title: "内蒙古自治区…", issuer: "", years: (2016, 2016)) == "neimenggu-2016")
        #expect(PlanSlug.make(title: "质量工作要点", issuer: "", years: (2020, 2020)) == "plan-2020")
    }

    @Test func headWithoutTitleLineFallsBackToTheQuotedTitle() throws {
        let r = try Importer.importDocument("""
        各市人民政府：
        《青海省2018年质量工作要点》已经省政府同意，现印发给你们。
        青海省人民政府办公厅
        2018年5月4日
        一、监管
        （一）甲。（省质监局牵头）
        """, fileName: "q.txt", id: nil)
        guard case .plan(let p) = r.document else { Issue.record("not a plan"); return }
        #expect(p.title == "青海省2018年质量工作要点")
        #expect(p.issuer == "青海省人民政府办公厅")
        #expect(p.issued == Day(year: 2018, month: 5, day: 4))
        #expect(p.id == "qinghai-2018")
    }
}
