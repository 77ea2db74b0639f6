import ArgumentParser
import Dashboard
import DashboardStore
import Foundation
import PlanModel
import ScreenKit
import Terminal

/// Options the dashboard and the kiosk share.
struct ScreenOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Colour theme: default, light, high-contrast, mono, or a path to a .theme file (default: $DUBAN_THEME).", valueName: "NAME"))
    var theme: String?

    @Option(help: ArgumentHelp("Interface language: zh (中文, default) or en (default: $DUBAN_LANG).", valueName: "LANG"))
    var lang: String?

    @Option(help: ArgumentHelp("Plan to open first (see duban plans).", valueName: "ID"))
    var plan: String?

    func validate() throws {
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang: \"\(lang)\" is not zh or en") }
    }

    var language: Language {
        if let lang, let l = Language(rawValue: lang) { return l }
        let env = ProcessInfo.processInfo.environment["DUBAN_LANG"] ?? ""
        return env.hasPrefix("en") ? .en : .zh
    }
}

/// Sets up the terminal, runs an app and exits with its status.
enum Screen {
    static func run(_ makeApp: (Bool) throws -> TerminalApp, options: ScreenOptions, kiosk: Bool) throws -> Never {
        guard isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 else {
            throw CLIError("the \(kiosk ? "kiosk" : "dashboard") needs a terminal (for scripts use duban plans, show, export or report)")
        }
        let theme: Theme
        do { theme = try ThemeLoader.resolve(flag: options.theme, environment: ProcessInfo.processInfo.environment) }
        catch { throw CLIError("\(error)") }
        let locale = TerminalRunner.prepareLocale()
        if let w = locale.warning { Output.warn("duban: \(w)") }
        let app = try makeApp(locale.mode == .ascii || LocaleCheck.wantsASCIILines(environment: ProcessInfo.processInfo.environment))
        let status: Int32
        do {
            status = try TerminalRunner.run(app, options: kiosk ? .kiosk(theme: theme, locale: locale.mode)
                                                                : .dashboard(theme: theme, locale: locale.mode))
        } catch { throw CLIError("\(error)") }
        exit(status)
    }
}

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the full-screen dashboard (the default command).",
        discussion: """
            Four panes: Sections (分项), Tasks (任务), Departments (部门) and Completion (完成情况). \
            Move with the arrows or hjkl, switch panes with Tab or 1–4, Enter opens a task, / \
            searches, s/e/d/n change status, progress, due date or add a note, u undoes your last \
            change, p switches plan, ? lists every key, q quits. What you may change depends on \
            the store's access rules (duban access); changes by others appear within a second.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var screen: ScreenOptions
    @Flag(help: "Open read-only even if you could write.") var readOnly = false

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: readOnly)
        if let p = screen.plan, !s.planIDs().contains(p) {
            throw CLIError("no plan \"\(p)\" (plans: \(s.planIDs().joined(separator: ", ")))")
        }
        let backend = StoreBackend(store: s, today: store.today.flatMap { Day($0) })
        try Screen.run({ ascii in
            DashboardApp(backend: backend, language: screen.language, initialPlan: screen.plan, ascii: ascii)
        }, options: screen, kiosk: false)
    }
}
