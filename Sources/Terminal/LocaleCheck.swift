import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// Whether the screen can show Unicode (CJK, box drawing) or must stay ASCII.
public enum LocaleMode: Sendable, Equatable {
    case utf8
    /// The locale's character set cannot carry CJK: draw `?` for anything
    /// outside ASCII (column widths are kept) and use ASCII borders.
    case ascii
}

/// The outcome of setting up the locale, before ncurses starts.
public struct LocaleCheck: Sendable, Equatable {
    public var mode: LocaleMode
    /// The character set the locale names, e.g. "UTF-8" or "ANSI_X3.4-1968".
    public var codeset: String
    /// True when LC_CTYPE was switched to C.UTF-8 because no locale was chosen.
    public var switchedToUTF8: Bool
    /// A line for standard error before the screen opens, or nil.
    public var warning: String?

    /// `setlocale(LC_ALL, "")`, then the UTF-8 check. ncursesw turns CJK into
    /// blanks under a non-UTF-8 locale, so: the plain C/POSIX locale (nobody
    /// chose one; ssh forced commands and system services often run like this)
    /// is switched to C.UTF-8; an explicitly chosen other character set (say
    /// ISO-8859-1) means the terminal probably cannot show UTF-8 either, so the
    /// screen falls back to ASCII with a warning. Call it once, before
    /// constructing the app (it decides ASCII borders) and before `run`.
    public static func prepare() -> LocaleCheck {
        setlocale(LC_ALL, "")
        let found = currentCodeset()
        if isUTF8(found) { return LocaleCheck(mode: .utf8, codeset: found, switchedToUTF8: false, warning: nil) }
        if isPlainASCII(found) {
            for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
                if isUTF8(currentCodeset()) {
                    return LocaleCheck(mode: .utf8, codeset: found, switchedToUTF8: true, warning: nil)
                }
            }
        }
        return decide(codeset: found, utf8Available: false)
    }

    /// The decision without touching the process locale (for tests).
    public static func decide(codeset: String, utf8Available: Bool) -> LocaleCheck {
        if isUTF8(codeset) { return LocaleCheck(mode: .utf8, codeset: codeset, switchedToUTF8: false, warning: nil) }
        if isPlainASCII(codeset), utf8Available {
            return LocaleCheck(mode: .utf8, codeset: codeset, switchedToUTF8: true, warning: nil)
        }
        let warning = "duban: the locale's character set is \(codeset), not UTF-8; "
            + "Chinese text is shown as '?'. Set LANG=C.UTF-8 (or another UTF-8 locale) for the full display."
        return LocaleCheck(mode: .ascii, codeset: codeset, switchedToUTF8: false, warning: warning)
    }

    /// ASCII line drawing with Unicode text: asked for with `DUBAN_LINES=ascii`
    /// by a session whose terminal would garble box characters (a Windows client
    /// left on the GBK code page for line drawing, or a CJK font that draws them
    /// two columns wide). Any other value keeps box drawing.
    public static func wantsASCIILines(environment: [String: String]) -> Bool {
        environment["DUBAN_LINES"]?.lowercased() == "ascii"
    }

    static func currentCodeset() -> String {
        guard let p = nl_langinfo(nl_item(CODESET)) else { return "" }
        return String(cString: p)
    }

    static func isUTF8(_ codeset: String) -> Bool {
        let c = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
        return c == "utf8"
    }

    static func isPlainASCII(_ codeset: String) -> Bool {
        ["ansi_x3.4-1968", "ascii", "us-ascii", "posix", ""].contains(codeset.lowercased())
    }
}
