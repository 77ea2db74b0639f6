import Testing
import CNcursesw
import ScreenKit
@testable import Terminal

@Suite struct InputDecoderTests {
    /// Feeds `text` as ncurses would return it when it decoded none of it.
    func decode(_ text: String, flush: Bool = true, into d: inout InputDecoder) -> [InputDecoder.Output] {
        var out: [InputDecoder.Output] = []
        for s in text.unicodeScalars { out += d.feed(.char(s.value)) }
        if flush { out += d.flush() }
        return out
    }

    func decode(_ text: String, flush: Bool = true) -> [InputDecoder.Output] {
        var d = InputDecoder()
        return decode(text, flush: flush, into: &d)
    }

    @Test func homeAndEndWhateverTheTerminalSends() {
        let cases: [(String, Key)] = [
            ("\u{1B}[1~", .home), ("\u{1B}[4~", .end),      // tmux, screen, PuTTY, Linux console
            ("\u{1B}[7~", .home), ("\u{1B}[8~", .end),      // rxvt
            ("\u{1B}[H", .home), ("\u{1B}[F", .end),        // xterm normal mode
            ("\u{1B}OH", .home), ("\u{1B}OF", .end),        // xterm application mode
            ("\u{1B}[1;5H", .home), ("\u{1B}[1;2F", .end),  // with modifiers
            ("\u{1B}[7$", .home), ("\u{1B}[8^", .end),      // rxvt shifted / ctrl
            ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[3~", .delete),
            ("\u{1B}[A", .up), ("\u{1B}OB", .down), ("\u{1B}[1;5C", .right), ("\u{1B}[D", .left),
            ("\u{1B}[Z", .backTab), ("\u{1B}[11~", .function(1)), ("\u{1B}[24~", .function(12)),
            ("\u{1B}OP", .function(1)), ("\u{1B}[[A", .function(1)), ("\u{1B}[[E", .function(5)),
            ("\u{1B}OM", .enter), ("\u{1B}Op", .char("0")), ("\u{1B}Oy", .char("9")),
        ]
        for (seq, key) in cases {
            #expect(decode(seq) == [.key(key)], "\(seq.debugDescription)")
        }
    }

    @Test func sequencesNeverLeakAsKeys() {
        // Unknown or private sequences (mouse reports, query replies) are dropped whole.
        for seq in ["\u{1B}[99~", "\u{1B}[<0;12;5M", "\u{1B}[?1;2c", "\u{1B}[2~", "\u{1B}[1 q", "\u{1B}OX", "\u{1B}[201~"] {
            #expect(decode(seq).isEmpty, "\(seq.debugDescription)")
        }
        // Cut short by a slow link and never completed: nothing.
        #expect(decode("\u{1B}[4").isEmpty)
        #expect(decode("\u{1B}[1;").isEmpty)
        // What follows a dropped sequence is read normally.
        #expect(decode("\u{1B}[99~q") == [.key(.char("q"))])
    }

    @Test func escapeAloneAndBeforeAKey() {
        #expect(decode("\u{1B}") == [.key(.escape)])
        #expect(decode("\u{1B}", flush: false).isEmpty)
        #expect(decode("\u{1B}j") == [.key(.escape), .key(.char("j"))])
        #expect(decode("\u{1B}\u{1B}") == [.key(.escape), .key(.escape)])
        var d = InputDecoder()
        _ = d.feed(.char(27))
        #expect(d.pendingGrace == 0)
        // ncurses decoded the key that followed an Esc.
        #expect(d.feed(.code(KEY_UP)) == [.key(.escape), .key(.up)])
        #expect(d.pendingGrace == nil)
        #expect(decode("\u{1B}[1") == [])
    }

    @Test func aPasteIsOneTextNeverKeys() {
        let out = decode("\u{1B}[200~line one\rline two s e\rline three\u{1B}[201~")
        #expect(out == [.paste("line one\nline two s e\nline three")])
        #expect(decode("\u{1B}[200~hello s\r\u{1B}[201~") == [.paste("hello s\n")])
        // CR LF and LF are one break each; escapes, other controls and decoded keys inside are dropped.
        var d = InputDecoder()
        var o = decode("\u{1B}[200~a\r\nb\nc\u{1B}[2Jd\u{7}e\u{1B}xf", flush: false, into: &d)
        o += d.feed(.code(KEY_UP))
        o += decode("中\u{1B}[201~q", flush: false, into: &d)
        #expect(o == [.paste("a\nb\ncdexf中"), .key(.char("q"))])
        #expect(!d.isPending)
    }

    @Test func aPasteSplitAcrossReadsStaysOpen() {
        var d = InputDecoder()
        #expect(decode("\u{1B}[200~first\r", flush: false, into: &d).isEmpty)
        #expect(d.pendingGrace == 1.0)
        #expect(decode("second\u{1B}[20", flush: false, into: &d).isEmpty)
        #expect(decode("1~", flush: false, into: &d) == [.paste("first\nsecond")])
        // A paste whose end never comes is delivered when input goes quiet.
        #expect(decode("\u{1B}[200~lost end") == [.paste("lost end")])
    }

    @Test func aHugePasteIsCappedNotCut() {
        let big = String(repeating: "质", count: InputDecoder.pasteLimit)
        let out = decode("\u{1B}[200~" + big + "\u{1B}[201~x")
        guard case .paste(let p)? = out.first else { Issue.record("no paste"); return }
        // Longer than any field takes, so the field refuses it rather than keeping a part.
        #expect(p.utf8.count <= InputDecoder.pasteLimit && p.utf8.count > 4096)
        #expect(out.dropFirst() == [.key(.char("x"))])
    }
}
