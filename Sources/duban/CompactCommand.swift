import ArgumentParser
import PlanStore

struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Write checkpoint snapshots so loading replays less of the journal.",
        discussion: "The journal is kept whole: it is the audit trail. Compacting never changes a plan's content.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Plan id (default: every plan).") var plan: String?

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: false)
        // Each plan on its own: one that cannot be compacted (a file that does
        // not parse is never overwritten) is named, and the others still are.
        var failed: [String] = []
        for id in plan.map({ [$0] }) ?? s.planIDs() {
            do {
                try StoreOpener.run { try s.compact(plan: id) }
                Output.line("\(id): snapshot written")
            } catch {
                Output.warn("duban: \(id): not compacted: \(error)")
                failed.append(id)
            }
        }
        if !failed.isEmpty { throw ExitCode(1) }
    }
}
