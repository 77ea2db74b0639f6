import PlanModel
import PlanReports
import ScreenKit
import TextWidth

/// The small modal boxes: status menu, value entries, conflict dialog, plan list.
enum Editors {
    /// A box of `w`×`h` centred in `body`, shrunk to fit.
    static func centered(_ body: Rect, width w: Int, height h: Int) -> Rect {
        let w = min(w, body.width), h = min(h, body.height)
        return Rect(row: body.row + (body.height - h) / 2, col: body.col + (body.width - w) / 2, width: w, height: h)
    }

    static func statusMenu(_ f: inout Frame, _ body: Rect, _ st: DashboardState, task: String, cursor: Int, glyphs g: Glyphs) {
        let s = st.strings
        let r = centered(body, width: 34, height: TaskStatus.allCases.count + 2)
        f.box(r, title: s.chooseStatus + " " + task, focused: true, glyphs: g, clear: true)
        let inner = r.inner
        let current = st.plan?.task(task)?.status
        for (i, status) in TaskStatus.allCases.enumerated() {
            let mark = status == current ? g.marker : " "
            f.put("\(i + 1) \(mark) " + s.status(status), in: inner, line: i, style: .of(status))
            if i == cursor { f.restyle(row: inner.row + i, col: inner.col, width: inner.width, style: .selected) }
        }
    }

    static func unitMenu(_ f: inout Frame, _ body: Rect, _ st: DashboardState, task: String, units: [String], cursor: Int, glyphs g: Glyphs) {
        let r = centered(body, width: 40, height: units.count + 2)
        f.box(r, title: st.strings.chooseUnit + " " + task, focused: true, glyphs: g, clear: true)
        let inner = r.inner
        let top = clampTop(0, cursor: cursor, count: units.count, visible: inner.height)
        for line in 0..<inner.height where top + line < units.count {
            f.put(units[top + line], in: inner, line: line, at: 1)
            if top + line == cursor { f.restyle(row: inner.row + line, col: inner.col, width: inner.width, style: .selected) }
        }
    }

    /// The formats the report in view can be written in, numbered.
    static func formatMenu(_ f: inout Frame, _ body: Rect, _ st: DashboardState, request: ReportRequest, cursor: Int, glyphs g: Glyphs) {
        let s = st.strings
        let r = centered(body, width: 40, height: request.formats.count + 2)
        f.box(r, title: s.writeReportTitle, focused: true, glyphs: g, clear: true)
        let inner = r.inner
        for (i, format) in request.formats.enumerated() {
            f.put("\(i + 1) \(format.rawValue)  " + s.formatName(format), in: inner, line: i, style: .normal)
            if i == cursor { f.restyle(row: inner.row + i, col: inner.col, width: inner.width, style: .selected) }
        }
    }

    /// A one-line entry box; puts the terminal cursor at the insertion point.
    static func entry(_ f: inout Frame, _ body: Rect, _ st: DashboardState, kind: EntryKind, task: String,
                      editor: LineEditor, error: String?, glyphs g: Glyphs) {
        let s = st.strings
        var prompt: String
        var subject = task
        switch kind {
        case .title: prompt = s.titlePrompt
        case .text: prompt = s.textPrompt
        case .assignments: prompt = s.assignmentsPrompt
        case .newTaskKey(let place):
            prompt = s.newTaskKeyPrompt
            if let p = st.plan, place.section < p.sections.count { subject = p.sections[place.section].number + "、" + p.sections[place.section].title }
        case .newTaskTitle: prompt = s.newTaskTitlePrompt
        case .newTaskAssignments: prompt = s.newTaskAssignmentsPrompt
        case .newTaskDue: prompt = s.newTaskDuePrompt
        case .progress: prompt = s.progressPrompt
        case .due: prompt = s.duePrompt
        case .note: prompt = s.notePrompt
        case .search: prompt = s.searchPrompt
        case .feedbackText(let d): prompt = s.feedbackPrompt(d)
        case .feedbackProgress(let d, _): prompt = s.feedbackProgressPrompt(d)
        case .reviewReason(_, _, let o): prompt = s.reasonPrompt(o)
        case .closureSummary(let d): prompt = s.closurePrompt(d)
        case .importPath: prompt = s.importPathPrompt
        case .correction(let k, let i): prompt = s.correctPrompt(s.recordName(ChangeKind.named(k) ?? .note), i + 1)
        case .indicator(let id):
            subject = id
            prompt = s.actualPrompt
            if let i = st.plan?.indicators.first(where: { $0.id == id }) { prompt += s.targetSuffix(IndicatorsView.target(i, ascii: st.ascii)) }
        }
        var wide = kind == .note
        if kind.editsPlan { wide = true }
        if case .feedbackText = kind { wide = true }
        if case .reviewReason = kind { wide = true }
        if case .closureSummary = kind { wide = true }
        if case .correction = kind { wide = true }
        let w = wide ? max(40, body.width * 3 / 4) : 44
        let r = centered(body, width: w, height: 5)
        f.box(r, title: prompt + " · " + subject, focused: true, glyphs: g, clear: true)
        let inner = r.inner
        guard inner.width > 0, inner.height > 0 else { return }
        let (text, col) = editor.view(width: inner.width)
        f.put(text, in: inner, line: 0)
        f.cursor = (inner.row, inner.col + col)
        if inner.height > 2, let error { f.put(error, in: inner, line: 2, style: .error) }
        var namesRoles = kind == .assignments
        if case .newTaskAssignments = kind { namesRoles = true }
        if inner.height > 2, error == nil, namesRoles { f.put(s.assignmentsHint, in: inner, line: 2, style: .dim) }
    }

