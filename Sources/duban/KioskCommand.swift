import ArgumentParser
import Dashboard
import DashboardStore
import Foundation
import PlanModel

struct KioskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "Show the read-only wall display (看板), rotating through the views.",
        discussion: """
            The kiosk opens the store read-only (it never creates, locks or writes a file, even \
            for an office user), rotates through the overview, each section's tasks, the \
            departments, completion and the overdue list every --interval seconds, shows the \
            time and who last changed the plan, and refreshes within a second of any change. \
            No key changes anything; it exits on SIGTERM or SIGHUP, or on --exit-key.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var screen: ScreenOptions
    @Option(help: ArgumentHelp("Seconds each view is shown (2–3600).", valueName: "SECONDS")) var interval: Double = 15
    @Option(help: ArgumentHelp("A key that exits the kiosk (none by default).", valueName: "KEY")) var exitKey: String?

    func validate() throws {
        guard interval >= 2 && interval <= 3600 else { throw ValidationError("--interval: \(interval) is outside 2…3600 seconds") }
        if let exitKey, exitKey.count != 1 { throw ValidationError("--exit-key: \"\(exitKey)\" is not a single key") }
    }

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        if let p = screen.plan, !s.planIDs().contains(p) {
            throw CLIError("no plan \"\(p)\" (plans: \(s.planIDs().joined(separator: ", ")))")
        }
        let backend = StoreBackend(store: s, today: store.today.flatMap { Day($0) }, kiosk: true)
        try Screen.run({ ascii in
            KioskApp(backend: backend, language: screen.language, interval: interval,
                     exitKey: exitKey?.first, ascii: ascii, plan: screen.plan)
        }, options: screen, kiosk: true)
    }
}
