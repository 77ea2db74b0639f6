import ArgumentParser
import PlanModel
import PlanStore

struct PlansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plans",
        abstract: "List the plans in the store with their completion and warning lights.")

    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        let shown = s.warnings.count
        defer { for w in s.warnings.dropFirst(shown) { Output.warn("duban: warning: \(w)") } }
        var rows: [[String]] = [["ID", "TASKS", "DONE", "RED", "YELLOW", "COMPLETION", "PERIOD", "TITLE"]]
        var items: [JSON] = []
        for id in s.planIDs() {
            // One plan that does not load is named, not allowed to hide the others.
            let p: Plan
            do { p = try s.plan(id) } catch {
                Output.warn("duban: warning: plan \(id) not listed: \(error)")
                continue
            }
            let r = Rollup(p, Evaluation(today: Today.resolve(store.today, setting: s.settings.today(for: p.id)),
                                         dueSoonDays: s.settings.dueSoonDays))
            rows.append([p.id, "\(p.tasks.count)", "\(r.plan.count(.done))", "\(r.plan.count(.red))",
                         "\(r.plan.count(.yellow))", Output.percent(r.plan.completion),
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
