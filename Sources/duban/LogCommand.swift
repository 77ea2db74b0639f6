import ArgumentParser

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "(not yet available)")
    @OptionGroup var store: StoreOptions

    func run() throws {
        throw ValidationError("duban log is not available yet")
    }
}
