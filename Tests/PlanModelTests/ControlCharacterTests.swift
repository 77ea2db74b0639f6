import Testing
import TextWidth

@Suite struct ControlCharacterTests {
    let hostile = "进展\u{1B}]0;pwned\u{07}\u{1B}[2J完成\u{9B}31m\u{7F}\u{202E}txt.exe\u{2067}x\u{2069}"

    @Test func escapingLeavesNoControlAndKeepsTheText() {
        let out = hostile.escapingControlCharacters(keepingLineBreaks: false)
        #expect(!out.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
        #expect(out == "进展\\u001b]0;pwned\\u0007\\u001b[2J完成\\u009b31m\\u007f\\u202etxt.exe\\u2067x\\u2069")
        #expect("第一行\n第二行\t。".escapingControlCharacters(keepingLineBreaks: true) == "第一行\n第二行\t。")
        #expect("a\nb\rc".escapingControlCharacters(keepingLineBreaks: true) == "a\nb\\u000dc")
        #expect("a\nb".escapingControlCharacters(keepingLineBreaks: false) == "a\\u000ab")
        #expect("省质监局 ABC".escapingControlCharacters(keepingLineBreaks: false) == "省质监局 ABC")
    }

    @Test func neutralisingReplacesControlsAndNormalisesLineBreaks() {
        #expect(hostile.neutralisingControlCharacters(allowingLineBreaks: true)
            == "进展\u{FFFD}]0;pwned\u{FFFD}\u{FFFD}[2J完成\u{FFFD}31m\u{FFFD}\u{FFFD}txt.exe\u{FFFD}x\u{FFFD}")
        #expect("一\r\n二\r三\n四".neutralisingControlCharacters(allowingLineBreaks: true) == "一\n二\n三\n四")
        #expect("标题\t二\n三".neutralisingControlCharacters(allowingLineBreaks: false) == "标题 二 三")
        #expect("无害的文字".neutralisingControlCharacters(allowingLineBreaks: false) == "无害的文字")
    }

    @Test func firstControlCharacterNamesItsPosition() {
        #expect("ab\u{1B}c".firstControlCharacter(allowingLineBreaks: true)?.position == 3)
        #expect("一\r\n二\t".firstControlCharacter(allowingLineBreaks: true) == nil)
        #expect("一\n".firstControlCharacter(allowingLineBreaks: false)?.scalar == "\n")
    }
}
