import FoundationEssentials
import PlanModel
import PlanStore

/// Opens the store for a command and turns store errors into one-line CLI errors.
enum StoreOpener {
    /// `create`: a store directory that does not exist yet is made (by
    /// `import`, the first thing a new store needs); other commands say it
    /// does not exist.
    static func open(_ options: StoreOptions, readOnly: Bool, create: Bool = false) throws -> Store {
        let path = try StoreLocation.resolve(options.store, options.vocabulary)
        if create && !FileManager.default.fileExists(atPath: path) {
            let v = options.vocabulary
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw CLIError(v.pick("存储 \(path) 不存在，也无法创建：\(error)",
                                      "store \(path) does not exist and cannot be created: \(error)"))
            }
            Output.warn(v.pick("duban：已创建存储 \(path)", "duban: created the store \(path)"))
        }
        let store: Store
        do { store = try Store.open(path, readOnly: readOnly) } catch { throw CLIError(failure: error) }
        for w in store.warnings(options.vocabulary.language) { Output.warn(Output.warning(w, options.vocabulary)) }
        return store
    }

    /// Runs a store operation, reporting its failure as one line.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw CLIError(failure: error) }
    }
}

extension CLIError {
    /// Any failure as one line; the store's and the rules' in the session's language.
    init(failure error: any Error) {
        if let e = error as? CLIError { self = e } else if let e = error as? PersonMessage {
            self.init(e.text(Duban.language))
        } else {
            self.init("\(error)")
        }
    }
}
