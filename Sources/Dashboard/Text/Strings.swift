import PlanModel
import PlanReports
import ScreenKit

/// Every string of the interface, in both languages. Labels that other
/// surfaces show too (roles, statuses, lights, column words) come from the
/// shared `Vocabulary`; the phrases here belong to the dashboard and kiosk.
/// Plan text never passes through here: it is shown as written.
struct Strings {
    let lang: Language
    let v: Vocabulary
    init(_ lang: Language) { self.lang = lang; v = Vocabulary(lang) }

    private func t(_ zh: String, _ en: String) -> String { v.pick(zh, en) }

    var appName: String { t("督办", "Duban") }
    /// Between a label and its value: full width in Chinese text.
    var colon: String { v.colon }

    func pane(_ p: Pane) -> String {
        switch p {
        case .sections: return t(v.section, "Sections")
        case .tasks: return t(v.tasks, "Tasks")
        case .departments: return t(v.department, "Departments")
        case .completion: return t("完成情况", "Completion")
        }
    }

    /// Fits a six-column table cell.
    func statusShort(_ s: TaskStatus) -> String { v.statusNarrow(s) }
    func status(_ s: TaskStatus) -> String { v.status(s) }
    func light(_ l: Light) -> String { v.light(l) }
    func role(_ r: Role) -> String { v.role(r) }

    func sort(_ s: TaskSort) -> String {
        switch s {
        case .key: return v.key
        case .due: return v.due
        case .progress: return v.progress
        case .light: return lightWord
        }
    }

    /// A journal field as the table of changes labels it; an unknown one as written.
    func field(_ f: String) -> String {
        guard let label = (try? ChangeField(journal: f))?.label else { return f }
        return t(label.zh, label.en)
    }

    // Header
    var complete: String { t("完成", "complete") }
    var readOnlyBadge: String { t("只读", "READ-ONLY") }
    var kioskBadge: String { t("展示屏", "KIOSK") }
    /// The header's mark while the store reports problems it carried on past.
    func storeWarnings(_ n: Int) -> String { t("存储警告 \(n) 条", n == 1 ? "1 store warning" : "\(n) store warnings") }
    func storeWarning(_ text: String) -> String { t("存储警告：\(text)", "store warning: \(text)") }
    var reportsFor: String { t("报送：", "reports for: ") }
    func changedBy(_ user: String, _ time: String) -> String {
        t("已由 \(user) 于 \(time) 更新", "changed by \(user) at \(time)")
    }
    func lastUpdated(_ time: String, _ user: String) -> String {
        t("最后更新 \(time) · \(user)", "last updated \(time) by \(user)")
    }

    // Columns
    var colKey: String { v.heading(v.key) }
    var colTitle: String { t("任务", "Title") }
    var colLead: String { v.heading(v.role(.lead)) }
    var colStatus: String { v.heading(v.statusWord) }
    var colProgress: String { t("进度", "Prog") }
    var colDue: String { v.heading(v.due) }
    var colDepartment: String { v.heading(v.department) }
    var colLeadShort: String { v.roleInitial(.lead) }
    var colCoopShort: String { v.roleInitial(.cooperate) }
    var colJointShort: String { v.roleInitial(.joint) }
    /// The one-character heading of a role's count column.
    func roleColumn(_ r: Role) -> String { v.roleInitial(r) }
    /// Before the unit shown in the lead column of a task with no lead (each
    /// unit answers for its part): the role's initial, 共· for a joint task.
    func noLeadMark(_ r: Role) -> String { v.roleInitial(r) + "·" }
    /// After the first of several units in a table cell.
    var andOthers: String { t("等", "+") }
    var colDoneShort: String { t("完", "D") }
    var colOverdueShort: String { t("逾", "O") }
    /// Chases received (催办), beside the counts of the Departments pane.
    var colChasedShort: String { t("催", "Ch") }

    // Completion
    var byStatus: String { t("状态分布", "By status") }
    var bySection: String { v.bySection }
    var overdue: String { t("逾期任务", "Overdue") }
    var noOverdue: String { t("无逾期任务", "nothing overdue") }
    var overall: String { t("总体", "Overall") }
    var noTasksMatch: String { t("没有符合条件的任务", "no tasks match") }
    var noTasks: String { t("无任务", "no tasks") }

