import Testing
import CNcursesw
import ScreenKit
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
