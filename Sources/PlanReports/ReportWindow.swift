import PlanModel

/// What happened in a plan between two dates, from its journal: "since the
/// last meeting". Days are read from each entry's own time as written.
public struct ReportWindow: Sendable {
    public struct Change: Hashable, Sendable {
        public var day: Day
        public var key: String
        public var title: String
        public var field: String
        public var old: JSON
        public var new: JSON
        public var user: String
    }

    public var from: Day
    public var to: Day
    /// Status, progress, due date and task changes, oldest first.
    public var changes: [Change]
    /// Notes (feedback) dated within the window, newest first.
    public var notes: [ProgressReport.NoteRow]

    /// The journal fields a window lists as changes; notes are listed from the tasks.
    public static let fields: Set<String> = Set([ChangeKind.status, .progress, .due, .task, .assignments].map(\.journalName))

    public init(plan: Plan, journal: [JournalEntry], from: Day, to: Day) {
        self.from = from
        self.to = to
        func inside(_ time: String) -> Day? {
            guard let d = Day(time.prefix(10)), d >= from, d <= to else { return nil }
            return d
        }
        changes = journal.compactMap { e in
            guard Self.fields.contains(e.field), let d = inside(e.time) else { return nil }
            let title = plan.task(e.task)?.title ?? e.old["title"]?.string ?? e.new["title"]?.string ?? ""
            return Change(day: d, key: e.task, title: title, field: e.field, old: e.old, new: e.new, user: e.user)
        }
        notes = plan.tasks.flatMap { t in
            t.notes.compactMap { n -> ProgressReport.NoteRow? in
                guard inside(n.time) != nil else { return nil }
                return ProgressReport.NoteRow(key: t.key, note: n)
            }
        }.sorted { $0.note.time > $1.note.time }
    }
}

extension Labels {
    /// "进行中 → 已完成", "30% → 60%", "新增任务".
    func change(_ c: ReportWindow.Change) -> String {
        let kind = ChangeKind.named(c.field)
        func value(_ v: JSON) -> String {
            switch kind {
            case .status: return v.string.flatMap(TaskStatus.init(rawValue:))?.label(en) ?? v.brief
            case .progress: return v.int.map { "\($0)%" } ?? v.brief
            default: return v.string ?? v.brief
            }
        }
        switch kind {
        case .status, .progress, .due:
            let name = kind!.label
            return s(name.zh, name.en) + s("：", ": ") + value(c.old) + " → " + value(c.new)
        case .task: return c.old.isNull ? s("新增任务", "task added") : s("删除任务", "task removed")
        case .assignments: return s("调整责任分工", "assignments changed")
        default: return kind.map { s($0.label.zh, $0.label.en) } ?? c.field
        }
    }
}
