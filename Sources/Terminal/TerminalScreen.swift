import CNcursesw
import ScreenKit
#if canImport(Glibc)
import Glibc
#endif

/// One ncurses screen on a tty: started with `newterm` in the modes a
/// full-screen dashboard needs, ended with `endwin`. Owns the colour pairs.
final class TerminalScreen {
    let device: TerminalDevice
    let window: UnsafeMutablePointer<WINDOW>
    let depth: ColorDepth
    /// attr_t and pair per role, computed once.
    private(set) var styles: [StyleRole: (attrs: attr_t, pair: Int16)] = [:]
    /// The tty modes before ncurses changed them, for the crash and hang-up paths.
    let shellModes: termios
    let mouseEnabled: Bool
    private let screen: OpaquePointer
    private let outFile: UnsafeMutablePointer<FILE>
    private let inFile: UnsafeMutablePointer<FILE>
    private var ended = false

    init(device: TerminalDevice, options: TerminalOptions, environment: [String: String]) throws(TerminalError) {
        self.device = device
        guard isatty(device.inputFD) == 1, isatty(device.outputFD) == 1 else { throw .notATerminal }
        var modes = termios()
        tcgetattr(device.outputFD, &modes)
        shellModes = modes
        guard let out = fdopen(dup(device.outputFD), "w"), let inp = fdopen(dup(device.inputFD), "r") else {
            throw .cannotStart(String(cString: strerror(errno)))
        }
        // The size comes from the tty (ioctl), never from stale LINES/COLUMNS.
        use_env(false)
        use_tioctl(true)
        let type = device.terminalType ?? environment["TERM"] ?? "dumb"
        guard let scr = newterm(type, out, inp) else {
            fclose(out); fclose(inp)
            throw .cannotStart("unknown terminal type \"\(type)\"")
        }
        screen = scr
        outFile = out
        inFile = inp
        set_term(scr)
        // A full-screen layout needs cursor addressing ("dumb", or TERM unset, has none).
        guard duban_tigetstr("cup") != nil else {
            endwin()
            delscreen(scr)
            fclose(out); fclose(inp)
            throw .cannotStart("terminal type \"\(type)\" cannot move the cursor; set TERM (for example xterm-256color)")
        }
        window = duban_stdscr()
        // raw, not cbreak: Ctrl-C, Ctrl-Z, Ctrl-\ and Ctrl-S/Q arrive as keys,
        // so a kiosk cannot be interrupted, stopped or frozen by flow control,
        // and the runner decides what each means.
        raw()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        meta(window, true)
        // The cursor is hidden unless a frame asks for it: no cursor-return bytes.
        leaveok(window, true)
        scrollok(window, false)
        set_escdelay(options.escapeDelayMilliseconds)
        curs_set(0)

        let noColor = options.noColor ?? !(environment["NO_COLOR"] ?? "").isEmpty
        var defaultColors = true
        if has_colors(), !noColor, options.theme.usesColor {
            start_color()
            defaultColors = use_default_colors() == OK
        }
        depth = ColorDepth.choose(colors: Int(duban_colors()), hasColors: has_colors(),
                                  noColor: noColor, themeUsesColor: options.theme.usesColor)
        mouseEnabled = options.mouse && mousemask(MouseDecoder.mask, nil) != 0
        if mouseEnabled { mouseinterval(0) }
        loadStyles(options.theme, defaultColors: defaultColors)
        fflush(out)
        bracketedPaste(true)
    }

    /// Bracketed paste: the terminal marks pasted text (`ESC[200~` … `ESC[201~`)
    /// so the decoder takes it as one piece of text, never as keys. terminfo's
    /// `BE`/`BD` where it has them, else xterm's mode 2004, which terminals that
    /// do not know it ignore. Written straight to the tty (ncurses's `putp`
    /// goes to standard output, not to a `newterm` screen), so it is called
    /// only when ncurses has nothing buffered: after start-up and `endwin`.
    private func bracketedPaste(_ on: Bool) {
        let bytes = Array((on ? Self.pasteOn : Self.pasteOff).utf8)
        _ = bytes.withUnsafeBytes { write(device.outputFD, $0.baseAddress, $0.count) }
    }

