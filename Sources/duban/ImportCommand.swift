import ArgumentParser

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "(not yet available)")
    @OptionGroup var store: StoreOptions

    func run() throws {
        throw ValidationError("duban import is not available yet")
    }
}
