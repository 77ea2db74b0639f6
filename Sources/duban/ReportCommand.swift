import ArgumentParser
import Foundation
import PlanModel
import PlanReports
import PlanStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: Help.pick("生成计划截至某日的进度报告。", "Write a progress report (进度报告) of a plan as of a date."),
        discussion: Help.pick("""
            报告包括计划的完成度及按状态和预警灯的统计、各分项和各部门的表格（牵头、配合、\
            按职责分工负责、负责具体实施；已完成、进行中、逾期）、逾期和滞后的任务及其部门和最新\
            进展、最近 --days 天的进展备注，以及量化指标的目标和实际值。

            格式：md（Markdown 表格）、txt（按显示宽度对齐的纯文本）、csv（每项任务一行；带 BOM\
            和 CRLF 的 UTF-8，Excel 和 WPS 可直接打开）。
            """, """
            The report gives the plan's completion and counts by status and light, a table per \
            section and per department (lead, cooperate, joint, implement; done, in progress, \
            overdue), the overdue and behind tasks with their departments and latest note, the \
            notes of the last --days days, and the indicators with their targets and actuals.

            Formats: md (Markdown tables), txt (plain text aligned by display width), csv (one \
            row per task; UTF-8 with BOM and CRLF so Excel and WPS open it directly).
            """))

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("计划编号（见 duban plans）。", "Plan id (see duban plans)."), valueName: "PLAN")) var plan: String
    @Option(help: ArgumentHelp(Help.pick("md、csv 或 txt。", "md, csv or txt."))) var format: ReportFormat = .md
    @Option(help: ArgumentHelp(Help.pick("写入此文件而不是标准输出。", "Write to this file instead of standard output."), valueName: "FILE")) var out: String?
    @Option(help: ArgumentHelp(Help.pick("列出截至报告日期这么多天内的进展备注。", "List the notes of this many days up to the report date."), valueName: "N")) var days = 30

    func validate() throws {
        guard days >= 0 && days <= 3660 else {
            throw ValidationError(store.vocabulary.pick("--days：\(days) 超出 0…3660", "--days: \(days) is outside 0…3660"))
        }
    }

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        let v = store.vocabulary
        let p = try StoreQuery.plan(s, plan, v)
        let r = ProgressReport(plan: p, evaluation: StoreQuery.evaluation(s, p, store.today), noteDays: days)
        try Output.write(r.render(format, english: v.isEnglish), to: out, v, store: s)
    }
}

struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: Help.pick("为各单位在计划中的工作评分：年度考核，分 A/B/C/D 等级。", "Score each department's work on a plan: the annual assessment (考核), graded A/B/C/D."),
        discussion: Help.pick("""
            每项任务对每个责任单位按其职责的权重计分（默认：牵头 1、按职责分工负责 0.8、\
            负责具体实施 0.8、配合 0.5），乘以完成得分：按时完成 100、超期完成 70、未到期按进度\
            计 80 × 进度、逾期未完成 0。得分为加权平均；等级：A ≥ 90、B ≥ 80、C ≥ 60，以下为 D。\
            任务的完成日期取自日志。办公室可在存储的 settings.json 的 "scoring" 中修改规则（见 README）。
            """, """
            Each task counts for each assignee by the weight of its role (default: lead 1, joint \
            0.8, implement 0.8, cooperate 0.5) times a credit: done on time 100, done late 70, not \
            yet due 80 × progress, overdue 0. The score is the weighted mean; grades: A ≥ 90, B ≥ 80, \
            C ≥ 60, D below. The date a task was done comes from the journal. An office changes \
            the rules in the store's settings.json under "scoring" (see the README).
            """))

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("计划编号（见 duban plans）。", "Plan id (see duban plans)."), valueName: "PLAN")) var plan: String
    @Option(help: ArgumentHelp(Help.pick("md、csv 或 txt。", "md, csv or txt."))) var format: ReportFormat = .txt
    @Option(help: ArgumentHelp(Help.pick("写入此文件而不是标准输出。", "Write to this file instead of standard output."), valueName: "FILE")) var out: String?

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        let v = store.vocabulary
        let p = try StoreQuery.plan(s, plan, v)
        let rules = try StoreQuery.scoringRules(s)
        let a = Assessment(plan: p, evaluation: StoreQuery.evaluation(s, p, store.today), rules: rules,
                           doneDays: Assessment.doneDays(from: (try? s.journal(p.id, fields: [ChangeKind.status.journalName])) ?? []))
        try Output.write(a.render(format, english: v.isEnglish, title: p.title), to: out, v, store: s)
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

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        let v = store.vocabulary
        // A plan that does not load is named and left out; the others are searched.
        let plans = s.planIDs().compactMap { id -> (Plan, Evaluation)? in
            do {
                let p = try StoreQuery.plan(s, id, v)
                return (p, StoreQuery.evaluation(s, p, store.today))
            } catch {
                Output.warn(Output.warning(v.pick("计划 \(id) 未计入：\(error)", "plan \(id) not searched: \(error)"), v))
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
