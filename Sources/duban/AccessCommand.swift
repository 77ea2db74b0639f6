import ArgumentParser

struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "access", abstract: "(not yet available)")
    @OptionGroup var store: StoreOptions

    func run() throws {
        throw ValidationError("duban access is not available yet")
    }
}
