import ArgumentParser
import PlanModel
import PlanStore

struct PlansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plans",
        abstract: Help.pick("列出存储中的计划及其完成度和预警灯。", "List the plans in the store with their completion and warning lights."))

    @OptionGroup var store: StoreOptions
    @Flag(help: ArgumentHelp(Help.pick("输出 JSON。", "Print JSON."))) var json = false

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        let v = store.vocabulary
        let shown = s.notices.count
        defer { for w in s.warnings(v.language).dropFirst(shown) { Output.warn(Output.warning(w, v)) } }
        var rows: [[String]] = [[v.id, v.tasks, v.statusShort(.done), v.light(.red), v.light(.yellow), v.completion,
                                 v.period, v.title].map(v.upper)]
        var items: [JSON] = []
        for id in s.planIDs() {
            // One plan that does not load is named, not allowed to hide the others.
            let p: Plan
            do { p = try s.plan(id) } catch {
                Output.warn(Output.warning(v.pick("计划 \(id) 未列出：\(CLIError(failure: error))", "plan \(id) not listed: \(CLIError(failure: error))"), v))
                continue
            }
            let r = Rollup(p, Evaluation(today: Today.resolve(store.today, setting: s.settings.today(for: p.id)),
                                         dueSoonDays: s.settings.dueSoonDays))
            rows.append([p.id, "\(p.tasks.count)", "\(r.plan.count(.done))", "\(r.plan.count(.red))",
                         "\(r.plan.count(.yellow))", NumberText.percent(r.plan.completion),
                         "\(p.period.start)…\(p.period.end)", p.title])
            items.append(.object([("id", .string(p.id)), ("title", .string(p.title)), ("tasks", .int(p.tasks.count)),
                                  ("done", .int(r.plan.count(.done))), ("red", .int(r.plan.count(.red))),
                                  ("yellow", .int(r.plan.count(.yellow))), ("completion", .double(r.plan.completion)),
                                  ("period", .object([("start", .string(p.period.start.description)), ("end", .string(p.period.end.description))]))]))
        }
        if json { Output.json(.array(items)); return }
        Output.table(rows, rightAligned: [1, 2, 3, 4, 5]).forEach { Output.line($0) }
    }
}
