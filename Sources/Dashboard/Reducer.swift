import Foundation
import PlanModel

extension DashboardState {
    var layout: Layout { Layout(width: width, height: height, focus: focus) }

    /// The one dispatcher. Every key goes through the keymap here, and a mutating
    /// binding is refused here for read-only sessions, whatever the view.
    public mutating func handle(key: Key, now: Date) -> [Effect] {
        let effects = dispatch(key: key, now: now)
        // Whatever path produced it, no change leaves a read-only session.
        if session.readOnly, effects.contains(where: \.changesData) {
            overlay = nil
            refuseReadOnly(now)
            return effects.filter { !$0.changesData }
        }
        return effects
    }

    private mutating func refuseReadOnly(_ now: Date) {
        let why = session.readOnlyReason ?? (session.kiosk ? strings.kioskRefusal : strings.readOnlyDefault)
        show(strings.refused(why), .error, now)
    }

    private mutating func dispatch(key: Key, now: Date) -> [Effect] {
        let ctx = context
        guard let b = Keymap.binding(for: key, in: ctx) else {
            if ctx == .editor, case .char(let c) = key { editEntry { $0.insert(c) } }
            // Menus also take their item's number, as they show it.
            if case .statusMenu(let t, _, let e) = overlay, case .char(let c) = key,
               let n = c.wholeNumberValue, (1...TaskStatus.allCases.count).contains(n) {
                overlay = .statusMenu(task: t, cursor: n - 1, expected: e)
                return submit()
            }
            return []
        }
        if b.mutates && session.readOnly {
            refuseReadOnly(now)
            return []
        }
        return perform(b.action, now: now)
    }

