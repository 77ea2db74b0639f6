import ScreenKit

/// How the terminal backend runs one app.
public struct TerminalOptions: Sendable {
    /// Colours for each style role.
    public var theme: Theme
    /// From `LocaleCheck.prepare()`: ASCII mode draws `?` for non-ASCII text.
    public var locale: LocaleMode
    /// Ctrl-Z suspends and SIGTSTP stops the process. The kiosk turns this off
    /// (a wall screen must never end up stopped): SIGTSTP is then ignored and
    /// Ctrl-Z goes to the app as `.ctrl("z")`. Ctrl-L always repaints.
    public var allowSuspend: Bool
    /// The terminal runs in raw mode, so Ctrl-C is a key, not a signal. When
    /// true, Ctrl-C and an external SIGINT end the run (exit status 130); when
    /// false (kiosk) SIGINT is ignored and Ctrl-C goes to the app as
    /// `.ctrl("c")`, so only SIGTERM/SIGHUP (or the app) end the run.
    public var interruptQuits: Bool
    /// Ask for button-1 clicks and the wheel, where the terminal reports them.
    public var mouse: Bool
    /// Draw without colour even if the terminal has it. Nil: follow `NO_COLOR`.
    public var noColor: Bool?
    /// How long ncurses waits after Esc for the rest of an escape sequence.
    public var escapeDelayMilliseconds: Int32
    /// Resize events closer together than this are coalesced into one.
    public var resizeDebounceMilliseconds: Int

    public init(theme: Theme = .builtIn, locale: LocaleMode = .utf8, allowSuspend: Bool = true,
                interruptQuits: Bool = true, mouse: Bool = true, noColor: Bool? = nil,
                escapeDelayMilliseconds: Int32 = 25, resizeDebounceMilliseconds: Int = 40) {
        self.theme = theme
        self.locale = locale
        self.allowSuspend = allowSuspend
        self.interruptQuits = interruptQuits
        self.mouse = mouse
        self.noColor = noColor
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
        self.resizeDebounceMilliseconds = resizeDebounceMilliseconds
    }

    /// The interactive dashboard: suspend with Ctrl-Z, Ctrl-C quits, mouse on.
    public static func dashboard(theme: Theme, locale: LocaleMode) -> TerminalOptions {
        TerminalOptions(theme: theme, locale: locale)
    }

    /// The kiosk: never suspends, ignores Ctrl-C and SIGINT, no mouse.
    public static func kiosk(theme: Theme, locale: LocaleMode) -> TerminalOptions {
        TerminalOptions(theme: theme, locale: locale, allowSuspend: false, interruptQuits: false, mouse: false)
    }
}
