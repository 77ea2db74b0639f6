import ArgumentParser
import SyntheticStore

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate",
                                                    abstract: "Write a deterministic synthetic store.")
    @Option(help: "Plans (the first, the province's, is the largest).") var plans = 1
    @Option(help: "Tasks in all.") var tasks = 10_000
    @Option(help: "Departments to assign tasks to.") var departments = 40
    @Option(help: "Journal entries (notes and progress changes) in all.") var notes = 30_000
    @Option(help: "Seed: the same seed writes the same plans and journal.") var seed: UInt64 = 1
    @Option(help: "Store directory to write (created; plans in it are replaced).") var out: String

    func validate() throws {
        guard plans >= 1, tasks >= 1, departments >= 2, notes >= 0 else {
            throw ValidationError("--plans and --tasks must be at least 1, --departments at least 2")
        }
    }

    func run() throws {
        let spec = SyntheticSpec(plans: plans, tasks: tasks, departments: departments, notes: notes, seed: seed)
        let t0 = Measure.now()
        try SyntheticStore.write(spec, to: out)
        print("wrote \(plans) plan(s), \(tasks) tasks, \(notes) journal entries to \(out) in \(Measure.format(Measure.now() - t0))")
    }
}
