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

@Suite struct StandaloneScalarTests {
    /// Clipping by Characters, as it is done for text that needs grapheme breaking.
    func clippedByCharacters(_ s: String, _ width: Int) -> String {
        var used = 0, out = ""
        for ch in s {
            let w = ch.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) }
            if used + w > width { break }
            used += w
            out.append(ch)
        }
        return out
    }

    @Test func scalarByScalarMatchesCharacters() {
        let texts = ["省质监局", "Quality of goods", "（一）推进·质量…", "─│┌●○■▶ 100%", "ひらがなカタカナ", "ａｂｃ１２３", "¿Qué? ©2014"]
        for t in texts {
            #expect(DisplayWidth.standsAlone(t), "\(t)")
            #expect(t.unicodeScalars.count == t.count, "\(t)")
            for w in 0...(t.displayWidth + 1) { #expect(t.clipped(toWidth: w) == clippedByCharacters(t, w), "\(t) \(w)") }
        }
    }

    @Test func marksJoinersAndControlsDoNot() {
        for t in ["e\u{301}", "👍🏽", "a\u{200D}b", "\u{1F1E8}\u{1F1F3}", "a\tb", "soft\u{AD}hyphen", "한글", "〪", "\r\n"] {
            #expect(!DisplayWidth.standsAlone(t), "\(t.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect("e\u{301}x".clipped(toWidth: 1) == "e\u{301}")
    }
}

@Suite struct ZeroWidthTests {
    @Test func marksFormatAndBidiControlsTakeNoColumn() {
        for v: UInt32 in [0x200B, 0x200C, 0x200D, 0x200E, 0x202A, 0x202E, 0x2066, 0x2069, 0xFEFF, 0x061C,
                          0x0301, 0x20DD, 0x0E31, 0x0941, 0x1160, 0x11A8, 0xFE0F, 0xE0041] {
            #expect(DisplayWidth.of(Unicode.Scalar(v)!) == 0, "U+\(String(v, radix: 16))")
        }
        #expect(("中" + String(repeating: "\u{301}", count: 50)).displayWidth == 2)
        #expect("\u{AD}".displayWidth == 1)   // soft hyphen: one column, as glibc has it
    }

    @Test func invisibleScalarsAreTheOnesFramesDrop() {
        for v: UInt32 in [0x200B, 0x200D, 0x202E, 0x2067, 0xFEFF, 0xFE0F, 0xE0001, 0x1B, 0x85] {
            #expect(DisplayWidth.isInvisible(Unicode.Scalar(v)!), "U+\(String(v, radix: 16))")
        }
        for v: UInt32 in [0x41, 0x301, 0x4E2D, 0x2500, 0x3001, 0xAD, 0x1F600] {
            #expect(!DisplayWidth.isInvisible(Unicode.Scalar(v)!), "U+\(String(v, radix: 16))")
        }
        // Every invisible scalar is zero columns wide, so dropping it moves nothing.
        for v in stride(from: UInt32(0), to: 0x30000, by: 1) {
            guard let s = Unicode.Scalar(v), DisplayWidth.isInvisible(s) else { continue }
            if DisplayWidth.of(s) != 0 { Issue.record("U+\(String(v, radix: 16)) is invisible but \(DisplayWidth.of(s)) wide") }
        }
    }
}
