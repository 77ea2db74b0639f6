import ArgumentParser
import Dashboard
import Foundation

/// `--lang zh|en`, else `$DUBAN_LANG`, else Chinese: the language of every
/// message a command prints (plan text stays as written).
struct LanguageOption: ParsableArguments {
    @Option(help: ArgumentHelp("Messages in zh (中文, default) or en (default: $DUBAN_LANG).", valueName: "LANG"))
    var lang: String?

    func validate() throws {
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang: \"\(lang)\" is not zh or en") }
    }

    /// Resolved once: the environment is not cheap to read per message.
    var resolved: Lang {
        if let lang { return Lang(english: lang == "en") }
        return Lang(english: (ProcessInfo.processInfo.environment["DUBAN_LANG"] ?? "").hasPrefix("en"))
    }
}

/// The session's language, settled.
struct Lang {
    var english: Bool

    /// The Chinese or the English text.
    func s(_ zh: String, _ en: String) -> String { english ? en : zh }
}
