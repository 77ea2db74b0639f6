import ArgumentParser
import Foundation
import PlanImport
import PlanModel
import PlanReports
import PlanStore

struct SampleStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-store",
        abstract: "Build the bundled sample store from the sample documents (illustrative progress).",
        discussion: """
            Imports every document in SampleData/documents into a new store at DIR, gives the \
            plans an illustrative progress state derived deterministically from each task's key \
            (statuses, progress, some earlier due dates, dated notes from the lead departments; \
            in gansu-2014 an open reporting round with units' feedback and two earlier chases), \
            and sets each plan's evaluation date inside its period. The progress is made up; \
            the plans are as published. Used to regenerate SampleData/store.
            """)

    @Argument(help: ArgumentHelp("New store directory (must not exist, or be empty).", valueName: "DIR")) var out: String
    @Option(help: ArgumentHelp("Where the documents are (default: the bundled SampleData/documents).", valueName: "DIR"))
    var documents: String?

    func run() throws {
        guard let docs = documents ?? StoreLocation.sampleData().map({ $0 + "/documents" }) else {
            throw CLIError("no documents: pass --documents DIR")
        }
        let fm = FileManager.default
        if fm.fileExists(atPath: out) {
            guard (try? fm.contentsOfDirectory(atPath: out))?.isEmpty == true else {
                throw CLIError("\(out): exists and is not an empty directory")
            }
        } else {
            try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
        }
        let files = try fm.contentsOfDirectory(atPath: docs).filter { $0.hasSuffix(".txt") }.sorted()
        guard !files.isEmpty else { throw CLIError("\(docs): no .txt documents") }
        let store = try Store.open(out, readOnly: false)
        var settings = store.settings
        for name in files {
            let text = try DocumentFile.read(docs + "/" + name)
            let result: ImportResult
            do { result = try Importer.importDocument(text, fileName: name, id: nil) } catch { throw CLIError("\(name): \(error)") }
            for w in result.warnings { Output.warn("\(name):\(w.line): warning: \(w.message)") }
            switch result.document {
            case .plan(let p):
                let sample = SampleProgress.apply(to: p)
                try store.addPlan(sample, replace: false)
                let supervision = try SampleSupervision.entries(for: sample)
                if !supervision.isEmpty {
                    try store.appendJournal(supervision, plan: p.id)
                    try store.compact(plan: p.id)
                    Output.line("\(p.id): illustrative reporting round \(SampleSupervision.roundName), \(supervision.count) journal entries")
                }
                settings.evaluationDates[p.id] = SampleProgress.evaluationDate(for: p)
                Output.line("\(p.id): \(p.tasks.count) tasks, evaluated as of \(SampleProgress.evaluationDate(for: p))")
            case .roster(let r):
                try store.setRoster(r)
                Output.line("\(r.id): duty roster, \(r.entries.count) entries")
            }
        }
        // Bodies renamed by the 2018 institutional reform, so `duban dept` follows them.
        var raw = settings.json.object ?? []
        raw.removeAll { $0.0 == "successions" || $0.0 == "scoring" }
        raw.append(("successions", .object([("省质监局", .string("省市场监管局")),
                                            ("省工信委", .string("省工信厅"))])))
        raw.append(("scoring", ScoringRules.standard.json))
        var merged = try StoreSettings(json: .object(raw))
        merged.evaluationDates = settings.evaluationDates
        try store.setSettings(merged)
    }
}
