import FoundationEssentials
import PlanModel
import TextWidth

/// A document read for import and not stored yet: what the office checks
/// against the paper before confirming.
public struct ImportPreviewData: Hashable, Sendable {
    public var path: String
    public var plan: Plan
    /// How the file was read, where the year came from: one line each.
    public var notes: [String]
    /// The importer's warnings, each naming its line.
    public var warnings: [String]
    /// Tasks imported although their department list was not read in full.
    public var unreadKeys: [String]

    public init(path: String, plan: Plan, notes: [String] = [], warnings: [String] = [], unreadKeys: [String] = []) {
        self.path = path
        self.plan = plan
        self.notes = notes
        self.warnings = warnings
        self.unreadKeys = unreadKeys
    }

    /// Lines listed under the tasks.
    var messages: [String] { notes + warnings }
}

// `i` asks for a file, the backend reads it, the preview shows every task;
// Enter stores it, Esc leaves the store as it was.
extension DashboardState {
    mutating func openImportPrompt(now: Date) {
        guard session.role == .office else {
            show(strings.refused(strings.importOfficeOnly), .error, now, seconds: 8)
            return
        }
        overlay = .entry(.importPath, task: "", editor: LineEditor("", maxBytes: 4096), expected: .null, error: nil)
    }

    mutating func previewImport(_ path: String) -> [Effect] {
        let p = path.trimmingWhitespace()
        overlay = nil
        guard !p.isEmpty else { return [] }
        screen = .importPreview(nil, ListCursor())
        return [.previewImport(path: p)]
    }

    mutating func confirmImport() -> [Effect] {
        guard case .importPreview(let preview?, _) = screen else { return [] }
        return [.importPlan(preview.plan)]
    }
}
