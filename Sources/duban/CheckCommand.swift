import ArgumentParser
import PlanModel
import PlanStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: Help.pick("检查存储中的每个文件；有问题时以非零状态退出。", "Verify every file of the store (检查); exits non-zero when something is wrong."),
        discussion: Help.pick("""
            问题按 文件:行:列: 说明 输出。修复只有两种，且只在 --repair 时进行：截去日志末尾不完整的\
            一行（崩溃时未写完的记录；截去的字节保存在 <plan>.journal.jsonl.torn 中），删除已退出的\
            写入进程留下的临时文件。日志比快照记录的短属于损坏，从不截去。类型、属主或权限不对的\
            文件会被报告，由存储的管理者处理。
            """, """
            Problems are printed as FILE:LINE:COLUMN: MESSAGE. The only repairs are cutting a \
            torn last journal line (a write cut short by a crash; the bytes cut are kept in \
            <plan>.journal.jsonl.torn) and removing temporary files left by a writer that has \
            exited, and only with --repair. A journal shorter than its snapshot records is \
            damage and is never cut. Files of the wrong type, owner or mode are reported \
            for the store's owner to fix.
            """))

    @OptionGroup var store: StoreOptions
    @Flag(help: ArgumentHelp(Help.pick("截去日志末尾不完整的记录（持有该计划的锁），删除遗留的临时文件。",
                                       "Cut torn journal tails (under the plan's lock) and remove leftover temporary files."))) var repair = false

    func run() throws {
        let v = store.vocabulary
        let s = try StoreOpener.open(store, readOnly: !repair)
        if repair {
            for done in try StoreOpener.run({ try s.repair() }) { Output.line(done.text(v)) }
        }
        let problems = s.check()
        for p in problems { Output.line(p.text(v.language)) }
        if !problems.isEmpty {
            if !repair, let hint = Self.repairHint(problems, v) {
                Output.warn(v.pick("duban：运行 `duban check --repair` 可", "duban: run `duban check --repair` to ") + hint)
            }
            throw ExitCode(1)
        }
        Output.line(s.path + v.pick("：\(s.planIDs().count) 个计划，没有问题", ": \(s.planIDs().count) plans, no problems"))
    }

    /// What `--repair` would do about these problems, naming what it is.
    static func repairHint(_ problems: [StoreProblem], _ v: Vocabulary) -> String? {
        var what: [String] = []
        let tmp = problems.filter { $0.kind == .temporaryFile }.map(\.file)
        if !tmp.isEmpty {
            what.append(v.pick("删除遗留的临时文件 ", "remove the leftover temporary " + (tmp.count == 1 ? "file " : "files "))
                + tmp.joined(separator: ", "))
        }
        if problems.contains(where: { $0.kind == .tornTail }) { what.append(v.pick("截去日志末尾不完整的记录", "cut torn journal tails")) }
        return what.isEmpty ? nil : what.joined(separator: v.pick("，并", " and "))
    }
}
