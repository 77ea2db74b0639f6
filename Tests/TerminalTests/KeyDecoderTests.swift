import Testing
import CNcursesw
import Dashboard
@testable import Terminal

@Suite struct KeyDecoderTests {
    @Test func functionKeyCodes() {
        let cases: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
            (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
            (KEY_FIND, .home), (KEY_SELECT, .end), (KEY_BACKSPACE, .backspace), (KEY_ENTER, .enter),
            (KEY_BTAB, .backTab), (KEY_DC, .delete),
            (duban_key_f(1), .function(1)), (duban_key_f(12), .function(12)),
        ]
        for (code, key) in cases { #expect(KeyDecoder.keyCode(code) == key, "code \(code)") }
    }

    @Test func codesTheRunnerHandlesOrIgnores() {
        #expect(KeyDecoder.keyCode(KEY_RESIZE) == nil)
        #expect(KeyDecoder.keyCode(KEY_MOUSE) == nil)
        #expect(KeyDecoder.keyCode(KEY_IC) == nil)
        #expect(KeyDecoder.keyCode(duban_key_f(0)) == nil)
    }

    @Test func controlCharacters() {
        #expect(KeyDecoder.character(13) == .enter)
        #expect(KeyDecoder.character(10) == .enter)
        #expect(KeyDecoder.character(9) == .tab)
        #expect(KeyDecoder.character(127) == .backspace)
        #expect(KeyDecoder.character(8) == .backspace)
        #expect(KeyDecoder.character(27) == .escape)
        #expect(KeyDecoder.character(3) == .ctrl("c"))
        #expect(KeyDecoder.character(12) == .ctrl("l"))
        #expect(KeyDecoder.character(26) == .ctrl("z"))
        #expect(KeyDecoder.character(1) == .ctrl("a"))
        #expect(KeyDecoder.character(28) == .ctrl("\\"))
        #expect(KeyDecoder.character(0x85) == nil)
    }

    @Test func printableAndWideCharacters() {
        #expect(KeyDecoder.character(UInt32(UInt8(ascii: "j"))) == .char("j"))
        #expect(KeyDecoder.character(UInt32(UInt8(ascii: " "))) == .char(" "))
        #expect(KeyDecoder.character(0x4E2D) == .char("中"))
        #expect(KeyDecoder.character(0x3002) == .char("。"))
        #expect(KeyDecoder.character(0x1F600) == .char("😀"))
        #expect(KeyDecoder.character(0xD800) == nil)   // lone surrogate
    }

    @Test func mouseReports() {
        #expect(MouseDecoder.event(buttons: duban_button1_pressed(), row: 3, col: 7) == .click(row: 3, col: 7))
        #expect(MouseDecoder.event(buttons: duban_button1_clicked(), row: 0, col: 0) == .click(row: 0, col: 0))
        #expect(MouseDecoder.event(buttons: duban_button4_pressed(), row: 5, col: 1) == .scrollUp(row: 5, col: 1))
        #expect(MouseDecoder.event(buttons: duban_button5_pressed(), row: 5, col: 1) == .scrollDown(row: 5, col: 1))
        #expect(MouseDecoder.event(buttons: 0, row: 1, col: 1) == nil)
    }
}

@Suite struct ResizeDebouncerTests {
    @Test func burstIsCoalescedIntoOne() {
        var d = ResizeDebouncer(quiet: 0.04, maxWait: 0.25)
        #expect(d.deadline == nil)
        d.signal(at: 1.00)
        d.signal(at: 1.01)
        d.signal(at: 1.02)
        let early = d.fire(at: 1.05)
        let due = d.fire(at: 1.061)
        let again = d.fire(at: 1.2)
        #expect(!early)
        #expect(due)
        #expect(!again)
        #expect(d.deadline == nil)
    }

    @Test func longDragStillUpdatesAtMaxWait() {
        var d = ResizeDebouncer(quiet: 0.04, maxWait: 0.25)
        var t = 2.0
        var fired = 0
        while t < 3.0 {
            d.signal(at: t)
            if d.fire(at: t) { fired += 1 }
            t += 0.02
        }
        #expect(fired >= 3)
    }
}

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
}
