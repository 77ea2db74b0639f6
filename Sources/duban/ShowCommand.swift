import ArgumentParser
import PlanModel
import PlanStore
import TextWidth

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: Help.pick("显示一项任务：原文、各职责的部门、状态、进度、截止日期、预警灯、各单位最近的情况反馈和进展备注。",
                            "Show one task: its text, departments by role, status, progress, due date, light, each unit's latest feedback and notes."),
        discussion: Help.pick("TASKKEY 为阿拉伯数字的 <分项>.<序号>：第三分项的第（十三）项任务是 3.13。", "TASKKEY is <section>.<number> in Arabic digits: task （十三） of section 三 is 3.13."))

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("计划编号。", "Plan id."), valueName: "PLAN")) var plan: String
    @Argument(help: ArgumentHelp(Help.pick("任务编号，如 3.13。", "Task key, e.g. 3.13."), valueName: "TASKKEY")) var task: String
    @Flag(help: ArgumentHelp(Help.pick("输出 JSON。", "Print JSON."))) var json = false

    func run() throws {
        let s = try StoreOpener.open(store, readOnly: true)
        let v = store.vocabulary
        let (p, t) = try StoreQuery.task(s, plan, task, v)
        let e = Evaluation(today: Today.resolve(store.today, setting: s.settings.today(for: p.id)), dueSoonDays: s.settings.dueSoonDays)
        let light = p.light(of: t, e)
        // Only where the office runs rounds or units have reported, as in the dashboard.
        let latest = p.supervision.isEmpty ? [] : p.feedbackLines(of: t)
        if json {
            guard case .object(var o) = t.json else { return }
            o.append(("light", .string(light.rawValue)))
            if !latest.isEmpty {
                o.append(("feedback", .array(latest.map {
                    .object([("department", .string($0.department)), ("latest", $0.latest?.json(withTask: false) ?? .null)])
                })))
                let overall = p.overallProgress(of: t)
                if overall.derived {
                    o.append(("overall", .object([("status", .string(overall.status.rawValue)), ("progress", .int(overall.progress)),
                                                  ("unitsDone", .int(overall.unitsDone)), ("units", .int(overall.units))])))
                }
            }
            Output.json(.object(o))
            return
        }
        let section = p.sections.indices.contains(t.section) ? p.sections[t.section] : nil
        let c = v.colon
        Output.line("\(p.id) \(t.key) (\(t.number)) \(t.title)")
        if let section { Output.line("\(v.section)\(c)\(section.number)、\(section.title)") }
        let review = p.reviewState(task: t.key)
        let words = ReviewWords(v)
        Output.line("\(v.statusWord)\(c)\(words.status(t, review))  \(v.progress)\(c)\(t.progress)%  "
                    + "\(v.due)\(c)\(words.due(t, review))  \(v.lightWord)\(c)\(v.light(light))")
        for role in Role.allCases {
            let ds = t.departments(role)
            if !ds.isEmpty { Output.line("\(v.role(role))\(c)\(ds.joined(separator: "、"))") }
        }
        Output.line("")
        t.text.wrapped(toWidth: 76).forEach { Output.line($0) }
        let requests = p.reviews.requests(task: t.key)
        if !requests.isEmpty {
            Output.line("")
            Output.line(words.requestsHeading + c.trimmingSpaces())
            for r in requests { Output.line("  " + words.line(r)) }
        }
        // Each unit's latest feedback that stands (withdrawn ones count nowhere).
        if !latest.isEmpty {
            Output.line("")
            Output.line(v.feedbackByUnit + c.trimmingSpaces())
            let overall = p.overallProgress(of: t)
            if overall.derived { Output.line("  " + v.derived(overall)) }
            for u in latest {
                let who = u.department + (u.role.map { v.pick("（\(v.role($0))）", " (\(v.role($0)))") } ?? "")
                guard let f = u.latest else {
                    Output.line("  \(who)\(c)\(v.neverReported)")
                    continue
                }
                var head = "  \(who)  \(f.time.replacing("T", with: " ").prefix(16)) \(f.user)"
                if f.onBehalf { head += v.onBehalfMark }
                if let pr = f.progress { head += "  " + v.ownPart(pr) }
                Output.line(head)
                f.text.wrapped(toWidth: 72).forEach { Output.line("    " + $0) }
                if let e = f.evidence { Output.line("    " + v.evidence(e)) }
            }
        }
        // Numbered as `duban correct` takes them; a correction shows its text.
        if !t.notes.isEmpty {
            Output.line("")
            Output.line(v.notes + c.trimmingSpaces())
            for (i, n) in t.notes.enumerated() {
                let (text, mark) = Self.record(.note, i, n.text, p, t.key, words)
                Output.line("  #\(i + 1) \(n.time) \(n.user)\(n.department.map { " (\($0))" } ?? "")\(mark)\(c)\(text)")
            }
        }
        // Feedback of the units with a role now, numbered among all the task's.
        let units = Set(p.reportingUnits(of: t))
        let feedback = p.supervision.feedback(task: t.key).enumerated().filter { units.contains($0.element.department) }
        if !feedback.isEmpty {
            Output.line("")
            Output.line(v.label(ChangeKind.feedback.label) + c.trimmingSpaces())
            for (i, f) in feedback {
                let (text, mark) = Self.record(.feedback, i, f.text, p, t.key, words)
                let own = f.progress.map { " \($0)%" } ?? ""
                Output.line("  #\(i + 1) \(f.time) \(f.user) (\(f.department))\(own)\(mark)\(c)\(text)")
            }
        }
    }

    /// A note's or feedback's text as shown, with its mark: the correction's
    /// text marked 已更正 (the original is in `duban log`), or 已撤回.
    static func record(_ kind: ChangeKind, _ i: Int, _ text: String, _ p: Plan, _ key: String, _ words: ReviewWords) -> (String, String) {
        let v = words.v
        if p.isWithdrawn(kind, task: key, index: i) { return (text, " [" + words.withdrawnMark + "]") }
        guard let c = p.correction(kind, task: key, index: i), let fixed = c.text else { return (text, "") }
        return (fixed, v.pick(" [已更正：\(c.user) \(c.time)，原文见 duban log]", " [corrected by \(c.user) at \(c.time); the original is in duban log]"))
    }
}
