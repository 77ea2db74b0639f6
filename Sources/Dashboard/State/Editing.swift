import FoundationEssentials
import PlanModel
import TextWidth

// Opening editors and turning what the user entered into store edits.
extension DashboardState {
    mutating func openEditor(_ a: Action, now: Date) {
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
            overlay = .entry(.progress, task: key, editor: LineEditor(String(t.effectiveProgress), maxBytes: 3),
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

    /// `body` returns false when it refused the change (the text is full).
    mutating func editEntry(_ body: (inout LineEditor) -> Bool) {
        guard case .entry(let kind, let task, var ed, let exp, _) = overlay else { return }
        let ok = body(&ed)
        overlay = .entry(kind, task: task, editor: ed, expected: exp,
                         error: ok ? nil : kind == .note ? strings.noteTooLong : kind.editsPlan ? strings.fieldTooLong : nil)
        if kind == .search {
            var q = query
            q.search = ed.text
            setQuery(q)
        }
    }

    mutating func submit(now: Date) -> [Effect] {
        // The plan list works with no plan open (the first one failed to load).
        if case .planList(let c) = overlay {
            overlay = nil
            guard c < planIDs.count, planIDs[c] != plan?.id else { return [] }
            return [.openPlan(planIDs[c])]
        }
        if case .formatMenu(let r, let c) = overlay {
            overlay = nil
            return [.writeReport(r, r.formats[c])]
        }
        if case .entry(.importPath, _, let ed, _, _) = overlay {
            return previewImport(ed.text)
        }
        guard let p = plan else { overlay = nil; return [] }
        if case .planEditMenu(let task, let c) = overlay {
            return choosePlanEdit(PlanEditItem(rawValue: c) ?? .title, task: task, now: now)
        }
        if case .assignmentPicker(let picker) = overlay { return submitPicker(picker) }
        if case .unitMenu(let task, let units, let c) = overlay {
            openFeedbackText(task: task, department: units[c])
            return []
        }
        if case .entry(let kind, let task, let ed, let expected, let shown) = overlay {
            switch kind {
            case .title, .text, .assignments, .newTaskKey, .newTaskTitle, .newTaskAssignments, .newTaskDue:
                return submitPlanEdit(kind, task: task, editor: ed, expected: expected, shown: shown)
            case .feedbackText, .feedbackProgress: return submitFeedback(kind, task: task, editor: ed)
            case .reviewReason, .closureSummary: return submitReview(kind, task: task, editor: ed)
            case .correction(let k, let i): return submitCorrection(k, index: i, task: task, editor: ed)
            default: break
            }
        }
        switch overlay {
        case .statusMenu(let task, let c, let expected):
            overlay = nil
            return [.commit(plan: p.id, task: task, edit: .setStatus(TaskStatus.allCases[c]), expected: expected, force: false)]
        case .entry(let kind, let task, let ed, let expected, _):
            // A note keeps the line breaks inside it (pasted paragraphs), not at
            // its ends; other entries lose spaces and tabs at either end.
            let text = kind == .note ? ed.text.trimmingWhitespaceAndNewlines() : ed.text.trimmingWhitespace()
            let edit: Edit
            switch kind {
            case .search, .feedbackText, .feedbackProgress, .importPath, .reviewReason, .closureSummary, .correction:
                overlay = nil
                return []
            case .title, .text, .assignments, .newTaskKey, .newTaskTitle, .newTaskAssignments, .newTaskDue:
                overlay = nil
                return []
            case .indicator(let id):
                // Empty clears the recorded value.
                let v = p.indicators.first { $0.id == id }?.parseValue(text)
                guard text.isEmpty || v != nil else {
                    overlay = .entry(kind, task: task, editor: ed, expected: expected, error: strings.badIndicator)
                    return []
                }
                edit = .setIndicatorActual(id: id, value: text.isEmpty ? nil : v)
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
                // The store stamps the time, the user and a reporter's department when it commits.
                edit = .addNote(Note(time: "", user: session.user, text: text))
            }
            overlay = nil
            return [.commit(plan: p.id, task: task, edit: edit, expected: expected, force: false)]
        default:
            overlay = nil
            return []
        }
    }
}
