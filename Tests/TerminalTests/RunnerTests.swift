import Testing
import Foundation
import ScreenKit
@testable import Terminal

/// A TerminalApp that records what it is told and shows how many events it got.
final class RecordingApp: TerminalApp, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [InputEvent] = []
    let interval: Double

    init(tickInterval: Double = 0.2) { interval = tickInterval }

    var events: [InputEvent] { lock.withLock { recorded } }

    func handle(_ event: InputEvent) -> Bool {
        lock.withLock { recorded.append(event) }
        return event != .key(.char("q"))
    }

    func render(width: Int, height: Int) -> Frame {
        var f = Frame(width: width, height: height)
        let keys = events.filter { if case .key = $0 { return true } else { return false } }.count
        f.put("督办 keys=\(keys) size=\(width)x\(height)", row: 0, col: 0, style: .header)
        return f
    }

    var tickInterval: Double { interval }
}

/// A task table whose selection j and k move.
final class TableApp: TerminalApp, @unchecked Sendable {
    private let lock = NSLock()
    private var selected = 0
    let fullRowBar: Bool
    init(fullRowBar: Bool = false) { self.fullRowBar = fullRowBar }
    func handle(_ event: InputEvent) -> Bool {
        lock.withLock {
            if event == .key(.char("j")) { selected += 1 }
            if event == .key(.char("k")) { selected -= 1 }
        }
        return event != .key(.char("q"))
    }
    func render(width: Int, height: Int) -> Frame {
        var f = ByteMeter.taskTable(width: width, height: height, selected: lock.withLock { selected }, fullRowBar: fullRowBar)
        f.put("督办", row: 0, col: width - 5, style: .header)
        return f
    }
    var tickInterval: Double { 10 }
}

/// Runs TerminalRunner on a background thread against a pseudo-terminal.
final class RunnerHarness: @unchecked Sendable {
    let pty: PseudoTerminal
    let app: TerminalApp
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Int32?
    private var failure: Error?

    var recorder: RecordingApp { app as! RecordingApp }

    init(app: TerminalApp, options: TerminalOptions, rows: Int32 = 24, cols: Int32 = 80) {
        pty = PseudoTerminal(rows: rows, cols: cols)
        self.app = app
        let device = TerminalDevice(inputFD: pty.slave, outputFD: pty.slave, terminalType: "xterm-256color")
        Thread {
            do {
                let status = try TerminalRunner.run(self.app, options: options, device: device, environment: [:])
                self.lock.withLock { self.result = status }
            } catch {
                self.lock.withLock { self.failure = error }
            }
            self.done.signal()
        }.start()
    }

    /// Waits until the first frame is on the screen.
    func started() -> Bool { pty.read(until: { $0.contains("督办") }).contains("督办") }

    func waitForEvent(_ timeout: Double = 3, _ matches: @escaping (InputEvent) -> Bool) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if recorder.events.contains(where: matches) { return true }
            _ = pty.drain(quietMs: 10)
        }
        return false
    }

    /// The exit status, or nil if the run did not end within `timeout`.
    func finish(timeout: Double = 3) -> Int32? {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            _ = pty.drain(quietMs: 10)
            if done.wait(timeout: .now() + 0.02) == .success { return lock.withLock { result } }
        }
        return nil
    }
}

extension NcursesTests {
    @Suite struct Runner {
        @Test func keysAreDecodedAndQQuits() throws {
            let h = RunnerHarness(app: RecordingApp(), options: TerminalOptions())
            #expect(h.started())
            // Application-mode cursor keys, as ncurses asks for with keypad().
            h.pty.send("j\u{1B}OB中\r\t\u{1B}[Z\u{1B}[6~\u{7F}")
            #expect(h.waitForEvent { $0 == .key(.backspace) })
            h.pty.send("\u{1B}")   // a lone Esc, answered after ESCDELAY
            #expect(h.waitForEvent { $0 == .key(.escape) })
            h.pty.send("q")
            #expect(h.finish() == 0)
            let keys = h.recorder.events.compactMap { e -> Key? in if case .key(let k) = e { return k } else { return nil } }
            #expect(keys == [.char("j"), .down, .char("中"), .enter, .tab, .backTab, .pageDown, .backspace, .escape, .char("q")])
        }

        @Test func homeAndEndAsTmuxPuTTYAndRxvtSendThem() throws {
            // xterm-256color's terminfo names none of these (its Home is ESC O H).
            let h = RunnerHarness(app: RecordingApp(), options: TerminalOptions())
            #expect(h.started())
            h.pty.send("\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~\u{1B}[H\u{1B}[F\u{1B}OH\u{1B}OFx")
            #expect(h.waitForEvent { $0 == .key(.char("x")) })
            h.pty.send("q")
            #expect(h.finish() == 0)
            let keys = h.recorder.events.compactMap { e -> Key? in if case .key(let k) = e { return k } else { return nil } }
            #expect(keys == [.home, .end, .home, .end, .home, .end, .home, .end, .char("x"), .char("q")])
        }

