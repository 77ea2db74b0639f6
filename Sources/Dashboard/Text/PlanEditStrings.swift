import PlanModel

/// The office's plan-editing menu, fields and questions, in both languages.
extension Strings {
    private func tr(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }

    var planEditTitle: String { tr("编辑任务（办公室）", "Edit task (office)") }
    func planEditItem(_ i: PlanEditItem) -> String {
        switch i {
        case .title: return tr("修改标题", "Edit title")
        case .text: return tr("修改正文", "Edit text")
        case .assignments: return tr("调整责任分工", "Reassign departments")
        case .due: return tr("设定截止日期（里程碑）", "Set due date (milestone)")
        case .addTask: return tr("在本分项新增任务", "Add a task to this section")
        case .removeTask: return tr("删除任务", "Remove task")
        }
    }
    var titlePrompt: String { tr("标题", "Title") }
    var textPrompt: String { tr("正文", "Text") }
    var assignmentsPrompt: String { tr("责任分工（部门:职责，…）", "Assignments (DEPT:ROLE, …)") }
    var assignmentsTitle: String { tr("责任分工", "Assignments") }
    var noRole: String { tr("—", "—") }
    func pickedCount(_ n: Int) -> String { tr("已选 \(n) 个单位 · e 手工输入", "\(n) picked · e to type them") }
    var assignmentsHint: String { tr("职责：牵头、配合、共同、实施", "roles: lead, cooperate, joint, implement") }
    var newTaskKeyPrompt: String { tr("新任务编号", "New task key") }
    var newTaskTitlePrompt: String { tr("新任务标题", "New task title") }
    var newTaskAssignmentsPrompt: String { tr("新任务责任分工（部门:职责，可留空）", "New task assignments (DEPT:ROLE, may be empty)") }
    var newTaskDuePrompt: String { tr("新任务截止日期（YYYY-MM-DD）", "New task due date (YYYY-MM-DD)") }
    var emptyTitle: String { tr("标题不能为空", "the title must not be empty") }
    var emptyText: String { tr("正文不能为空", "the text must not be empty") }
    var noAssignments: String { tr("至少需要一个部门:职责", "at least one DEPT:ROLE is needed") }
    var badTaskKey: String { tr("任务编号不能为空，也不能含空格", "a task key is needed, without spaces") }
    func taskExists(_ key: String) -> String { tr("计划中已有任务 \(key)", "task \(key) already exists in the plan") }
    func unknownDepartments(_ names: [String]) -> String {
        let list = names.joined(separator: "、")
        return tr("本计划中没有“\(list)”；确认新增请再按 Enter", "no \(list) in this plan yet: Enter again to add it")
    }
    var fieldTooLong: String { tr("已达最大长度", "at its maximum length") }
    var noSectionSelected: String { tr("未选择分项", "no section selected") }
    var confirmRemoveTitle: String { tr("删除任务", "Remove task") }
    func confirmRemoveBody(_ key: String, _ title: String) -> String {
        tr("删除任务 \(key)“\(title)”？任务连同备注保留在修改记录（duban log）中。",
           "Remove task \(key) \"\(title)\"? The task stays in the journal (duban log), notes included.")
    }
    var confirmRemoveKeys: String { tr("y 删除（不可撤销）   Esc 取消", "y remove (cannot be undone)   Esc cancel") }
    func taskAdded(_ key: String) -> String { tr("已新增任务 \(key)", "task \(key) added") }
    func taskRemoved(_ key: String) -> String { tr("已删除任务 \(key)", "task \(key) removed") }
}
