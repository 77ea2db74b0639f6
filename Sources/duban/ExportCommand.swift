import ArgumentParser
import PlanModel
import PlanStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: Help.pick("以 JSON 输出整个计划：分项、分组、任务、部门、指标。", "Print a whole plan as JSON: sections, groups, tasks, departments, indicators."),
        discussion: Help.pick("格式见 README；其他工具可以依赖它。", "The shape is documented in the README; other tools may rely on it."))

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("计划编号（见 duban plans）。", "Plan id (see duban plans)."), valueName: "PLAN")) var plan: String
    @Flag(help: ArgumentHelp(Help.pick("输出 JSON（默认且唯一的格式）。", "Print JSON (the default and only format)."))) var json = false

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        Output.json(try s.plan(plan).json)
    }
}
