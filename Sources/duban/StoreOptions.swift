import ArgumentParser
import FoundationEssentials
import PlanModel

/// Options every command that reads the store takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Help.pick("存储目录（默认：$DUBAN_STORE，否则 ~/.local/share/duban）。", "The store directory (default: $DUBAN_STORE, else ~/.local/share/duban)."), valueName: "DIR"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp(Help.pick("按此日期（YYYY-MM-DD）评价预警灯，而不是今天或存储的设置。", "Evaluate warning lights as of this date (YYYY-MM-DD) instead of today, or the store's setting."), valueName: "DATE"))
    var today: String?

    @Option(help: ArgumentHelp(Help.pick("输出语言：zh（中文，默认）或 en（默认：$DUBAN_LANG）。计划原文不变；--json 保留代码。", "Language of what is printed: zh (中文, default) or en (default: $DUBAN_LANG). Plan text stays as written; --json keeps its codes."), valueName: "LANG"))
    var lang: String?

    func validate() throws {
        if let today, Day(today) == nil {
            throw ValidationError(vocabulary.pick("--today：“\(today)” 不是日期（应为 YYYY-MM-DD，如 2014-09-30）",
                                                  "--today: \"\(today)\" is not a date (expected YYYY-MM-DD, e.g. 2014-09-30)"))
        }
        if let lang, Language(rawValue: lang) == nil {
            throw ValidationError("--lang: \"\(lang)\" is not zh or en（应为 zh 或 en）")
        }
    }

    /// The session's language: `--lang`, else `DUBAN_LANG`, else Chinese.
    var language: Language { Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment) }
    var vocabulary: Vocabulary { Vocabulary(language) }
}
