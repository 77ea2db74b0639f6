import ArgumentParser
import FoundationEssentials
import PlanModel
import PlanStore

/// `duban edit`: the office changes a plan's structure, each change journaled.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: Help.pick("修改计划结构（仅办公室）：任务标题、正文、责任分工、截止日期，新增或删除任务。",
                            "Change a plan's structure (office only): a task's title, text, assignments, due date; add or remove a task."),
        discussion: Help.pick("""
            每项修改都写入日志，可用 duban log 查看，标题、正文、分工和截止日期的修改可撤销。删除的任务连同备注保留在日志中。
            --assign 按 部门:职责 列出全部分工，职责为 lead（牵头）、cooperate（配合）、joint（按职责分工负责）、implement（负责具体实施），\
            如 "省农牧厅:lead,省公安厅:cooperate"。
            新增任务：duban edit PLAN KEY --add --section N --title 标题 [--text …] [--assign …] [--due …]。
            """, """
            Every change is journaled (duban log); title, text, assignment and due-date changes can be undone. \
            A removed task stays in the journal whole, notes included.
            --assign lists every assignment as DEPT:ROLE, ROLE one of lead, cooperate, joint, implement \
            (or 牵头, 配合, 按职责分工负责, 负责具体实施), e.g. "省农牧厅:lead,省公安厅:cooperate".
            To add a task: duban edit PLAN KEY --add --section N --title TITLE [--text …] [--assign …] [--due …].
            """))

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("计划编号。", "Plan id."))) var plan: String
    @Argument(help: ArgumentHelp(Help.pick("任务编号，如 3.6。", "Task key, e.g. 3.6."))) var task: String
    @Option(help: ArgumentHelp(Help.pick("新标题。", "New title."), valueName: "TEXT")) var title: String?
    @Option(help: ArgumentHelp(Help.pick("新正文；'-' 从标准输入读取。", "New full text; '-' reads standard input."), valueName: "TEXT")) var text: String?
    @Option(help: ArgumentHelp(Help.pick("新的全部分工。", "Every assignment, replacing the old."), valueName: "DEPT:ROLE,…")) var assign: String?
    @Option(help: ArgumentHelp(Help.pick("新的截止日期（里程碑）。", "New due date (milestone)."), valueName: "YYYY-MM-DD")) var due: String?
    @Flag(help: ArgumentHelp(Help.pick("删除该任务（保留在日志中）。", "Remove the task (kept in the journal)."))) var remove = false
    @Flag(help: ArgumentHelp(Help.pick("新增该任务。", "Add the task."))) var add = false
    @Option(help: ArgumentHelp(Help.pick("新增任务所在的分项（1 起）。", "The section (from 1) a new task goes in."), valueName: "N")) var section: Int?

    func assignments(_ v: Vocabulary) throws -> [Assignment]? {
        guard let assign else { return nil }
        do { return try AssignmentList.parse(assign) } catch {
            throw CLIError(v.pick("--assign：", "--assign: ") + error.text(v.language))
        }
    }

    func run() throws {
        let v = store.vocabulary
        var body = text
        if body == "-" {
            var t = String(decoding: StandardStreams.readInput(), as: UTF8.self)
            while t.hasSuffix("\n") { t.removeLast() }
            body = t
        }
        let assigned = try assignments(v)
        var dueDay: Day?
        if let due {
            guard let d = Day(due) else { throw CLIError(v.pick("--due：“\(due)”不是日期（应为 YYYY-MM-DD）", "--due: \"\(due)\" is not a date (expected YYYY-MM-DD)")) }
            dueDay = d
        }
        let s = try StoreOpener.open(store, readOnly: false)
        let p = try StoreOpener.run { try s.plan(plan) }
        var edits: [Edit] = []
        if add {
            guard p.task(task) == nil else { throw CLIError(v.pick("计划 \(plan) 中已有任务 \(task)", "task \(task) already exists in \(plan)")) }
            guard let section, (1...p.sections.count).contains(section), let title, !title.isEmpty else {
                throw CLIError(v.pick("新增任务须给出 --section（1–\(p.sections.count)）和 --title", "adding a task needs --section (1–\(p.sections.count)) and --title"))
            }
            edits.append(.addTask(p.newTask(key: task, section: section - 1, title: title, text: body,
                                            assignments: assigned ?? [], due: dueDay)))
        } else {
            guard p.task(task) != nil else { throw CLIMessage.noTask(task, in: p, v) }
            if let title { edits.append(.setTitle(title)) }
            if let body { edits.append(.setText(body)) }
            if let assigned { edits.append(.setAssignments(assigned)) }
            if let dueDay { edits.append(.setDue(dueDay)) }
            if remove { edits.append(.removeTask) }
        }
        guard !edits.isEmpty else {
            throw CLIError(v.pick("没有要修改的内容：请给出 --title、--text、--assign、--due、--remove 或 --add",
                                  "nothing to change: give --title, --text, --assign, --due, --remove or --add"))
        }
        for edit in edits {
            let expected: JSON? = edit.kind.scope == .taskField ? p.currentValue(of: edit, task: task) : nil
            let e = try StoreOpener.run { try s.commit(edit, plan: plan, task: task, expected: expected, force: false) }
            Output.line(CLIMessage.committed(e, plan: plan, v))
        }
    }
}
