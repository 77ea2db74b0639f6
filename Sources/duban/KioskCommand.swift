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

struct KioskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: Help.pick("显示只读的看板（展示屏），轮播各屏。", "Show the read-only wall display (看板), rotating through the views."),
        discussion: Help.pick("""
            展示屏以只读方式打开存储（即使是办公室用户也从不创建、锁定或写入文件），每隔\
            --interval 秒轮播总览、各分项的任务、部门、完成情况和逾期清单，逐个计划轮播（存储中的\
            所有计划、--plans 列出的计划或 --plan 指定的计划），显示时间和最后修改\
            计划的人，任何修改在一秒内刷新。任何按键都不会修改数据；收到 SIGTERM 或 SIGHUP，\
            或按 --exit-key 时退出。
            """, """
            The kiosk opens the store read-only (it never creates, locks or writes a file, even \
            for an office user), rotates through the overview, each section's tasks, the \
            departments, completion and the overdue list every --interval seconds, plan after \
            plan (every plan in the store, the ones --plans names, or the one --plan names), shows the \
            time and who last changed the plan, and refreshes within a second of any change. \
            No key changes anything; it exits on SIGTERM or SIGHUP, or on --exit-key.
            """))

    @OptionGroup var store: StoreOptions
    @OptionGroup var screen: ScreenOptions
    @Option(help: ArgumentHelp(Help.pick("每屏显示的秒数（2–3600）。", "Seconds each view is shown (2–3600)."), valueName: "SECONDS")) var interval: Double = 15
    @Option(help: ArgumentHelp(Help.pick("退出展示屏的按键（默认无）。", "A key that exits the kiosk (none by default)."), valueName: "KEY")) var exitKey: String?
    @Option(help: ArgumentHelp(Help.pick("轮播的计划，按此顺序，以逗号分隔（默认：所有计划）。",
                                         "Plans to rotate through, in this order, comma-separated (default: every plan)."),
                               valueName: "ID,ID,…"))
    var plans: String?

    /// The plans named by --plans, or by --plan; empty for every plan.
    var named: [String] {
        if let plans { return plans.split(separator: ",").map { String($0.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }.filter { !$0.isEmpty } }
        return screen.plan.map { [$0] } ?? []
    }

    func validate() throws {
        guard interval >= 2 && interval <= 3600 else { throw ValidationError("--interval: \(interval) is outside 2…3600 seconds") }
        if let exitKey, exitKey.count != 1 { throw ValidationError("--exit-key: \"\(exitKey)\" is not a single key") }
    }

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        for p in named where !s.planIDs().contains(p) { throw CLIMessage.noPlan(p, in: s, store.vocabulary) }
        let backend = StoreBackend(store: s, today: store.today.flatMap { Day($0) }, kiosk: true, language: store.language)
        try Screen.run({ ascii in
            KioskApp(backend: backend, language: store.language, interval: interval,
                     exitKey: exitKey?.first, ascii: ascii, plans: named)
        }, options: screen, language: store.language, kiosk: true)
    }
}