    static var pasteOn: String { duban_tigetstr("BE").map { String(cString: $0) } ?? "\u{1B}[?2004h" }
    static var pasteOff: String { duban_tigetstr("BD").map { String(cString: $0) } ?? "\u{1B}[?2004l" }

    private func loadStyles(_ theme: Theme, defaultColors: Bool) {
        let resolved = ColorMapper.resolve(theme, depth: depth, defaultColors: defaultColors)
        var table = PairTable(limit: depth == .mono ? 1 : Int(min(duban_color_pairs(), 32767)))
        for role in StyleRole.allCases {
            let s = resolved[role]!
            let before = table.order.count
            let pair = table.pair(fg: s.fg, bg: s.bg)
            if table.order.count > before { init_pair(Int16(pair), Int16(s.fg), Int16(s.bg)) }
            styles[role] = (attributes(s.attrs), Int16(pair))
        }
    }

    private func attributes(_ a: ThemeAttributes) -> attr_t {
        var out = duban_a_normal()
        if a.contains(.bold) { out |= duban_a_bold() }
        if a.contains(.dim) { out |= duban_a_dim() }
        if a.contains(.underline) { out |= duban_a_underline() }
        if a.contains(.reverse) { out |= duban_a_reverse() }
        return out
    }

    var size: (width: Int, height: Int) { (Int(getmaxx(window)), Int(getmaxy(window))) }

    /// The tty's size now, straight from the kernel.
    func ttySize() -> (width: Int, height: Int)? {
        var rows: Int32 = 0, cols: Int32 = 0
        guard duban_get_winsize(device.outputFD, &rows, &cols) == 0, rows > 0, cols > 0 else { return nil }
        return (Int(cols), Int(rows))
    }

    /// Adopts the tty's size; the next update repaints everything (terminals
    /// reflow or keep stale cells differently after a resize).
    func resize(to s: (width: Int, height: Int)) {
        if s.width != size.width || s.height != size.height { resizeterm(Int32(s.height), Int32(s.width)) }
        repaintAll()
    }

    /// The tty is gone (the master side closed without a SIGHUP reaching us).
    var isHungUp: Bool { duban_fd_hung_up(device.inputFD) != 0 }

    /// Leaves curses mode for a stop (Ctrl-Z); the next update comes back.
    func suspend() {
        endwin()
        bracketedPaste(false)
        Signals.stopSelf()
        bracketedPaste(true)
        repaintAll()
    }

    /// The next update clears and redraws the whole screen (Ctrl-L, SIGCONT, resize).
    func repaintAll() { clearok(duban_curscr(), true) }

    /// Bytes that undo what ncurses set up: used by the crash path, which
    /// cannot call endwin.
    func restoreBytes() -> [UInt8] {
        var bytes: [UInt8] = []
        for cap in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let s = duban_tigetstr(cap) { bytes += Array(String(cString: s).utf8) }
        }
        if mouseEnabled { bytes += Array("\u{1B}[?1000l\u{1B}[?1006l".utf8) }
        bytes += Array(Self.pasteOff.utf8)
        return bytes
    }

    /// Ends the screen. After a hang-up the tty may be gone or stalled: when it
    /// cannot take output right now nothing is written (endwin could block) and
    /// only the tty modes are put back.
    func end(hangUp: Bool) {
        guard !ended else { return }
        ended = true
        if hangUp, duban_fd_writable(device.outputFD) == 0 {
            var modes = shellModes
            tcsetattr(device.outputFD, TCSANOW, &modes)
        } else {
            endwin()
            bracketedPaste(false)
        }
        delscreen(screen)
        fclose(outFile)
        fclose(inFile)
    }

    deinit { end(hangUp: false) }
}
