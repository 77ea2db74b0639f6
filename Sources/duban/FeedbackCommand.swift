import ArgumentParser
import FoundationEssentials
import PlanModel
import PlanStore

struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: Help.pick("报送本单位对任务的情况反馈。", "File a unit's own feedback on a task (情况反馈)."),
        discussion: Help.pick("""
            报送人员为本单位（在该任务中有职责的单位；有多个时用 --dept 指明）报送；督办办公室\
            用 --dept 代单位报送，记为代报。反馈记录用户和时间，计入进行中的报送轮次（duban round status）。
            """, """
            A reporting unit files for its own department with a role on the task (with \
            several, name it with --dept); the office files on a unit's behalf with --dept, \
            recorded as such. The feedback is stamped with the user and the time and \
            counts in the open reporting round (duban round status).
            """))

    @OptionGroup var store: StoreOptions
    var language: SessionLanguage { SessionLanguage(store) }
    @Argument(help: ArgumentHelp(Help.pick("计划编号，如 gansu-2014。", "Plan id, e.g. gansu-2014."))) var plan: String
    @Argument(help: ArgumentHelp(Help.pick("任务编号 <分项>.<序号>，如 3.13。", "Task key <section>.<number>, e.g. 3.13."))) var task: String
    @Option(help: ArgumentHelp(Help.pick("工作情况；“-”从标准输入读取。", "What was done; '-' reads it from standard input."))) var text: String
    @Option(help: ArgumentHelp(Help.pick("本单位所承担部分的进度，0–100。", "The unit's own progress on its part, 0–100."))) var progress: Int?
    @Option(help: ArgumentHelp(Help.pick("报送单位（名称或简称）。", "The department filed for (its name or alias)."), valueName: "NAME")) var dept: String?
    @Option(help: ArgumentHelp(Help.pick("佐证材料：文件名或简短说明。", "Evidence (佐证材料): a file name or a short description."), valueName: "TEXT")) var evidence: String?

    func run() throws {
        let l = language
        var text = text
        if text == "-" {
            text = String(decoding: StandardStreams.readInput(), as: UTF8.self)
            while text.hasSuffix("\n") { text.removeLast() }
        }
        guard !text.allSatisfy(\.isWhitespace) else { throw CLIError(l.s("--text：情况反馈内容为空", "--text: empty feedback")) }
        if let progress, !(0...100).contains(progress) {
            throw CLIError(l.s("--progress：\(progress) 不在 0–100 之间", "--progress: \(progress) is outside 0–100"))
        }
        let s = try StoreOpener.open(store, readOnly: false)
        let p = try l.plan(plan, in: s)
        guard p.task(task) != nil else { throw CLIError(l.s("计划 \(plan) 中没有任务 \(task)", "no task \(task) in plan \(plan)")) }
        if let dept, p.department(named: dept) == nil {
            throw CLIError(l.s("计划 \(plan) 中没有单位“\(dept)”", "no department \"\(dept)\" in plan \(plan)"))
        }
        if dept == nil, s.role == .office {
            throw CLIError(l.s("督办办公室代报时请用 --dept 指明单位", "the office files on a unit's behalf: name it with --dept"))
        }
        let f = UnitFeedback(task: task, department: dept ?? "", text: text, progress: progress,
                         evidence: evidence.flatMap { $0.isEmpty ? nil : $0 })
        let e = try l.run { try s.commit(.addFeedback(f), plan: plan, task: task, expected: nil, force: false) }
        let filed = e.new
        let who = filed["department"]?.string ?? ""
        let behalf = filed["onBehalf"]?.bool == true ? l.s("（代报）", " (on its behalf)") : ""
        Output.line(l.s("已报送 \(plan) \(task) \(who)\(behalf)", "filed \(plan) \(task) for \(who)\(behalf)")
                    + (progress.map { l.s("，本单位进度 \($0)%", ", own part \($0)%") } ?? "") + " (#\(e.seq))")
        let now = try s.plan(plan)
        if let r = now.supervision.openRound, let t = now.task(task), r.covers(t),
           let f = now.effectiveFeedback(task: task).last, let tm = r.timing(of: f) {
            let timing = tm == .onTime ? l.s("按时", "on time") : l.s("逾期", "late")
            Output.line(l.s("计入报送轮次“\(r.name)”（截止 \(r.due)）：\(timing)", "counts in round \(r.name) (due \(r.due)): \(timing)"))
        }
    }
}
