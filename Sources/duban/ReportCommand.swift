import ArgumentParser
import FoundationEssentials
import PlanModel
import PlanReports
import PlanStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: Help.pick("生成一个计划（或全部计划）截至某日的进度报告。", "Write a progress report (进度报告) of a plan, or of every plan, as of a date."),
        discussion: Help.pick("""
            报告包括计划的完成度及按状态和预警灯的统计、各分项和各部门的表格（牵头、配合、\
            按职责分工负责、负责具体实施；已完成、进行中、逾期；延期内完成、超期完成、退回次数）、逾期和滞后的任务及其部门和最新\
            进展、最近 --days 天的进展备注（或 --from 至 --to 期间日志中的变化和备注），以及量化\
            指标的目标和实际值。

            格式：md（Markdown 表格）、txt（按显示宽度对齐的纯文本）、csv（每项任务一行；带 BOM\
            和 CRLF 的 UTF-8，Excel 和 WPS 可直接打开；任务编号保持为文本）、xlsx（工作簿：分项\
            进展及完成度图表、任务、部门、逾期任务、进展）、docx（按 GB/T 9704 排版的公文，\
            附任务清单）。
            """, """
            The report gives the plan's completion and counts by status and light, a table per \
            section and per department (lead, cooperate, joint, implement; done, in progress, \
            overdue; done within an extension, done late, returns), the overdue and behind tasks with their departments and latest note, the \
            notes of the last --days days (or the changes and notes between --from and --to, \
            from the journal), and the indicators with their targets and actuals.

            Formats: md (Markdown tables), txt (plain text aligned by display width), csv (one \
            row per task; UTF-8 with BOM and CRLF so Excel and WPS open it directly; keys stay \
            text), xlsx (a workbook: sections with a completion chart, tasks, departments, \
            overdue tasks, notes), docx (an official document laid out after GB/T 9704, the \
            task list attached).
            """))

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("计划编号（见 duban plans）；与 --all 同用时省略。", "Plan id (see duban plans); leave out with --all."), valueName: "PLAN")) var plan: String?
    @Flag(help: ArgumentHelp(Help.pick("存储中的全部计划合为一份报告，每个计划一部分。", "Every plan of the store in one report, a part per plan."))) var all = false
    @Option(help: ArgumentHelp(Help.pick("md、csv、txt、xlsx 或 docx。", "md, csv, txt, xlsx or docx."))) var format: ReportFormat = .md
    @OptionGroup var output: DocumentOptions
    @Option(help: ArgumentHelp(Help.pick("列出截至报告日期这么多天内的进展备注。", "List the notes of this many days up to the report date."), valueName: "N")) var days = 30
    @Option(help: ArgumentHelp(Help.pick("列出从此日期（YYYY-MM-DD）起……", "List the changes and notes from this date (YYYY-MM-DD)…"), valueName: "DATE")) var from: String?
    @Option(help: ArgumentHelp(Help.pick("……到此日期（默认：报告日期）的变化和进展。", "…to this date (default: the report date)."), valueName: "DATE")) var to: String?

    func validate() throws {
        let v = store.vocabulary
        guard days >= 0 && days <= 3660 else {
            throw ValidationError(v.pick("--days：\(days) 超出 0…3660", "--days: \(days) is outside 0…3660"))
        }
        guard all != (plan != nil) else {
            throw ValidationError(all ? v.pick("--all：不要同时给出计划编号", "--all: give no PLAN with it")
                                      : v.pick("请给出计划编号或 --all", "give a PLAN or --all"))
        }
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, Day(value) == nil {
                throw ValidationError(v.pick("\(name)：“\(value)” 不是日期（应为 YYYY-MM-DD）", "\(name): \"\(value)\" is not a date (expected YYYY-MM-DD)"))
            }
        }
        if let f = from.flatMap(Day.init), let t = to.flatMap(Day.init), f > t {
            throw ValidationError(v.pick("--from \(f) 晚于 --to \(t)", "--from \(f) is after --to \(t)"))
        }
    }

    func report(_ s: Store, _ id: String, _ v: Vocabulary) throws -> ProgressReport {
        let p = try StoreQuery.plan(s, id, v)
        let e = StoreQuery.evaluation(s, p, store.today)
        let doneDays = Assessment.doneDays(from: (try? s.journal(p.id, fields: [ChangeKind.status.journalName])) ?? [])
        var r = ProgressReport(plan: p, evaluation: e, noteDays: days, doneDays: doneDays)
        if from != nil || to != nil {
            let end = to.flatMap(Day.init) ?? e.today
            let start = from.flatMap(Day.init) ?? end.adding(days: -days)
            let journal = try StoreOpener.run { try s.journal(p.id, fields: ReportWindow.fields) }
            r.window = ReportWindow(plan: p, journal: journal, from: start, to: end)
        }
        return r
    }

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        let v = store.vocabulary
        let reports = try (plan.map { [$0] } ?? s.planIDs()).map { try report(s, $0, v) }
        guard !reports.isEmpty else { throw CLIError(v.pick("\(s.path) 中没有计划", "no plans in \(s.path)")) }
        let c = output.context(s, v)
        try output.emit(format, v, store: s, text: {
            if format == .csv {
                // One table: the plan column tells the plans apart.
                var parts = reports.map { $0.render(.csv, english: v.isEnglish) }
                for i in parts.indices.dropFirst() { parts[i] = String(parts[i].split(separator: "\r\n", maxSplits: 1).last ?? "") }
                return parts.joined()
            }
            return reports.map { $0.render(format, english: v.isEnglish) }.joined(separator: "\n")
        }, workbook: {
            all ? ProgressReport.workbook(reports, c) : reports[0].workbook(c)
        }, document: {
            all ? ProgressReport.document(reports, c) : reports[0].document(c)
        })
    }
}

struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: Help.pick("为各单位在计划中的工作评分：年度考核，分 A/B/C/D 等级。", "Score each department's work on a plan: the annual assessment (考核), graded A/B/C/D."),
        discussion: Help.pick("""
            每项任务对每个责任单位按其职责的权重计分（默认：牵头 1、按职责分工负责 0.8、\
            负责具体实施 0.8、配合 0.5），乘以完成得分：按时完成 100、经批准延期后在新期限内完成 90、\
            超期完成 70、未到期按进度计 80 × 进度、逾期未完成 0，办结申请每被退回一次扣 5 分。得分为\
            加权平均；等级：A ≥ 90、B ≥ 80、C ≥ 60，以下为 D。任务的完成日期为办结审核通过之日，\
            否则取自日志。表中列出各单位延期内完成的任务数和被退回次数，表下为全计划合计。办公室可在\
            存储的 settings.json 的 "scoring" 中修改规则（见 README）。
            """, """
            Each task counts for each assignee by the weight of its role (default: lead 1, joint \
            0.8, implement 0.8, cooperate 0.5) times a credit: done on time 100, done within an \
            approved extension 90, done late 70, not yet due 80 × progress, overdue 0, less 5 for \
            each returned closure request. The score is the weighted mean; grades: A ≥ 90, B ≥ 80, \
            C ≥ 60, D below. A task is done on the day its closure was approved, else on the day \
            the journal marked it done. The table counts each unit's tasks done within an extension \
            and its returns, with the plan's totals below. An office changes the rules in the \
            store's settings.json under "scoring" (see the README).
            """))

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("计划编号（见 duban plans）。", "Plan id (see duban plans)."), valueName: "PLAN")) var plan: String
    @Option(help: ArgumentHelp(Help.pick("md、csv、txt 或 xlsx。", "md, csv, txt or xlsx."))) var format: ReportFormat = .txt
    @OptionGroup var output: DocumentOptions

    func validate() throws {
        if format == .docx {
            throw ValidationError(store.vocabulary.pick("--format：docx 只用于 report；assess 可写 md、csv、txt 或 xlsx",
                                                        "--format: docx is for report; assess writes md, csv, txt or xlsx"))
        }
    }

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        let v = store.vocabulary
        let p = try StoreQuery.plan(s, plan, v)
        let rules = try StoreQuery.scoringRules(s)
        let a = Assessment(plan: p, evaluation: StoreQuery.evaluation(s, p, store.today), rules: rules,
                           doneDays: Assessment.doneDays(from: (try? s.journal(p.id, fields: [ChangeKind.status.journalName])) ?? []))
        try output.emit(format, v, store: s, text: { a.render(format, english: v.isEnglish, title: p.title) },
                        workbook: { a.workbook(title: p.title, output.context(s, v)) },
                        document: { throw CLIError(v.pick("assess 不写 docx", "docx: not available for assess")) })
    }
}

