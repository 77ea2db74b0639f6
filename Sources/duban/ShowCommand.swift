import ArgumentParser
import PlanModel
import PlanStore
import TextWidth

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one task: its text, departments by role, status, progress, due date, light and notes.",
        discussion: "TASKKEY is <section>.<number> in Arabic digits: task （十三） of section 三 is 3.13.")

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Plan id.", valueName: "PLAN")) var plan: String
    @Argument(help: ArgumentHelp("Task key, e.g. 3.13.", valueName: "TASKKEY")) var task: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        let p = try s.plan(plan)
        guard let t = p.task(task) else {
            throw CLIError("no task \(task) in \(plan) (keys look like 1.1 … \(p.tasks.last?.key ?? "-"))")
        }
        let e = Evaluation(today: Today.resolve(store.today, setting: s.settings.today(for: p.id)), dueSoonDays: s.settings.dueSoonDays)
        let light = t.light(e, periodStart: p.period.start)
        if json {
            guard case .object(var o) = t.json else { return }
            o.append(("light", .string(light.rawValue)))
            Output.json(.object(o))
            return
        }
        let section = p.sections.indices.contains(t.section) ? p.sections[t.section] : nil
        Output.line("\(p.id) \(t.key) (\(t.number)) \(t.title)")
        if let section { Output.line("section \(section.number)、\(section.title)") }
        Output.line("status \(t.status.rawValue)  progress \(t.progress)%  due \(t.due)  light \(light.rawValue)")
        for role in Role.allCases {
            let ds = t.departments(role)
            if !ds.isEmpty { Output.line("\(role.rawValue): \(ds.joined(separator: "、"))") }
        }
        Output.line("")
        t.text.wrapped(toWidth: 76).forEach { Output.line($0) }
        if !t.notes.isEmpty {
            Output.line("")
            Output.line("notes:")
            for n in t.notes {
                Output.line("  \(n.time) \(n.user)\(n.department.map { " (\($0))" } ?? ""): \(n.text)")
            }
        }
    }
}
