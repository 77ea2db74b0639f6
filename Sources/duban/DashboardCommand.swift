#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Dashboard
import DashboardStore
import FoundationEssentials
import PlanModel
import ScreenKit
import Terminal

/// Options the dashboard and the kiosk share.
struct ScreenOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Help.pick("配色主题：default、light、high-contrast、mono，或 .theme 文件的路径（默认：$DUBAN_THEME）。", "Colour theme: default, light, high-contrast, mono, or a path to a .theme file (default: $DUBAN_THEME)."), valueName: "NAME"))
    var theme: String?

    @Option(help: ArgumentHelp(Help.pick("首先打开的计划（见 duban plans）。", "Plan to open first (see duban plans)."), valueName: "ID"))
    var plan: String?
}

/// Sets up the terminal, runs an app and exits with its status.
enum Screen {
    static func run(_ makeApp: (Bool) throws -> TerminalApp, options: ScreenOptions, language: Language, kiosk: Bool) throws -> Never {
        guard isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 else {
            throw CLIError(Vocabulary(language).pick(
                "\(kiosk ? "展示屏" : "督办界面")需要终端（脚本请用 duban plans、show、export 或 report）",
                "the \(kiosk ? "kiosk" : "dashboard") needs a terminal (for scripts use duban plans, show, export or report)"))
        }
        let theme: Theme
        do { theme = try ThemeLoader.resolve(flag: options.theme, environment: ProcessInfo.processInfo.environment) }
        catch { throw CLIError(failure: error) }
        let locale = TerminalRunner.prepareLocale()
        if let w = locale.warning { Output.warn("duban: \(w)") }
        let app = try makeApp(locale.mode == .ascii || LocaleCheck.wantsASCIILines(environment: ProcessInfo.processInfo.environment))
        let status: Int32
        do {
            status = try TerminalRunner.run(app, options: kiosk ? .kiosk(theme: theme, locale: locale.mode)
                                                                : .dashboard(theme: theme, locale: locale.mode))
        } catch { throw CLIError(failure: error) }
        exit(status)
    }
}

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: Help.pick("打开全屏督办界面（默认命令）。", "Open the full-screen dashboard (the default command)."),
        discussion: Help.pick("""
            四个窗格：分项、任务、部门和完成情况。方向键或 hjkl 移动，Tab 或 1–4 切换窗格，\
            Enter 打开任务，/ 搜索，s/e/d/n 修改状态、进度、截止日期或添加备注，u 撤销你的上次修改，\
            p 切换计划，? 列出全部按键，q 退出。能修改什么取决于存储的权限设置（duban access）；\
            他人的修改在一秒内显示。
            """, """
            Four panes: Sections (分项), Tasks (任务), Departments (部门) and Completion (完成情况). \
            Move with the arrows or hjkl, switch panes with Tab or 1–4, Enter opens a task, / \
            searches, s/e/d/n change status, progress, due date or add a note, u undoes your last \
            change, p switches plan, ? lists every key, q quits. What you may change depends on \
            the store's access rules (duban access); changes by others appear within a second.
            """))

    @OptionGroup var store: StoreOptions
    @OptionGroup var screen: ScreenOptions
    @Flag(help: ArgumentHelp(Help.pick("即使有修改权限也以只读方式打开。", "Open read-only even if you could write."))) var readOnly = false

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: readOnly)
        if let p = screen.plan, !s.planIDs().contains(p) { throw CLIMessage.noPlan(p, in: s, store.vocabulary) }
        let backend = StoreBackend(store: s, today: store.today.flatMap { Day($0) }, language: store.language)
        try Screen.run({ ascii in
            DashboardApp(backend: backend, language: store.language, initialPlan: screen.plan, ascii: ascii)
        }, options: screen, language: store.language, kiosk: false)
    }
}
