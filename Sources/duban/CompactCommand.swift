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
        for id in plan.map({ [$0] }) ?? s.planIDs() {
            try StoreOpener.run { try s.compact(plan: id) }
            Output.line(id + store.vocabulary.pick("：已写入快照", ": snapshot written"))
        }
    }
}
