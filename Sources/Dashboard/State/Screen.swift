import PlanModel
import PlanReports

/// A full-screen view that replaces the panes until Esc: the assessment
/// ranking, one department across plans, or the plan's indicators.
enum Screen {
    /// The ranking is nil until the backend has computed it.
    case assessment(Assessment?, ListCursor)
    case department(name: String, DepartmentAcrossPlans?, ListCursor)
    case indicators(ListCursor)
    /// The 报送 view of the plan's open (else latest) reporting round.
    case reporting(ReportingBoard, ListCursor)
    /// The office's 待办: pending closure and extension requests, oldest first.
    case inbox(ListCursor)
    /// A reporting unit's tasks, what it owes and what was returned.
    case myTasks(ListCursor)
    /// A document read but not stored yet; nil while it is being read.
    case importPreview(ImportPreviewData?, ListCursor)

    var context: KeyContext {
        if case .indicators = self { return .indicators }
        if case .reporting = self { return .reporting }
        if case .inbox = self { return .inbox }
        if case .myTasks = self { return .myTasks }
        if case .importPreview = self { return .importPreview }
        return .report
    }

    var list: ListCursor {
        get {
            switch self {
            case .assessment(_, let l), .department(_, _, let l), .indicators(let l), .reporting(_, let l), .importPreview(_, let l),
                 .inbox(let l), .myTasks(let l):
                return l
            }
        }
        set {
            switch self {
            case .assessment(let a, _): self = .assessment(a, newValue)
            case .department(let n, let v, _): self = .department(name: n, v, newValue)
            case .indicators: self = .indicators(newValue)
            case .reporting(let b, _): self = .reporting(b, newValue)
            case .inbox: self = .inbox(newValue)
            case .myTasks: self = .myTasks(newValue)
            case .importPreview(let p, _): self = .importPreview(p, newValue)
            }
        }
    }
}
