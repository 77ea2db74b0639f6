#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import FoundationEssentials
import PlanModel
import PlanStore

struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: Help.pick("更新任务的状态、进度、截止日期，或添加进展备注。", "Update a task's status (状态), progress (进度), due date or add a note (进展情况)."),
        discussion: Help.pick("""
            每次修改都按权限检查，并写入计划的日志。如果本命令读取计划后有人修改了同一项，\
            修改会作为冲突被拒绝，并说明是谁在何时修改的；--force 强制覆盖。备注只追加，\
            因此不会冲突。
            状态：未开始（not_started）、进行中（in_progress）、已完成（done）、滞后（behind）。
            """, """
            Each change is checked against the access rules and committed to the plan's \
            journal. If someone else changed the same field since this command read the \
            plan, the change is refused as a conflict naming who changed it and when; \
            --force overwrites. Notes only append, so they never conflict.
            Status: not_started (未开始), in_progress (进行中), done (已完成), behind (滞后).
            """))

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("计划编号，如 gansu-2014。", "Plan id, e.g. gansu-2014."))) var plan: String
    @Argument(help: ArgumentHelp(Help.pick("任务编号 <分项>.<序号>，如 3.13。", "Task key <section>.<number>, e.g. 3.13."))) var task: String
    @Option(help: ArgumentHelp(Help.pick("新状态：未开始、进行中、已完成、滞后（或 not_started、in_progress、done、behind）。", "New status: not_started, in_progress, done, behind (or 未开始, 进行中, 已完成, 滞后)."))) var status: String?
    // Unconditional: "-1" is a value to refuse by name, not an option.
    @Option(parsing: .unconditional, help: ArgumentHelp(Help.pick("进度百分比，0–100。", "Progress in percent, 0–100."))) var progress: Int?
    @Option(help: ArgumentHelp(Help.pick("新的截止日期。", "New due date."), valueName: "YYYY-MM-DD")) var due: String?
    @Option(help: ArgumentHelp(Help.pick("添加进展备注；'-' 表示从标准输入读取。", "Add a progress note; '-' reads it from standard input."))) var note: String?
    @Flag(help: ArgumentHelp(Help.pick("即使读取后有人修改了该项也覆盖。", "Overwrite even if someone changed the field since it was read."))) var force = false

    func run() throws {
        let v = store.vocabulary
        // Every value is checked before the store is opened for writing.
        var edits: [Edit] = []
        if let status {
            guard let s = Vocabulary.status(named: status) else {
                throw CLIError(v.pick("--status：“\(status)”不是状态（未开始、进行中、已完成、滞后，或 not_started、in_progress、done、behind）",
                                      "--status: \"\(status)\" is not a status (not_started, in_progress, done, behind)"))
            }
            edits.append(.setStatus(s))
        }
        if let progress {
            guard (0...100).contains(progress) else {
                throw CLIError(v.pick("--progress：\(progress) 超出 0–100", "--progress: \(progress) is outside 0–100"))
            }
            edits.append(.setProgress(progress))
        }
        if let due {
            guard let d = Day(due) else {
                throw CLIError(v.pick("--due：“\(due)”不是日期（应为 YYYY-MM-DD）", "--due: \"\(due)\" is not a date (expected YYYY-MM-DD)"))
            }
            edits.append(.setDue(d))
        }
        if var text = note {
            if text == "-" {
                text = String(decoding: StandardStreams.readInput(), as: UTF8.self)
                while text.hasSuffix("\n") { text.removeLast() }
            }
            guard !text.isEmpty else { throw CLIError(v.pick("--note：备注为空", "--note: empty note")) }
            guard text.utf8.count <= Limits.noteBytes else {
                throw CLIError(v.pick("--note：备注 \(text.utf8.count) 字节，超过上限 \(Limits.noteBytes)",
                                      "--note: a note of \(text.utf8.count) bytes is longer than \(Limits.noteBytes)"))
            }
            edits.append(.addNote(Note(time: "", user: "", text: text)))
        }
        guard !edits.isEmpty else {
            throw CLIError(v.pick("没有要更新的内容：请给出 --status、--progress、--due 或 --note",
                                  "nothing to update: give --status, --progress, --due or --note"))
        }

        let s = try StoreOpener.open(store, readOnly: false)
        let baseline = try baselines(edits, in: s, v)
        for (edit, seen) in zip(edits, baseline) {
            // The compare-and-swap baseline is the value this command loaded.
            let expected: JSON? = edit.kind.scope == .taskEvent ? nil : seen
            let e = try StoreOpener.run { try s.commit(edit, plan: plan, task: task, expected: expected, force: force) }
            Output.line(CLIMessage.committed(e, plan: plan, v))
        }
    }

    /// The values the edits will replace, as loaded: the task alone, from its
    /// own snapshot line and the journal since. The plan is not kept, so the
    /// store holds the only copy and a commit changes it in place.
    private func baselines(_ edits: [Edit], in s: Store, _ v: Vocabulary) throws -> [JSON] {
        let loaded = try StoreOpener.run { try s.plan(plan, onlyTask: task) }
        guard loaded.task(task) != nil else { throw CLIMessage.noTask(task, in: loaded, v) }
        // Each edit's baseline includes this command's earlier edits: `--status
        // done` also sets progress to 100, which a following `--progress` must
        // not see as someone else's change.
        var state = loaded
        return edits.map { edit in
            defer { try? state.apply(edit, task: task) }
            return state.currentValue(of: edit, task: task)
        }
    }
}