    /// A task's full text, edited as a paragraph: its lines wrapped, the cursor's in view.
    static func paragraphEntry(_ f: inout Frame, _ body: Rect, _ st: DashboardState, task: String,
                               editor: LineEditor, error: String?, glyphs g: Glyphs) {
        let r = centered(body, width: max(40, body.width * 3 / 4), height: max(5, min(12, body.height - 2)))
        f.box(r, title: st.strings.textPrompt + " · " + task, focused: true, glyphs: g, clear: true)
        let inner = r.inner
        guard inner.width > 0, inner.height > 0 else { return }
        let v = editor.wrappedView(width: inner.width, height: max(1, inner.height - 2))
        for (i, l) in v.lines.enumerated() { f.put(l, in: inner, line: i) }
        f.cursor = (inner.row + v.cursorLine, inner.col + v.cursorColumn)
        if inner.height > 2, let error { f.put(error, in: inner, line: inner.height - 1, style: .error) }
    }

    /// The office's structure edits of a task, numbered.
    static func planEditMenu(_ f: inout Frame, _ body: Rect, _ st: DashboardState, task: String, cursor: Int, glyphs g: Glyphs) {
        let s = st.strings
        let items = PlanEditItem.allCases
        let r = centered(body, width: 44, height: items.count + 2)
        f.box(r, title: s.planEditTitle + (task.isEmpty ? "" : " · " + task), focused: true, glyphs: g, clear: true)
        let inner = r.inner
        for (i, item) in items.enumerated() where i < inner.height {
            f.put("\(i + 1) " + s.planEditItem(item), in: inner, line: i, at: 1, style: item == .removeTask ? .red : .normal)
            if i == cursor { f.restyle(row: inner.row + i, col: inner.col, width: inner.width, style: .selected) }
        }
    }

    /// Every department with the role it would have on the task; the last
    /// line counts those picked, or says what is wrong.
    static func assignmentPicker(_ f: inout Frame, _ body: Rect, _ st: DashboardState, _ p: AssignmentPicker, glyphs g: Glyphs) {
        let s = st.strings
        let r = centered(body, width: 56, height: p.departments.count + 3)
        f.box(r, title: s.assignmentsTitle + " · " + p.task, focused: true, glyphs: g, clear: true)
        let inner = r.inner
        guard inner.width > 4, inner.height > 1 else { return }
        let list = Rect(row: inner.row, col: inner.col, width: inner.width, height: inner.height - 1)
        let roleWidth = 20
        let top = clampTop(0, cursor: p.cursor, count: p.departments.count, visible: list.height)
        for line in 0..<list.height where top + line < p.departments.count {
            let i = top + line
            let role = p.roles[i]
            let mark = role != nil ? g.marker : " "
            f.put(mark + " " + p.departments[i].truncated(toWidth: max(0, list.width - roleWidth - 3)), in: list, line: line, at: 0,
                  style: role != nil ? .normal : .dim)
            let label = role.map { s.role($0) } ?? s.noRole
            f.put(label.truncated(toWidth: roleWidth), row: list.row + line, col: list.col + list.width - roleWidth, style: role == .lead ? .green : .normal,
                  maxWidth: roleWidth)
            if i == p.cursor { f.restyle(row: list.row + line, col: list.col, width: list.width, style: .selected) }
        }
        let last = inner.height - 1
        if let e = p.error {
            f.put(e, in: inner, line: last, style: .error)
        } else {
            f.put(s.pickedCount(p.assignments.count), in: inner, line: last, style: .dim)
        }
    }