    mutating func perform(_ a: Action, now: Date) -> [Effect] {
        switch a {
        case .quit:
            quitting = true
            return [.quit]
        case .help:
            overlay = .help(scroll: 0)
        case .planList:
            overlay = .planList(cursor: plan.flatMap { p in planIDs.firstIndex(of: p.id) } ?? 0)
        case .nextPane:
            focus = Pane(rawValue: (focus.rawValue + 1) % Pane.allCases.count)!
        case .previousPane:
            focus = Pane(rawValue: (focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!
        case .paneSections: focus = .sections
        case .paneTasks: focus = .tasks
        case .paneDepartments: focus = .departments
        case .paneCompletion: focus = .completion
        case .up: move(-1)
        case .down: move(1)
        case .pageUp: move(-page)
        case .pageDown: move(page)
        case .top: move(Int.min / 2)
        case .bottom: move(Int.max / 2)
        case .activate: return activate()
        case .back: detail = nil
        case .search:
            searchBefore = query.search
            overlay = .entry(.search, task: "", editor: LineEditor(query.search, maxBytes: 200), expected: .null, error: nil)
        case .clearFilters:
            var q = TaskQuery()
            q.sort = query.sort
            setQuery(q)
        case .cycleSort:
            let all = TaskSort.allCases
            var q = query
            q.sort = all[(all.firstIndex(of: q.sort)! + 1) % all.count]
            setQuery(q)
        case .cycleStatusFilter:
            var q = query
            q.status = cycle(q.status, TaskStatus.allCases)
            setQuery(q)
        case .cycleLightFilter:
            var q = query
            q.light = cycle(q.light, Light.allCases)
            setQuery(q)
        case .editStatus, .editProgress, .editDue, .addNote:
            openEditor(a, now: now)
        case .undo:
            if let p = plan { return [.undo(plan: p.id)] }
        case .reload:
            overlay = nil
            if let p = plan { show(strings.reloadRequested, .notice, now); return [.openPlan(p.id)] }
        case .overwrite:
            if case .conflict(let c, let edit) = overlay {
                overlay = nil
                return [.commit(plan: c.plan, task: c.task, edit: edit, expected: c.current, force: true)]
            }
        case .submit: return submit()
        case .cancel:
            if case .entry(.search, _, _, _, _) = overlay {
                var q = query
                q.search = searchBefore
                setQuery(q)
            }
            overlay = nil
        case .cursorLeft: editEntry { $0.moveLeft() }
        case .cursorRight: editEntry { $0.moveRight() }
        case .cursorHome: editEntry { $0.moveHome() }
        case .cursorEnd: editEntry { $0.moveEnd() }
        case .deleteBackward: editEntry { $0.deleteBackward() }
        case .deleteForward: editEntry { $0.deleteForward() }
        }
        return []
    }

    private func cycle<T: Equatable>(_ v: T?, _ all: [T]) -> T? {
        guard let v, let i = all.firstIndex(of: v) else { return all.first }
        return i + 1 < all.count ? all[i + 1] : nil
    }

    mutating func show(_ text: String, _ style: StyleRole, _ now: Date, seconds: Double = 5) {
        notice = Notice(text: text, style: style, until: now.addingTimeInterval(seconds))
    }

    // MARK: Moving

    private var page: Int {
        switch context {
        case .detail, .help: return max(1, layout.body.height - 3)
        case .menu: return 5
        default: return layout.pageSize(focus)
        }
    }

    mutating func move(_ delta: Int) {
        switch overlay {
        case .help(let s):
            let max = Swift.max(0, HelpOverlay.lines(self).count - (layout.body.height - 2))
            overlay = .help(scroll: clamp(s + delta, 0, max))
            return
        case .planList(let c):
            overlay = .planList(cursor: clamp(c + delta, 0, planIDs.count - 1))
            return
        case .statusMenu(let t, let c, let e):
            overlay = .statusMenu(task: t, cursor: clamp(c + delta, 0, TaskStatus.allCases.count - 1), expected: e)
            return
        case .entry, .conflict:
            return
        case nil:
            break
        }
        if var d = detail {
            let lines = DetailView.lines(self, d, width: layout.body.width - 2).count
            d.scroll = clamp(d.scroll + delta, 0, Swift.max(0, lines - (layout.body.height - 2)))
            detail = d
            return
        }
        moveCursor(focus, delta)
    }

    mutating func moveCursor(_ pane: Pane, _ delta: Int) {
        guard let d = data else { return }
        switch pane {
        case .tasks:
            let n = list.visible.count
            guard n > 0 else { return }
            let row = clamp((selectedRow ?? 0) + (selectedRow == nil && delta > 0 ? delta - 1 : delta), 0, n - 1)
            selectedKey = d.plan.tasks[list.visible[row]].key
        case .sections:
            sectionCursor = clamp(sectionCursor + delta, 0, d.sectionRows.count - 1)
        case .departments:
            departmentCursor = clamp(departmentCursor + delta, 0, d.rollup.workloads.count - 1)
        case .completion:
            overdueCursor = clamp(overdueCursor + delta, 0, d.overdue.count - 1)
        }
        settleTops()
    }

    /// Stores the scroll positions the views will draw, so scrolling is smooth.
    mutating func settleTops() {
        let l = layout
        tasksTop = top(.tasks, l)
        sectionsTop = top(.sections, l)
        departmentsTop = top(.departments, l)
        overdueTop = top(.completion, l)
    }

    /// The first row a pane shows: the stored one, moved just enough to keep
    /// the cursor visible. Drawing and mouse hit-testing both use this.
    func top(_ pane: Pane, _ l: Layout) -> Int {
        let h = l.listRect(pane)?.height ?? 0
        switch pane {
        case .tasks: return clampTop(tasksTop, cursor: selectedRow ?? 0, count: list.visible.count, visible: h)
        case .sections: return clampTop(sectionsTop, cursor: sectionCursor, count: data?.sectionRows.count ?? 0, visible: h)
        case .departments:
            return clampTop(departmentsTop, cursor: departmentCursor, count: data?.rollup.workloads.count ?? 0, visible: h)
        case .completion: return clampTop(overdueTop, cursor: overdueCursor, count: data?.overdue.count ?? 0, visible: h)
        }
    }

    // MARK: Activating and filtering

    private mutating func activate() -> [Effect] {
        guard let d = data else { return [] }
        switch focus {
        case .tasks, .completion:
            guard let key = currentTaskKey else { return [] }
            detail = DetailState(task: key)
            return [.loadHistory(plan: d.plan.id, task: key)]
        case .sections:
            guard sectionCursor < d.sectionRows.count else { return [] }
            let row = d.sectionRows[sectionCursor]
            var q = query
            if q.section == row.section && q.group == row.group {
                q.section = nil; q.group = nil
            } else {
                q.section = row.section; q.group = row.group
            }
            setQuery(q)
            focus = .tasks
        case .departments:
            guard departmentCursor < d.rollup.workloads.count else { return [] }
            let name = d.rollup.workloads[departmentCursor].department
            var q = query
            q.department = q.department == name ? nil : name
            setQuery(q)
            focus = .tasks
        }
        return []
    }

    mutating func setQuery(_ q: TaskQuery) {
        let oldRow = selectedRow
        query = q
        if let d = data { list.update(d, q) }
        keepSelection(oldRow: oldRow)
    }

    /// After the visible list changed: the same task if it is still shown,
    /// else the row it was on (or the first).
    mutating func keepSelection(oldRow: Int?) {
        guard let d = data else { selectedKey = nil; return }
        if selectedRow != nil { settleTops(); return }
        let v = list.visible
        if v.isEmpty { settleTops(); return }
        selectedKey = d.plan.tasks[v[clamp(oldRow ?? 0, 0, v.count - 1)]].key
        settleTops()
    }

    // MARK: Editing

    private mutating func openEditor(_ a: Action, now: Date) {
        guard let p = plan, let key = currentTaskKey, let t = p.task(key) else {
            show(strings.noTaskSelected, .error, now)
            return
        }
        // The store's own access rule, asked before the user types anything;
        // the store still decides at commit time.
        let probe: Edit = a == .editStatus ? .setStatus(t.status) : a == .editProgress ? .setProgress(t.progress)
            : a == .editDue ? .setDue(t.due) : .addNote(Note(time: "", user: session.user, text: "-"))
        if let r = session.role.refusal(user: session.user, edit: probe, task: t, plan: p) {
            show(strings.refused(r.message), .error, now, seconds: 8)
            return
        }
        switch a {
        case .editStatus:
            let e = p.currentValue(of: .setStatus(t.status), task: key)
            overlay = .statusMenu(task: key, cursor: TaskStatus.allCases.firstIndex(of: t.status) ?? 0, expected: e)
        case .editProgress:
            overlay = .entry(.progress, task: key, editor: LineEditor(String(t.progress), maxBytes: 3),
                             expected: p.currentValue(of: .setProgress(0), task: key), error: nil)
        case .editDue:
            overlay = .entry(.due, task: key, editor: LineEditor(t.due.description, maxBytes: 10),
                             expected: p.currentValue(of: .setDue(t.due), task: key), error: nil)
        default:
            let probe = Edit.addNote(Note(time: "", user: session.user, text: ""))
            overlay = .entry(.note, task: key, editor: LineEditor("", maxBytes: Limits.noteBytes),
                             expected: p.currentValue(of: probe, task: key), error: nil)
        }
    }

    private mutating func editEntry(_ body: (inout LineEditor) -> Void) {
        guard case .entry(let kind, let task, var ed, let exp, _) = overlay else { return }
        body(&ed)
        overlay = .entry(kind, task: task, editor: ed, expected: exp, error: nil)
        if kind == .search {
            var q = query
            q.search = ed.text
            setQuery(q)
        }
    }

    private mutating func submit() -> [Effect] {
        guard let p = plan else { overlay = nil; return [] }
        switch overlay {
        case .planList(let c):
            overlay = nil
            guard c < planIDs.count, planIDs[c] != p.id else { return [] }
            return [.openPlan(planIDs[c])]
        case .statusMenu(let task, let c, let expected):
            overlay = nil
            return [.commit(plan: p.id, task: task, edit: .setStatus(TaskStatus.allCases[c]), expected: expected, force: false)]
        case .entry(let kind, let task, let ed, let expected, _):
            let text = ed.text.trimmingCharacters(in: .whitespaces)
            let edit: Edit
            switch kind {
            case .search:
                overlay = nil
                return []
            case .progress:
                guard let n = Int(text), (0...100).contains(n) else {
                    overlay = .entry(kind, task: task, editor: ed, expected: expected, error: strings.badProgress)
                    return []
                }
                edit = .setProgress(n)
            case .due:
                guard let day = Day(text) else {
                    overlay = .entry(kind, task: task, editor: ed, expected: expected, error: strings.badDue)
                    return []
                }
                edit = .setDue(day)
            case .note:
                guard !text.isEmpty else {
                    overlay = .entry(kind, task: task, editor: ed, expected: expected, error: strings.emptyNote)
                    return []
                }
                var dept: String?
                if case .reporter(let ds) = session.role, let t = p.task(task) {
                    dept = ds.first { t.involves($0) } ?? ds.first
                }
                // The app stamps the time when it commits.
                edit = .addNote(Note(time: "", user: session.user, department: dept, text: text))
            }
            overlay = nil
            return [.commit(plan: p.id, task: task, edit: edit, expected: expected, force: false)]
        default:
            overlay = nil
            return []
        }
    }

    // MARK: Feedback from the store

    mutating func apply(_ fb: Feedback, now: Date) -> [Effect] {
        switch fb {
        case .committed(let e, let p):
            load(p, data?.rollup.evaluation)
            show(strings.saved(e.task, e.field), .notice, now)
            return historyReload()
        case .undone(let e, let p):
            load(p, data?.rollup.evaluation)
            show(strings.undone(e.task, e.field), .notice, now)
            return historyReload()
        case .conflict(let c, let edit):
            overlay = .conflict(c, edit)
        case .refused(let m):
            show(strings.refused(m), .error, now, seconds: 8)
        case .failed(let m):
            show(strings.failed(m), .error, now, seconds: 8)
        case .planLoaded(let p, let ev):
            if p.id != plan?.id {
                query = TaskQuery(); selectedKey = nil; detail = nil
                sectionCursor = 0; departmentCursor = 0; overdueCursor = 0
                tasksTop = 0; sectionsTop = 0; departmentsTop = 0; overdueTop = 0
            }
            load(p, ev)
            return historyReload()
        case .planChanged(let p, let ev, let entries):
            load(p, ev)
            if let last = entries.last {
                show(strings.changedBy(last.user, last.clock), .notice, now)
            } else {
                show(strings.planReplaced, .notice, now)
            }
            return historyReload()
        case .history(let task, let entries):
            if detail?.task == task { detail?.history = entries }
        }
        return []
    }

    private func historyReload() -> [Effect] {
        guard let d = detail, let p = plan else { return [] }
        return [.loadHistory(plan: p.id, task: d.task)]
    }

    /// Installs a (re)loaded plan: one rollup, one sort, one filter pass.
    mutating func load(_ p: Plan, _ ev: Evaluation?) {
        let oldRow = selectedRow
        let d = PlanData(p, ev ?? Evaluation(today: p.period.start))
        data = d
        if !planIDs.contains(p.id) { planIDs.append(p.id) }
        if let dep = query.department, d.rollup.workload(dep) == nil { query.department = nil }
        list = TaskList(d, query)
        sectionCursor = clamp(sectionCursor, 0, d.sectionRows.count - 1)
        departmentCursor = clamp(departmentCursor, 0, d.rollup.workloads.count - 1)
        overdueCursor = clamp(overdueCursor, 0, d.overdue.count - 1)
        keepSelection(oldRow: oldRow)
    }

    mutating func tick(now: Date) {
        if let n = notice, n.until <= now { notice = nil }
    }

    // MARK: Mouse

    mutating func click(row: Int, col: Int) -> [Effect] {
        guard overlay == nil, detail == nil else { return [] }
        let l = layout
        if let bar = l.tabBar, bar.contains(row: row, col: col) {
            for (pane, range) in TabBar.ranges(strings) where range.contains(col) { focus = pane }
            return []
        }
        for (pane, r) in l.panes where r.contains(row: row, col: col) {
            focus = pane
            if let lr = l.listRect(pane), lr.contains(row: row, col: col) {
                let target = top(pane, l) + row - lr.row
                // A click below the last row selects nothing.
                if target < rowCount(pane) { moveCursor(pane, target - cursor(pane)) }
            }
        }
        return []
    }

    mutating func scroll(row: Int, col: Int, by delta: Int) {
        if overlay != nil || detail != nil { move(delta); return }
        for (pane, r) in layout.panes where r.contains(row: row, col: col) { moveCursor(pane, delta) }
    }

    func rowCount(_ pane: Pane) -> Int {
        switch pane {
        case .tasks: return list.visible.count
        case .sections: return data?.sectionRows.count ?? 0
        case .departments: return data?.rollup.workloads.count ?? 0
        case .completion: return data?.overdue.count ?? 0
        }
    }

    func cursor(_ pane: Pane) -> Int {
        switch pane {
        case .tasks: return selectedRow ?? 0
        case .sections: return sectionCursor
        case .departments: return departmentCursor
        case .completion: return overdueCursor
        }
    }
}

func clamp(_ v: Int, _ lo: Int, _ hi: Int) -> Int { hi < lo ? lo : min(hi, max(lo, v)) }