struct DeptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dept",
        abstract: Help.pick("一个部门在存储中各计划里的任务（部门任务）。", "One department's tasks across every plan in the store (部门任务)."),
        discussion: Help.pick("""
            NAME 按各计划的别名以及存储 settings.json 中 "successions" 记录的机构更名匹配\
            （如 {"省质监局": "省市场监管局"}）。
            """, """
            NAME is matched with each plan's aliases and with renamed bodies recorded in the \
            store's settings.json under "successions" (e.g. {"省质监局": "省市场监管局"}).
            """))

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("部门名称，如 省质监局。", "Department name, e.g. 省质监局."), valueName: "NAME")) var name: String
    @Flag(help: ArgumentHelp(Help.pick("输出 JSON。", "Print JSON."))) var json = false
    @Option(help: ArgumentHelp(Help.pick("txt（默认）、csv 或 xlsx（每个计划一张工作表）。", "txt (default), csv or xlsx (a sheet per plan)."))) var format: ReportFormat = .txt
    @OptionGroup var output: DocumentOptions

    func validate() throws {
        guard [.txt, .csv, .xlsx].contains(format) else {
            throw ValidationError(store.vocabulary.pick("--format：dept 可写 txt、csv 或 xlsx", "--format: dept writes txt, csv or xlsx"))
        }
    }

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        let v = store.vocabulary
        // A plan that does not load is named and left out; the others are searched.
        let plans = s.planIDs().compactMap { id -> (Plan, Evaluation)? in
            do {
                let p = try StoreQuery.plan(s, id, v)
                return (p, StoreQuery.evaluation(s, p, store.today))
            } catch {
                Output.warn(Output.warning(v.pick("计划 \(id) 未计入：\(CLIError(failure: error))", "plan \(id) not searched: \(CLIError(failure: error))"), v))
                return nil
            }
        }
        let view = DepartmentAcrossPlans(name: name, plans: plans, successions: StoreQuery.successions(s))
        if view.entries.isEmpty {
            let c = DepartmentAcrossPlans.candidates(name, plans: plans.map(\.0))
            let guesses = c.prefix(8).joined(separator: ", ")
            throw CLIError(v.pick("没有“\(name)”的任务" + (c.isEmpty ? "" : "；是否指 \(guesses)？"),
                                  "no tasks for \"\(name)\"" + (c.isEmpty ? "" : "; did you mean \(guesses)?")))
        }
        if json {
            Output.json(.array(view.entries.map { e in
                .object([("plan", .string(e.planID)), ("task", .string(e.key)), ("department", .string(e.nameInPlan)),
                         ("roles", .array(e.roles.map { .string($0.rawValue) })), ("title", .string(e.title)),
                         ("status", .string(e.status.rawValue)), ("progress", .int(e.progress)),
                         ("due", .string(e.due.description)), ("light", .string(e.light.rawValue))])
            }))
            return
        }
        if format != .txt {
            let asOf = Dictionary(plans.map { ($0.0.id, $0.1.today) }, uniquingKeysWith: { a, _ in a })
            try output.emit(format, v, store: s, text: { CSVWriter.document(view.table(english: v.isEnglish)) },
                            workbook: { view.workbook(output.context(s, v), asOf: asOf) },
                            document: { throw CLIError(v.pick("dept 不写 docx", "docx: not available for dept")) })
            return
        }
        var rows: [[String]] = [[v.plan, v.task, v.roleWord, v.statusWord, v.progress, v.due, v.lightWord, v.title].map(v.upper)]
        for e in view.entries {
            rows.append([e.planID, e.key, e.roles.map(v.roleShort).joined(separator: v.isEnglish ? "," : "、"),
                         v.statusShort(e.status), "\(e.progress)%", e.due.description, v.light(e.light), e.title])
        }
        let tasks = view.entries.count, planCount = Set(view.entries.map(\.planID)).count
        Output.line(view.names.joined(separator: " = ") + v.pick("：\(planCount) 个计划中共 \(tasks) 项任务",
                                                                 ": \(tasks) tasks in \(planCount) plans"))
        Output.table(rows, rightAligned: [4]).forEach { Output.line($0) }
    }
}

extension ReportFormat: ExpressibleByArgument {}
