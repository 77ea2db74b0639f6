import ArgumentParser

struct PlansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plans", abstract: "(not yet available)")
    @OptionGroup var store: StoreOptions

    func run() throws {
        throw ValidationError("duban plans is not available yet")
    }
}
