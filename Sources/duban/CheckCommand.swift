import ArgumentParser

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "(not yet available)")
    @OptionGroup var store: StoreOptions

    func run() throws {
        throw ValidationError("duban check is not available yet")
    }
}
