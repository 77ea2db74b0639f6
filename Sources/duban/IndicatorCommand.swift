import ArgumentParser
import PlanModel
import PlanStore

struct IndicatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicator",
        abstract: Help.pick("列出计划的量化指标，或录入指标的实际值。", "List a plan's indicators (量化指标) or record an indicator's actual value."),
        discussion: Help.pick("""
            只给 PLAN 时列出每项指标：编号、任务、目标、实际值、是否达标和所测内容。给出 ID 和\
            VALUE 时录入实际值（数值；可带 % 等单位）；--clear 清除。修改按权限检查（仅办公室\
            用户）并写入计划的日志；如果本命令读取计划后有人录入了值，除非 --force，否则作为\
            冲突被拒绝。
            """, """
            With only PLAN, lists each indicator: id, task, target, actual, whether it is met, \
            and what is measured. With ID and VALUE, records the actual value (a number; a \
            trailing unit such as % is accepted); --clear removes it. The change is checked \
            against the access rules (office users only) and committed to the plan's journal; \
            if someone else recorded a value since this command read the plan it is refused as \
            a conflict, unless --force.
            """))

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("计划编号，如 gansu-2023-2025。", "Plan id, e.g. gansu-2023-2025."))) var plan: String
    @Argument(help: ArgumentHelp(Help.pick("指标编号，如 goal.1（见列表）。", "Indicator id, e.g. goal.1 (see the list)."))) var id: String?
    @Argument(help: ArgumentHelp(Help.pick("实际值，如 97.5。", "Actual value, e.g. 97.5."))) var value: String?
    @Flag(help: ArgumentHelp(Help.pick("清除已录入的实际值。", "Remove the recorded actual value."))) var clear = false
    @Flag(help: ArgumentHelp(Help.pick("即使读取后有人修改了该值也覆盖。", "Overwrite even if someone changed the value since it was read."))) var force = false

    func validate() throws {
        let v = store.vocabulary
        if clear && value != nil { throw ValidationError(v.pick("VALUE 与 --clear 只能给一个", "give either VALUE or --clear, not both")) }
        if let id, value == nil && !clear {
            throw ValidationError(v.pick("请给出 \(id) 的实际值 VALUE，或 --clear", "give the VALUE to record for \(id), or --clear"))
        }
        if id == nil && clear { throw ValidationError(v.pick("--clear 需要指标编号 ID", "--clear needs an indicator ID")) }
    }

    func run() throws {
        let v = store.vocabulary
        guard let id else { return try list(v) }
        let s = try StoreOpener.open(store, readOnly: false)
        let p = try StoreQuery.plan(s, plan, v)
        guard let ind = p.indicators.first(where: { $0.id == id }) else {
            let ids = p.indicators.map(\.id).joined(separator: ", ")
            throw CLIError(v.pick("计划 \(plan) 中没有指标“\(id)”" + (ids.isEmpty ? "（该计划没有指标）" : "（现有指标：\(ids)）"),
                                  "no indicator \"\(id)\" in \(plan)" + (ids.isEmpty ? " (it has none)" : " (indicators: \(ids))")))
        }
        var actual: Double? = nil
        if let value {
            guard let n = ind.parseValue(value) else {
                throw CLIError(v.pick("VALUE：“\(value)”不是数值（如 97.5）", "VALUE: \"\(value)\" is not a number (e.g. 97.5)"))
            }
            actual = n
        }
        let edit = Edit.setIndicatorActual(id: id, value: actual)
        let task = ind.taskKey ?? ""
        // The compare-and-swap baseline is the value this command loaded.
        let seen = p.currentValue(of: edit, task: task)
        let e = try StoreOpener.run { try s.commit(edit, plan: plan, task: task, expected: seen, force: force) }
        Output.line(CLIMessage.committed(e, plan: plan, v))
    }

    private func list(_ v: Vocabulary) throws {
        let s = try StoreOpener.open(store, readOnly: true)
        let p = try StoreQuery.plan(s, plan, v)
        guard !p.indicators.isEmpty else {
            Output.line(plan + v.pick("：没有量化指标", ": no indicators"))
            return
        }
        var rows: [[String]] = [[v.id, v.task, v.target, v.actual, v.metWord, v.name].map(v.upper)]
        for i in p.indicators {
            let target = (i.comparison == .atLeast ? ">=" : "") + NumberText.plain(i.target) + i.unit
            let met = i.met.map { $0 ? v.yes : v.no } ?? "-"
            rows.append([i.id, i.taskKey ?? v.goal, target, i.actual.map { NumberText.plain($0) + i.unit } ?? "-", met, i.name])
        }
        Output.table(rows).forEach { Output.line($0) }
    }
}
