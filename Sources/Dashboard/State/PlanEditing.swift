import FoundationEssentials
import PlanModel
import TextWidth

/// The items of the office's plan-editing menu, in the order it numbers them.
enum PlanEditItem: Int, CaseIterable {
    case title, text, assignments, due, addTask, removeTask
}

/// Where a task added from the dashboard goes.
public struct NewTaskPlace: Hashable, Sendable {
    public var section: Int
    public var group: Int?
}

extension EntryKind {
    /// Kinds whose text keeps its line breaks (a pasted paragraph stays one).
    var keepsLineBreaks: Bool { self == .note || self == .text }

    /// The office's plan-editing fields.
    var editsPlan: Bool {
        switch self {
        case .title, .text, .assignments, .newTaskKey, .newTaskTitle, .newTaskAssignments, .newTaskDue: return true
        default: return false
        }
    }
}

/// Longest texts the plan-editing fields take, in UTF-8 bytes.
enum PlanEditLimits {
    static let titleBytes = 1000
    static let textBytes = 16_000
    static let assignmentsBytes = 4000
    static let keyBytes = 32
}

// The office's plan editing from the dashboard: the same edits `duban edit`
// commits, through the same store path, which decides access at commit.
extension DashboardState {
    /// E: the menu of structure edits for the selected task, after asking the
    /// store's rule (a reporter or viewer is refused before choosing anything).
    mutating func openPlanEditMenu(now: Date) {
        guard let p = plan else { return }
        let key = currentTaskKey ?? ""
        if let why = editRefusal(.setTitle("-"), task: key, p) {
            show(strings.refused(why), .error, now, seconds: 8)
            return
        }
        guard p.task(key) != nil || newTaskPlace != nil else {
            show(strings.noTaskSelected, .error, now)
            return
        }
        overlay = .planEditMenu(task: key, cursor: 0)
    }

    /// Where a task added now goes: the section (or group) under the cursor
    /// of the Sections pane, else the selected task's.
    var newTaskPlace: NewTaskPlace? {
        guard let d = data, !d.plan.sections.isEmpty else { return nil }
        if detail == nil, focus == .sections, panes[.sections].cursor < d.sectionRows.count {
            let row = d.sectionRows[panes[.sections].cursor]
            return NewTaskPlace(section: row.section, group: row.group)
        }
        if let k = currentTaskKey, let t = d.plan.task(k) { return NewTaskPlace(section: t.section, group: t.group) }
        return nil
    }

    /// Opens the editor of the chosen item, filled with what the task holds now.
    mutating func choosePlanEdit(_ item: PlanEditItem, task key: String, now: Date) -> [Effect] {
        overlay = nil
        guard let p = plan else { return [] }
        if item == .addTask {
            guard let place = newTaskPlace else { show(strings.noSectionSelected, .error, now); return [] }
            let probe = Edit.addTask(p.newTask(key: "-", section: place.section, title: "-"))
            if let why = editRefusal(probe, task: "", p) { show(strings.refused(why), .error, now, seconds: 8); return [] }
            overlay = .entry(.newTaskKey(place), task: "", editor: LineEditor(p.nextTaskKey(section: place.section), maxBytes: PlanEditLimits.keyBytes),
                             expected: .null, error: nil)
            return []
        }
        guard let t = p.task(key) else { show(strings.noTaskSelected, .error, now); return [] }
        let probe: Edit
        switch item {
        case .title: probe = .setTitle(t.title)
        case .text: probe = .setText(t.text)
        case .assignments: probe = .setAssignments(t.assignments)
        case .due: probe = .setDue(t.due)
        case .removeTask, .addTask: probe = .removeTask
        }
        if let why = editRefusal(probe, task: key, p) { show(strings.refused(why), .error, now, seconds: 8); return [] }
        let expected = p.currentValue(of: probe, task: key)
        switch item {
        case .title:
            overlay = .entry(.title, task: key, editor: LineEditor(t.title, maxBytes: PlanEditLimits.titleBytes), expected: expected, error: nil)
        case .text:
            overlay = .entry(.text, task: key, editor: LineEditor(t.text, maxBytes: PlanEditLimits.textBytes), expected: expected, error: nil)
        case .assignments:
            let workloads = data?.rollup.workloads ?? []
            let others = workloads.map(\.department) + p.departments.map(\.name)
            let collectives = Set(workloads.filter(\.collective).map(\.department))
            overlay = .assignmentPicker(AssignmentPicker(task: t, others: others, collectives: collectives, expected: expected))
        case .due:
            overlay = .entry(.due, task: key, editor: LineEditor(t.due.description, maxBytes: 10), expected: expected, error: nil)
        case .removeTask:
            overlay = .confirmRemove(task: key, expected: expected)
        case .addTask:
            break
        }
        return []
    }

