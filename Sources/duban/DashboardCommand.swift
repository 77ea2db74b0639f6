import ArgumentParser

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dashboard", abstract: "(not yet available)")
    @OptionGroup var store: StoreOptions

    func run() throws {
        throw ValidationError("duban dashboard is not available yet")
    }
}
