import Testing
@testable import PlanModel

@Suite struct VocabularyTests {
    @Test func languageFromFlagThenEnvironmentThenChinese() {
        #expect(Language.resolve(flag: nil, environment: [:]) == .zh)
        #expect(Language.resolve(flag: nil, environment: ["DUBAN_LANG": "en"]) == .en)
        #expect(Language.resolve(flag: nil, environment: ["DUBAN_LANG": "en_GB.UTF-8"]) == .en)
        #expect(Language.resolve(flag: nil, environment: ["DUBAN_LANG": "zh_CN"]) == .zh)
        #expect(Language.resolve(flag: "zh", environment: ["DUBAN_LANG": "en"]) == .zh)
        #expect(Language.resolve(flag: "en", environment: [:]) == .en)
    }

    @Test func everyStatusLabelAndCodeParsesBack() {
        for s in TaskStatus.allCases {
            #expect(Vocabulary.status(named: s.rawValue) == s)
            #expect(Vocabulary.status(named: Vocabulary(.zh).status(s)) == s)
            #expect(Vocabulary.status(named: Vocabulary(.zh).statusShort(s)) == s)
        }
        #expect(Vocabulary.status(named: "完成") == .done)
        #expect(Vocabulary.status(named: "finished") == nil)
    }

    /// Short forms shorten the same word: a narrow column never says something else.
    @Test func shortFormsFitTheirColumns() {
        let zh = Vocabulary(.zh), en = Vocabulary(.en)
        for r in Role.allCases {
            #expect(zh.roleShort(r).count == 2 && zh.roleInitial(r).count == 1)
            #expect(zh.roleShort(r).hasPrefix(zh.roleInitial(r)))
            #expect(en.roleShort(r).count <= 5)
        }
        for s in TaskStatus.allCases {
            #expect(en.statusNarrow(s).count <= 6)
            #expect(zh.status(s).hasPrefix(zh.statusShort(s)))
        }
    }

    @Test func numbersAsPeopleWriteThem() {
        #expect(NumberText.plain(98) == "98" && NumberText.plain(97.5) == "97.5")
        #expect(NumberText.oneDecimal(59.46) == "59.5" && NumberText.oneDecimal(87) == "87.0")
        #expect(NumberText.percent(65.24, tenths: true) == "65.2%" && NumberText.percent(55, tenths: true) == "55%")
        #expect(NumberText.percent(62.5) == "63%" && NumberText.percent(0.4) == "0%")
    }

    @Test func headingsChangeCaseInEnglishOnly() {
        #expect(Vocabulary(.en).heading("department") == "Department")
        #expect(Vocabulary(.en).upper("tasks") == "TASKS")
        #expect(Vocabulary(.zh).heading("部门") == "部门" && Vocabulary(.zh).upper("任务") == "任务")
    }
}
