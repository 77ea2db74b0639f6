import ArgumentParser
import PlanModel
import PlanStore

struct IndicatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicator",
        abstract: "List a plan's indicators (量化指标) or record an indicator's actual value.",
        discussion: """
            With only PLAN, lists each indicator: id, task, target, actual, whether it is met, \
            and what is measured. With ID and VALUE, records the actual value (a number; a \
            trailing unit such as % is accepted); --clear removes it. The change is checked \
            against the access rules (office users only) and committed to the plan's journal; \
            if someone else recorded a value since this command read the plan it is refused as \
            a conflict, unless --force.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "Plan id, e.g. gansu-2023-2025.") var plan: String
    @Argument(help: "Indicator id, e.g. goal.1 (see the list).") var id: String?
    @Argument(help: "Actual value, e.g. 97.5.") var value: String?
    @Flag(help: "Remove the recorded actual value.") var clear = false
    @Flag(help: "Overwrite even if someone changed the value since it was read.") var force = false

    func validate() throws {
        if clear && value != nil { throw ValidationError("give either VALUE or --clear, not both") }
        if id != nil && value == nil && !clear { throw ValidationError("give the VALUE to record for \(id!), or --clear") }
        if id == nil && clear { throw ValidationError("--clear needs an indicator ID") }
    }

    func run() throws {
        guard let id else { return try list() }
        let s = try StoreOpener.open(store, readOnly: false)
        let p = try StoreQuery.plan(s, plan)
        guard let ind = p.indicators.first(where: { $0.id == id }) else {
            let ids = p.indicators.map(\.id)
            throw CLIError("no indicator \"\(id)\" in \(plan)" + (ids.isEmpty ? " (it has none)" : " (indicators: \(ids.joined(separator: ", ")))"))
        }
        var v: Double? = nil
        if let value {
            guard let n = ind.parseValue(value) else {
                throw CLIError("VALUE: \"\(value)\" is not a number (e.g. 97.5)")
            }
            v = n
        }
        let edit = Edit.setIndicatorActual(id: id, value: v)
        let task = ind.taskKey ?? ""
        // The compare-and-swap baseline is the value this command loaded.
        let seen = p.currentValue(of: edit, task: task)
        let e = try StoreOpener.run { try s.commit(edit, plan: plan, task: task, expected: seen, force: force) }
        Output.line("\(plan) \(e.field): \(e.old.brief) → \(e.new.brief) (#\(e.seq))")
    }

    private func list() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        let p = try StoreQuery.plan(s, plan)
        guard !p.indicators.isEmpty else {
            Output.line("\(plan): no indicators")
            return
        }
        var rows: [[String]] = [["ID", "TASK", "TARGET", "ACTUAL", "MET", "NAME"]]
        for i in p.indicators {
            let target = (i.comparison == .atLeast ? ">=" : "") + Self.number(i.target) + i.unit
            let met = i.met.map { $0 ? "yes" : "no" } ?? "-"
            rows.append([i.id, i.taskKey ?? "goal", target, i.actual.map { Self.number($0) + i.unit } ?? "-", met, i.name])
        }
        Output.table(rows).forEach { Output.line($0) }
    }

    static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }
}