        @Test func aBracketedPasteIsOneEventNeverKeys() throws {
            let h = RunnerHarness(app: RecordingApp(), options: TerminalOptions())
            let start = h.pty.read(until: { $0.contains("督办") })
            #expect(start.contains("\u{1B}[?2004h"))   // asked the terminal to mark pastes
            h.pty.send("\u{1B}[200~line one\rline two s e\rline three q\u{1B}[201~x")
            #expect(h.waitForEvent { $0 == .key(.char("x")) })
            #expect(h.recorder.events.contains(.paste("line one\nline two s e\nline three q")))
            h.pty.send("q")
            let tail = h.pty.read(until: { $0.contains("\u{1B}[?1049l") && $0.contains("\u{1B}[?2004l") })
            #expect(tail.contains("\u{1B}[?2004l"))     // and back off on the way out
            #expect(h.finish() == 0)
            let keys = h.recorder.events.compactMap { e -> Key? in if case .key(let k) = e { return k } else { return nil } }
            #expect(keys == [.char("x"), .char("q")])
        }

        @Test func screenIsRestoredOnExit() throws {
            let h = RunnerHarness(app: RecordingApp(), options: TerminalOptions())
            #expect(h.started())
            h.pty.send("q")
            let tail = h.pty.read(until: { $0.contains("\u{1B}[?1049l") })
            #expect(tail.contains("\u{1B}[?1049l"))   // left the alternate screen
            #expect(h.finish() == 0)
        }

        @Test func ticksArriveWhenIdle() throws {
            let h = RunnerHarness(app: RecordingApp(tickInterval: 0.05), options: TerminalOptions())
            #expect(h.started())
            #expect(h.waitForEvent { $0 == .tick })
            // The frame does not change on ticks: nothing more is sent.
            _ = h.pty.drain(quietMs: 60)
            #expect(h.pty.drain(quietMs: 300).count == 0)
            h.pty.send("q")
            #expect(h.finish() == 0)
        }

        @Test func mouseClickAndWheel() throws {
            let h = RunnerHarness(app: RecordingApp(), options: TerminalOptions())
            #expect(h.started())
            // SGR mouse reports (xterm-256color's kmous is ESC [ <).
            h.pty.send("\u{1B}[<0;1;6M")   // button 1 pressed at column 1, row 6
            #expect(h.waitForEvent { $0 == .click(row: 5, col: 0) })
            h.pty.send("\u{1B}[<0;1;6m")   // released: no event
            h.pty.send("\u{1B}[<64;3;2M")  // wheel up
            #expect(h.waitForEvent { $0 == .scrollUp(row: 1, col: 2) })
            h.pty.send("\u{1B}[<0;4;3M\u{1B}[<0;4;3m")  // press and release in one read: a click
            #expect(h.waitForEvent { $0 == .click(row: 2, col: 3) })
            h.pty.send("\u{1B}[<65;3;2M")  // wheel down
            #expect(h.waitForEvent { $0 == .scrollDown(row: 1, col: 2) })
            #expect(h.recorder.events.filter { if case .click = $0 { return true } else { return false } }.count == 2)
            h.pty.send("q")
            #expect(h.finish() == 0)
        }

        @Test func ctrlCQuitsTheDashboardButNotTheKiosk() throws {
            let dash = RunnerHarness(app: RecordingApp(), options: TerminalOptions())
            #expect(dash.started())
            dash.pty.send("\u{3}")
            #expect(dash.finish() == 130)

            let kiosk = RunnerHarness(app: RecordingApp(), options: .kiosk(theme: .builtIn, locale: .utf8))
            #expect(kiosk.started())
            kiosk.pty.send("\u{3}\u{1A}\u{1C}x")
            #expect(kiosk.waitForEvent { $0 == .key(.char("x")) })
            let keys = kiosk.recorder.events.filter { if case .key = $0 { return true } else { return false } }
            #expect(keys == [.key(.ctrl("c")), .key(.ctrl("z")), .key(.ctrl("\\")), .key(.char("x"))])
            kiosk.pty.send("q")
            #expect(kiosk.finish() == 0)
        }

        @Test func sigtermEndsTheRunAndRestoresTheScreen() throws {
            let h = RunnerHarness(app: RecordingApp(tickInterval: 10), options: .kiosk(theme: .builtIn, locale: .utf8))
            #expect(h.started())
            kill(getpid(), SIGTERM)
            #expect(h.finish(timeout: 1.5) == 128 + SIGTERM)
        }

