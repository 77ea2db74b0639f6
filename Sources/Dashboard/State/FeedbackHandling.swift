import FoundationEssentials
import PlanModel
import PlanReports

// Results from the store, folded back into the state.
extension DashboardState {
    mutating func apply(_ fb: Feedback, now: Date) -> [Effect] {
        switch fb {
        case .committed(let e, let p):
            // Lowering a done task's progress reopens it: say so, the status changed too.
            let wasDone = plan?.task(e.task)?.status == .done
            if let p { load(p, data?.rollup.evaluation) } else if !applyInPlace([e]) { return reloadPlan() }
            let reopened = (try? ChangeField(journal: e.field))?.kind == .progress
                && wasDone && plan?.task(e.task).map { $0.status != .done } == true
            refreshReporting()
            show(strings.saved(e.task, e.field) + (reopened ? strings.reopenedSuffix : ""), .notice, now)
            followStructureChange(e, now: now)
            return historyReload() + screenReload()
        case .undone(let e, let p):
            if let p { load(p, data?.rollup.evaluation) } else if !applyInPlace([e]) { return reloadPlan() }
            refreshReporting()
            show(strings.undone(e.task, e.field), .notice, now)
            return historyReload() + screenReload()
        case .journalTail(let entries, let by):
            guard applyInPlace(entries) else { return reloadPlan() }
            // The 报送 counts follow every unit's filing as it lands.
            refreshReporting()
            if let by { show(strings.changedBy(by.user, by.clock), .notice, now) }
            return historyReload() + screenReload()
        case .conflict(let c, let edit):
            overlay = .conflict(c, edit)
        case .refused(let m):
            show(strings.refused(m), .error, now, seconds: 8)
        case .written(let path):
            show(strings.written(path), .notice, now, seconds: 10)
        case .failed(let m):
            show(strings.failed(m), .error, now, seconds: 8)
            // A ranking that could not be computed is not left showing "computing".
            if case .assessment(nil, _) = screen { screen = nil }
            if case .importPreview(nil, _) = screen { screen = nil }
            pendingTask = nil
        case .planLoaded(let p, let ev):
            if p.id != plan?.id {
                query = TaskQuery(); selectedKey = nil; detail = nil; screen = nil
                panes = PaneCursors()
            }
            load(p, ev)
            // A reporting unit starts on what it answers for; the office and viewers on the whole plan.
            if !startScreenShown {
                startScreenShown = true
                if case .reporter = session.role, !session.kiosk { screen = .myTasks(ListCursor()) }
            }
            if let k = pendingTask {
                pendingTask = nil
                select(task: k)
            }
            return historyReload()
        case .planChanged(let p, let ev, let entries):
            load(p, ev)
            // The 报送 counts follow every unit's filing as it lands.
            refreshReporting()
            if let last = entries.last {
                show(strings.changedBy(last.user, last.clock), .notice, now)
            } else {
                show(strings.planReplaced, .notice, now)
            }
            return historyReload() + screenReload()
        case .history(let task, let entries, let notes):
            if detail?.task == task { detail?.history = entries; detail?.notes = notes }
        case .assessment(let a):
            installAssessment(a)
        case .department(let name, let v):
            installDepartment(name, v)
        case .planTitles(let titles):
            planTitles.merge(titles) { _, new in new }
        case .importPreview(let preview):
            if case .importPreview(nil, let l) = screen { screen = .importPreview(preview, l) }
        case .imported(let p, let ids):
            planIDs = ids
            screen = nil
            show(strings.imported(p.id, tasks: p.tasks.count), .notice, now, seconds: 8)
            return [.openPlan(p.id)]
        }
        return []
    }

    /// Applies committed entries to the plan held and what is derived from
    /// it, instead of reading and deriving the whole plan again. False, with
    /// the entries that applied kept, when one does not apply.
    mutating func applyInPlace(_ entries: [JournalEntry]) -> Bool {
        guard data != nil else { return false }
        let oldRow = selectedRow
        var listChanged = false, countsChanged = false
        for e in entries {
            guard var d = data, d.plan.id == e.plan else { return false }
            // Taken out while it changes: a second reference would copy every task.
            data = nil
            let applied: PlanData.Applied
            do { applied = try d.apply(e) } catch { data = d; return false }
            data = d
            switch applied {
            case .sameTasks: break
            case .taskCounts:
                countsChanged = true
                // Key order lists every task whatever its status; other orders and filters may move it.
                if query.sort != .key || query.status != nil || query.light != nil { listChanged = true }
            case .rederived: listChanged = true; countsChanged = true
            }
        }
        if let d = data, countsChanged {
            if let dep = query.department, d.rollup.workload(dep) == nil { query.department = nil; listChanged = true }
            if listChanged { list = TaskList(d, query) }
            for pane in Pane.allCases where pane != .tasks {
                panes[pane].cursor = clamp(panes[pane].cursor, 0, rowCount(pane) - 1)
            }
        }
        keepSelection(oldRow: oldRow)
        return true
    }

    /// The plan read again, when what it holds cannot be brought up to date.
    func reloadPlan() -> [Effect] {
        plan.map { [.openPlan($0.id)] } ?? []
    }

    func historyReload() -> [Effect] {
        guard let d = detail, let p = plan else { return [] }
        return [.loadHistory(plan: p.id, task: d.task)]
    }

    /// Installs a (re)loaded plan: one rollup, one sort, one filter pass.
    mutating func load(_ p: Plan, _ ev: Evaluation?) {
        let oldRow = selectedRow
        let d = PlanData(p, ev ?? Evaluation(today: p.period.start))
        data = d
        if !planIDs.contains(p.id) { planIDs.append(p.id) }
        planTitles[p.id] = p.title
        if let dep = query.department, d.rollup.workload(dep) == nil { query.department = nil }
        list = TaskList(d, query)
        for pane in Pane.allCases where pane != .tasks {
            panes[pane].cursor = clamp(panes[pane].cursor, 0, rowCount(pane) - 1)
        }
        keepSelection(oldRow: oldRow)
    }

    mutating func tick(now: Date) {
        if let n = notice, n.until <= now { notice = nil }
    }
}