    /// Enter in a plan-editing field: the edit, or the next field of a new
    /// task, or the field again with what is wrong with it.
    /// `shown` is the message the field shows now: a warning about a
    /// department the plan does not name is answered by Enter again.
    mutating func submitPlanEdit(_ kind: EntryKind, task key: String, editor ed: LineEditor, expected: JSON, shown: String?) -> [Effect] {
        guard let p = plan else { overlay = nil; return [] }
        let text = kind.keepsLineBreaks ? ed.text.trimmingWhitespaceAndNewlines() : ed.text.trimmingWhitespace()
        func again(_ error: String) -> [Effect] {
            overlay = .entry(kind, task: key, editor: ed, expected: expected, error: error)
            return []
        }
        /// A name the plan does not know is more often a slip than a new department: asked once.
        func unknownWarning(_ a: [Assignment]) -> String? {
            let known = Set(data?.rollup.workloads.map(\.department) ?? [])
            let unknown = a.map(\.department).filter { !known.contains($0) && p.department(named: $0) == nil }
            guard !unknown.isEmpty else { return nil }
            let warning = strings.unknownDepartments(unknown)
            return warning == shown ? nil : warning
        }
        let edit: Edit
        var target = key
        switch kind {
        case .title:
            guard !text.isEmpty else { return again(strings.emptyTitle) }
            edit = .setTitle(text)
        case .text:
            guard !text.isEmpty else { return again(strings.emptyText) }
            edit = .setText(text)
        case .assignments:
            do {
                let a = try AssignmentList.parse(text, keeping: p.task(key)?.assignments ?? [])
                guard !a.isEmpty else { return again(strings.noAssignments) }
                if let w = unknownWarning(a) { return again(w) }
                edit = .setAssignments(a)
            } catch { return again(error.text(lang)) }
        case .newTaskKey(let place):
            guard !text.isEmpty, !text.contains(where: \.isWhitespace) else { return again(strings.badTaskKey) }
            guard p.task(text) == nil else { return again(strings.taskExists(text)) }
            overlay = .entry(.newTaskTitle(place, key: text), task: text, editor: LineEditor("", maxBytes: PlanEditLimits.titleBytes),
                             expected: .null, error: nil)
            return []
        case .newTaskTitle(let place, let newKey):
            guard !text.isEmpty else { return again(strings.emptyTitle) }
            overlay = .entry(.newTaskAssignments(place, key: newKey, title: text), task: newKey,
                             editor: LineEditor("", maxBytes: PlanEditLimits.assignmentsBytes), expected: .null, error: nil)
            return []
        case .newTaskAssignments(let place, let newKey, let title):
            let a: [Assignment]
            do { a = try AssignmentList.parse(text) } catch { return again(error.text(lang)) }
            if let w = unknownWarning(a) { return again(w) }
            overlay = .entry(.newTaskDue(place, key: newKey, title: title, assignments: a), task: newKey,
                             editor: LineEditor(p.period.end.description, maxBytes: 10), expected: .null, error: nil)
            return []
        case .newTaskDue(let place, let newKey, let title, let a):
            guard let due = Day(text) else { return again(strings.badDue) }
            edit = .addTask(p.newTask(key: newKey, section: place.section, group: place.group, title: title, assignments: a, due: due))
            target = newKey
        default:
            overlay = nil
            return []
        }
        overlay = nil
        // Nothing changed: nothing to journal.
        if edit.kind.scope == .taskField && edit.newValue == expected { return [] }
        return [.commit(plan: p.id, task: target, edit: edit, expected: expected, force: false)]
    }

    /// Enter in the picker: the assignments as picked.
    mutating func submitPicker(_ picker: AssignmentPicker) -> [Effect] {
        guard let p = plan else { overlay = nil; return [] }
        let a = picker.assignments
        guard !a.isEmpty else {
            var again = picker
            again.error = strings.noAssignments
            overlay = .assignmentPicker(again)
            return []
        }
        overlay = nil
        let edit = Edit.setAssignments(a)
        if edit.newValue == picker.expected { return [] }
        return [.commit(plan: p.id, task: picker.task, edit: edit, expected: picker.expected, force: false)]
    }

    /// e in the picker: the same assignments as a line to type (a department the plan does not name yet).
    mutating func typeAssignments() {
        guard case .assignmentPicker(let picker) = overlay else { return }
        overlay = .entry(.assignments, task: picker.task,
                         editor: LineEditor(AssignmentList.format(picker.assignments, lang), maxBytes: PlanEditLimits.assignmentsBytes),
                         expected: picker.expected, error: nil)
    }

    /// y or Enter on the removal question.
    mutating func confirmRemoval(task key: String, expected: JSON) -> [Effect] {
        overlay = nil
        guard let p = plan else { return [] }
        return [.commit(plan: p.id, task: key, edit: .removeTask, expected: expected, force: false)]
    }

    /// After a task was added or removed: the new task selected (its detail
    /// shown if a detail was), a removed one's detail closed, and said so.
    mutating func followStructureChange(_ e: JournalEntry, now: Date) {
        guard e.field == Edit.removeTask.field else { return }
        if e.new.isNull {
            if detail?.task == e.task { detail = nil }
            show(strings.taskRemoved(e.task), .notice, now)
        } else if plan?.task(e.task) != nil {
            select(task: e.task)
            if detail != nil { detail = DetailState(task: e.task) }
            show(strings.taskAdded(e.task), .notice, now)
        }
    }

    /// The store's own rule, asked before the user types anything; the store decides again at commit.
    private func editRefusal(_ edit: Edit, task key: String, _ p: Plan) -> String? {
        session.role.refusal(user: session.user, edit: edit, task: p.task(key), plan: p).map { $0.text(lang) }
    }
}
