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

    var english: Bool {
        if let lang { return lang == "en" }
        return (ProcessInfo.processInfo.environment["DUBAN_LANG"] ?? "").hasPrefix("en")
    }

    /// The Chinese or the English text.
    func s(_ zh: String, _ en: String) -> String { english ? en : zh }
}
