import ArgumentParser
import FoundationEssentials
import PlanModel
import OfficeFiles
import PlanReports
import PlanStore
import TextWidth

struct RoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round",
        abstract: Help.pick("报送轮次：请各责任单位在规定日期前报送情况。", "Reporting rounds (报送): ask every responsible unit for feedback by a date."),
        discussion: Help.pick("""
            轮次范围内每项任务的每个责任单位，应在开启至截止之间报送一次情况（duban feedback）；\
            截止后报送计为逾期报送。关闭轮次后其统计数据不再变化。
            """, """
            For every task in the round's scope and every unit with a role on it, the round \
            expects one feedback (duban feedback) filed between its opening and its due date; \
            feedback filed later counts as late. Closing a round freezes its figures.
            """),
        subcommands: [RoundOpen.self, RoundList.self, RoundStatus.self, RoundClose.self, RoundSummaryCommand.self])
}

extension SessionLanguage {
    /// The round named, else the open one, else the latest.
    func round(_ name: String?, in p: Plan) throws -> Round {
        if let name {
            guard let r = p.supervision.round(named: name) else {
                throw CLIError(s("计划 \(p.id) 中没有报送轮次“\(name)”（见 duban round list）", "no round \"\(name)\" in \(p.id) (see duban round list)"))
            }
            return r
        }
        guard let r = p.supervision.openRound ?? p.supervision.rounds.last else {
            throw CLIError(s("计划 \(p.id) 还没有报送轮次（用 duban round open 开启）", "no rounds in \(p.id) yet (open one with duban round open)"))
        }
        return r
    }
}

struct RoundOpen: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: Help.pick("开启报送轮次（仅督办办公室）。", "Open a reporting round (office only)."))

    @OptionGroup var store: StoreOptions
    var language: SessionLanguage { SessionLanguage(store) }
    @Argument(help: ArgumentHelp(Help.pick("计划编号。", "Plan id."))) var plan: String
    @Option(help: ArgumentHelp(Help.pick("轮次名称，如 2014年三季度。", "The round's name, e.g. 2014年三季度."))) var name: String
    @Option(help: ArgumentHelp(Help.pick("报送截止日期。", "Feedback due by this date."), valueName: "YYYY-MM-DD")) var due: String
    @Option(name: .customLong("covers-to"), help: ArgumentHelp(Help.pick("情况截至日期。", "The date the feedback covers up to."), valueName: "YYYY-MM-DD")) var coversTo: String?
    @Option(help: ArgumentHelp(Help.pick("范围内的分项：1,3 或 一,三（默认整个计划）。", "Sections in scope, by number: 1,3 or 一,三 (default: the whole plan)."), valueName: "LIST")) var sections: String?
    @Option(help: ArgumentHelp(Help.pick("另外纳入的任务：3.13,4.1。", "Tasks in scope besides whole sections: 3.13,4.1."), valueName: "LIST")) var tasks: String?

    func run() throws {
        let l = language
        guard let dueDay = Day(due) else { throw CLIError(l.s("--due：“\(due)”不是日期（应为 YYYY-MM-DD）", "--due: \"\(due)\" is not a date (expected YYYY-MM-DD)")) }
        var covers: Day?
        if let coversTo {
            guard let d = Day(coversTo) else { throw CLIError(l.s("--covers-to：“\(coversTo)”不是日期", "--covers-to: \"\(coversTo)\" is not a date")) }
            covers = d
        }
        let s = try StoreOpener.open(store, readOnly: false)
        let p = try l.plan(plan, in: s)
        var sectionList: [Int]?
        if let sections {
            sectionList = try sections.split(whereSeparator: { ",，、 ".contains($0) }).map { item -> Int in
                let text = String(item)
                if let n = Int(text), (1...p.sections.count).contains(n) { return n - 1 }
                if let i = p.sections.firstIndex(where: { $0.number == text }) { return i }
                throw CLIError(l.s("--sections：计划 \(plan) 中没有第“\(text)”部分", "--sections: no section \"\(text)\" in \(plan)"))
            }
        }
        let taskList = tasks.map { $0.split(whereSeparator: { ",，、 ".contains($0) }).map(String.init) }
        let opened = s.evaluation(for: p, today: store.today.flatMap { Day($0) }).today
        let r = Round(name: name.trimmingWhitespace(), opened: opened, coversTo: covers, due: dueDay,
                      sections: sectionList, tasks: taskList)
        let e = try l.run { try s.commit(.setRound(r), plan: plan, task: "", expected: .null, force: false) }
        let now = try s.plan(plan)
        let t = now.tally(of: now.supervision.round(named: r.name) ?? r)
        Output.line(l.s("已开启报送轮次“\(r.name)”：\(opened) 起，截止 \(dueDay)，应报 \(t.expected) 项（\(t.rows.count) 个单位）(#\(e.seq))",
                        "opened round \(r.name): from \(opened), due \(dueDay), \(t.expected) feedback expected from \(t.rows.count) departments (#\(e.seq))"))
    }
}

