import PlanModel
import ScreenKit

/// Everything a key can ask the dashboard to do.
public enum Action: String, CaseIterable, Sendable {
    case quit, help, planList
    case nextPane, previousPane, paneSections, paneTasks, paneDepartments, paneCompletion
    case up, down, pageUp, pageDown, top, bottom
    case activate, back
    case search, clearFilters, cycleSort, cycleStatusFilter, cycleLightFilter
    case editStatus, editProgress, editDue, addNote, undo
    case assessment, departmentAcrossPlans, indicators, editIndicator, writeReport
    case importPlan, confirmImport
    /// The office's plan editing: a menu of the selected task's structure changes.
    case editPlan
    /// In the reassignment picker: the next or previous role, or typing the line instead.
    case nextRole, previousRole, typeAssignments
    /// Yes to removing the task (it cannot be undone, so only its own key says yes).
    case confirmRemoval
    case reload, overwrite
    case reporting, fileFeedback, chaseDepartment, sortByMissing, reportingByTask
    case inbox, myTasks, approveRequest, returnRequest, rejectRequest, applyClosure
    case nextRecord, previousRecord, correctRecord, withdrawRecord
    case submit, cancel, cursorLeft, cursorRight, cursorHome, cursorEnd, deleteBackward, deleteForward, clearEntry
}

/// Where a binding applies. Modal contexts take precedence over the screen's.
public enum KeyContext: String, CaseIterable, Sendable {
    case main, detail, editor, menu, conflict, help
    /// The assessment ranking and the department-across-plans view.
    case report
    case indicators
    /// The 报送 view.
    case reporting
    /// The 待办 inbox.
    case inbox
    /// The preview of a document about to be imported.
    case importPreview
    /// A reporting unit's "my tasks", where its sessions start.
    case myTasks
    /// The reassignment picker.
    case picker
    /// The question before removing a task.
    case confirm
}

/// One row of the keymap: the single source for dispatch, the help overlay and the footer.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var contexts: [KeyContext]
    /// True when the action changes data: refused in read-only and kiosk sessions.
    public var mutates: Bool
    /// Shown in the footer when its context is current.
    public var inFooter: Bool
    public var zh: String
    public var en: String
    /// Only the office may use it: left out of other sessions' footers.
    public var officeOnly = false

    public func description(_ l: Language) -> String { l == .zh ? zh : en }
}

