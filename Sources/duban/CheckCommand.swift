import ArgumentParser
import PlanStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify every file of the store (检查); exits non-zero when something is wrong.",
        discussion: """
            Problems are printed as FILE:LINE:COLUMN: MESSAGE. The only repairs are cutting a \
            torn last journal line (a write cut short by a crash; the bytes cut are kept in \
            <plan>.journal.jsonl.torn) and removing temporary files left by a writer that has \
            exited, and only with --repair. A journal shorter than its snapshot records is \
            damage and is never cut. Files of the wrong type, owner or mode are reported \
            for the store's owner to fix.
            """)

    @OptionGroup var store: StoreOptions
    @Flag(help: "Cut torn journal tails (under the plan's lock) and remove leftover temporary files.") var repair = false

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: !repair)
        if repair {
            for line in try StoreOpener.run({ try s.repair() }) { Output.line(line) }
        }
        let problems = s.check()
        for p in problems { Output.line(p.description) }
        if !problems.isEmpty {
            if !repair, let hint = Self.repairHint(problems) { Output.warn("duban: run `duban check --repair` to \(hint)") }
            throw ExitCode(1)
        }
        Output.line("\(s.path): \(s.planIDs().count) plans, no problems")
    }

    /// What `--repair` would do about these problems, naming what it is.
    static func repairHint(_ problems: [StoreProblem]) -> String? {
        var what: [String] = []
        let tmp = problems.filter { $0.kind == .temporaryFile }.map(\.file)
        if !tmp.isEmpty { what.append("remove the leftover temporary " + (tmp.count == 1 ? "file " : "files ") + tmp.joined(separator: ", ")) }
        if problems.contains(where: { $0.kind == .tornTail }) { what.append("cut torn journal tails") }
        return what.isEmpty ? nil : what.joined(separator: " and ")
    }
}
