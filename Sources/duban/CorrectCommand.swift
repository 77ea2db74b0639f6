import ArgumentParser
import FoundationEssentials
import PlanModel
import PlanStore

/// `duban correct PLAN KEY note|feedback N --text T | --withdraw`: the office
/// corrects or withdraws what was said; the original stays in the journal.
struct CorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: Help.pick("更正或撤回任务的备注、情况反馈（仅办公室）。", "Correct or withdraw a task's note or feedback (office only)."),
        discussion: Help.pick("""
            N 是 duban show 中的序号（#1 为最早的一条）。更正后显示更正的内容并标为“已更正”，撤回后标为“已撤回”；\
            原记录保留在计划和日志中（duban log）。报送单位只能用 duban undo 撤回本人刚提交的记录。
            """, """
            N is the number duban show gives it (#1 is the oldest). A corrected record shows the new \
            text marked "corrected", a withdrawn one is marked "withdrawn"; the original stays in the plan \
            and the journal (duban log). A unit takes back only what it filed itself, with duban undo.
            """))

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case note, feedback
        /// The change it corrects, whose row names and labels it.
        var change: ChangeKind { self == .note ? .note : .feedback }
    }

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("计划编号。", "Plan id."))) var plan: String
    @Argument(help: ArgumentHelp(Help.pick("任务编号，如 3.6。", "Task key, e.g. 3.6."))) var task: String
    @Argument(help: ArgumentHelp(Help.pick("note（备注）或 feedback（情况反馈）。", "note or feedback."))) var kind: Kind
    @Argument(help: ArgumentHelp(Help.pick("序号（见 duban show）。", "Its number (see duban show)."), valueName: "N")) var number: Int
    @Option(help: ArgumentHelp(Help.pick("更正后的内容；'-' 从标准输入读取。", "The corrected text; '-' reads standard input."), valueName: "TEXT")) var text: String?
    @Flag(help: ArgumentHelp(Help.pick("撤回该条记录。", "Withdraw it."))) var withdraw = false

    func run() throws {
        let v = store.vocabulary
        guard (text == nil) != !withdraw else {
            throw CLIError(v.pick("请给出 --text 更正内容或 --withdraw 撤回（二者选一）", "give either --text TEXT to correct or --withdraw"))
        }
        var body = text
        if body == "-" {
            var t = String(decoding: StandardStreams.readInput(), as: UTF8.self)
            while t.hasSuffix("\n") { t.removeLast() }
            body = t
        }
        if let body, body.allSatisfy(\.isWhitespace) {
            throw CLIError(v.pick("--text：更正内容为空；如要撤回请用 --withdraw", "--text: empty correction; use --withdraw to withdraw"))
        }
        guard number >= 1 else { throw CLIError(v.pick("序号从 1 开始", "numbers start at 1")) }
        let s = try StoreOpener.open(store, readOnly: false)
        guard s.planIDs().contains(plan) else { throw CLIMessage.noPlan(plan, in: s, v) }
        let p = try StoreOpener.run { try s.plan(plan) }
        guard p.task(task) != nil else { throw CLIMessage.noTask(task, in: p, v) }
        let w = Withdrawal(kind: kind.rawValue, index: number - 1, text: body)
        let e = try StoreOpener.run { try s.commit(.withdraw(w), plan: plan, task: task, expected: nil, force: false) }
        let what = v.pick(kind.change.label.zh, kind.change.label.en)
        Output.line(body == nil
            ? v.pick("已撤回 \(plan) \(task) 第 \(number) 条\(what) (#\(e.seq))", "withdrew \(what) #\(number) of \(plan) \(task) (#\(e.seq))")
            : v.pick("已更正 \(plan) \(task) 第 \(number) 条\(what) (#\(e.seq))", "corrected \(what) #\(number) of \(plan) \(task) (#\(e.seq))"))
    }
}
