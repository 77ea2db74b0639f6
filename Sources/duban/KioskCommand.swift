import ArgumentParser

struct KioskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kiosk", abstract: "(not yet available)")
    @OptionGroup var store: StoreOptions

    func run() throws {
        throw ValidationError("duban kiosk is not available yet")
    }
}
