import PlanModel

/// One row of the Sections tree: a section, or a group inside it.
public struct SectionRow: Hashable, Sendable {
    public var section: Int
    public var group: Int?
}

/// Everything derived from one loaded plan, computed once per (re)load so
/// keystrokes never walk the whole plan again; a committed change is applied
/// in place (`apply`).
struct PlanData {
    private(set) var plan: Plan
    private(set) var rollup: Rollup
    /// Tallies per section, per group.
    private(set) var groupTallies: [[Tally]]
    let sectionRows: [SectionRow]
    /// Overdue task indices, earliest due first.
    private(set) var overdue: [Int]
    /// Rank of each task by its key read as numbers (`3.2` before `3.13`);
    /// ties keep document order.
    let keyOrder: [Int]
    /// Task indices in that order.
    let byKey: [Int]
    private(set) var columns: TaskColumns
    let departments: DepartmentTable
    /// Display widths of nine titles in ten and of the widest list of lead
    /// units (or, with no lead, the first responsible unit and its mark): the
    /// task table gives title columns no title uses to the units. Collective
    /// assignees (…各成员单位) do not widen it; their cell shows how it starts.
    let titleWidth: Int
    let widestUnits: Int
    /// Chases received per department (canonical name) and per task, kept
    /// in step as chases are sent or withdrawn (`apply`).
    private(set) var chasesByDepartment: [String: Int]
    private(set) var chasesByTask: [String: Int]
    /// Canonical name per alias that differs from it.
    let canonicalNames: [String: String]
    /// Some task has an extension request: the task table marks due dates.
    let hasExtensions: Bool

    init(_ plan: Plan, _ evaluation: Evaluation) {
        self.plan = plan
        let rollup = Rollup(plan, evaluation)
        self.rollup = rollup
        departments = DepartmentTable(plan, rollup)
        let chases = plan.chaseCounts()
        chasesByDepartment = chases.departments
        chasesByTask = chases.tasks
        canonicalNames = plan.canonicalNames
        let n = plan.tasks.count
        var groups = plan.sections.map { Array(repeating: Tally(), count: $0.groups.count) }
        var cols = TaskColumns(capacity: n)
        // Due date and index packed in one int: sorts as (due, index).
        var overdue: [UInt64] = []
        var overdueSorted = true
        var keys: [KeyNumbers] = []
        keys.reserveCapacity(n)
        var keysSorted = true
        let today = evaluation.today.packed
        let lights = rollup.lights
        // One pass reading fields in place: copying a `PlanTask` retains and
        // releases all its strings and arrays.
        plan.tasks.withUnsafeBufferPointer { tasks in
            for i in 0..<n {
                let section = tasks[i].section, group = tasks[i].group, status = tasks[i].status
                let due = tasks[i].due.packed
                let progress = status == .done ? 100 : tasks[i].progress
                cols.section.append(Int32(clamping: section))
                cols.group.append(group.map { Int32(clamping: $0) } ?? -1)
                cols.status.append(status)
                cols.due.append(due)
                cols.progress.append(Int32(clamping: progress))
                if let g = group, section >= 0, section < groups.count, g >= 0, g < groups[section].count {
                    groups[section][g].add(status: status, effectiveProgress: progress, light: lights[i])
                }
                if status != .done && today > due {
                    let k = UInt64(UInt32(bitPattern: due)) << 32 | UInt64(i)
                    if let last = overdue.last, last > k { overdueSorted = false }
                    overdue.append(k)
                }
                let k = PlanData.keyNumbers(tasks[i].key)
                if let last = keys.last, k < last { keysSorted = false }
                keys.append(k)
            }
        }
        var unitsW = 0
        var titleWidths = [Int](repeating: 0, count: 256)
        for t in plan.tasks {
            titleWidths[min(255, t.title.displayWidth)] += 1
            // The lead units, or with no lead those of the role shown instead, and its mark.
            let shown = t.assignments.contains { $0.role == .lead } ? Role.lead
                : [Role.joint, .implement, .cooperate].first { r in t.assignments.contains { $0.role == r } }
            var w = shown == .lead || shown == nil ? 0 : 3
            var first = true
            for a in t.assignments where a.role == shown && !a.collective {
                w += (first ? 0 : 2) + a.department.displayWidth
                first = false
            }
            unitsW = max(unitsW, w)
        }
        // A few long titles are cut rather than squeezing every unit list.
        var seen = 0, w = 0
        while w < 255 && seen + titleWidths[w] < (n * 9 + 9) / 10 { seen += titleWidths[w]; w += 1 }
        titleWidth = w
        widestUnits = unitsW
        hasExtensions = plan.reviews.requests.contains { $0.kind == .extension }
        if !overdueSorted { overdue.sort() }
        self.overdue = overdue.map { Int($0 & 0xFFFF_FFFF) }
        groupTallies = groups
        columns = cols
        var rows: [SectionRow] = []
        for (s, sec) in plan.sections.enumerated() {
            rows.append(SectionRow(section: s, group: nil))
            for g in sec.groups.indices { rows.append(SectionRow(section: s, group: g)) }
        }
        sectionRows = rows
        // Documents list tasks in key order, so the sort is usually a check.
        if keysSorted {
            byKey = Array(0..<n)
            keyOrder = byKey
        } else {
            let order = (0..<n).sorted { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : a < b }
            var rank = Array(repeating: 0, count: n)
            for (r, i) in order.enumerated() { rank[i] = r }
            byKey = order
            keyOrder = rank
        }
    }

