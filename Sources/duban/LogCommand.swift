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
        let shown = s.notices.count
        let ids = plan.map { [$0] } ?? s.planIDs()
        var entries: [JournalEntry] = []
        for id in ids {
            // Across plans, one whose journal cannot be read is named, not allowed to hide the rest.
            let all: [JournalEntry]
            do { all = try StoreOpener.run { try s.journal(id) } } catch where plan == nil {
                Output.warn(Output.warning(v.pick("计划 \(id) 未列出：\(CLIError(failure: error))", "plan \(id) not shown: \(CLIError(failure: error))"), v))
                continue
            }
            entries += all.filter { task == nil || $0.task == task }
        }
        for w in s.warnings(v.language).dropFirst(shown) { Output.warn(Output.warning(w, v)) }
        // Across plans, one trail in time order (times may carry different
        // offsets); within a plan the journal's order breaks ties.
        if plan == nil {
            entries = entries.enumerated().sorted { a, b in
                let x = Self.instant(a.element.time) ?? Int.min, y = Self.instant(b.element.time) ?? Int.min
                return x != y ? x < y : a.offset < b.offset
            }.map(\.element)
        }
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

    /// Seconds since 1970 of an ISO 8601 time such as 2014-06-30T10:32:05+08:00
    /// (or Z, or no offset: taken as UTC); nil when it is not one.
    static func instant(_ time: String) -> Int? {
        let b = Array(time.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var n = 0
            for c in b[from..<(from + count)] { guard c >= 48 && c <= 57 else { return nil }; n = n * 10 + Int(c - 48) }
            return n
        }
        guard b.count >= 19, let day = Day(String(decoding: b[0..<10], as: UTF8.self)),
              let h = num(11, 2), let m = num(14, 2), let s = num(17, 2) else { return nil }
        var i = 19
        if i < b.count && b[i] == 46 { i += 1; while i < b.count && b[i] >= 48 && b[i] <= 57 { i += 1 } }  // fraction
        var offset = 0
        if i < b.count && (b[i] == 43 || b[i] == 45) {
            let sign = b[i] == 45 ? -1 : 1
            guard let oh = num(i + 1, 2) else { return nil }
            let om = num(i + 4, 2) ?? num(i + 3, 2) ?? 0
            offset = sign * (oh * 3600 + om * 60)
        }
        let epoch = Day(year: 1970, month: 1, day: 1)!.ordinal
        return (day.ordinal - epoch) * 86_400 + h * 3600 + m * 60 + s - offset
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
