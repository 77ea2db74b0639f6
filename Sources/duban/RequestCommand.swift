import ArgumentParser
import FoundationEssentials
import PlanModel
import PlanStore

/// `duban request PLAN KEY closure|extension`: a responsible unit applies to the office.
struct RequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: Help.pick("申请办结或延期（由责任单位提出，办公室审核）。", "Apply for closure (办结) or an extension (延期); the office reviews it."),
        discussion: Help.pick("""
            办结：牵头单位（共同负责的任务：各单位为本单位部分）附办结情况说明（--summary）和佐证材料（--evidence）\
            申请，任务显示“待审核”，由办公室用 duban review 通过或退回。
            延期：须在截止日期前申请，给出新的日期（--to）和理由（--reason）；办公室批准后截止日期改为新日期，原日期保留。
            办公室可用 --dept 代为申请。
            """, """
            closure: the lead unit (a joint task: each unit for its own part) applies with a summary \
            (--summary) and optional evidence (--evidence); the task awaits review (待审核) until the \
            office approves or returns it with duban review.
            extension: before the due date, with the new date (--to) and the reason (--reason); once \
            approved the due date moves and the original is kept.
            The office may file on a unit's behalf with --dept.
            """))

    enum Kind: String, ExpressibleByArgument, CaseIterable { case closure, `extension` }

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("计划编号，如 gansu-2014。", "Plan id, e.g. gansu-2014."))) var plan: String
    @Argument(help: ArgumentHelp(Help.pick("任务编号，如 3.6。", "Task key, e.g. 3.6."))) var task: String
    @Argument(help: ArgumentHelp(Help.pick("closure（办结）或 extension（延期）。", "closure or extension."))) var kind: Kind
    @Option(help: ArgumentHelp(Help.pick("办结情况说明；'-' 从标准输入读取。", "What was done (办结报告); '-' reads standard input."), valueName: "TEXT")) var summary: String?
    @Option(help: ArgumentHelp(Help.pick("佐证材料：文件名或简短说明。", "Evidence (佐证材料): a file name or a short description."), valueName: "TEXT")) var evidence: String?
    @Option(help: ArgumentHelp(Help.pick("延期后的截止日期。", "The new due date asked for."), valueName: "YYYY-MM-DD")) var to: String?
    @Option(help: ArgumentHelp(Help.pick("延期理由。", "Why the extension is needed."), valueName: "TEXT")) var reason: String?
    @Option(help: ArgumentHelp(Help.pick("申请单位（办公室代为申请，或报送多个单位时）。", "The unit applying (the office on its behalf, or a reporter for several)."), valueName: "NAME")) var dept: String?

    func run() throws {
        let v = store.vocabulary
        let request: ReviewRequest
        switch kind {
        case .closure:
            guard var text = summary else {
                throw CLIError(v.pick("办结申请须用 --summary 说明办结情况", "a closure request needs --summary TEXT"))
            }
            if text == "-" {
                text = String(decoding: StandardStreams.readInput(), as: UTF8.self)
                while text.hasSuffix("\n") { text.removeLast() }
            }
            request = ReviewRequest(kind: .closure, department: dept ?? "", text: text,
                                    evidence: evidence.flatMap { $0.isEmpty ? nil : $0 })
        case .extension:
            guard let to, let day = Day(to) else {
                throw CLIError(v.pick("延期申请须用 --to YYYY-MM-DD 给出新的截止日期", "an extension request needs --to YYYY-MM-DD"))
            }
            guard let reason else { throw CLIError(v.pick("延期申请须用 --reason 说明理由", "an extension request needs --reason TEXT")) }
            request = ReviewRequest(kind: .extension, department: dept ?? "", text: reason, to: day)
        }
        let s = try StoreOpener.open(store, readOnly: false)
        let p = try StoreOpener.run { try s.plan(plan) }
        guard p.task(task) != nil else { throw CLIMessage.noTask(task, in: p, v) }
        if s.role == .office, dept == nil, let t = p.task(task), p.responsibleUnits(of: t).count != 1 {
            throw CLIError(v.pick("办公室代为申请时请用 --dept 指明单位（\(p.responsibleUnits(of: t).joined(separator: "、"))）",
                                  "the office files on a unit's behalf: name it with --dept (\(p.responsibleUnits(of: t).joined(separator: ", ")))"))
        }
        let e = try StoreOpener.run { try s.commit(.request(request), plan: plan, task: task, expected: nil, force: false) }
        let who = e.new["department"]?.string ?? ""
        switch kind {
        case .closure:
            Output.line(v.pick("已申请办结 \(plan) \(task)（\(who)），待办公室审核 (#\(e.seq))",
                               "closure of \(plan) \(task) requested for \(who), awaiting review (#\(e.seq))"))
        case .extension:
            Output.line(v.pick("已申请延期 \(plan) \(task)（\(who)）至 \(to ?? "")，待办公室审核 (#\(e.seq))",
                               "extension of \(plan) \(task) to \(to ?? "") requested for \(who), awaiting review (#\(e.seq))"))
        }
    }
}

