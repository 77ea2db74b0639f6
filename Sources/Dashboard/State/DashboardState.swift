import FoundationEssentials
import PlanModel
import ScreenKit

/// Which edit an entry box is collecting.
public enum EntryKind: Hashable, Sendable {
    case progress, due, note, search
    /// The actual value of the indicator with this id.
    case indicator(String)
    /// A unit's feedback text, then its own progress.
    case feedbackText(department: String)
    case feedbackProgress(department: String, text: String)
    /// Why the office returns a closure or refuses an extension.
    case reviewReason(kind: RequestKind, department: String, outcome: ReviewOutcome)
    /// A closure request's summary, for the unit applying.
    case closureSummary(department: String)
    /// The office's structure edits of the task: its title, its full text,
    /// its assignments as `部门:职责,…`.
    case title, text, assignments
    /// A new task in a section (and group): its key, its title, its assignments, its due date.
    case newTaskKey(NewTaskPlace)
    case newTaskTitle(NewTaskPlace, key: String)
    case newTaskAssignments(NewTaskPlace, key: String, title: String)
    case newTaskDue(NewTaskPlace, key: String, title: String, assignments: [Assignment])
    /// The path of a document to import.
    case importPath
    /// The office's corrected text of a task's note or feedback (by journal name and position).
    case correction(kind: String, index: Int)
}

/// A modal layer over the main screen or the detail view.
enum Overlay {
    case help(scroll: Int)
    case planList(cursor: Int)
    /// `expected` is the field's value when the menu opened: what the user saw.
    case statusMenu(task: String, cursor: Int, expected: JSON)
    case entry(EntryKind, task: String, editor: LineEditor, expected: JSON, error: String?)
    case conflict(Conflict, Edit)
    /// Which unit a feedback is filed for.
    case unitMenu(task: String, units: [String], cursor: Int)
    /// Which format to write the report in view to.
    case formatMenu(ReportRequest, cursor: Int)
    /// The office's structure edits of the task, numbered.
    case planEditMenu(task: String, cursor: Int)
    /// Removing the task, asked once more; `expected` is the task as the session saw it.
    case confirmRemove(task: String, expected: JSON)
    /// The task's departments and roles, picked from the plan's departments.
    case assignmentPicker(AssignmentPicker)

    var context: KeyContext {
        switch self {
        case .help: return .help
        case .planList, .statusMenu, .unitMenu, .formatMenu, .planEditMenu: return .menu
        case .confirmRemove: return .confirm
        case .entry: return .editor
        case .conflict: return .conflict
        case .assignmentPicker: return .picker
        }
    }
}

struct DetailState {
    var task: String
    /// The view it was opened from (the inbox, "my tasks"), where Esc returns.
    var from: Screen?
    var scroll = 0
    var history: [JournalEntry] = []
    /// Every note, read with the history; until then the plan's own.
    var notes: [Note]?
    /// The note or feedback selected (`DetailView.records`), to correct or withdraw.
    var record: Int?
}

/// A transient message in the footer.
struct Notice: Equatable {
    var text: String
    var style: StyleRole
    var until: Date
}

/// The whole UI state. Views read it; only the reducer changes it.
public struct DashboardState {
    var lang: Language
    var ascii: Bool
    var session: SessionInfo
    var planIDs: [String]
    /// Titles for the plan list, read when it first opens.
    var planTitles: [String: String] = [:]
    var data: PlanData?
    var list = TaskList()
    var query = TaskQuery()

    var focus: Pane = .tasks
    /// The selected task, held by key so reloads and re-sorts never move it.
    var selectedKey: String?
    /// Every pane's cursor and first visible row; views clamp the rows so the
    /// cursor is always on screen.
    var panes = PaneCursors()

    var detail: DetailState?
    /// A full-screen view over the panes (assessment, department, indicators).
    var screen: Screen?
    /// A task to select once its plan has loaded (a jump from another plan's view).
    var pendingTask: String?
    var overlay: Overlay?
    /// The search text before `/`, restored by Esc.
    var searchBefore = ""
    var notice: Notice?
    /// What the store noticed and carried on past (a stray or damaged file):
    /// counted in the header, each new one shown once in the footer.
    var storeWarnings: [String] = []
    var width = 80
    var height = 24
    var quitting = false
    /// Standing duties by department, from the roster, shown beside the
    /// department's tasks.
    var roster: DutyRoster?
    var successions: [String: String] = [:]
    /// A reporting unit's session starts on its "my tasks", once.
    var startScreenShown = false

    /// The duties of a department as the plan names it.
    func duties(of department: String) -> [String] {
        guard let roster else { return [] }
        let aliases = data?.plan.department(named: department)?.aliases ?? []
        return roster.duties(for: department, aliases: aliases, successions: successions)
    }

    var strings: Strings { Strings(lang) }

    init(session: SessionInfo, language: Language, ascii: Bool, planIDs: [String]) {
        self.session = session
        self.lang = language
        self.ascii = ascii
        self.planIDs = planIDs
    }

    var plan: Plan? { data?.plan }

    var context: KeyContext {
        if let o = overlay { return o.context }
        if let s = screen { return s.context }
        return detail != nil ? .detail : .main
    }

    /// Position of the selected task in the visible list.
    var selectedRow: Int? {
        guard let d = data, let k = selectedKey, let i = d.plan.index(ofTask: k) else { return nil }
        return list.row(of: i)
    }

    /// The task the edit keys act on.
    var currentTaskKey: String? {
        if let d = detail { return d.task }
        if focus == .completion, let d = data, panes[.completion].cursor < d.overdue.count {
            return d.plan.tasks[d.overdue[panes[.completion].cursor]].key
        }
        return selectedRow != nil ? selectedKey : nil
    }
}