    /// Removing a task, asked once more, with what stays in the journal.
    static func confirmRemove(_ f: inout Frame, _ body: Rect, _ st: DashboardState, task: String, glyphs g: Glyphs) {
        let s = st.strings
        let w = min(body.width, 60)
        var lines = s.confirmRemoveBody(task, st.plan?.task(task)?.title ?? "").wrapped(toWidth: max(1, w - 4))
        lines.append("")
        lines.append(s.confirmRemoveKeys)
        let r = centered(body, width: w, height: lines.count + 2)
        f.box(r, title: s.confirmRemoveTitle + " " + task, focused: true, glyphs: g, clear: true)
        for (i, l) in lines.enumerated() {
            f.put(l, in: r.inner, line: i, at: 1, style: i == lines.count - 1 ? .key : .normal)
        }
    }

    /// The search line replaces the footer, so the tasks stay visible while typing.
    static func searchLine(_ f: inout Frame, _ r: Rect, _ st: DashboardState, editor: LineEditor) {
        f.fill(row: r.row, col: r.col, width: r.width, height: 1, style: .footer)
        let prompt = st.strings.searchPrompt
        let x = f.put(prompt, row: r.row, col: r.col, style: .key, maxWidth: r.width)
        let w = r.col + r.width - x
        guard w > 0 else { return }
        let (text, col) = editor.view(width: w)
        f.put(text, row: r.row, col: x, style: .footer, maxWidth: w)
        f.cursor = (r.row, x + col)
    }

    static func conflict(_ f: inout Frame, _ body: Rect, _ st: DashboardState, _ c: Conflict, glyphs g: Glyphs) {
        let s = st.strings
        let w = min(body.width, 70)
        let current = DetailView.value(c.current, s)
        let text = s.conflictBody(field: c.field, task: c.task, current: current, user: c.by?.user, time: c.by?.clock)
        var lines = text.wrapped(toWidth: w - 4)
        lines.append(s.conflictYouSaw(DetailView.value(c.expected, s)))
        lines.append("")
        lines.append(Keymap.bindings(in: .conflict).map { $0.keys[0].label(asciiOnly: st.ascii) + " " + $0.description(st.lang) }
            .joined(separator: "   "))
        let r = centered(body, width: w, height: lines.count + 2)
        f.box(r, title: s.conflictTitle, focused: true, glyphs: g, clear: true)
        for (i, l) in lines.enumerated() {
            f.put(l, in: r.inner, line: i, at: 1, style: i == lines.count - 1 ? .key : .normal)
        }
    }

    /// The plans with their titles; the marker is on the row Enter opens
    /// (at first the open plan, whose title the header shows).
    static func planList(_ f: inout Frame, _ body: Rect, _ st: DashboardState, cursor: Int, glyphs g: Glyphs) {
        let s = st.strings
        let labels = st.planIDs.map { id -> String in
            var label = id
            if let t = st.planTitles[id], !t.isEmpty { label += "  " + t }
            return label
        }
        let widest = labels.map { $0.displayWidth + 2 }.max() ?? 0
        let r = centered(body, width: max(48, widest + 2), height: st.planIDs.count + 2)
        f.box(r, title: s.planListTitle, focused: true, glyphs: g, clear: true)
        let inner = r.inner
        let top = clampTop(0, cursor: cursor, count: st.planIDs.count, visible: inner.height)
        for line in 0..<inner.height where top + line < st.planIDs.count {
            let i = top + line
            let chosen = i == cursor
            f.put((chosen ? g.marker : " ") + " " + labels[i].truncated(toWidth: max(0, inner.width - 2)), in: inner, line: line,
                  style: chosen ? .selected : .normal)
            if chosen { f.restyle(row: inner.row + line, col: inner.col, width: inner.width, style: .selected) }
        }
    }
}
