import Testing
import TextWidth

@Suite struct DisplayWidthTests {
    @Test func measuresColumnsNotCharacters() {
        #expect("中".displayWidth == 2)
        #expect("省质监局".displayWidth == 8)
        #expect("abc".displayWidth == 3)
        #expect("（一）".displayWidth == 6)
        #expect("e\u{301}".displayWidth == 1)
        #expect("😀".displayWidth == 2)
    }

    @Test func clipsWithoutHalfGlyphs() {
        #expect("质量发展".clipped(toWidth: 5) == "质量")
        #expect("a质量".clipped(toWidth: 2) == "a")
        #expect("质量发展".truncated(toWidth: 5) == "质量…")
        #expect("质量".padded(toWidth: 7) == "质量   ")
        #expect("质量".padded(toWidth: 3).displayWidth == 3)
        #expect("12".padded(toWidth: 4, alignRight: true) == "  12")
    }

    @Test func wrapsByDisplayWidth() {
        let text = "加快质量诚信体系建设。建立和完善企业质量信用档案数据库系统，推动食品工业企业诚信体系建设。"
        #expect(text.wrapped(toWidth: 1).allSatisfy { $0.displayWidth <= 1 })
        for w in [2, 3, 7, 10, 20, 41] {
            let lines = text.wrapped(toWidth: w)
            #expect(lines.allSatisfy { $0.displayWidth <= w }, "width \(w): \(lines)")
            #expect(lines.joined() == text, "width \(w)")
        }
        #expect("the quick brown fox".wrapped(toWidth: 10) == ["the quick", "brown fox"])
        #expect(text.wrapped(toWidth: 10).dropFirst().allSatisfy { !$0.hasPrefix("，") && !$0.hasPrefix("。") })
    }
}