    // Filters
    var department: String { v.department }
    var statusWord: String { v.statusWord }
    var lightWord: String { v.lightWord }
    var sectionWord: String { v.section }
    var searchWord: String { t("搜索", "search") }
    var sortWord: String { t("排序", "sort") }

    // Detail
    func taskHeading(_ key: String) -> String { t("任务 \(key)", "Task \(key)") }
    var assignments: String { t("责任分工", "Assignments") }
    var due: String { v.heading(v.due) }
    var statusLabel: String { v.heading(v.statusWord) }
    var progressLabel: String { v.heading(v.progress) }
    var notes: String { v.heading(v.notes) }
    var history: String { t("修改记录", "History") }
    var none: String { v.none }
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
    var pasteIgnored: String { t("已忽略粘贴：没有打开的输入框", "paste ignored: no entry is open") }
    var pasteMultiline: String { t("此处只能输入一行，粘贴的内容有多行", "one line only: the paste has line breaks") }
    var pasteTooLong: String { t("粘贴的内容超出此处的长度上限", "the paste is too long for this field") }
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
        t("已保存：", "saved: ") + what(task, field)
    }
    var reopenedSuffix: String { t("（任务已重新打开）", " (the task is open again)") }
    func undone(_ task: String, _ field: String) -> String {
        t("已撤销：", "undone: ") + what(task, field)
    }
    /// `1.1 进度`; a plan-level change (a goal's indicator) has no task.
    private func what(_ task: String, _ field: String) -> String {
        task.isEmpty ? self.field(field) : task + " " + self.field(field)
    }
    func roleName(_ r: AccessRole) -> String { v.accessRole(r) }
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
        case .report: return t("考核排名 / 部门任务", "Assessment / department views")
        case .indicators: return t("量化指标", "Indicators")
        case .reporting: return t("报送情况", "Reporting round")
        case .inbox: return t("待办", "Inbox")
        case .myTasks: return t("我的任务", "My tasks")
        case .picker: return t("选择责任分工", "Assignment picker")
        case .confirm: return t("删除确认", "Removal question")
        case .importPreview: return t("导入预览", "Import preview")
        }
    }
    var planListTitle: String { t("选择计划", "Plans") }
    var writeReportTitle: String { t("写入文件", "Write to a file") }
    func written(_ path: String) -> String { t("已写入 \(path)", "Written to \(path)") }
    func formatName(_ f: ReportFormat) -> String {
        switch f {
        case .docx: return t("Word 公文", "Word document")
        case .xlsx: return t("Excel 工作簿", "Excel workbook")
        case .md: return t("Markdown", "Markdown")
        case .csv: return t("CSV 表格", "CSV table")
        case .txt: return t("纯文本", "plain text")
        }
    }
    func tooSmall(_ w: Int, _ h: Int, _ nw: Int, _ nh: Int) -> String {
        t("终端太小：当前 \(w)×\(h)，至少需要 \(nw)×\(nh)", "terminal too small: have \(w)×\(h), need \(nw)×\(nh)")
    }

    // Assessment
    var assessmentTitle: String { t("考核排名", "Assessment") }
    var colRank: String { v.heading(v.rank) }
    var colTasks: String { v.heading(v.tasks) }
    var colTask: String { v.heading(v.task) }
    // Four-column cells: the narrow English forms of the report's words.
    var colOnTime: String { t(v.doneOnTime, "On time") }
    var colLate: String { t(v.doneLate, "Late") }
    var colExtended: String { t("延期完成", "Extended") }
    var colReturns: String { t("退回", "Returns") }
    var colActive: String { t(v.statusShort(.inProgress), "Active") }
    var colNotStarted: String { t(v.statusShort(.notStarted), "To do") }
    var colOverdue: String { v.heading(v.overdue) }
    var colScore: String { v.heading(v.score) }
    var colGrade: String { v.heading(v.grade) }
    func assessmentSummary(_ day: Day, units: Int, grades: [(String, Int)]) -> String {
        let g = grades.map { "\($0.0) \($0.1)" }.joined(separator: "  ")
        return t("评价日期 \(day) · \(units) 个单位 · \(g)", "as of \(day) · \(units) assignees · \(g)")
    }
    var computing: String { t("正在计算…", "computing…") }
    var nothingToRank: String { t("没有可评分的单位", "no assignee to score") }

    // Department across plans
    func departmentTitle(_ names: [String]) -> String {
        t("部门任务：", "Department: ") + names.joined(separator: " = ")
    }
    func departmentSummary(tasks: Int, plans: Int) -> String {
        t("共 \(tasks) 项任务，分布于 \(plans) 个计划", "\(tasks) tasks in \(plans) plans")
    }
    var colPlan: String { v.heading(v.plan) }
    var colName: String { v.heading(v.name) }
    var colRole: String { v.heading(v.roleWord) }
    var colLight: String { t(v.lightShort, "L") }
    func roleShort(_ r: Role) -> String { v.roleShort(r) }
    var noDepartmentTasks: String { t("该部门在各计划中均无任务", "no tasks for this department in any plan") }
    var noDepartmentSelected: String { t("未选择部门", "no department selected") }
    var dutiesLabel: String { t("职责：", "Duties: ") }
    func dutiesCount(_ n: Int) -> String { t("职责 \(n) 条（D 查看）", "\(n) duties (D shows them)") }

    // Importing a document
    var importPathPrompt: String { t("导入文件路径", "File to import") }
    var importOfficeOnly: String { t("只有办公室用户可以导入计划", "only office users may import a plan") }
    var importReading: String { t("正在读取…", "reading…") }
    func importTitle(_ title: String) -> String { t("导入预览：\(title)", "Import preview: \(title)") }
    func importSummary(tasks: Int, warnings: Int, unread: Int) -> String {
        t("\(tasks) 项任务，\(warnings) 条警告" + (unread > 0 ? "，\(unread) 项任务的责任单位未能完整读出" : "") + "；Enter 确认导入，Esc 取消",
          "\(tasks) tasks, \(warnings) warning(s)" + (unread > 0 ? ", \(unread) without a fully read department list" : "") + "; Enter imports, Esc cancels")
    }
    var colOthers: String { t("其他责任单位", "Others") }
    func imported(_ id: String, tasks: Int) -> String { t("已导入 \(id)（\(tasks) 项任务）", "imported \(id) (\(tasks) tasks)") }

    // Indicators
    var indicatorsTitle: String { t("量化指标", "Indicators") }
    func indicatorsSummary(total: Int, recorded: Int, met: Int) -> String {
        t("共 \(total) 项指标 · 已录入 \(recorded) 项 · 达标 \(met) 项",
          "\(total) indicators · \(recorded) recorded · \(met) met")
    }
    var colID: String { v.upper(v.id) }
    var colIndicator: String { v.heading(v.indicator) }
    var colTarget: String { v.heading(v.target) }
    var colActual: String { v.heading(v.actual) }
    var colMet: String { v.heading(v.metWord) }
    var goalTask: String { v.goal }
    func met(_ m: Bool?) -> String { v.met(m) }
    var sourceLabel: String { t("出处：", "Source: ") }
    var noIndicators: String { t("本计划没有量化指标", "this plan has no indicators") }
    var noIndicatorSelected: String { t("未选择指标", "no indicator selected") }
    var actualPrompt: String { t("实际值", "Actual value") }
    func targetSuffix(_ target: String) -> String { t("（目标 \(target)）", " (target \(target))") }
    var badIndicator: String { t("请输入数值，如 97.5；留空则清除", "enter a number such as 97.5; empty clears it") }

    // Kiosk
    var overview: String { t("总览", "Overview") }
    func kioskPage(_ i: Int, _ n: Int) -> String { t("第 \(i)/\(n) 屏", "view \(i)/\(n)") }
    func kioskPlan(_ i: Int, _ n: Int) -> String { t("计划 \(i)/\(n)", "plan \(i)/\(n)") }
}
