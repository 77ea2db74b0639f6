import Testing
import Foundation
import CNcursesw
import ScreenKit
@testable import Terminal

/// Everything that runs real ncurses. ncurses has process-wide state, so these
/// run one at a time; nested suites inherit `.serialized`.
@Suite(.serialized) struct NcursesTests {}

extension NcursesTests {
    @Suite struct ScreenOnPseudoTerminal {
        let device: (PseudoTerminal) -> TerminalDevice = {
            TerminalDevice(inputFD: $0.slave, outputFD: $0.slave, terminalType: "xterm-256color")
        }

        @Test func cjkFrameArrivesAndAnIdenticalFrameSendsNothing() throws {
            let pty = PseudoTerminal(rows: 24, cols: 80)
            let screen = try TerminalScreen(device: device(pty), options: TerminalOptions(), environment: [:])
            defer { screen.end(hangUp: false) }
            #expect(screen.size.width == 80 && screen.size.height == 24)
            #expect(screen.depth == .full)
            let writer = ScreenWriter(window: screen.window, styles: screen.styles, ascii: false)
            var frame = Frame(width: 80, height: 24)
            frame.put("督办 甘肃省质量发展纲要", row: 0, col: 0, style: .header)
            frame.put("省质监局", row: 5, col: 10)
            #expect(writer.draw(frame) == 24)
            let first = pty.drain()
            #expect(first.contains("督办"))
            #expect(first.contains("甘肃省质量发展纲要"))
            #expect(first.contains("省质监局"))
            #expect(writer.draw(frame) == 0)
            #expect(pty.drain().count == 0)
        }

        @Test func wideGlyphReplacedByNarrowLeavesNoHalfOnTheWire() throws {
            let pty = PseudoTerminal(rows: 4, cols: 20)
            let screen = try TerminalScreen(device: device(pty), options: TerminalOptions(), environment: [:])
            defer { screen.end(hangUp: false) }
            let writer = ScreenWriter(window: screen.window, styles: screen.styles, ascii: false)
            var a = Frame(width: 20, height: 4)
            a.put("ab中文cd", row: 1, col: 0)
            writer.draw(a)
            _ = pty.drain()
            var b = Frame(width: 20, height: 4)
            b.put("abxyzwcd", row: 1, col: 0)
            writer.draw(b)
            let out = pty.drain()
            #expect(out.contains("xyzw"))
            #expect(out.count < 40)
            // What ncurses believes is on screen: narrow cells, no wide remnants.
            var cc = cchar_t()
            var chars = [wchar_t](repeating: 0, count: 8)
            var attrs: attr_t = 0
            var pair: Int16 = 0
            var seen = ""
            for col in 0..<8 {
                mvwin_wch(screen.window, 1, Int32(col), &cc)
                getcchar(&cc, &chars, &attrs, &pair, nil)
                seen += String(Character(Unicode.Scalar(UInt32(chars[0]))!))
            }
            #expect(seen == "abxyzwcd")
        }

        /// What ncurses believes is in each column of a row: the base characters.
        func bases(_ screen: TerminalScreen, row: Int32, cols: Int) -> [String] {
            var cc = cchar_t()
            var chars = [wchar_t](repeating: 0, count: 8)
            var attrs: attr_t = 0
            var pair: Int16 = 0
            return (0..<cols).map { col in
                mvwin_wch(screen.window, row, Int32(col), &cc)
                getcchar(&cc, &chars, &attrs, &pair, nil)
                return String(Character(Unicode.Scalar(UInt32(chars[0])) ?? " "))
            }
        }

        @Test func zeroWidthAndBidiCharactersEraseNothing() throws {
            let pty = PseudoTerminal(rows: 4, cols: 20)
            let screen = try TerminalScreen(device: device(pty), options: TerminalOptions(), environment: [:])
            defer { screen.end(hangUp: false) }
            let writer = ScreenWriter(window: screen.window, styles: screen.styles, ascii: false)
            var f = Frame(width: 20, height: 4)
            f.put("中\u{200B}文\u{FEFF}字\u{202E}表|", row: 1, col: 0)
            writer.draw(f)
            let out = pty.drain()
            #expect(!out.contains("\u{202E}") && !out.contains("\u{200B}") && !out.contains("\u{FEFF}"))
            let b = bases(screen, row: 1, cols: 9)
            #expect([b[0], b[2], b[4], b[6], b[8]] == ["中", "文", "字", "表", "|"])
        }

        @Test func fiftyCombiningMarksStayInTheirCell() throws {
            let pty = PseudoTerminal(rows: 4, cols: 12)
            let screen = try TerminalScreen(device: device(pty), options: TerminalOptions(), environment: [:])
            defer { screen.end(hangUp: false) }
            let writer = ScreenWriter(window: screen.window, styles: screen.styles, ascii: false)
            var a = Frame(width: 12, height: 4)
            a.put("abcdefghijkl", row: 1, col: 0)
            writer.draw(a)
            _ = pty.drain()
            var f = Frame(width: 12, height: 4)
            #expect(f.put("前" + String(repeating: "\u{301}", count: 50) + "后|", row: 1, col: 0) == 5)
            writer.draw(f)
            let out = pty.drain()
            // At most the marks a cell holds go out, and the row is rewritten: no stale letters.
            #expect(out.count < 120)
            let b = bases(screen, row: 1, cols: 12)
            #expect(b[0] == "前" && b[2] == "后" && b[4] == "|")
            #expect(b[5...].allSatisfy { $0 == " " })
            #expect(!bases(screen, row: 1, cols: 12).contains { "abcdefghijkl".contains($0) })
        }

