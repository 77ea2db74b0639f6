import FoundationEssentials
import PlanModel
import TextWidth

/// A note or feedback the detail view lists, by its position among the task's
/// records of its kind, with the text it shows (a correction's, if any).
struct DetailRecord: Hashable {
    var kind: ChangeKind
    var index: Int
    var text: String
    var withdrawn: Bool
}

// Selecting a note or feedback in the detail view, and the office correcting
// or withdrawing it; the store decides who may.
extension DashboardState {
    var detailRecords: [DetailRecord] {
        guard let d = detail else { return [] }
        return DetailView.records(self, d)
    }

    mutating func selectRecord(_ delta: Int, now: Date) {
        guard var d = detail else { return }
        let records = DetailView.records(self, d)
        guard !records.isEmpty else { show(strings.noRecords, .notice, now); return }
        let at = d.record.map { clamp($0 + delta, 0, records.count - 1) } ?? (delta > 0 ? 0 : records.count - 1)
        d.record = at
        let width = layout.body.width - 2, visible = layout.body.height - 2
        let lines = DetailView.lines(self, d, width: width)
        // Scrolled so the selected record's header and first line of text show.
        if let line = lines.firstIndex(where: { $0.record == at }), visible > 1 {
            if line < d.scroll { d.scroll = line - 1 } else if line + 1 >= d.scroll + visible { d.scroll = line + 2 - visible }
            d.scroll = clamp(d.scroll, 0, max(0, lines.count - visible))
        }
        detail = d
    }

    /// The selected record, or a notice saying to select one.
    private mutating func selectedRecord(now: Date) -> (String, DetailRecord)? {
        guard let d = detail, plan != nil else { return nil }
        let records = DetailView.records(self, d)
        guard let i = d.record, records.indices.contains(i) else {
            show(records.isEmpty ? strings.noRecords : strings.noRecordSelected, .error, now)
            return nil
        }
        return (d.task, records[i])
    }

    /// The store's own rule, asked before anything is typed.
    private func refusal(_ edit: Edit, task key: String) -> String? {
        guard let p = plan else { return nil }
        return session.role.refusal(user: session.user, edit: edit, task: p.task(key), plan: p).map { $0.text(lang) }
    }

    mutating func openCorrection(now: Date) {
        guard let (task, r) = selectedRecord(now: now) else { return }
        let probe = Edit.withdraw(Withdrawal(kind: r.kind.journalName, index: r.index, text: "-"))
        if let why = refusal(probe, task: task) { show(strings.refused(why), .error, now, seconds: 8); return }
        if r.withdrawn { show(strings.alreadyWithdrawn, .error, now); return }
        overlay = .entry(.correction(kind: r.kind.journalName, index: r.index), task: task,
                         editor: LineEditor(r.text, maxBytes: SupervisionLimits.textBytes), expected: .null, error: nil)
    }

    mutating func submitCorrection(_ kind: String, index: Int, task: String, editor ed: LineEditor) -> [Effect] {
        guard let p = plan else { overlay = nil; return [] }
        let text = ed.text.trimmingWhitespaceAndNewlines()
        guard !text.isEmpty else {
            overlay = .entry(.correction(kind: kind, index: index), task: task, editor: ed, expected: .null, error: strings.emptyCorrection)
            return []
        }
        overlay = nil
        let edit = Edit.withdraw(Withdrawal(kind: kind, index: index, text: text))
        return [.commit(plan: p.id, task: task, edit: edit, expected: p.currentValue(of: edit, task: task), force: false)]
    }

    mutating func withdrawSelected(now: Date) -> [Effect] {
        guard let p = plan, let (task, r) = selectedRecord(now: now) else { return [] }
        // Nothing typed, so the store alone decides (a unit withdraws only its own).
        let edit = Edit.withdraw(Withdrawal(kind: r.kind.journalName, index: r.index))
        return [.commit(plan: p.id, task: task, edit: edit, expected: p.currentValue(of: edit, task: task), force: false)]
    }
}