    /// What applying a change did to what the Tasks pane lists.
    enum Applied {
        /// Nothing it sorts or filters on.
        case sameTasks
        /// One task's status, progress or due date, hence maybe its light.
        case taskCounts
        /// The plan's structure: everything was derived again.
        case rederived
    }

    /// Applies a committed entry to the plan and to what is derived from it.
    /// A task's status, progress or due date recounts that task alone; notes,
    /// indicators, feedback, rounds and withdrawals change nothing derived; a
    /// chase counts the chases again; other changes (titles, units,
    /// tasks added or removed) derive everything again from the plan in
    /// memory. Held uniquely by the caller, so the plan changes in place.
    /// Throws, with nothing changed, when the entry does not apply.
    mutating func apply(_ entry: JournalEntry) throws -> Applied {
        let kind = try entry.changeField().kind
        switch kind {
        case .status, .progress, .due:
            guard let i = plan.index(ofTask: entry.task) else { throw EditError("no task \(entry.task) in \(plan.id)") }
            let old = plan.tasks[i]
            try plan.apply(entry)
            recount(task: i, was: old)
            return .taskCounts
        case .note, .indicator, .feedback, .round:
            // Nothing derived here reads them: views read the plan itself,
            // so a unit's filing costs no more than a note.
            try plan.apply(entry)
            return .sameTasks
        case .withdrawal where Withdrawal.correctable.contains(entry.new["kind"]?.string ?? ""):
            // A note or feedback taken back; a request or decision taken back
            // may change a status or a due date, so it derives everything.
            try plan.apply(entry)
            return .sameTasks
        case .chase:
            // Sent, or withdrawn by an undo: counted again (a plan holds a few chases per department).
            try plan.apply(entry)
            (chasesByDepartment, chasesByTask) = plan.chaseCounts()
            return .sameTasks
        default:
            try plan.apply(entry)
            self = PlanData(plan, rollup.evaluation)
            return .rederived
        }
    }

    /// Task `i`'s columns, light, tallies and place among the overdue.
    private mutating func recount(task i: Int, was old: PlanTask) {
        let t = plan.tasks[i]
        let before = rollup.recount(task: i, of: plan, was: old)
        let after = rollup.lights[i]
        if let g = t.group, t.section >= 0, t.section < groupTallies.count, g >= 0, g < groupTallies[t.section].count {
            groupTallies[t.section][g].remove(status: old.status, effectiveProgress: old.effectiveProgress, light: before)
            groupTallies[t.section][g].add(status: t.status, effectiveProgress: t.effectiveProgress, light: after)
        }
        columns.status[i] = t.status
        columns.due[i] = t.due.packed
        columns.progress[i] = Int32(clamping: t.effectiveProgress)
        // Overdue is ordered by (due, index), as `init` sorts it.
        if let at = overdue.firstIndex(of: i) { overdue.remove(at: at) }
        if t.status != .done && rollup.evaluation.today.packed > t.due.packed {
            let due = t.due.packed
            let at = overdue.firstIndex { j in
                let d = columns.due[j]
                return d > due || (d == due && j > i)
            } ?? overdue.endIndex
            overdue.insert(i, at: at)
        }
    }

    /// `3.13` → (3, 13, -1): missing parts sort first, parts that are not
    /// numbers sort last.
    static func keyNumbers(_ key: String) -> KeyNumbers {
        var k = KeyNumbers(a: -1, b: -1, c: -1)
        var i = 0, n = 0, ok = true, empty = true
        func finish() {
            let v = ok && !empty ? n : Int.max
            switch i {
            case 0: k.a = v
            case 1: k.b = v
            case 2: k.c = v
            default: break
            }
        }
        for b in key.utf8 {
            if b == UInt8(ascii: ".") {
                finish()
                i += 1; n = 0; ok = true; empty = true
            } else if b >= 48 && b <= 57 {
                n = n &* 10 &+ Int(b - 48); empty = false
            } else {
                ok = false
            }
        }
        finish()
        return k
    }

    func canonicalName(_ department: String) -> String { canonicalNames[department] ?? department }

    func tally(_ row: SectionRow) -> Tally {
        if let g = row.group { return groupTallies[row.section][g] }
        return row.section < rollup.sections.count ? rollup.sections[row.section] : Tally()
    }
}

struct KeyNumbers: Comparable {
    var a, b, c: Int
    static func < (x: KeyNumbers, y: KeyNumbers) -> Bool { (x.a, x.b, x.c) < (y.a, y.b, y.c) }
}