/// `duban review PLAN KEY --approve | --return | --reject`: the office decides.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: Help.pick("审核办结或延期申请（仅办公室）。", "Decide a closure or extension request (office only)."),
        discussion: Help.pick("""
            --approve 通过：办结申请通过后任务（或共同负责任务中该单位的部分）办结，审核日期为完成日期；\
            延期申请批准后截止日期改为申请的日期。--return 退回办结申请，--reject 不予批准延期，都须用 --reason 说明理由。
            任务同时有办结和延期申请时用 --closure 或 --extension 指明；有多个单位的申请时用 --dept 指明。
            """, """
            --approve: a closure closes the task (or, in a joint task, that unit's part) with the review's \
            date as its done date; an extension moves the due date. --return sends a closure back, \
            --reject refuses an extension; both need --reason.
            Name the request with --closure or --extension when both are pending, and with --dept when \
            several units' requests are.
            """))

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("计划编号。", "Plan id."))) var plan: String
    @Argument(help: ArgumentHelp(Help.pick("任务编号。", "Task key."))) var task: String
    @Flag(help: ArgumentHelp(Help.pick("通过。", "Approve."))) var approve = false
    @Flag(name: .customLong("return"), help: ArgumentHelp(Help.pick("退回办结申请。", "Return a closure request for more work."))) var sendBack = false
    @Flag(help: ArgumentHelp(Help.pick("不予批准延期。", "Refuse an extension."))) var reject = false
    @Option(help: ArgumentHelp(Help.pick("理由（退回、不予批准时必填）。", "Why (needed to return or reject)."), valueName: "TEXT")) var reason: String?
    @Flag(help: ArgumentHelp(Help.pick("审核办结申请。", "Decide the closure request."))) var closure = false
    @Flag(name: .customLong("extension"), help: ArgumentHelp(Help.pick("审核延期申请。", "Decide the extension request."))) var extensionRequest = false
    @Option(help: ArgumentHelp(Help.pick("申请单位。", "The unit whose request is decided."), valueName: "NAME")) var dept: String?

    func run() throws {
        let v = store.vocabulary
        let chosen = [approve, sendBack, reject].filter { $0 }.count
        guard chosen == 1 else {
            throw CLIError(v.pick("请给出 --approve、--return 或 --reject 之一", "give one of --approve, --return, --reject"))
        }
        let outcome: ReviewOutcome = approve ? .approved : sendBack ? .returned : .rejected
        if outcome != .approved, (reason ?? "").allSatisfy(\.isWhitespace) {
            throw CLIError(v.pick("退回或不予批准须用 --reason 说明理由", "--return and --reject need --reason TEXT"))
        }
        let s = try StoreOpener.open(store, readOnly: false)
        let p = try StoreOpener.run { try s.plan(plan) }
        guard p.task(task) != nil else { throw CLIMessage.noTask(task, in: p, v) }
        let dept = dept.map { p.department(named: $0)?.name ?? $0 }
        var pending = p.reviews.requests(task: task).filter { $0.isPending && (dept == nil || $0.department == dept) }
        if sendBack || closure { pending = pending.filter { $0.kind == .closure } }
        if reject || extensionRequest { pending = pending.filter { $0.kind == .extension } }
        guard let target = pending.first else {
            throw CLIError(v.pick("任务 \(plan) \(task) 没有待审核的申请", "no request awaits review on \(plan) \(task)"))
        }
        guard pending.count == 1 else {
            let list = pending.map { "\($0.kind.rawValue) \($0.department)" }.joined(separator: ", ")
            throw CLIError(v.pick("任务 \(task) 有多个待审核的申请（\(list)）：请用 --closure/--extension 和 --dept 指明",
                                  "several requests await review on \(task) (\(list)): name one with --closure/--extension and --dept"))
        }
        let d = Review(kind: target.kind, department: target.department, outcome: outcome, reason: reason ?? "")
        let e = try StoreOpener.run { try s.commit(.review(d), plan: plan, task: task, expected: nil, force: false) }
        Output.line(ReviewWords(v).decided(d, plan: plan, task: task) + " (#\(e.seq))")
        let after = try StoreOpener.run { try s.plan(plan) }
        if target.kind == .closure, outcome == .approved, let t = after.task(task), t.status != .done {
            let open = after.responsibleUnits(of: t).filter { !after.reviews.closedParts(task: task).contains($0) }
            Output.line(v.pick("尚未办结的部分：\(open.joined(separator: "、"))", "parts still open: \(open.joined(separator: ", "))"))
        }
    }
}
