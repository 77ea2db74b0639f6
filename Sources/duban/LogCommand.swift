import ArgumentParser
import PlanModel
import PlanStore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: Help.pick("显示变更记录：谁在何时从何处修改了什么。", "Show the audit trail (变更记录): who changed what, when, from where."))

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("计划编号（默认：全部计划）。", "Plan id (default: every plan)."))) var plan: String?
    @Argument(help: ArgumentHelp(Help.pick("任务编号，如 3.13（默认：全部任务）。", "Task key, e.g. 3.13 (default: every task)."))) var task: String?
    @Flag(help: ArgumentHelp(Help.pick("以 JSON 数组输出记录。", "Print the entries as a JSON array."))) var json = false

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        let v = store.vocabulary
        let shown = s.warnings.count
        let ids = plan.map { [$0] } ?? s.planIDs()
        var entries: [JournalEntry] = []
        for id in ids {
            let all = try StoreOpener.run { try s.journal(id) }
            entries += all.filter { task == nil || $0.task == task }
        }
        for w in s.warnings.dropFirst(shown) { Output.warn(Output.warning(w, v)) }
        if json {
            Output.json(.array(entries.map(Self.json)))
            return
        }
        var rows = [["#", v.time, v.user, v.origin, v.plan, v.task, v.field, v.pick("原值 → 新值", "old → new")]]
        for e in entries {
            var change = CLIMessage.change(e, v)
            if let u = e.undoes { change += v.pick("（撤销 #\(u)）", " (undoes #\(u))") }
            rows.append(["\(e.seq)", e.time, e.user, e.ssh ?? "-", e.plan, e.task.isEmpty ? "-" : e.task, CLIMessage.field(e.field, v), change])
        }
        Output.table(rows, rightAligned: [0]).forEach { Output.line($0) }
    }

    static func json(_ e: JournalEntry) -> JSON {
        var o: [(String, JSON)] = [
            ("seq", .int(e.seq)), ("time", .string(e.time)), ("user", .string(e.user)),
            ("ssh", e.ssh.map { .string($0) } ?? .null), ("plan", .string(e.plan)), ("task", .string(e.task)),
            ("field", .string(e.field)), ("old", e.old), ("new", e.new),
        ]
        if let u = e.undoes { o.append(("undoes", .int(u))) }
        return .object(o)
    }
}
