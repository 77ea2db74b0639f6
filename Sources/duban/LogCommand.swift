import ArgumentParser
import PlanModel
import PlanStore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show the audit trail (变更记录): who changed what, when, from where.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Plan id (default: every plan).") var plan: String?
    @Argument(help: "Task key, e.g. 3.13 (default: every task).") var task: String?
    @Flag(help: "Print the entries as a JSON array.") var json = false

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        let shown = s.warnings.count
        let ids = plan.map { [$0] } ?? s.planIDs()
        var entries: [JournalEntry] = []
        for id in ids {
            let all = try StoreOpener.run { try s.journal(id) }
            entries += all.filter { task == nil || $0.task == task }
        }
        for w in s.warnings.dropFirst(shown) { Output.warn("duban: warning: \(w)") }
        if json {
            Output.json(.array(entries.map(Self.json)))
            return
        }
        var rows = [["#", "time", "user", "from", "plan", "task", "field", "old → new"]]
        for e in entries {
            var change = e.summary
            if let u = e.undoes { change += " (undoes #\(u))" }
            rows.append(["\(e.seq)", e.time, e.user, e.ssh ?? "-", e.plan, e.task.isEmpty ? "-" : e.task, e.field, change])
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
