import PlanModel

/// Every string of the interface, in both languages. Plan text never passes
/// through here: it is shown as written.
struct Strings {
    let lang: Language
    init(_ lang: Language) { self.lang = lang }

    private func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }

    var appName: String { t("督办", "Duban") }

    func pane(_ p: Pane) -> String {
        switch p {
        case .sections: return t("分项", "Sections")
        case .tasks: return t("任务", "Tasks")
        case .departments: return t("部门", "Departments")
        case .completion: return t("完成情况", "Completion")
        }
    }

    /// Fits a six-column table cell.
    func statusShort(_ s: TaskStatus) -> String {
        switch s {
        case .notStarted: return t("未开始", "todo")
        case .inProgress: return t("进行中", "active")
        case .done: return t("已完成", "done")
        case .behind: return t("滞后", "behind")
        }
    }

    func status(_ s: TaskStatus) -> String {
        switch s {
        case .notStarted: return t("未开始", "not started")
        case .inProgress: return t("进行中", "in progress")
        case .done: return t("已完成", "done")
        case .behind: return t("滞后/受阻", "behind/blocked")
        }
    }

    func light(_ l: Light) -> String {
        switch l {
        case .red: return t("红灯", "red")
        case .yellow: return t("黄灯", "yellow")
        case .green: return t("绿灯", "green")
        }
    }

    func role(_ r: Role) -> String {
        switch r {
        case .lead: return t("牵头", "lead")
        case .cooperate: return t("配合", "cooperate")
        case .joint: return t("按职责分工负责", "jointly responsible")
        case .implement: return t("负责具体实施", "implement")
        }
    }

    func sort(_ s: TaskSort) -> String {
        switch s {
        case .key: return t("编号", "key")
        case .due: return t("截止", "due")
        case .progress: return t("进度", "progress")
        case .light: return t("预警", "light")
        }
    }

    func field(_ f: String) -> String {
        switch f {
        case "status": return t("状态", "status")
        case "progress": return t("进度", "progress")
        case "due": return t("截止日期", "due date")
        case "note": return t("备注", "note")
        case "title": return t("标题", "title")
        default: return f
        }
    }

    // Header
    var complete: String { t("完成", "complete") }
    var readOnlyBadge: String { t("只读", "READ-ONLY") }
    var kioskBadge: String { t("展示屏", "KIOSK") }
    var reportsFor: String { t("报送：", "reports for: ") }
    func changedBy(_ user: String, _ time: String) -> String {
        t("已由 \(user) 于 \(time) 更新", "changed by \(user) at \(time)")
    }
    func lastUpdated(_ time: String, _ user: String) -> String {
        t("最后更新 \(time) · \(user)", "last updated \(time) by \(user)")
    }

    // Columns
    var colKey: String { t("编号", "Key") }
    var colTitle: String { t("任务", "Title") }
    var colLead: String { t("牵头", "Lead") }
    var colStatus: String { t("状态", "Status") }
    var colProgress: String { t("进度", "Prog") }
    var colDue: String { t("截止", "Due") }
    var colDepartment: String { t("部门", "Department") }
    var colLeadShort: String { t("牵", "L") }
    var colCoopShort: String { t("配", "C") }
    var colJointShort: String { t("共", "J") }
    var colDoneShort: String { t("完", "D") }
    var colOverdueShort: String { t("逾", "O") }

    // Completion
    var byStatus: String { t("状态分布", "By status") }
    var bySection: String { t("各分项进度", "By section") }
    var overdue: String { t("逾期任务", "Overdue") }
    var noOverdue: String { t("无逾期任务", "nothing overdue") }
    var overall: String { t("总体", "Overall") }
    var noTasksMatch: String { t("没有符合条件的任务", "no tasks match") }
    var noTasks: String { t("无任务", "no tasks") }

    // Filters
    var department: String { t("部门", "department") }
    var statusWord: String { t("状态", "status") }
    var lightWord: String { t("预警", "light") }
    var sectionWord: String { t("分项", "section") }
    var searchWord: String { t("搜索", "search") }
    var sortWord: String { t("排序", "sort") }

    // Detail
    func taskHeading(_ key: String) -> String { t("任务 \(key)", "Task \(key)") }
    var assignments: String { t("责任分工", "Assignments") }
    var due: String { t("截止", "Due") }
    var statusLabel: String { t("状态", "Status") }
    var progressLabel: String { t("进度", "Progress") }
    var notes: String { t("进展备注", "Notes") }
    var history: String { t("修改记录", "History") }
    var none: String { t("无", "none") }
    var collectiveMark: String { t("（集体）", " (collective)") }
    var taskGone: String { t("该任务已不存在", "this task no longer exists") }

    // Editors
    var chooseStatus: String { t("选择状态", "Choose status") }
    var progressPrompt: String { t("进度（0–100）", "Progress (0–100)") }
    var duePrompt: String { t("截止日期（YYYY-MM-DD）", "Due date (YYYY-MM-DD)") }
    var notePrompt: String { t("备注", "Note") }
    var badProgress: String { t("请输入 0 到 100 之间的整数", "enter a whole number from 0 to 100") }
    var badDue: String { t("请输入有效日期，格式 YYYY-MM-DD", "enter a real date as YYYY-MM-DD") }
    var emptyNote: String { t("备注不能为空", "the note is empty") }
    var noteTooLong: String { t("备注已达最大长度", "the note is at its maximum length") }
    var searchPrompt: String { t("搜索：", "search: ") }
    var noTaskSelected: String { t("未选择任务", "no task selected") }

    // Conflict
    var conflictTitle: String { t("修改冲突", "Conflict") }
    func conflictBody(field: String, task: String, current: String, user: String?, time: String?) -> String {
        let f = self.field(field)
        if let user, let time {
            return t("任务 \(task) 的\(f)已被 \(user) 于 \(time) 改为 \(current)",
                     "\(f) of task \(task) was changed to \(current) by \(user) at \(time)")
        }
        return t("任务 \(task) 的\(f)已被他人改为 \(current)", "\(f) of task \(task) was changed to \(current)")
    }
    func conflictYouSaw(_ v: String) -> String { t("你看到的值：\(v)", "you saw: \(v)") }
    var reloadRequested: String { t("已重新载入", "reloaded") }

    // Feedback
    func saved(_ task: String, _ field: String) -> String {
        t("已保存：\(task) \(self.field(field))", "saved: \(task) \(self.field(field))")
    }
    func undone(_ task: String, _ field: String) -> String {
        t("已撤销：\(task) \(self.field(field))", "undone: \(task) \(self.field(field))")
    }
    func roleName(_ r: AccessRole) -> String {
        switch r {
        case .office: return t("办公室", "office")
        case .reporter: return t("报送单位", "reporter")
        case .viewer: return t("只读用户", "viewer")
        }
    }
    var planReplaced: String { t("计划已被更新，已重新载入", "the plan was replaced and reloaded") }
    var noPlan: String { t("没有计划", "no plan") }
    var selectedLabel: String { t("当前任务", "selected") }
    var tabHint: String { t("按 1–4 或 Tab 切换", "1–4 or Tab to switch") }
    func refused(_ why: String) -> String { t("不允许：\(why)", "refused: \(why)") }
    func failed(_ why: String) -> String { t("失败：\(why)", "failed: \(why)") }
    var readOnlyDefault: String { t("只读会话，不能修改", "read-only session: changes are not allowed") }
    var kioskRefusal: String { t("展示屏模式不能修改", "kiosk: changes are not allowed") }

    // Overlays
    var mutatingLegend: String { t("* 修改数据的按键（只读时不可用）", "* changes data (not in read-only sessions)") }
    var helpTitle: String { t("帮助：按键", "Help: keys") }
    func context(_ c: KeyContext) -> String {
        switch c {
        case .main: return t("主界面", "Main screen")
        case .detail: return t("任务详情", "Task detail")
        case .editor: return t("输入框", "Text entry")
        case .menu: return t("菜单", "Menus")
        case .conflict: return t("冲突提示", "Conflict")
        case .help: return t("帮助", "Help")
        }
    }
    var planListTitle: String { t("选择计划", "Plans") }
    func tooSmall(_ w: Int, _ h: Int, _ nw: Int, _ nh: Int) -> String {
        t("终端太小：当前 \(w)×\(h)，至少需要 \(nw)×\(nh)", "terminal too small: have \(w)×\(h), need \(nw)×\(nh)")
    }

    // Kiosk
    var overview: String { t("总览", "Overview") }
    func kioskPage(_ i: Int, _ n: Int) -> String { t("第 \(i)/\(n) 屏", "view \(i)/\(n)") }
}

/// The interface language; plan text is always shown as written.
public enum Language: String, Sendable, CaseIterable {
    case zh, en
}