struct RoundList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: Help.pick("列出计划的报送轮次。", "List a plan's reporting rounds."))

    @OptionGroup var store: StoreOptions
    var language: SessionLanguage { SessionLanguage(store) }
    @Argument(help: ArgumentHelp(Help.pick("计划编号。", "Plan id."))) var plan: String
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        let l = language
        let s = try StoreOpener.open(store, readOnly: true)
        let p = try l.plan(plan, in: s)
        let rounds = p.supervision.rounds.map { ($0, p.tally(of: $0)) }
        if json {
            Output.json(.array(rounds.map { r, t in
                .object([("name", .string(r.name)), ("opened", .string(r.opened.description)), ("due", .string(r.due.description)),
                         ("closed", r.closedAt.map { .string($0) } ?? .null), ("expected", .int(t.expected)),
                         ("reported", .int(t.reported)), ("late", .int(t.lateCount)), ("missing", .int(t.missingCount))])
            }))
            return
        }
        guard !rounds.isEmpty else { Output.line(l.s("计划 \(plan) 还没有报送轮次", "no rounds in \(plan)")); return }
        let header = [l.s("轮次", "Round"), l.s("开启", "Opened"), l.s("截止", "Due"), l.s("状态", "State"),
                      l.s("应报", "Expected"), l.s("已报", "Reported"), l.s("逾期", "Late"), l.s("未报", "Missing")]
        let rows = rounds.map { r, t in
            [r.name, r.opened.description, r.due.description, r.isOpen ? l.s("进行中", "open") : l.s("已关闭", "closed"),
             "\(t.expected)", "\(t.reported)", "\(t.lateCount)", "\(t.missingCount)"]
        }
        for line in Output.table([header] + rows, rightAligned: [4, 5, 6, 7]) { Output.line(line) }
    }
}

struct RoundStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: Help.pick("轮次报送情况：合计及各单位一行。", "Who has reported in a round: totals and a row per department."))

    @OptionGroup var store: StoreOptions
    var language: SessionLanguage { SessionLanguage(store) }
    @Argument(help: ArgumentHelp(Help.pick("计划编号。", "Plan id."))) var plan: String
    @Argument(help: ArgumentHelp(Help.pick("轮次名称（默认进行中的轮次，否则最近一轮）。", "Round name (default: the open round, else the latest)."))) var name: String?
    @Flag(help: ArgumentHelp(Help.pick("JSON：顶层 expected、reported、onTime、late、missing，各单位一行，以及未报事项。", "JSON: top-level expected, reported, onTime, late, missing; a row per department; the items owed."))) var json = false
    @Option(help: ArgumentHelp(Help.pick("txt（默认）、md、csv 或 xlsx。", "txt (default), md, csv or xlsx."))) var format: String = "txt"
    @Option(help: ArgumentHelp(Help.pick("写入该文件而非标准输出。", "Write to this file instead of standard output."), valueName: "FILE")) var out: String?

    func run() throws {
        let l = language
        let s = try StoreOpener.open(store, readOnly: true)
        let p = try l.plan(plan, in: s)
        let report = RoundStatusReport(plan: p, round: try l.round(name, in: p))
        if json {
            try Output.write(JSONWriter.pretty(report.json), to: out, l.vocabulary)
            return
        }
        guard let f = ReportFormat(rawValue: format), f != .docx else {
            throw CLIError(l.s("--format：“\(format)”应为 txt、md、csv 或 xlsx", "--format: \"\(format)\" is not txt, md, csv or xlsx"))
        }
        if f == .xlsx {
            let spec = report.workbook(OfficeContext(office: s.settings.raw["office"]?.string, english: l.english))
            return try l.writeOffice(to: out) { (tmp) throws(OfficeFileError) in try XLSXWriter.write(spec, to: tmp) }
        }
        try Output.write(report.render(f, english: l.english), to: out, l.vocabulary)
    }
}