public enum Keymap {
    public static let bindings: [KeyBinding] = {
        func b(_ keys: [Key], _ a: Action, _ c: [KeyContext], mutates: Bool = false, footer: Bool = false, office: Bool = false,
               _ zh: String, _ en: String) -> KeyBinding {
            KeyBinding(keys: keys, action: a, contexts: c, mutates: mutates, inFooter: footer, zh: zh, en: en, officeOnly: office)
        }
        let nav: [KeyContext] = [.main, .detail, .help, .report, .indicators, .reporting, .importPreview, .inbox, .myTasks]
        return [
            b([.char("q")], .quit, [.main], footer: true, "退出", "quit"),
            b([.char("?"), .function(1)], .help, [.main, .detail, .report, .indicators, .reporting, .importPreview, .inbox, .myTasks], footer: true, "帮助", "help"),
            b([.char("p")], .planList, [.main], "切换计划", "switch plan"),
            b([.tab], .nextPane, [.main], footer: true, "下一窗格", "next pane"),
            b([.backTab], .previousPane, [.main], "上一窗格", "previous pane"),
            b([.right, .char("l")], .nextPane, [.main], "右侧窗格", "pane to the right"),
            b([.left, .char("h")], .previousPane, [.main], "左侧窗格", "pane to the left"),
        ] + Pane.allCases.map { p in
            b([.char(Character(String(p.rawValue + 1)))], p.focusAction, [.main],
              Strings(.zh).pane(p) + "窗格", Strings(.en).pane(p) + " pane")
        } + [
            b([.up, .char("k")], .up, nav + [.menu, .picker], "上移", "up"),
            b([.down, .char("j")], .down, nav + [.menu, .picker], "下移", "down"),
            b([.pageUp, .ctrl("b")], .pageUp, nav + [.menu, .picker], "上一页", "page up"),
            b([.pageDown, .ctrl("f")], .pageDown, nav + [.menu, .picker], "下一页", "page down"),
            b([.char("g"), .home], .top, nav + [.menu, .picker], "到顶部", "first"),
            b([.char("G"), .end], .bottom, nav + [.menu, .picker], "到底部", "last"),
            b([.enter], .activate, [.main], footer: true, "详情 / 按所选筛选", "detail / filter by selection"),
            b([.escape, .char("q")], .back, [.detail, .report, .indicators, .reporting, .importPreview, .inbox], footer: true, "返回", "back"),
            b([.char("A")], .assessment, [.main], "考核排名", "assessment ranking"),
            b([.char("D")], .departmentAcrossPlans, [.main], "所选部门在各计划中的任务", "selected department across plans"),
            b([.char("I")], .indicators, [.main], "量化指标", "indicators"),
            b([.char("R")], .reporting, [.main], "报送情况（本轮）", "reporting round"),
            b([.enter], .activate, [.reporting], footer: true, "未报事项 / 任务详情", "items owed / task detail"),
            b([.char("f")], .fileFeedback, [.detail, .reporting], mutates: true, footer: true, "报送情况反馈", "file feedback"),
            b([.char("c")], .chaseDepartment, [.reporting], mutates: true, footer: true, "催办所选单位", "chase department"),
            // `c` clears the filters on the main screen; chasing from the Departments pane is `C`.
            b([.char("C")], .chaseDepartment, [.main], mutates: true, "催办部门窗格所选单位", "chase selected department"),
            b([.char("o")], .sortByMissing, [.reporting], footer: true, "按未报数排序", "sort by missing"),
            b([.char("v")], .reportingByTask, [.reporting], footer: true, "按单位 / 按任务", "by department / by task"),
            b([.char("T")], .inbox, [.main, .myTasks], "待办：待审核的申请", "inbox: requests awaiting review"),
            b([.char("M")], .myTasks, [.main, .myTasks], "我的任务", "my tasks"),
            b([.enter], .activate, [.inbox, .myTasks], footer: true, "任务详情", "task detail"),
            b([.char("a")], .applyClosure, [.myTasks], mutates: true, footer: true, "申请办结", "apply for closure"),
            b([.escape, .char("q")], .back, [.myTasks], footer: true, "全部任务", "whole plan"),
            b([.char("y")], .approveRequest, [.inbox], mutates: true, footer: true, "通过", "approve"),
            b([.char("x")], .returnRequest, [.inbox], mutates: true, footer: true, "退回", "return"),
            b([.char("z")], .rejectRequest, [.inbox], mutates: true, footer: true, "不予批准", "reject"),
            b([.char("a")], .applyClosure, [.main, .detail, .inbox], mutates: true, "申请办结", "apply for closure"),
            b([.char("W")], .writeReport, [.main, .report], "把报告写入文件", "write report to a file"),
            b([.enter], .activate, [.report], footer: true, "部门任务 / 跳到任务", "department / go to task"),
            b([.char("e"), .enter], .editIndicator, [.indicators], mutates: true, footer: true, "录入实际值", "record actual"),
            b([.char("i")], .importPlan, [.main], mutates: true, "导入计划文件（先预览）", "import a plan document (preview first)"),
            b([.char("E")], .editPlan, [.detail], mutates: true, footer: true, office: true, "编辑任务（办公室）", "edit task (office)"),
            b([.char("E")], .editPlan, [.main], mutates: true, office: true, "编辑任务（办公室）", "edit task (office)"),
            b([.enter, .char("y")], .confirmImport, [.importPreview], mutates: true, footer: true, "确认导入", "import it"),
            b([.char("/")], .search, [.main], footer: true, "搜索", "search"),
            b([.char("c")], .clearFilters, [.main], "清除筛选", "clear filters"),
            b([.char("o")], .cycleSort, [.main], "排序：编号/截止/进度/预警", "sort: key/due/progress/light"),
            b([.char("f")], .cycleStatusFilter, [.main], "按状态筛选", "filter by status"),
            b([.char("w")], .cycleLightFilter, [.main], "按预警灯筛选", "filter by light"),
            b([.char("s")], .editStatus, [.main, .detail], mutates: true, footer: true, "改状态", "status"),
            b([.char("e")], .editProgress, [.main, .detail], mutates: true, footer: true, "改进度", "progress"),
            b([.char("d")], .editDue, [.main, .detail], mutates: true, "改截止日期", "due date"),
            b([.char("n")], .addNote, [.main, .detail], mutates: true, footer: true, "添加备注", "note"),
            b([.char("u")], .undo, [.main, .detail, .inbox, .myTasks, .reporting], mutates: true, "撤销我的上次修改", "undo my last change"),
            b([.char("]")], .nextRecord, [.detail], "选下一条备注或反馈", "next note or feedback"),
            b([.char("[")], .previousRecord, [.detail], "选上一条备注或反馈", "previous note or feedback"),
            b([.char("C")], .correctRecord, [.detail], mutates: true, "更正所选（办公室）", "correct the selected (office)"),
            b([.char("X")], .withdrawRecord, [.detail], mutates: true, "撤回所选（办公室）", "withdraw the selected (office)"),
            b([.char("r")], .reload, [.conflict], footer: true, "重新载入（放弃我的修改）", "reload (drop my change)"),
            b([.char("o")], .overwrite, [.conflict], mutates: true, footer: true, "覆盖", "overwrite"),
            b([.char(" "), .right], .nextRole, [.picker], footer: true, "换职责", "next role"),
            b([.left], .previousRole, [.picker], "上一职责", "previous role"),
            b([.char("e")], .typeAssignments, [.picker], footer: true, "手工输入", "type them"),
            b([.char("y")], .confirmRemoval, [.confirm], mutates: true, footer: true, "删除任务", "remove the task"),
            b([.escape, .char("n")], .cancel, [.confirm], footer: true, "取消", "cancel"),
            b([.escape], .cancel, [.conflict, .editor, .menu, .help, .picker], footer: true, "取消", "cancel"),
            b([.char("q"), .char("?")], .cancel, [.help], "关闭帮助", "close help"),
            b([.enter], .submit, [.editor, .menu, .picker], footer: true, "确定", "submit"),
            b([.left], .cursorLeft, [.editor], "光标左移", "cursor left"),
            b([.right], .cursorRight, [.editor], "光标右移", "cursor right"),
            b([.home, .ctrl("a")], .cursorHome, [.editor], "行首", "start of line"),
            b([.end, .ctrl("e")], .cursorEnd, [.editor], "行尾", "end of line"),
            b([.backspace], .deleteBackward, [.editor], "删除前一字", "delete backward"),
            b([.delete, .ctrl("d")], .deleteForward, [.editor], "删除后一字", "delete forward"),
            b([.ctrl("u")], .clearEntry, [.editor], "清空输入", "clear the entry"),
        ]
    }()

    /// First binding wins within a context, so the table's order resolves overlaps.
    private static let table: [KeyContext: [Key: KeyBinding]] = {
        var t: [KeyContext: [Key: KeyBinding]] = [:]
        for bnd in bindings {
            for c in bnd.contexts {
                for k in bnd.keys where t[c]?[k] == nil { t[c, default: [:]][k] = bnd }
            }
        }
        return t
    }()

    public static func binding(for key: Key, in context: KeyContext) -> KeyBinding? {
        table[context]?[key]
    }

    public static func bindings(in context: KeyContext) -> [KeyBinding] {
        bindings.filter { $0.contexts.contains(context) }
    }
}

extension Key {
    /// How a key is written in help and the footer.
    public func label(asciiOnly: Bool = false) -> String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return asciiOnly ? "Up" : "↑"
        case .down: return asciiOnly ? "Down" : "↓"
        case .left: return asciiOnly ? "Left" : "←"
        case .right: return asciiOnly ? "Right" : "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .ctrl(let c): return "^" + String(c).uppercased()
        case .function(let n): return "F\(n)"
        }
    }
}
