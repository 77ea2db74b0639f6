import ArgumentParser
import Foundation
import PlanModel
import PlanReports
import PlanStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a progress report (进度报告) of a plan as of a date.",
        discussion: """
            The report gives the plan's completion and counts by status and light, a table per \
            section and per department (lead, cooperate, joint, implement; done, in progress, \
            overdue), the overdue and behind tasks with their departments and latest note, the \
            notes of the last --days days, and the indicators with their targets and actuals.

            Formats: md (Markdown tables), txt (plain text aligned by display width), csv (one \
            row per task; UTF-8 with BOM and CRLF so Excel and WPS open it directly).
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Plan id (see duban plans).", valueName: "PLAN")) var plan: String
    @Option(help: "md, csv or txt.") var format: ReportFormat = .md
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE")) var out: String?
    @Option(help: ArgumentHelp("List the notes of this many days up to the report date.", valueName: "N")) var days = 30
    @Option(help: ArgumentHelp("Headings in zh (default) or en; plan text stays as written.", valueName: "LANG")) var lang = "zh"

    func validate() throws {
        guard days >= 0 && days <= 3660 else { throw ValidationError("--days: \(days) is outside 0…3660") }
        guard lang == "zh" || lang == "en" else { throw ValidationError("--lang: \"\(lang)\" is not zh or en") }
    }

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        let p = try StoreQuery.plan(s, plan)
        let r = ProgressReport(plan: p, evaluation: StoreQuery.evaluation(s, p, store.today), noteDays: days)
        try Output.write(r.render(format, english: lang == "en"), to: out)
    }
}

struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Score each department's work on a plan: the annual assessment (考核), graded A/B/C/D.",
        discussion: """
            Each task counts for each assignee by the weight of its role (default: lead 1, joint \
            0.8, implement 0.8, cooperate 0.5) times a credit: done on time 100, done late 70, not \
            yet due 80 × progress, overdue 0. The score is the weighted mean; grades: A ≥ 90, B ≥ 80, \
            C ≥ 60, D below. The date a task was done comes from the journal. An office changes \
            the rules in the store's settings.json under "scoring" (see the README).
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Plan id (see duban plans).", valueName: "PLAN")) var plan: String
    @Option(help: "md, csv or txt.") var format: ReportFormat = .txt
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE")) var out: String?
    @Option(help: ArgumentHelp("Headings in zh (default) or en.", valueName: "LANG")) var lang = "zh"

    func validate() throws {
        guard lang == "zh" || lang == "en" else { throw ValidationError("--lang: \"\(lang)\" is not zh or en") }
    }

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        let p = try StoreQuery.plan(s, plan)
        let rules = try StoreQuery.scoringRules(s)
        let a = Assessment(plan: p, evaluation: StoreQuery.evaluation(s, p, store.today), rules: rules,
                           doneDays: Assessment.doneDays(from: (try? s.journal(p.id, fields: [ChangeKind.status.journalName])) ?? []))
        try Output.write(a.render(format, english: lang == "en", title: p.title), to: out)
    }
}

struct DeptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dept",
        abstract: "One department's tasks across every plan in the store (部门任务).",
        discussion: """
            NAME is matched with each plan's aliases and with renamed bodies recorded in the \
            store's settings.json under "successions" (e.g. {"省质监局": "省市场监管局"}).
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Department name, e.g. 省质监局.", valueName: "NAME")) var name: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        let plans = try s.planIDs().map { id -> (Plan, Evaluation) in
            let p = try StoreQuery.plan(s, id)
            return (p, StoreQuery.evaluation(s, p, store.today))
        }
        let v = DepartmentAcrossPlans(name: name, plans: plans, successions: StoreQuery.successions(s))
        if v.entries.isEmpty {
            let c = DepartmentAcrossPlans.candidates(name, plans: plans.map(\.0))
            throw CLIError("no tasks for \"\(name)\"" + (c.isEmpty ? "" : "; did you mean \(c.prefix(8).joined(separator: ", "))?"))
        }
        if json {
            Output.json(.array(v.entries.map { e in
                .object([("plan", .string(e.planID)), ("task", .string(e.key)), ("department", .string(e.nameInPlan)),
                         ("roles", .array(e.roles.map { .string($0.rawValue) })), ("title", .string(e.title)),
                         ("status", .string(e.status.rawValue)), ("progress", .int(e.progress)),
                         ("due", .string(e.due.description)), ("light", .string(e.light.rawValue))])
            }))
            return
        }
        var rows: [[String]] = [["PLAN", "TASK", "ROLE", "STATUS", "PROGRESS", "DUE", "LIGHT", "TITLE"]]
        for e in v.entries {
            rows.append([e.planID, e.key, e.roles.map(\.rawValue).joined(separator: ","), e.status.rawValue,
                         "\(e.progress)%", e.due.description, e.light.rawValue, e.title])
        }
        Output.line("\(v.names.joined(separator: " = ")): \(v.entries.count) tasks in \(Set(v.entries.map(\.planID)).count) plans")
        Output.table(rows, rightAligned: [4]).forEach { Output.line($0) }
    }
}

extension ReportFormat: ExpressibleByArgument {}
