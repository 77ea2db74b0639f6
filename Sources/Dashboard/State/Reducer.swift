import FoundationEssentials
import PlanModel
import ScreenKit

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
        // A viewer of a writable store hears the store's own rule.
        let viewer = session.role == .viewer && !session.kiosk
            ? AccessRole.viewer.refusal(user: session.user, edit: .removeTask, task: nil, plan: plan)?.text(lang) : nil
        let why = session.readOnlyReason ?? viewer ?? (session.kiosk ? strings.kioskRefusal : strings.readOnlyDefault)
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
                return submit(now: now)
            }
            if case .formatMenu(let r, _) = overlay, case .char(let c) = key,
               let n = c.wholeNumberValue, (1...r.formats.count).contains(n) {
                overlay = .formatMenu(r, cursor: n - 1)
                return submit(now: now)
            }
            if case .planEditMenu(let t, _) = overlay, case .char(let c) = key,
               let n = c.wholeNumberValue, (1...PlanEditItem.allCases.count).contains(n) {
                overlay = .planEditMenu(task: t, cursor: n - 1)
                return submit(now: now)
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
            if planIDs.contains(where: { planTitles[$0] == nil }) { return [.loadPlanTitles] }
        case .nextPane:
            focus = Pane(rawValue: (focus.rawValue + 1) % Pane.allCases.count)!
        case .previousPane:
            focus = Pane(rawValue: (focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!
        case .paneSections, .paneTasks, .paneDepartments, .paneCompletion:
            focus = Pane(focusAction: a) ?? focus
        case .up: move(-1)
        case .down: move(1)
        case .pageUp: move(-page)
        case .pageDown: move(page)
        case .top: move(Int.min / 2)
        case .bottom: move(Int.max / 2)
        case .activate: return screen != nil ? activateScreen() : activate()
        case .back:
            if case .reporting = screen { backFromReporting() } else if screen != nil { screen = nil } else {
                // A detail opened from the inbox or "my tasks" returns there.
                screen = detail?.from
                detail = nil
            }
        case .assessment: return openAssessment()
        case .departmentAcrossPlans: return openDepartment(now: now)
        case .indicators: openIndicators()
        case .reporting: openReporting(now: now)
        case .inbox: openInbox()
        case .myTasks: openMyTasks()
        case .approveRequest: return approveSelected(now: now)
        case .returnRequest: decideSelected(.returned, now: now)
        case .rejectRequest: decideSelected(.rejected, now: now)
        case .applyClosure: openClosureRequest(now: now)
        case .nextRecord: selectRecord(1, now: now)
        case .previousRecord: selectRecord(-1, now: now)
        case .correctRecord: openCorrection(now: now)
        case .withdrawRecord: return withdrawSelected(now: now)
        case .fileFeedback: openFeedback(now: now)
        case .chaseDepartment: return chaseSelected(now: now)
        case .sortByMissing: toggleReportingSort()
        case .reportingByTask: toggleReportingTasks()
        case .writeReport: openFormatMenu(now: now)
        case .editIndicator: openIndicatorEditor(now: now)
        case .importPlan: openImportPrompt(now: now)
        case .confirmImport: return confirmImport()
        case .editPlan: openPlanEditMenu(now: now)
        case .nextRole, .previousRole:
            if case .assignmentPicker(var p) = overlay { p.cycle(a == .nextRole ? 1 : -1); overlay = .assignmentPicker(p) }
        case .typeAssignments: typeAssignments()
        case .confirmRemoval:
            if case .confirmRemove(let task, let expected) = overlay { return confirmRemoval(task: task, expected: expected) }
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
        case .submit: return submit(now: now)
        case .cancel:
            if case .entry(.search, _, _, _, _) = overlay {
                var q = query
                q.search = searchBefore
                setQuery(q)
            }
            overlay = nil
        case .cursorLeft: editEntry { $0.moveLeft(); return true }
        case .cursorRight: editEntry { $0.moveRight(); return true }
        case .cursorHome: editEntry { $0.moveHome(); return true }
        case .cursorEnd: editEntry { $0.moveEnd(); return true }
        case .deleteBackward: editEntry { $0.deleteBackward(); return true }
        case .deleteForward: editEntry { $0.deleteForward(); return true }
        case .clearEntry: editEntry { $0.clear(); return true }
        }
        return []
    }

    private func cycle<T: Equatable>(_ v: T?, _ all: [T]) -> T? {
        guard let v, let i = all.firstIndex(of: v) else { return all.first }
        return i + 1 < all.count ? all[i + 1] : nil
    }

    /// The report in view: a kiosk writes no files.
    mutating func openFormatMenu(now: Date) {
        if session.kiosk {
            show(strings.refused(strings.kioskRefusal), .error, now)
            return
        }
        let request: ReportRequest
        switch screen {
        case .assessment(_, _): request = .assessment(plan: plan?.id ?? "")
        case .department(let name, _, _): request = .department(name)
        default: request = .progress(plan: plan?.id ?? "")
        }
        if case .progress(let id) = request, id.isEmpty { return }
        if case .assessment(let id) = request, id.isEmpty { return }
        overlay = .formatMenu(request, cursor: 0)
    }

    mutating func show(_ text: String, _ style: StyleRole, _ now: Date, seconds: Double = 5) {
        notice = Notice(text: text, style: style, until: now.addingTimeInterval(seconds))
    }
}

func clamp(_ v: Int, _ lo: Int, _ hi: Int) -> Int { hi < lo ? lo : min(hi, max(lo, v)) }