struct RoundClose: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: Help.pick("关闭轮次并固定其统计数据（仅督办办公室）。", "Close a round, freezing its figures (office only)."))

    @OptionGroup var store: StoreOptions
    var language: SessionLanguage { SessionLanguage(store) }
    @Argument(help: ArgumentHelp(Help.pick("计划编号。", "Plan id."))) var plan: String
    @Argument(help: ArgumentHelp(Help.pick("轮次名称。", "Round name."))) var name: String

    func run() throws {
        let l = language
        let s = try StoreOpener.open(store, readOnly: false)
        let p = try l.plan(plan, in: s)
        let r = try l.round(name, in: p)
        var closing = r
        closing.closedAt = ""
        let e = try l.run { try s.commit(.setRound(closing), plan: plan, task: "", expected: r.json, force: false) }
        let t = try s.plan(plan).tally(of: try l.round(name, in: try s.plan(plan)))
        Output.line(l.s("已关闭报送轮次“\(name)”：应报 \(t.expected)，按时 \(t.onTime)，逾期 \(t.lateCount)，未报 \(t.missingCount) (#\(e.seq))",
                        "closed round \(name): expected \(t.expected), on time \(t.onTime), late \(t.lateCount), missing \(t.missingCount) (#\(e.seq))"))
    }
}

struct RoundSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: Help.pick("汇总本轮各单位情况反馈，未报送单位列于最后。", "Compile a round's feedback per task (汇总), non-reporters at the end."))

    @OptionGroup var store: StoreOptions
    var language: SessionLanguage { SessionLanguage(store) }
    @Argument(help: ArgumentHelp(Help.pick("计划编号。", "Plan id."))) var plan: String
    @Argument(help: ArgumentHelp(Help.pick("轮次名称。", "Round name."))) var name: String
    @Option(help: ArgumentHelp(Help.pick("md（默认）、txt、csv、xlsx 或 docx。", "md (default), txt, csv, xlsx or docx."))) var format: String = "md"
    @Option(help: ArgumentHelp(Help.pick("写入该文件而非标准输出。", "Write to this file instead of standard output."), valueName: "FILE")) var out: String?

    func run() throws {
        let l = language
        guard let f = ReportFormat(rawValue: format) else {
            throw CLIError(l.s("--format：“\(format)”应为 md、txt、csv、xlsx 或 docx", "--format: \"\(format)\" is not md, txt, csv, xlsx or docx"))
        }
        let s = try StoreOpener.open(store, readOnly: true)
        let p = try l.plan(plan, in: s)
        let summary = RoundSummary(plan: p, round: try l.round(name, in: p))
        let c = OfficeContext(office: s.settings.raw["office"]?.string, english: l.english)
        switch f {
        case .xlsx:
            let spec = summary.workbook(c)
            try l.writeOffice(to: out) { (tmp) throws(OfficeFileError) in try XLSXWriter.write(spec, to: tmp) }
        case .docx:
            let doc = summary.document(c, date: s.evaluation(for: p, today: store.today.flatMap { Day($0) }).today)
            try l.writeOffice(to: out) { (tmp) throws(OfficeFileError) in try DocxWriter.write(doc, to: tmp) }
        default:
            try Output.write(summary.render(f, english: l.english), to: out, l.vocabulary)
        }
    }
}
