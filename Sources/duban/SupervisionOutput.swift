import ArgumentParser
import FoundationEssentials
import OfficeFiles
import PlanModel
import PlanStore

/// The session's language for the supervision commands, from `--lang` /
/// `DUBAN_LANG` (StoreOptions), with the store calls they share.
struct SessionLanguage {
    let vocabulary: Vocabulary
    init(_ store: StoreOptions) { vocabulary = store.vocabulary }

    var english: Bool { vocabulary.isEnglish }

    func s(_ zh: String, _ en: String) -> String { vocabulary.pick(zh, en) }

    /// Runs a store operation; a refusal or a bad value is one line in the session's language.
    func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as CLIError { throw e }
        catch let e as PersonMessage { throw CLIError(e.text(english ? .en : .zh)) }
        catch { throw CLIError("\(error)") }
    }

    /// Writes a workbook or document to `path`, whole or not at all; a binary
    /// format needs a file.
    func writeOffice(to path: String?, _ body: (String) throws(OfficeFileError) -> Void) throws {
        guard let path else { throw CLIError(s("xlsx 和 docx 须用 --out 指定文件", "xlsx and docx need --out FILE")) }
        do { try AtomicFile.replace(path, body) } catch { throw CLIError("\(path): \(error)") }
    }

    /// The plan, or an error naming the plans there are.
    func plan(_ id: String, in s: Store) throws -> Plan {
        guard s.planIDs().contains(id) else { throw CLIMessage.noPlan(id, in: s, vocabulary) }
        return try StoreOpener.run { try s.plan(id) }
    }
}
