import ArgumentParser
import PlanModel

/// Options every command that reads the store takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store directory (default: $DUBAN_STORE, else ~/.local/share/duban).", valueName: "DIR"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("Evaluate warning lights as of this date (YYYY-MM-DD) instead of today, or the store's setting.", valueName: "DATE"))
    var today: String?

    func validate() throws {
        if let today, Day(today) == nil {
            throw ValidationError("--today: \"\(today)\" is not a date (expected YYYY-MM-DD, e.g. 2014-09-30)")
        }
    }
}
