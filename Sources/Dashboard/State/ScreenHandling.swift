import FoundationEssentials
import PlanModel
import PlanReports

// Opening, moving in and leaving the full-screen views.
extension DashboardState {
    mutating func openAssessment() -> [Effect] {
        guard let p = plan else { return [] }
        screen = .assessment(nil, ListCursor())
        return [.loadAssessment(plan: p.id)]
    }

    /// The department under the cursor of the Departments pane; elsewhere the
    /// selected task's lead department.
    mutating func openDepartment(now: Date) -> [Effect] {
        guard let d = data else { return [] }
        var name: String?
        if focus == .departments, panes[.departments].cursor < d.rollup.workloads.count {
            name = d.rollup.workloads[panes[.departments].cursor].department
        } else if let k = currentTaskKey, let t = d.plan.task(k) {
            name = t.departments(.lead).first ?? t.assignments.first?.department
        }
        guard let name else {
            show(strings.noDepartmentSelected, .error, now)
            return []
        }
        return openDepartment(name)
    }

    mutating func openDepartment(_ name: String) -> [Effect] {
        screen = .department(name: name, nil, ListCursor())
        return [.loadDepartment(name)]
    }

    mutating func openIndicators() {
        guard plan != nil else { return }
        screen = .indicators(ListCursor())
    }

    var screenRowCount: Int {
        switch screen {
        case .assessment(let a, _): return a?.rows.count ?? 0
        case .department(_, let v, _): return v?.entries.count ?? 0
        case .indicators: return plan?.indicators.count ?? 0
        case .reporting(let b, _): return b.rowCount
        case .inbox: return inboxRequests.count
        case .myTasks: return myTaskKeys.count
        case .importPreview(let p, _): return p.map { $0.plan.tasks.count + $0.messages.count } ?? 0
        case nil: return 0
        }
    }

    /// The rows the open view's list occupies: drawing and scrolling share it.
    var screenListRect: Rect {
        let inner = layout.body.inner
        switch screen {
        case .indicators: return IndicatorsView.listRect(inner)
        default: return ScreenTable.listRect(inner)
        }
    }

    mutating func moveScreen(_ delta: Int) {
        guard var s = screen else { return }
        let n = screenRowCount
        var l = s.list
        l.cursor = clamp(l.cursor + delta, 0, n - 1)
        l.top = clampTop(l.top, cursor: l.cursor, count: n, visible: screenListRect.height)
        s.list = l
        screen = s
    }

    /// Enter in a report view: a ranking row opens that department across
    /// plans; a department row jumps to the task in its plan.
    mutating func activateScreen() -> [Effect] {
        switch screen {
        case .assessment(let a, let l):
            guard let a, l.cursor < a.rows.count else { return [] }
            return openDepartment(a.rows[l.cursor].department)
        case .department(_, let v, let l):
            guard let v, l.cursor < v.entries.count else { return [] }
            let e = v.entries[l.cursor]
            screen = nil
            detail = nil
            focus = .tasks
            if e.planID == plan?.id {
                select(task: e.key)
                return []
            }
            pendingTask = e.key
            return [.openPlan(e.planID)]
        case .reporting:
            return activateReporting()
        case .inbox, .myTasks:
            return activateReviewScreen()
        default:
            return []
        }
    }

    /// Shows a task in the Tasks pane, clearing filters that would hide it.
    mutating func select(task key: String) {
        guard let d = data, let i = d.plan.index(ofTask: key) else { return }
        if list.row(of: i) == nil {
            var q = TaskQuery()
            q.sort = query.sort
            setQuery(q)
        }
        selectedKey = key
        settleTops()
    }

    /// The open ranking follows the plan: reloaded when the plan changes.
    func screenReload() -> [Effect] {
        guard case .assessment = screen, let p = plan else { return [] }
        return [.loadAssessment(plan: p.id)]
    }

    mutating func installAssessment(_ a: Assessment) {
        guard case .assessment(_, var l) = screen, a.planID == plan?.id else { return }
        l.cursor = clamp(l.cursor, 0, a.rows.count - 1)
        screen = .assessment(a, l)
    }

    mutating func installDepartment(_ name: String, _ v: DepartmentAcrossPlans) {
        guard case .department(let n, _, var l) = screen, n == name else { return }
        l.cursor = clamp(l.cursor, 0, v.entries.count - 1)
        screen = .department(name: n, v, l)
    }

    // MARK: Indicator values

    mutating func openIndicatorEditor(now: Date) {
        guard let p = plan, case .indicators(let l) = screen, l.cursor < p.indicators.count else {
            show(strings.noIndicatorSelected, .error, now)
            return
        }
        let ind = p.indicators[l.cursor]
        let task = ind.taskKey ?? ""
        let probe = Edit.setIndicatorActual(id: ind.id, value: ind.actual)
        // The store's own access rule, asked before the user types anything.
        if let r = session.role.refusal(user: session.user, edit: probe, task: p.task(task), plan: p) {
            show(strings.refused(r.message), .error, now, seconds: 8)
            return
        }
        overlay = .entry(.indicator(ind.id), task: task, editor: LineEditor(ind.actual.map(NumberText.plain) ?? "", maxBytes: 24),
                         expected: p.currentValue(of: probe, task: task), error: nil)
    }
}
