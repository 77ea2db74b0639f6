import Foundation
import PlanModel
import PlanStore

/// Opens the store for a command and turns store errors into one-line CLI errors.
enum StoreOpener {
    static func open(_ options: StoreOptions, readOnly: Bool) throws -> Store {
        let path = try StoreLocation.resolve(options.store, options.vocabulary)
        let store: Store
        do { store = try Store.open(path, readOnly: readOnly) } catch { throw CLIError("\(error)") }
        for w in store.warnings { Output.warn(Output.warning(w, options.vocabulary)) }
        return store
    }

    /// Runs a store operation, reporting its failure as one line.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as CLIError { throw e } catch { throw CLIError("\(error)") }
    }
}
