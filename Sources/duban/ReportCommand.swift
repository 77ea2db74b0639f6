import ArgumentParser
import Foundation
import PlanModel
import PlanReports
import PlanStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a progress report (进度报告) of a plan, or of every plan, as of a date.",
        discussion: """
            The report gives the plan's completion and counts by status and light, a table per \
            section and per department (lead, cooperate, joint, implement; done, in progress, \
            overdue), the overdue and behind tasks with their departments and latest note, the \
            notes of the last --days days (or the changes and notes between --from and --to, \
            from the journal), and the indicators with their targets and actuals.

            Formats: md (Markdown tables), txt (plain text aligned by display width), csv (one \
            row per task; UTF-8 with BOM and CRLF so Excel and WPS open it directly; keys stay \
            text), xlsx (a workbook: sections with a completion chart, tasks, departments, \
            overdue tasks, notes), docx (an official document laid out after GB/T 9704, the \
            task list attached).
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Plan id (see duban plans); leave out with --all.", valueName: "PLAN")) var plan: String?
    @Flag(help: "Every plan of the store in one report, a part per plan.") var all = false
    @Option(help: "md, csv, txt, xlsx or docx.") var format: ReportFormat = .md
    @OptionGroup var output: DocumentOptions
    @Option(help: ArgumentHelp("List the notes of this many days up to the report date.", valueName: "N")) var days = 30
    @Option(help: ArgumentHelp("List the changes and notes from this date (YYYY-MM-DD)…", valueName: "DATE")) var from: String?
    @Option(help: ArgumentHelp("…to this date (default: the report date).", valueName: "DATE")) var to: String?

    func validate() throws {
        guard days >= 0 && days <= 3660 else { throw ValidationError("--days: \(days) is outside 0…3660") }
        guard all != (plan != nil) else { throw ValidationError(all ? "--all: give no PLAN with it" : "give a PLAN or --all") }
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, Day(value) == nil { throw ValidationError("\(name): \"\(value)\" is not a date (expected YYYY-MM-DD)") }
        }
        if let f = from.flatMap(Day.init), let t = to.flatMap(Day.init), f > t {
            throw ValidationError("--from \(f) is after --to \(t)")
        }
    }

    func report(_ s: Store, _ id: String) throws -> ProgressReport {
        let p = try StoreQuery.plan(s, id)
        let e = StoreQuery.evaluation(s, p, store.today)
        var r = ProgressReport(plan: p, evaluation: e, noteDays: days)
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
        let reports = try (plan.map { [$0] } ?? s.planIDs()).map { try report(s, $0) }
        guard !reports.isEmpty else { throw CLIError("no plans in \(s.path)") }
        let c = output.context(s)
        try output.emit(format, text: {
            if format == .csv {
                // One table: the plan column tells the plans apart.
                var rows = reports.map { $0.render(.csv, english: output.english) }
                for i in rows.indices.dropFirst() { rows[i] = String(rows[i].split(separator: "\r\n", maxSplits: 1).last ?? "") }
                return rows.joined()
            }
            return reports.map { $0.render(format, english: output.english) }.joined(separator: "\n")
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
    @Option(help: "md, csv, txt or xlsx.") var format: ReportFormat = .txt
    @OptionGroup var output: DocumentOptions

    func validate() throws {
        if format == .docx { throw ValidationError("--format: docx is for report; assess writes md, csv, txt or xlsx") }
    }

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        let p = try StoreQuery.plan(s, plan)
        let rules = try StoreQuery.scoringRules(s)
        let a = Assessment(plan: p, evaluation: StoreQuery.evaluation(s, p, store.today), rules: rules,
                           doneDays: Assessment.doneDays(from: (try? s.journal(p.id, fields: [ChangeKind.status.journalName])) ?? []))
        try output.emit(format, text: { a.render(format, english: output.english, title: p.title) },
                        workbook: { a.workbook(title: p.title, output.context(s)) },
                        document: { throw CLIError("docx: not available for assess") })
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
    @Option(help: "txt (default), csv or xlsx (a sheet per plan).") var format: ReportFormat = .txt
    @OptionGroup var output: DocumentOptions

    func validate() throws {
        guard [.txt, .csv, .xlsx].contains(format) else { throw ValidationError("--format: dept writes txt, csv or xlsx") }
    }

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
        if format != .txt {
            let asOf = Dictionary(plans.map { ($0.0.id, $0.1.today) }, uniquingKeysWith: { a, _ in a })
            try output.emit(format, text: {
                CSVWriter.document(v.table(english: output.english))
            }, workbook: { v.workbook(output.context(s), asOf: asOf) }, document: { throw CLIError("docx: not available for dept") })
            return
        }
        Output.line("\(v.names.joined(separator: " = ")): \(v.entries.count) tasks in \(Set(v.entries.map(\.planID)).count) plans")
        Output.table(rows, rightAligned: [4]).forEach { Output.line($0) }
    }
}

extension ReportFormat: ExpressibleByArgument {}
