import ArgumentParser
import PlanStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: Help.pick("检查存储中的每个文件；有问题时以非零状态退出。", "Verify every file of the store (检查); exits non-zero when something is wrong."),
        discussion: Help.pick("""
            问题按 文件:行:列: 说明 输出。唯一的修复是截去日志末尾不完整的一行（崩溃时未写完的\
            记录），且只在 --repair 时进行；截去的字节保存在 <plan>.journal.jsonl.torn 中。
            """, """
            Problems are printed as FILE:LINE:COLUMN: MESSAGE. The only repair is cutting a \
            torn last journal line (a write cut short by a crash), and only with --repair; the \
            bytes cut are kept in <plan>.journal.jsonl.torn.
            """))

    @OptionGroup var store: StoreOptions
    @Flag(help: ArgumentHelp(Help.pick("截去日志末尾不完整的记录（持有该计划的锁）。", "Cut torn journal tails (under the plan's lock)."))) var repair = false

    func run() throws {
        let v = store.vocabulary
        let s = try StoreOpener.open(store, readOnly: !repair)
        if repair {
            for line in try StoreOpener.run({ try s.repair() }) { Output.line(line) }
        }
        let problems = s.check()
        for p in problems { Output.line(p.description) }
        if !problems.isEmpty {
            if problems.contains(where: \.repairable) && !repair {
                Output.warn(v.pick("duban：运行 `duban check --repair` 可截去日志末尾不完整的记录",
                                   "duban: run `duban check --repair` to cut torn journal tails"))
            }
            throw ExitCode(1)
        }
        Output.line(s.path + v.pick("：\(s.planIDs().count) 个计划，没有问题", ": \(s.planIDs().count) plans, no problems"))
    }
}
