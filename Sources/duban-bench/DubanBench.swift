import ArgumentParser

@main
struct DubanBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duban-bench",
        abstract: "Synthetic stores and the performance benchmark of duban.",
        subcommands: [GenerateCommand.self, RunCommand.self, RunOneCommand.self, ImportBenchCommand.self]
    )
}
