import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// Signal handling for one run. The handlers are C (shim.h) and only set flags
/// or, on a crash, write the saved restore bytes and tty modes. The shim keeps
/// that state in `static` variables, one copy per Swift source file, so this
/// file is the only one that touches them.
enum Signals {
    static let quitSignals: [Int32] = [SIGTERM, SIGHUP, SIGQUIT]
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGTRAP]

    private static let handleQuit: Int32 = 0, handleContinue: Int32 = 1, handleFatal: Int32 = 2, ignore: Int32 = 3

    /// Installed before ncurses starts, so ncurses (which only takes over
    /// signals still at their default) leaves SIGINT/SIGTERM to us; SIGTSTP is
    /// left to ncurses's own suspend-and-restore handler when suspending is
    /// allowed, and ignored otherwise (with SIGTTIN and SIGTTOU). SIGWINCH
    /// stays with ncurses (KEY_RESIZE).
    static func install(interruptQuits: Bool, allowSuspend: Bool) -> [Int32] {
        duban_reset_quit_signal()
        _ = duban_take_continued()
        var installed: [Int32] = []
        func set(_ sig: Int32, _ kind: Int32) {
            if duban_install_handler(sig, kind) == 0 { installed.append(sig) }
        }
        for sig in quitSignals { set(sig, handleQuit) }
        set(SIGINT, interruptQuits ? handleQuit : ignore)
        if !allowSuspend {
            // A wall screen never stops: not on Ctrl-Z, and not when a terminal
            // read or mode change from outside the foreground would stop it
            // (SIGTTIN/SIGTTOU, sent by the kernel or by anyone with kill).
            for sig in [SIGTSTP, SIGTTIN, SIGTTOU] { set(sig, ignore) }
        }
        set(SIGCONT, handleContinue)
        for sig in fatalSignals { set(sig, handleFatal) }
        // A blocked signal never reaches its handler, and the mask is inherited:
        // started by a parent that blocks them (a test runner's worker thread, a
        // supervisor), SIGTERM and SIGHUP would not end the run.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in quitSignals + [SIGINT, SIGTSTP, SIGCONT, SIGWINCH] { sigaddset(&unblock, sig) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        return installed
    }

    /// Puts back whatever handled these signals before `install`.
    static func uninstall(_ signals: [Int32]) {
        duban_clear_crash_restore()
        for sig in signals { _ = duban_restore_handler(sig) }
    }

    /// The quit signal received (SIGTERM, SIGHUP, …), or nil.
    static var pendingQuit: Int32? {
        let s = duban_take_quit_signal()
        return s == 0 ? nil : s
    }

    /// True once after a SIGCONT (the screen may have been overwritten while stopped).
    static func takeContinued() -> Bool { duban_take_continued() != 0 }

    /// Ctrl-Z with suspending allowed: stop until continued.
    static func stopSelf() { duban_stop_self() }

    /// What the crash path writes before re-raising: leave the alternate screen,
    /// show the cursor, reset attributes and keypad and mouse modes; then the
    /// tty modes saved before ncurses started.
    static func armCrashRestore(fd: Int32, bytes: [UInt8], shellModes: termios) {
        var modes = shellModes
        bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                duban_set_crash_restore(fd, chars.baseAddress, chars.count, &modes)
            }
        }
    }
}
