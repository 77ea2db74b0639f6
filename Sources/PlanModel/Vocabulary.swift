/// The language of everything a person reads; plan text is always shown as written.
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// `--lang` when given, else `DUBAN_LANG` (any `en…` is English), else Chinese.
    public static func resolve(flag: String?, environment: [String: String]) -> Language {
        if let flag, let l = Language(rawValue: flag) { return l }
        return (environment["DUBAN_LANG"] ?? "").hasPrefix("en") ? .en : .zh
    }
}

/// Every label shown to a person, in Chinese and English: roles, statuses,
/// lights, access roles and the words tables are headed with. The dashboard,
/// the kiosk, the reports and the commands all take their labels from here,
/// so one thing is called one name everywhere. English words are lower case;
/// a surface that heads columns in title or upper case converts them.
///
/// Where a column is narrow a shorter form exists (`roleShort`,
/// `statusNarrow`, `roleInitial`), always of the same word.
public struct Vocabulary: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    public var isEnglish: Bool { language == .en }

    /// The phrase in the session's language, for sentences that belong to one place.
    public func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// A label the table of changes holds in both languages.
    public func label(_ b: Bilingual) -> String { pick(b.zh, b.en) }

    /// Between a label and its value: full width in Chinese text.
    public var colon: String { pick("：", ": ") }
    /// Between the items of a list of names.
    public var listSeparator: String { "、" }

    // MARK: Roles of a department in a task

    /// As the documents word it: 按职责分工负责, 负责具体实施.
    public func role(_ r: Role) -> String {
        switch r {
        case .lead: return pick("牵头", "lead")
        case .cooperate: return pick("配合", "cooperate")
        case .joint: return pick("按职责分工负责", "jointly responsible")
        case .implement: return pick("负责具体实施", "implement")
        }
    }

    /// Two characters (four columns): table cells.
    public func roleShort(_ r: Role) -> String {
        switch r {
        case .lead: return pick("牵头", "lead")
        case .cooperate: return pick("配合", "coop")
        case .joint: return pick("共同", "joint")
        case .implement: return pick("实施", "impl")
        }
    }

    /// One character: count columns.
    public func roleInitial(_ r: Role) -> String {
        switch r {
        case .lead: return pick("牵", "L")
        case .cooperate: return pick("配", "C")
        case .joint: return pick("共", "J")
        case .implement: return pick("实", "I")
        }
    }

    // MARK: Task status

    /// Menus, the detail view, `show`: says what the status means.
    public func status(_ s: TaskStatus) -> String {
        switch s {
        case .notStarted: return pick("未开始", "not started")
        case .inProgress: return pick("进行中", "in progress")
        case .done: return pick("已完成", "done")
        case .behind: return pick("滞后/受阻", "behind/blocked")
        }
    }

    /// Table headers and cells.
    public func statusShort(_ s: TaskStatus) -> String {
        switch s {
        case .behind: return pick("滞后", "behind")
        default: return status(s)
        }
    }

    /// Fits a six-column cell.
    public func statusNarrow(_ s: TaskStatus) -> String {
        switch s {
        case .notStarted: return pick("未开始", "todo")
        case .inProgress: return pick("进行中", "active")
        default: return statusShort(s)
        }
    }

    /// Parses a status as a person types it: the code or any Chinese label.
    public static func status(named name: String) -> TaskStatus? {
        if let s = TaskStatus(rawValue: name) { return s }
        if name == "完成" { return .done }
        for s in TaskStatus.allCases {
            let zh = Vocabulary(.zh)
            if name == zh.status(s) || name == zh.statusShort(s) { return s }
            if name == "受阻" && s == .behind { return s }
        }
        return nil
    }

    // MARK: Warning lights

    public func light(_ l: Light) -> String {
        switch l {
        case .red: return pick("红灯", "red")
        case .yellow: return pick("黄灯", "yellow")
        case .green: return pick("绿灯", "green")
        }
    }

    // MARK: Who may change what

    public func accessRole(_ r: AccessRole) -> String {
        switch r {
        case .office: return pick("办公室", "office")
        case .reporter: return pick("报送单位", "reporter")
        case .viewer: return pick("只读用户", "viewer")
        }
    }

    // MARK: Words that head columns and label values

    public var plan: String { pick("计划", "plan") }
    public var plans: String { pick("计划", "plans") }
    /// A part 一、二、… of a plan.
    public var section: String { pick("分项", "section") }
    /// A heading over progress per section.
    public var bySection: String { pick("各分项进度", "By section") }
    public var key: String { pick("编号", "key") }
    public var number: String { pick("序号", "number") }
    public var task: String { pick("任务", "task") }
    public var tasks: String { pick("任务", "tasks") }
    public var title: String { pick("标题", "title") }
    public var department: String { pick("部门", "department") }
    public var roleWord: String { pick("职责", "role") }
    public var statusWord: String { pick("状态", "status") }
    public var progress: String { pick("进度", "progress") }
    public var due: String { pick("截止", "due") }
    /// The warning light as a filter or sort: 预警.
    public var lightWord: String { pick("预警", "light") }
    /// The warning light as a narrow column: 灯.
    public var lightShort: String { pick("灯", "light") }
    public var completion: String { pick("完成度", "completion") }
    public var period: String { pick("起止", "period") }
    public var notes: String { pick("进展备注", "notes") }
    public var note: String { pick("备注", "note") }
    public var latestNote: String { pick("最新进展", "latest note") }
    public var date: String { pick("日期", "date") }
    public var time: String { pick("时间", "time") }
    public var user: String { pick("用户", "user") }
    public var name: String { pick("名称", "name") }
    public var id: String { pick("编号", "id") }
    public var field: String { pick("字段", "field") }
    public var change: String { pick("修改", "change") }
    /// Where a change came from (the SSH client's address).
    public var origin: String { pick("来源", "from") }
    public var none: String { pick("无", "none") }
    /// Overdue and not done.
    public var overdue: String { pick("逾期", "overdue") }
    public var doneOnTime: String { pick("按时完成", "done on time") }
    public var doneLate: String { pick("超期完成", "done late") }
    public var overdueNotDone: String { pick("逾期未完成", "overdue") }
    /// Done after the original due date, by a granted extension's.
    public var doneWithinExtension: String { pick("延期内完成", "done within extension") }
    /// Closure requests the office returned, counted.
    public var returnsCount: String { pick("退回次数", "returns") }
    /// The due date before a granted extension.
    public var originalDue: String { pick("原定时限", "original due") }
    /// When a done task was done against its deadline.
    public func timing(_ t: DoneTiming) -> String {
        switch t {
        case .onTime: return doneOnTime
        case .withinExtension: return doneWithinExtension
        case .late: return doneLate
        }
    }
    public var rank: String { pick("名次", "rank") }
    public var score: String { pick("得分", "score") }
    public var grade: String { pick("等级", "grade") }
    public var indicator: String { pick("指标", "indicator") }
    public var target: String { pick("目标", "target") }
    public var actual: String { pick("实际", "actual") }
    public var metWord: String { pick("达标", "met") }
    /// A plan-level indicator belongs to the plan's goal, not to a task.
    public var goal: String { pick("总目标", "goal") }
    public var others: String { pick("其他责任单位", "others") }
    public var yes: String { pick("是", "yes") }
    public var no: String { pick("否", "no") }

    /// Whether an indicator's target is met; "—" until a value is recorded.
    public func met(_ m: Bool?) -> String {
        guard let m else { return "—" }
        return m ? pick("达标", "yes") : pick("未达标", "no")
    }

    /// A column header in title case (`Department`); Chinese is unchanged.
    public func heading(_ word: String) -> String {
        guard isEnglish, let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// A column header of a command's plain table (`DEPARTMENT`); Chinese is unchanged.
    public func upper(_ word: String) -> String {
        isEnglish ? word.uppercased() : word
    }
}
