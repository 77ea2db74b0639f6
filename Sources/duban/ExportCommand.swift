import ArgumentParser
import PlanModel
import PlanStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print a whole plan as JSON: sections, groups, tasks, departments, indicators.",
        discussion: "The shape is documented in the README; other tools may rely on it.")

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Plan id (see duban plans).", valueName: "PLAN")) var plan: String
    @Flag(help: "Print JSON (the default and only format).") var json = false

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        Output.json(try s.plan(plan).json)
    }
}