        @Test func resizeIsNoticedAndDebounced() throws {
            let h = RunnerHarness(app: RecordingApp(tickInterval: 10), options: TerminalOptions())
            #expect(h.started())
            // No SIGWINCH reaches us (the pty is not our controlling tty): the
            // periodic size check must notice, and several changes make one event.
            h.pty.resize(rows: 30, cols: 90)
            h.pty.resize(rows: 30, cols: 100)
            #expect(h.pty.read(until: { $0.contains("size=100x30") }).contains("size=100x30"))
            _ = h.pty.drain(quietMs: 150)
            let resizes = h.recorder.events.filter { if case .resize = $0 { return true } else { return false } }
            #expect(resizes == [.resize(width: 100, height: 30)])
            h.pty.send("q")
            #expect(h.finish() == 0)
        }

        @Test func sighupEndsTheRunAndRestoresALiveTerminal() throws {
            let h = RunnerHarness(app: RecordingApp(tickInterval: 10), options: .kiosk(theme: .builtIn, locale: .utf8))
            #expect(h.started())
            kill(getpid(), SIGHUP)
            let tail = h.pty.read(until: { $0.contains("\u{1B}[?1049l") }, timeoutMs: 1500)
            #expect(tail.contains("\u{1B}[?1049l"))
            #expect(h.finish(timeout: 1.5) == 128 + SIGHUP)
        }

        @Test func droppedConnectionEndsTheRun() throws {
            // The tty disappears and SIGHUP follows, as when sshd loses the client.
            let h = RunnerHarness(app: RecordingApp(tickInterval: 10), options: .kiosk(theme: .builtIn, locale: .utf8))
            #expect(h.started())
            // The run may already have ended (it notices the dead tty) and put
            // the old disposition back by the time the signal lands: keep that
            // one harmless for the test process.
            let old = signal(SIGHUP, SIG_IGN)
            defer { signal(SIGHUP, old) }
            h.pty.hangUp()
            kill(getpid(), SIGHUP)
            // Generous: a run left going when the test returns would draw
            // into the next test's terminal (ncurses is not thread-safe).
            #expect(h.finish(timeout: 10) == 128 + SIGHUP)
        }

        @Test func hungUpTtyWithoutSignalDoesNotSpin() throws {
            // No SIGHUP reaches the process (not the tty's session): the loop
            // notices the dead tty itself instead of spinning on failed reads.
            let h = RunnerHarness(app: RecordingApp(tickInterval: 10), options: .kiosk(theme: .builtIn, locale: .utf8))
            #expect(h.started())
            h.pty.hangUp()
            #expect(h.finish(timeout: 10) == 128 + SIGHUP)
        }

        @Test func crashHandlersAreInstalledForTheRunOnly() throws {
            var before = sigaction()
            sigaction(SIGSEGV, nil, &before)
            let h = RunnerHarness(app: RecordingApp(), options: TerminalOptions())
            #expect(h.started())
            var during = sigaction()
            sigaction(SIGSEGV, nil, &during)
            #expect(unsafeBitCast(during.__sigaction_handler.sa_handler, to: Int.self)
                    != unsafeBitCast(before.__sigaction_handler.sa_handler, to: Int.self))
            h.pty.send("q")
            #expect(h.finish() == 0)
            var after = sigaction()
            sigaction(SIGSEGV, nil, &after)
            #expect(unsafeBitCast(after.__sigaction_handler.sa_handler, to: Int.self)
                    == unsafeBitCast(before.__sigaction_handler.sa_handler, to: Int.self))
        }

        @Test func keyToScreenThroughTheRunLoop() throws {
            let h = RunnerHarness(app: TableApp(), options: TerminalOptions())
            #expect(h.started())
            _ = h.pty.drain(quietMs: 50)
            var bytes: [Int] = []
            var latencies: [Double] = []
            for i in 0..<20 {
                let start = ContinuousClock.now
                h.pty.send(i % 4 == 3 ? "k" : "j")
                let first = h.pty.read(until: { !$0.isEmpty }, timeoutMs: 1000)
                let elapsed = (ContinuousClock.now - start).components
                latencies.append(Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15)
                bytes.append(first.count + h.pty.drain(quietMs: 20).count)
            }
            let median = latencies.sorted()[latencies.count / 2]
            print("through the run loop at 80x24 (marker selection): bytes per move \(bytes.sorted()[bytes.count / 2]), key to first byte median \(String(format: "%.2f", median)) ms (debug build)")
            #expect(bytes.allSatisfy { $0 > 0 && $0 < 150 })
            h.pty.send("q")
            #expect(h.finish() == 0)
        }
    }
}
