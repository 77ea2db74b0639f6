import Testing
@testable import Terminal

@Suite struct LocaleCheckTests {
    @Test func utf8IsKept() {
        #expect(LocaleCheck.decide(codeset: "UTF-8", utf8Available: false).mode == .utf8)
        #expect(LocaleCheck.decide(codeset: "utf8", utf8Available: false).warning == nil)
    }

    @Test func plainCLocaleSwitchesToUTF8WhenAvailable() {
        let c = LocaleCheck.decide(codeset: "ANSI_X3.4-1968", utf8Available: true)
        #expect(c.mode == .utf8)
        #expect(c.switchedToUTF8)
    }

    @Test func otherCharsetsFallBackToASCIIWithAWarning() {
        let c = LocaleCheck.decide(codeset: "ISO-8859-1", utf8Available: true)
        #expect(c.mode == .ascii)
        #expect(c.warning?.contains("ISO-8859-1") == true)
        #expect(LocaleCheck.decide(codeset: "ANSI_X3.4-1968", utf8Available: false).mode == .ascii)
    }

    @Test func asciiLinesOnlyWhenTheSessionAsksForThem() {
        #expect(LocaleCheck.wantsASCIILines(environment: ["DUBAN_LINES": "ascii"]))
        #expect(LocaleCheck.wantsASCIILines(environment: ["DUBAN_LINES": "ASCII"]))
        #expect(!LocaleCheck.wantsASCIILines(environment: ["DUBAN_LINES": "unicode"]))
        #expect(!LocaleCheck.wantsASCIILines(environment: ["TERM": "putty"]))
    }
}
