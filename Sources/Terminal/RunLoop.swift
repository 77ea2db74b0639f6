import CNcursesw
import ScreenKit
#if canImport(Glibc)
import Glibc
#endif

/// The event loop of one run.
struct RunLoop {
    let app: TerminalApp
    let screen: TerminalScreen
    let options: TerminalOptions
    let writer: ScreenWriter
    var debouncer: ResizeDebouncer
    var size: (width: Int, height: Int)
    /// Escape sequences and pastes read across batches.
    var decoder = InputDecoder()
    /// When the last input arrived, for giving up on a sequence cut short.
    var lastInput = 0.0

    /// Longest wait in one read: quit flags are checked at least this often.
    static let maxWait = 0.25
    /// Events read in one go before drawing: a burst of keys (key repeat, a
    /// paste, a slow link) is answered with one frame, not one per key.
    static let maxBatch = 64

    init(app: TerminalApp, screen: TerminalScreen, options: TerminalOptions) {
        self.app = app
        self.screen = screen
        self.options = options
        writer = ScreenWriter(window: screen.window, styles: screen.styles, ascii: options.locale == .ascii)
        debouncer = ResizeDebouncer(quiet: Double(options.resizeDebounceMilliseconds) / 1000)
        size = screen.size
    }

    mutating func run() -> Int32 {
        var tickDue = now() + interval()
        var lastSizeCheck = now()
        var dirty = true
        while true {
            if let sig = Signals.pendingQuit { return 128 + sig }
            if Signals.takeContinued() { repaint(); dirty = true }
            if dirty {
                writer.draw(app.render(width: size.width, height: size.height))
                dirty = false
            }
            var t = now()
            var wait = min(tickDue - t, Self.maxWait)
            if let d = debouncer.deadline { wait = min(wait, d - t) }
            if let g = decoder.pendingGrace { wait = min(wait, lastInput + g - t) }
            let events = readEvents(firstWait: max(0, wait))
            if let sig = Signals.pendingQuit { return 128 + sig }
            let waited = now() - t
            t = now()
            // Nothing read and back early: either a signal interrupted the
            // wait, or the tty hung up without a SIGHUP reaching this process
            // (then every read fails at once and the loop would spin).
            if events.isEmpty, waited < wait / 2 {
                if screen.isHungUp { return 128 + SIGHUP }
                // Reads failing at once without a hang-up (a kiosk outside the
                // foreground, its SIGTTIN ignored, reads EIO): do not spin.
                if wait > 0.02 { usleep(10_000) }
            }
            for event in events {
                switch event {
                case .quit(let status): return status
                case .repaint: repaint(); dirty = true
                case .resizeSignal: debouncer.signal(at: t)
                case .app(let e):
                    if !app.handle(e) { return 0 }
                    dirty = true
                    tickDue = min(tickDue, t + interval())
                }
            }
            // A missed SIGWINCH (its handler replaced, or the size changed
            // while stopped) is caught by checking the tty's size now and then.
            if t - lastSizeCheck >= 1 {
                lastSizeCheck = t
                if let s = screen.ttySize(), s != size { debouncer.signal(at: t) }
            }
            // resizeterm queues a KEY_RESIZE of its own: only a size the app
            // has not seen yet is passed on. The screen is repainted after any
            // burst of resizes, even one that ends at the size it began with:
            // the terminal may have cropped or scrolled its cells meanwhile
            // (tmux pulls lines back from its history when a pane grows).
            if debouncer.fire(at: t), let s = screen.ttySize() {
                screen.resize(to: s)
                writer.invalidate()
                dirty = true
                if s != size {
                    size = screen.size
                    if !app.handle(.resize(width: size.width, height: size.height)) { return 0 }
                }
            }
            if t >= tickDue {
                if !app.handle(.tick) { return 0 }
                dirty = true
                tickDue = now() + interval()
            }
        }
    }

    enum LoopEvent {
        case app(InputEvent)
        case resizeSignal
        case repaint
        case quit(Int32)
    }

    /// Waits up to `firstWait` seconds for input, then takes whatever else is
    /// already there.
    mutating func readEvents(firstWait: Double) -> [LoopEvent] {
        var out: [LoopEvent] = []
        wtimeout(screen.window, Int32((firstWait * 1000).rounded(.up)))
        for _ in 0..<Self.maxBatch {
            var ch: wint_t = 0
            let r = wget_wch(screen.window, &ch)
            if r == ERR {
                // Nothing more to read: whatever the decoder holds is complete
                // once input has been quiet for its grace.
                if let g = decoder.pendingGrace, now() - lastInput >= g { add(decoder.flush(), to: &out) }
                break
            }
            wtimeout(screen.window, 0)
            lastInput = now()
            if r == KEY_CODE_YES {
                let code = Int32(bitPattern: ch)
                if code == KEY_RESIZE { out.append(.resizeSignal); continue }
                if code == KEY_MOUSE {
                    var m = MEVENT()
                    let rc = getmouse(&m)
                    if rc == OK, let e = MouseDecoder.event(buttons: m.bstate, row: m.y, col: m.x) {
                        out.append(.app(e))
                    }
                    continue
                }
                add(decoder.feed(.code(code)), to: &out)
            } else {
                add(decoder.feed(.char(UInt32(ch))), to: &out)
            }
            if case .quit? = out.last { return out }  // Ctrl-C: nothing after it counts
        }
        return out
    }

    /// Decoded input as loop events; a few keys belong to the terminal itself.
    func add(_ decoded: [InputDecoder.Output], to out: inout [LoopEvent]) {
        for d in decoded {
            guard case .key(let key) = d else {
                if case .paste(let text) = d { out.append(.app(.paste(text))) }
                continue
            }
            switch key {
            case .ctrl("c") where options.interruptQuits:
                // Raw mode: Ctrl-C is a key; here it quits like SIGINT. With
                // interruptQuits off (kiosk) the app gets it like any key
                // (it may be the kiosk's --exit-key).
                out.append(.quit(128 + SIGINT))
                return
            case .ctrl("z") where options.allowSuspend:
                suspend()
                out.append(.resizeSignal)
                out.append(.repaint)
            case .ctrl("l"):
                out.append(.repaint)
            default:
                out.append(.app(.key(key)))
            }
        }
    }

    /// Ctrl-Z: leave the screen, stop like a cooked-mode program would, and
    /// redraw everything when continued. A process whose group is orphaned (no
    /// job control, e.g. an ssh forced command) is not stopped and carries on.
    func suspend() {
        screen.suspend()
        writer.invalidate()
    }

    /// Everything is drawn again on the next update.
    func repaint() {
        screen.repaintAll()
        writer.invalidate()
    }

    func interval() -> Double {
        let i = app.tickInterval
        guard i.isFinite else { return 1 }
        return min(max(i, 0.01), 3600)
    }

    func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
