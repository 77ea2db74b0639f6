import ArgumentParser
import PlanModel
import PlanStore

/// `duban undo PLAN [--entry N]`: takes back one's own latest change, through
/// the store's one undo path, as a new journaled change.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: Help.pick("撤销本人在计划中的最近一次修改（写入日志）。", "Undo your latest change in a plan (journaled)."),
        discussion: Help.pick("""
            字段的修改写回原值；备注、情况反馈和申请被撤回（原记录保留并标为已撤回）；审核被撤销时申请恢复为待审核，\
            任务恢复审核前的状态、进度和截止日期；报送轮次的开启被撤回、关闭被重新开启；催办被撤回；新增的任务被删除，\
            删除的任务连同备注恢复。如果其后有人修改了同一项，撤销会被拒绝并说明原因。导入、撤回和更正不能撤销。
            --entry N 撤销本人的第 N 条修改（见 duban log）。
            """, """
            A field gets its old value back; a note, feedback or request is withdrawn (kept, marked \
            withdrawn); a review is undone by reopening the request, the task back to the status, progress \
            and due date it had; a round's opening is withdrawn and its closing reopened; a chase is \
            withdrawn; an added task is removed and a removed one comes back with its notes. If what the \
            change left has changed since, the undo is refused saying why. Imports, withdrawals and \
            corrections are not undone.
            --entry N undoes your entry N (see duban log) instead of the latest.
            """))

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("计划编号。", "Plan id."))) var plan: String
    @Option(help: ArgumentHelp(Help.pick("要撤销的本人修改的编号（默认：最近一次）。", "The number of your entry to undo (default: your latest)."), valueName: "N")) var entry: Int?

    func run() throws {
        let v = store.vocabulary
        let s = try StoreOpener.open(store, readOnly: false)
        guard s.planIDs().contains(plan) else { throw CLIMessage.noPlan(plan, in: s, v) }
        let target: JournalEntry
        if let entry {
            let all = try StoreOpener.run { try s.journal(plan) }
            guard let e = all.first(where: { $0.seq == entry }) else {
                throw CLIError(v.pick("\(plan) 中没有第 \(entry) 条修改", "no entry \(entry) in \(plan)"))
            }
            if let by = all.first(where: { $0.undoes == entry }) {
                throw CLIError(v.pick("第 \(entry) 条已由第 \(by.seq) 条撤销", "entry \(entry) was already undone by entry \(by.seq)"))
            }
            target = e
        } else {
            guard let e = try StoreOpener.run({ try s.lastOwnChange(plan: plan) }) else {
                throw CLIError(v.pick("\(s.user) 在 \(plan) 中没有可撤销的修改", "\(s.user) has no change to undo in \(plan)"))
            }
            target = e
        }
        let e = try StoreOpener.run { try s.undo(target, plan: plan) }
        Output.line(CLIMessage.committed(e, plan: plan, v) + v.pick("（撤销 #\(target.seq)）", " (undoes #\(target.seq))"))
    }
}
