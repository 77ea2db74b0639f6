import PlanModel
import PlanReports

/// What the reducer asks `DashboardApp` to do against the store. The reducer
/// itself never touches the backend, so it stays testable without one.
public enum Effect: Hashable, Sendable {
    /// Apply `edit` through the store. `expected` is the value the session saw
    /// (compare-and-swap); `force` overwrites after a conflict.
    case commit(plan: String, task: String, edit: Edit, expected: JSON, force: Bool)
    /// Undo this user's last change in the plan.
    case undo(plan: String)
    /// Record one chase of a department for what it owes now.
    case chase(plan: String, department: String)
    /// Load (or reload) a plan; answered with `.planLoaded`.
    case openPlan(String)
    /// Answered with `.history` for the task.
    case loadHistory(plan: String, task: String)
    /// Answered with `.assessment`: the ranking under the store's scoring rules.
    case loadAssessment(plan: String)
    /// Answered with `.department`: one department's tasks in every plan.
    case loadDepartment(String)
    /// Writes the report in view to a file; answered with `.written` or `.failed`.
    case writeReport(ReportRequest, ReportFormat)
    /// Answered with `.importPreview`: the document read, nothing stored.
    case previewImport(path: String)
    /// Stores a previewed plan; answered with `.imported`.
    case importPlan(Plan)
    /// Answered with `.planTitles`: the title of every plan, for the plan list.
    case loadPlanTitles
    case quit

    /// True for the effects that write to the store.
    public var changesData: Bool {
        switch self {
        case .commit, .undo, .chase, .importPlan: return true
        case .openPlan, .loadHistory, .loadAssessment, .loadDepartment, .loadPlanTitles, .writeReport, .previewImport, .quit: return false
        }
    }
}

/// What the app tells the reducer after running effects or watching the store.
public enum Feedback: Sendable {
    /// The store committed the entry. With no plan it follows what the
    /// dashboard holds, which applies it in place; with one, other sessions'
    /// entries came between and this is the plan read again.
    case committed(JournalEntry, Plan?)
    case undone(JournalEntry, Plan?)
    /// The value changed since the session read it; the dialog offers reload or overwrite.
    case conflict(Conflict, Edit)
    /// The access rules refused the change; the message says why.
    case refused(String)
    case failed(String)
    case planLoaded(Plan, Evaluation)
    /// Another session changed the open plan; the last entry names who and when.
    case planChanged(Plan, Evaluation, [JournalEntry])
    /// Another session's entries that follow what the dashboard holds, in
    /// order: applied in place. `announce` names who and when.
    case journalTail([JournalEntry], announce: JournalEntry?)
    case history(task: String, entries: [JournalEntry], notes: [Note])
    case assessment(Assessment)
    case department(name: String, DepartmentAcrossPlans)
    case importPreview(ImportPreviewData)
    /// The plan is in the store; `planIDs` are the store's plans now.
    case imported(Plan, planIDs: [String])
    /// Plan id → title, for the plan list.
    case planTitles([String: String])
    /// A report was written to this absolute path.
    case written(String)
}

/// The report a view stands for: the progress report on the main screen, the
/// ranking on the assessment screen, the department on its screen.
public enum ReportRequest: Hashable, Sendable {
    case progress(plan: String)
    case assessment(plan: String)
    case department(String)

    /// The formats offered for it, first the one offices circulate.
    public var formats: [ReportFormat] {
        switch self {
        case .progress: return [.docx, .xlsx, .md, .csv]
        case .assessment: return [.xlsx, .md, .csv, .txt]
        case .department: return [.xlsx, .csv]
        }
    }
}
