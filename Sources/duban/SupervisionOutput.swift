import ArgumentParser
import Foundation
import PlanModel
import PlanStore

/// The language of the supervision commands' messages: --lang, else
/// $DUBAN_LANG, else Chinese.
struct LangOption: ParsableArguments {
    @Option(help: ArgumentHelp("Messages in zh (中文, default) or en (default: $DUBAN_LANG).", valueName: "LANG"))
    var lang: String?

    func validate() throws {
        if let lang, lang != "zh" && lang != "en" { throw ValidationError("--lang: \"\(lang)\" is not zh or en") }
    }

    var english: Bool {
        if let lang { return lang == "en" }
        return (ProcessInfo.processInfo.environment["DUBAN_LANG"] ?? "").hasPrefix("en")
    }

    func s(_ zh: String, _ en: String) -> String { english ? en : zh }

    /// Runs a store operation; a refusal or a bad value is one line in the session's language.
    func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as CLIError { throw e }
        catch let e as PersonMessage { throw CLIError(e.text(english ? .en : .zh)) }
        catch { throw CLIError("\(error)") }
    }

    /// The plan, or an error naming it.
    func plan(_ id: String, in s: Store) throws -> Plan {
        do { return try s.plan(id) } catch {
            throw CLIError(self.s("没有计划 \(id)（见 duban plans）：\(error)", "no plan \(id) (see duban plans): \(error)"))
        }
    }
}
