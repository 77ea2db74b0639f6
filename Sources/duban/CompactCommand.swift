import ArgumentParser
import PlanStore

struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: Help.pick("写入检查点快照，使载入时少重放日志。", "Write checkpoint snapshots so loading replays less of the journal."),
        discussion: Help.pick("日志完整保留，它就是变更记录。压缩从不改变计划的内容。", "The journal is kept whole: it is the audit trail. Compacting never changes a plan's content."))

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("计划编号（默认：全部计划）。", "Plan id (default: every plan)."))) var plan: String?

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: false)
        // Each plan on its own: one that cannot be compacted (a file that does
        // not parse is never overwritten) is named, and the others still are.
        var failed: [String] = []
        for id in plan.map({ [$0] }) ?? s.planIDs() {
            do {
                try StoreOpener.run { try s.compact(plan: id) }
                Output.line(id + store.vocabulary.pick("：已写入快照", ": snapshot written"))
            } catch {
                Output.warn(store.vocabulary.pick("duban：\(id) 未压缩：\(CLIError(failure: error))", "duban: \(id): not compacted: \(CLIError(failure: error))"))
                failed.append(id)
            }
        }
        if !failed.isEmpty { throw ExitCode(1) }
    }
}
