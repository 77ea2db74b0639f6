import FoundationEssentials
import PlanModel
import TextWidth

// The 报送 view: opening it, moving between its lists, chasing a department,
// and filing feedback on a task.
extension DashboardState {
    mutating func openReporting(now: Date) {
        guard let p = plan else { return }
        let board = ReportingBoard(plan: p)
        guard board.round != nil else {
            show(strings.noRound, .error, now)
            return
        }
        screen = .reporting(board, ListCursor())
    }

    /// Recomputed from the plan as it now stands, keeping the mode and cursor.
    mutating func refreshReporting() {
        guard case .reporting(let old, var l) = screen, let p = plan else { return }
        let board = ReportingBoard(plan: p, mode: old.mode, sortByMissing: old.sortByMissing)
        l.cursor = clamp(l.cursor, 0, board.rowCount - 1)
        screen = .reporting(board, l)
    }

    mutating func toggleReportingSort() {
        guard case .reporting(var b, var l) = screen, b.mode == .departments else { return }
        let current = b.department(at: l.cursor)
        b.sortByMissing.toggle()
        b.sortRows()
        l.cursor = current.flatMap { d in b.departmentRows.firstIndex { $0.department == d } } ?? 0
        screen = .reporting(b, l)
    }

    mutating func toggleReportingTasks() {
        guard case .reporting(var b, _) = screen else { return }
        b.mode = b.mode == .tasks ? .departments : .tasks
        if b.mode == .tasks, let p = plan { b.listOwed(p) }
        screen = .reporting(b, ListCursor())
    }

    /// Enter: a department lists what it owes; a task opens its detail.
    mutating func activateReporting() -> [Effect] {
        guard case .reporting(var b, let l) = screen else { return [] }
        if b.mode == .departments, let d = b.department(at: l.cursor) {
            if let p = plan { b.listOwed(p) }
            b.mode = .owedBy(d)
            screen = .reporting(b, ListCursor())
            return []
        }
        guard let key = b.task(at: l.cursor) else { return [] }
        screen = nil
        focus = .tasks
        select(task: key)
        detail = DetailState(task: key)
        return historyReload()
    }

    /// Esc from a department's items goes back to the departments.
    mutating func backFromReporting() {
        guard case .reporting(var b, _) = screen, case .owedBy(let d) = b.mode else {
            screen = nil
            return
        }
        b.mode = .departments
        screen = .reporting(b, ListCursor(cursor: b.departmentRows.firstIndex { $0.department == d } ?? 0))
    }

    /// The department a chase goes to: the row under the cursor in the 报送
    /// view, else the one selected in the Departments pane (not a collective body).
    var departmentToChase: String? {
        if case .reporting(let b, let l) = screen { return b.department(at: l.cursor) }
        guard screen == nil, detail == nil, focus == .departments, let d = data else { return nil }
        let ws = d.rollup.workloads, i = cursor(.departments)
        guard i < ws.count, !ws[i].collective else { return nil }
        return d.canonicalName(ws[i].department)
    }

    /// `c` in the 报送 view, `C` on the Departments pane: one chase of the
    /// selected department, office only (the store decides).
    mutating func chaseSelected(now: Date) -> [Effect] {
        guard let p = plan, let d = data, let dept = departmentToChase else {
            show(strings.noDepartmentSelected, .error, now)
            return []
        }
        let probe = Edit.addChase(Chase(department: dept, date: d.rollup.evaluation.today, reply: d.rollup.evaluation.today, items: []))
        if let r = session.role.refusal(user: session.user, edit: probe, task: nil, plan: p) {
            show(strings.refused(lang == .zh ? (r.zh ?? r.message) : r.message), .error, now, seconds: 8)
            return []
        }
        let ev = d.rollup.evaluation
        guard !p.owedItems(today: ev.today, dueSoonDays: ev.dueSoonDays, department: dept).isEmpty else {
            show(strings.nothingToChase(dept), .notice, now)
            return []
        }
        return [.chase(plan: p.id, department: dept)]
    }

    /// `f`: feedback on the current task; the office first chooses the unit.
    mutating func openFeedback(now: Date) {
        guard let p = plan else { return }
        var key = currentTaskKey
        var preset: String?
        if case .reporting(let b, let l) = screen {
            key = b.task(at: l.cursor)
            if case .owedBy(let d) = b.mode { preset = d }
        }
        guard let key, let t = p.task(key) else {
            show(strings.noTaskSelected, .error, now)
            return
        }
        let units = p.reportingUnits(of: t)
        switch session.role {
        case .office:
            if let preset { openFeedbackText(task: key, department: preset) } else {
                guard !units.isEmpty else { show(strings.noUnits, .error, now); return }
                overlay = .unitMenu(task: key, units: units, cursor: 0)
            }
        case .reporter(let deps):
            let mine = deps.map { p.department(named: $0)?.name ?? $0 }.filter { units.contains($0) }
            let probe = Edit.addFeedback(UnitFeedback(task: key, department: mine.first ?? deps.first ?? "", text: "-"))
            if let r = session.role.refusal(user: session.user, edit: probe, task: t, plan: p) {
                show(strings.refused(lang == .zh ? (r.zh ?? r.message) : r.message), .error, now, seconds: 8)
                return
            }
            if mine.count > 1 { overlay = .unitMenu(task: key, units: mine, cursor: 0) } else { openFeedbackText(task: key, department: mine[0]) }
        case .viewer:
            show(strings.refused(strings.readOnlyDefault), .error, now)
        }
    }

    mutating func openFeedbackText(task: String, department: String) {
        overlay = .entry(.feedbackText(department: department), task: task,
                         editor: LineEditor("", maxBytes: SupervisionLimits.textBytes), expected: .null, error: nil)
    }

    /// After the text, the unit's own progress (empty: not stated).
    mutating func submitFeedback(_ kind: EntryKind, task: String, editor ed: LineEditor) -> [Effect] {
        guard let p = plan else { overlay = nil; return [] }
        let text = ed.text.trimmingWhitespace()
        switch kind {
        case .feedbackText(let dept):
            guard !text.isEmpty else {
                overlay = .entry(kind, task: task, editor: ed, expected: .null, error: strings.emptyFeedback)
                return []
            }
            overlay = .entry(.feedbackProgress(department: dept, text: text), task: task,
                             editor: LineEditor("", maxBytes: 3), expected: .null, error: nil)
            return []
        case .feedbackProgress(let dept, let body):
            var progress: Int?
            if !text.isEmpty {
                guard let n = Int(text), (0...100).contains(n) else {
                    overlay = .entry(kind, task: task, editor: ed, expected: .null, error: strings.badProgress)
                    return []
                }
                progress = n
            }
            overlay = nil
            let edit = Edit.addFeedback(UnitFeedback(task: task, department: dept, text: body, progress: progress))
            return [.commit(plan: p.id, task: task, edit: edit, expected: p.currentValue(of: edit, task: task), force: false)]
        default:
            overlay = nil
            return []
        }
    }
}
