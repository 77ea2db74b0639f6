import ArgumentParser
import Foundation
import PlanModel
import PlanStore

struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Update a task's status (状态), progress (进度), due date or add a note (进展情况).",
        discussion: """
            Each change is checked against the access rules and committed to the plan's \
            journal. If someone else changed the same field since this command read the \
            plan, the change is refused as a conflict naming who changed it and when; \
            --force overwrites. Notes only append, so they never conflict.
            Status: not_started (未开始), in_progress (进行中), done (已完成), behind (滞后).
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "Plan id, e.g. gansu-2014.") var plan: String
    @Argument(help: "Task key <section>.<number>, e.g. 3.13.") var task: String
    @Option(help: "New status: not_started, in_progress, done, behind (or 未开始, 进行中, 已完成, 滞后).") var status: String?
    @Option(help: "Progress in percent, 0–100.") var progress: Int?
    @Option(help: ArgumentHelp("New due date.", valueName: "YYYY-MM-DD")) var due: String?
    @Option(help: "Add a progress note; '-' reads it from standard input.") var note: String?
    @Flag(help: "Overwrite even if someone changed the field since it was read.") var force = false

    static let statusNames: [String: TaskStatus] = [
        "未开始": .notStarted, "进行中": .inProgress, "已完成": .done, "完成": .done, "滞后": .behind,
    ]

    func run() throws {
        // Every value is checked before the store is opened for writing.
        var edits: [Edit] = []
        if let status {
            guard let s = TaskStatus(rawValue: status) ?? Self.statusNames[status] else {
                throw CLIError("--status: \"\(status)\" is not a status (not_started, in_progress, done, behind)")
            }
            edits.append(.setStatus(s))
        }
        if let progress {
            guard (0...100).contains(progress) else { throw CLIError("--progress: \(progress) is outside 0–100") }
            edits.append(.setProgress(progress))
        }
        if let due {
            guard let d = Day(due) else { throw CLIError("--due: \"\(due)\" is not a date (expected YYYY-MM-DD)") }
            edits.append(.setDue(d))
        }
        if var text = note {
            if text == "-" {
                text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                while text.hasSuffix("\n") { text.removeLast() }
            }
            guard !text.isEmpty else { throw CLIError("--note: empty note") }
            guard text.utf8.count <= Limits.noteBytes else {
                throw CLIError("--note: a note of \(text.utf8.count) bytes is longer than \(Limits.noteBytes)")
            }
            edits.append(.addNote(Note(time: "", user: "", text: text)))
        }
        guard !edits.isEmpty else { throw CLIError("nothing to update: give --status, --progress, --due or --note") }

        let s = try StoreOpener.open(store, readOnly: false)
        let baseline = try baselines(edits, in: s)
        for (edit, seen) in zip(edits, baseline) {
            // The compare-and-swap baseline is the value this command loaded.
            let expected: JSON? = edit.kind.scope == .taskEvent ? nil : seen
            let e = try StoreOpener.run { try s.commit(edit, plan: plan, task: task, expected: expected, force: force) }
            Output.line("\(plan) \(task) \(e.field): \(e.old.brief) → \(e.newBrief) (#\(e.seq))")
        }
    }

    /// The values the edits will replace, as loaded. The plan is not kept, so
    /// the store holds the only copy and a commit changes it in place.
    private func baselines(_ edits: [Edit], in s: Store) throws -> [JSON] {
        let loaded = try StoreOpener.run { try s.plan(plan) }
        guard loaded.task(task) != nil else { throw CLIError("no task \(task) in plan \(plan)") }
        // Each edit's baseline includes this command's earlier edits: `--status
        // done` also sets progress to 100, which a following `--progress` must
        // not see as someone else's change.
        var state = loaded
        return edits.map { edit in
            defer { try? state.apply(edit, task: task) }
            return state.currentValue(of: edit, task: task)
        }
    }
}