        @Test func asciiModeSendsNoMultibyteText() throws {
            let pty = PseudoTerminal(rows: 5, cols: 20)
            let screen = try TerminalScreen(device: device(pty), options: TerminalOptions(locale: .ascii), environment: [:])
            defer { screen.end(hangUp: false) }
            _ = pty.drain()
            let writer = ScreenWriter(window: screen.window, styles: screen.styles, ascii: true)
            var f = Frame(width: 20, height: 5)
            f.put("任务 done", row: 0, col: 0)
            writer.draw(f)
            let out = pty.drain()
            #expect(out.contains("???? done"))
            #expect(!out.contains("任务"))
        }

        @Test func noColorGivesMonochrome() throws {
            let pty = PseudoTerminal(rows: 5, cols: 20)
            let screen = try TerminalScreen(device: device(pty), options: TerminalOptions(), environment: ["NO_COLOR": "1"])
            defer { screen.end(hangUp: false) }
            #expect(screen.depth == .mono)
            #expect(screen.styles.values.allSatisfy { $0.pair == 0 })
            #expect(screen.styles[.selected]!.attrs & duban_a_reverse() != 0)
        }

        @Test func eightColourTerminalMapsDown() throws {
            let pty = PseudoTerminal(rows: 5, cols: 20)
            let screen = try TerminalScreen(device: TerminalDevice(inputFD: pty.slave, outputFD: pty.slave, terminalType: "xterm"),
                                            options: TerminalOptions(), environment: [:])
            defer { screen.end(hangUp: false) }
            #expect(screen.depth == .eight)
        }

        @Test func terminalWithoutColourGivesMonochrome() throws {
            let pty = PseudoTerminal(rows: 5, cols: 20)
            let screen = try TerminalScreen(device: TerminalDevice(inputFD: pty.slave, outputFD: pty.slave, terminalType: "xterm-mono"),
                                            options: TerminalOptions(), environment: [:])
            defer { screen.end(hangUp: false) }
            #expect(screen.depth == .mono)
            #expect(screen.styles[.selected]!.attrs & duban_a_reverse() != 0)
        }

        @Test func cursorShownOnlyWhenTheFrameHasOne() throws {
            let pty = PseudoTerminal(rows: 5, cols: 20)
            let screen = try TerminalScreen(device: device(pty), options: TerminalOptions(), environment: [:])
            defer { screen.end(hangUp: false) }
            let writer = ScreenWriter(window: screen.window, styles: screen.styles, ascii: false)
            var f = Frame(width: 20, height: 5)
            f.put("备注：", row: 2, col: 0)
            writer.draw(f)
            _ = pty.drain()
            f.cursor = (row: 3, col: 4)
            writer.draw(f)
            let shown = pty.drain()
            #expect(shown.contains("\u{1B}[?25h"))
            // ncurses picks the cheapest move (here: row address, then backspaces).
            #expect(getcury(duban_curscr()) == 3 && getcurx(duban_curscr()) == 4)
            writer.draw(f)
            #expect(pty.drain().isEmpty)
            f.cursor = nil
            writer.draw(f)
            #expect(pty.drain().contains("\u{1B}[?25l"))
        }

        @Test func crashRestoreBytesLeaveTheScreen() throws {
            let pty = PseudoTerminal(rows: 5, cols: 20)
            let screen = try TerminalScreen(device: device(pty), options: TerminalOptions(), environment: [:])
            defer { screen.end(hangUp: false) }
            let bytes = screen.restoreBytes()
            #expect(bytes.contains("\u{1B}[?1049l"))   // rmcup
            #expect(bytes.contains("\u{1B}[?25h"))     // cursor back
            #expect(bytes.contains("\u{1B}[?1000l"))   // mouse reports off
        }

