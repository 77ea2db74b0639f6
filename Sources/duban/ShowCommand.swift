import ArgumentParser

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "(not yet available)")
    @OptionGroup var store: StoreOptions

    func run() throws {
        throw ValidationError("duban show is not available yet")
    }
}
