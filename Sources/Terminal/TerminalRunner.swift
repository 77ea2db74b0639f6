import CNcursesw
import ScreenKit
#if canImport(Glibc)
import Glibc
#endif

/// Runs a `TerminalApp` on the terminal: keys, mouse, resizes and ticks in;
/// frames out, diffed; the terminal restored however the run ends.
///
///     let locale = TerminalRunner.prepareLocale()
///     if let warning = locale.warning { printToStandardError(warning) }
///     let theme = try ThemeLoader.resolve(flag: themeFlag, environment: environment)
///     let app = makeApp(asciiBorders: locale.mode == .ascii)
///     let status = try TerminalRunner.run(app, options: .dashboard(theme: theme, locale: locale.mode))
///     exit(status)
public enum TerminalRunner {
    /// Call first, before constructing the app: sets up the locale and says
    /// whether the screen is UTF-8 or ASCII (the app then draws ASCII
    /// borders). Print `warning` to standard error if there is one.
    public static func prepareLocale() -> LocaleCheck { LocaleCheck.prepare() }

    /// Runs until the app asks to exit (status 0) or a signal ends the run
    /// (128 + the signal: SIGTERM 143, SIGHUP 129, SIGINT/Ctrl-C 130).
    public static func run(_ app: TerminalApp, options: TerminalOptions) throws(TerminalError) -> Int32 {
        try run(app, options: options, device: .standard, environment: currentEnvironment())
    }

    /// The same on a given tty (tests use a pseudo-terminal).
    public static func run(_ app: TerminalApp, options: TerminalOptions, device: TerminalDevice,
                           environment: [String: String]) throws(TerminalError) -> Int32 {
        let signals = Signals.install(interruptQuits: options.interruptQuits, allowSuspend: options.allowSuspend)
        defer { Signals.uninstall(signals) }
        let screen = try TerminalScreen(device: device, options: options, environment: environment)
        Signals.armCrashRestore(fd: device.outputFD, bytes: screen.restoreBytes(), shellModes: screen.shellModes)
        var loop = RunLoop(app: app, screen: screen, options: options)
        let status = loop.run()
        // After a hang-up nothing more is drawn; `end` writes only if the tty
        // can still take it without blocking.
        screen.end(hangUp: status == 128 + SIGHUP)
        return status
    }

    static func currentEnvironment() -> [String: String] {
        var env: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { env[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        return env
    }
}