        @Test func terminalWithoutCursorAddressingIsRefused() {
            let pty = PseudoTerminal(rows: 5, cols: 20)
            #expect(throws: TerminalError.self) {
                try TerminalScreen(device: TerminalDevice(inputFD: pty.slave, outputFD: pty.slave, terminalType: "dumb"),
                                   options: TerminalOptions(), environment: [:])
            }
            #expect(throws: TerminalError.self) {
                try TerminalScreen(device: TerminalDevice(inputFD: pty.slave, outputFD: pty.slave, terminalType: "no-such-terminal"),
                                   options: TerminalOptions(), environment: [:])
            }
        }

        @Test func notATerminalIsRefused() {
            var fds: [Int32] = [0, 0]
            pipe(&fds)
            defer { close(fds[0]); close(fds[1]) }
            #expect(throws: TerminalError.notATerminal) {
                try TerminalScreen(device: TerminalDevice(inputFD: fds[0], outputFD: fds[1]), options: TerminalOptions(), environment: [:])
            }
        }
    }

    @Suite struct ByteFigures {
        static func measure(_ width: Int, _ height: Int, fullRowBar: Bool) throws -> Int {
            try ByteMeter.bytes(from: ByteMeter.taskTable(width: width, height: height, selected: 3, fullRowBar: fullRowBar),
                                to: ByteMeter.taskTable(width: width, height: height, selected: 4, fullRowBar: fullRowBar))
        }

        @Test func selectionMove() throws {
            let results = try [(80, 24), (200, 50)].map { (w, h) in
                (w, h, try Self.measure(w, h, fullRowBar: true), try Self.measure(w, h, fullRowBar: false))
            }
            for (w, h, full, marker) in results {
                print("bytes per selection move at \(w)x\(h): full-row bar \(full), marker + key column \(marker)")
            }
            // The marker style is the one that fits the budget at any width.
            #expect(results.allSatisfy { $0.3 < 150 })
            // A full-row bar is two rows of text, whatever the backend does.
            #expect(results[0].2 < 400)
        }

        @Test(.enabled(if: ProcessInfo.processInfo.environment["DUBAN_DUMP_BYTES"] != nil))
        func dump() throws {
            let pty = PseudoTerminal(rows: 24, cols: 80)
            let screen = try TerminalScreen(device: TerminalDevice(inputFD: pty.slave, outputFD: pty.slave, terminalType: "xterm-256color"), options: TerminalOptions(), environment: [:])
            defer { screen.end(hangUp: false) }
            let writer = ScreenWriter(window: screen.window, styles: screen.styles, ascii: false)
            writer.draw(ByteMeter.taskTable(width: 80, height: 24, selected: 3))
            _ = pty.drain()
            writer.draw(ByteMeter.taskTable(width: 80, height: 24, selected: 4))
            let out = pty.drain()
            print(String(decoding: out, as: UTF8.self).debugDescription)
        }

        @Test func clockTickOnAnIdleKiosk() throws {
            var a = ByteMeter.taskTable(width: 80, height: 24, selected: -1)
            var b = a
            a.put("10:32", row: 0, col: 74, style: .header)
            b.put("10:33", row: 0, col: 74, style: .header)
            let bytes = try ByteMeter.bytes(from: a, to: b)
            print("bytes for a minute's clock change on an idle kiosk at 80x24: \(bytes)")
            #expect(bytes < 60)
        }

        /// Twenty selection moves drawn one after another, as the run loop
        /// draws them: after each, what ncurses holds for the screen is the
        /// frame, cell by cell (no stale cell from an earlier frame), and the
        /// move costs a small part of the first frame's bytes.
        @Test func successiveMovesLeaveExactlyTheFrameOnScreen() throws {
            for (w, h) in [(80, 24), (200, 50)] {
                let pty = PseudoTerminal(rows: Int32(h), cols: Int32(w))
                let screen = try TerminalScreen(device: TerminalDevice(inputFD: pty.slave, outputFD: pty.slave, terminalType: "xterm-256color"),
                                                options: TerminalOptions(), environment: [:])
                defer { screen.end(hangUp: false) }
                let writer = ScreenWriter(window: screen.window, styles: screen.styles, ascii: false)
                let frames = (0..<20).map { ByteMeter.taskTable(width: w, height: h, selected: ($0 * 7) % (h - 4), fullRowBar: false) }
                writer.draw(frames[0])
                let full = pty.drain().count
                for f in frames.dropFirst() {
                    writer.draw(f)
                    let moved = pty.drain(quietMs: 5).count
                    #expect(moved > 0 && moved * 10 < full, "\(w)x\(h): \(moved) bytes for a move, \(full) for the first frame")
                    let mismatch = Self.firstMismatch(screen.window, f)
                    #expect(mismatch == nil, "\(w)x\(h): \(mismatch ?? "")")
                }
            }
        }

        /// The first cell whose character differs between the window and the frame.
        static func firstMismatch(_ window: UnsafeMutablePointer<WINDOW>, _ f: Frame) -> String? {
            var cc = cchar_t()
            var chars = [wchar_t](repeating: 0, count: 8)
            var attrs: attr_t = 0
            var pair: Int16 = 0
            for row in 0..<f.height {
                for col in 0..<f.width where !f[row, col].isContinuation {
                    mvwin_wch(window, Int32(row), Int32(col), &cc)
                    getcchar(&cc, &chars, &attrs, &pair, nil)
                    let want = f[row, col].text.unicodeScalars.first?.value ?? 0x20
                    if UInt32(chars[0]) != want {
                        return "row \(row) col \(col): screen \(chars[0]), frame \(f[row, col].text)"
                    }
                }
            }
            return nil
        }

        @Test func unchangedFrameSendsNothing() throws {
            let f = ByteMeter.taskTable(width: 80, height: 24, selected: 3)
            #expect(try ByteMeter.bytes(from: f, to: f) == 0)
        }
    }
}
