import PlanModel

/// One row of the Sections tree: a section, or a group inside it.
public struct SectionRow: Hashable, Sendable {
    public var section: Int
    public var group: Int?
}

/// Everything derived from one loaded plan, computed once per (re)load so
/// keystrokes never walk the whole plan again.
struct PlanData {
    let plan: Plan
    let rollup: Rollup
    /// Tallies per section, per group.
    let groupTallies: [[Tally]]
    let sectionRows: [SectionRow]
    /// Overdue task indices, earliest due first.
    let overdue: [Int]
    /// Rank of each task by its key read as numbers (`3.2` before `3.13`);
    /// ties keep document order.
    let keyOrder: [Int]
    /// Task indices in that order.
    let byKey: [Int]
    let columns: TaskColumns
    let departments: DepartmentTable
    /// Display widths of nine titles in ten and of the widest list of lead
    /// units (or, with no lead, the first responsible unit and its mark): the
    /// task table gives title columns no title uses to the units. Collective
    /// assignees (…各成员单位) do not widen it; their cell shows how it starts.
    let titleWidth: Int
    let widestUnits: Int

    init(_ plan: Plan, _ evaluation: Evaluation) {
        self.plan = plan
        let rollup = Rollup(plan, evaluation)
        self.rollup = rollup
        departments = DepartmentTable(plan, rollup)
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

    func tally(_ row: SectionRow) -> Tally {
        if let g = row.group { return groupTallies[row.section][g] }
        return row.section < rollup.sections.count ? rollup.sections[row.section] : Tally()
    }
}

struct KeyNumbers: Comparable {
    var a, b, c: Int
    static func < (x: KeyNumbers, y: KeyNumbers) -> Bool { (x.a, x.b, x.c) < (y.a, y.b, y.c) }
}
