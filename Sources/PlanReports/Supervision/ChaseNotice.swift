import PlanModel

/// A 催办通知 to one department: the office, the department, the date, each
/// item with its key, title, due date and what is owed, and the reply date.
public struct ChaseNotice: Sendable {
    public let office: String
    public let planTitle: String
    public let chase: Chase
    public let settings: ChaseSettings
    /// Task key → (title, due).
    let tasks: [String: (String, Day)]

    public init(plan: Plan, chase: Chase, office: String, settings: ChaseSettings) {
        self.office = office
        planTitle = plan.title
        self.chase = chase
        self.settings = settings
        var t: [String: (String, Day)] = [:]
        for i in chase.items { if let x = plan.task(i.task) { t[i.task] = (x.title, x.due) } }
        tasks = t
    }

    public func title(english: Bool) -> String {
        let l = Labels(en: english)
        let head = english ? settings.label(chase.step).en : settings.label(chase.step).zh
        return l.s("关于\(planTitle)有关事项的\(head)通知", "\(planTitle): \(head) notice")
    }

    func owed(_ i: ChaseItem, _ english: Bool) -> String {
        i.owed.map { english ? $0.label.en : $0.label.zh }.joined(separator: english ? ", " : "、")
    }

    public func render(_ format: ReportFormat, english: Bool) -> String {
        let l = Labels(en: english)
        let header = [l.s("任务", "Task"), l.s("标题", "Title"), l.s("截止日期", "Due"), l.s("事项", "Owed"), l.s("催办次数", "Chase")]
        let rows = chase.items.map { i -> [String] in
            let (title, due) = tasks[i.task] ?? ("", chase.date)
            let step = english ? settings.label(i.step).en : settings.label(i.step).zh
            return [i.task, title, due.description, owed(i, english), step]
        }
        let table = Table(header: header, rows: rows)
        if format == .csv { return CSVWriter.document(table) }
        let md = format == .md
        var out = (md ? "# " : "") + title(english: english) + "\n\n"
        out += chase.department + l.s("：", ":") + "\n\n"
        out += l.s("经梳理，贵单位承担的以下任务存在超期、临近截止或未按时报送进展情况等问题。请高度重视，抓紧推进，并于 \(chase.reply) 前将办理情况书面反馈\(office)。",
                   "The following tasks of your department are overdue, due soon or lack the feedback asked for. Please act on them and report to \(office) by \(chase.reply).")
        out += "\n\n" + (md ? TableWriter.markdown(table) : TableWriter.text(table)) + "\n"
        out += l.s("反馈时限：\(chase.reply)", "Reply by: \(chase.reply)") + "\n\n"
        out += office + "\n" + Self.date(chase.date, english: english) + "\n"
        return out
    }

    /// 2014年10月12日 (Arabic numerals, as official documents date themselves).
    static func date(_ d: Day, english: Bool) -> String {
        english ? d.description : "\(d.year)年\(d.month)月\(d.day)日"
    }
}
