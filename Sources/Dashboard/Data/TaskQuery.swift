import PlanModel
import ScreenKit

public enum TaskSort: CaseIterable, Sendable {
    case key, due, progress, light
}

/// Sort, filters and search of the Tasks pane. The visible index list is
/// recomputed only when this changes or the plan is reloaded.
public struct TaskQuery: Hashable, Sendable {
    public var sort: TaskSort = .key
    public var department: String?
    public var section: Int?
    public var group: Int?
    public var status: TaskStatus?
    public var light: Light?
    public var search: String = ""

    public init() {}

    public var isFiltered: Bool {
        department != nil || section != nil || status != nil || light != nil || !search.isEmpty
    }
}

/// The cached lists behind the Tasks pane.
struct TaskList {
    /// All task indices in the current sort order.
    private(set) var sorted: [Int] = []
    /// The sorted indices that pass the filters and search.
    private(set) var visible: [Int] = []
    private(set) var query = TaskQuery()
    /// Each task's position in `sorted`. `visible` is a subsequence of
    /// `sorted`, so a task's row is found by bisection: nothing to update per
    /// filter, and no scan of `visible` per key.
    private var position: [Int32] = []

    init() {}

    init(_ data: PlanData, _ q: TaskQuery) {
        query = q
        setSorted(TaskList.sort(data, q.sort))
        visible = TaskList.filter(data, sorted, q)
    }

    /// Moves to `q`, doing as little work as the change allows: a search that
    /// extends the previous one narrows the current list instead of starting over.
    mutating func update(_ data: PlanData, _ q: TaskQuery) {
        if q == query { return }
        let old = query
        query = q
        if q.sort != old.sort { setSorted(TaskList.sort(data, q.sort)) }
        var sameFilters = q
        sameFilters.search = old.search
        sameFilters.sort = old.sort
        if sameFilters == old, q.sort == old.sort, !old.search.isEmpty, q.search.hasPrefix(old.search) {
            visible = TaskList.filter(data, visible, q)
        } else {
            visible = TaskList.filter(data, sorted, q)
        }
    }

    /// Row of task `i` in `visible`.
    func row(of i: Int) -> Int? {
        guard i >= 0 && i < position.count else { return nil }
        let target = position[i]
        var lo = 0, hi = visible.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if position[visible[mid]] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo < visible.count && visible[lo] == i ? lo : nil
    }

    private mutating func setSorted(_ s: [Int]) {
        sorted = s
        var pos = [Int32](repeating: 0, count: s.count)
        pos.withUnsafeMutableBufferPointer { p in
            for (r, i) in s.enumerated() { p[i] = Int32(truncatingIfNeeded: r) }
        }
        position = pos
    }

    /// Key order is computed with the plan. The others are stable sorts of
    /// key order by one small int per task, so ties stay in key order: a
    /// counting sort when the ints span a small range (dates within a few
    /// years, progress 0–100), a comparison sort otherwise.
    static func sort(_ d: PlanData, _ s: TaskSort) -> [Int] {
        let c = d.columns, lights = d.rollup.lights
        switch s {
        case .key:
            return d.byKey
        case .due:
            return stableSort(d.byKey) { Int(c.due[$0]) }
        case .progress:
            return stableSort(d.byKey) { Int(c.progress[$0]) }
        case .light:
            // By due date, then by light: stable, so (light, due, key).
            return stableSort(stableSort(d.byKey) { Int(c.due[$0]) }) { lights[$0].ordinal }
        }
    }

    static func stableSort(_ order: [Int], by key: (Int) -> Int) -> [Int] {
        let n = order.count
        guard n > 1 else { return order }
        var keys = [Int](repeating: 0, count: n)
        var lo = Int.max, hi = Int.min
        for (r, i) in order.enumerated() {
            let k = key(i)
            keys[r] = k
            lo = min(lo, k); hi = max(hi, k)
        }
        let span = hi.subtractingReportingOverflow(lo)
        if span.overflow || span.partialValue > max(4 * n, 1 << 12) {
            // Position in `order` breaks ties.
            return order.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }.map { order[$0] }
        }
        var starts = [Int](repeating: 0, count: span.partialValue + 2)
        for k in keys { starts[k - lo + 1] += 1 }
        for b in 1..<starts.count { starts[b] += starts[b - 1] }
        var out = [Int](repeating: 0, count: n)
        for r in 0..<n {
            let b = keys[r] - lo
            out[starts[b]] = order[r]
            starts[b] += 1
        }
        return out
    }

    /// The tasks of `from` that pass `q`, in the same order. One tight pass
    /// per active filter, cheapest first, over the plan's columns and
    /// department ids; only search reads task text, and only of what is left.
    static func filter(_ d: PlanData, _ from: [Int], _ q: TaskQuery) -> [Int] {
        var out = from
        let c = d.columns
        if let s = q.section { c.section.withUnsafeBufferPointer { col in out = keep(out) { Int(col[$0]) == s } } }
        if let g = q.group { c.group.withUnsafeBufferPointer { col in out = keep(out) { Int(col[$0]) == g } } }
        if let st = q.status { c.status.withUnsafeBufferPointer { col in out = keep(out) { col[$0] == st } } }
        if let l = q.light { d.rollup.lights.withUnsafeBufferPointer { col in out = keep(out) { col[$0] == l } } }
        if let name = q.department {
            guard let id = d.departments.id(name) else { return [] }
            withDepartmentIDs(d) { ids in out = keep(out) { ids($0).contains(id) } }
        }
        if !q.search.isEmpty {
            let search = TaskSearch(q.search, d.departments)
            d.plan.tasks.withUnsafeBufferPointer { tasks in
                withDepartmentIDs(d) { ids in out = keep(out) { search.matches(tasks.baseAddress! + $0, departments: ids($0)) } }
            }
        }
        return out
    }

    /// Calls `body` with a function from task index to its department ids.
    @inline(__always)
    private static func withDepartmentIDs(_ d: PlanData, _ body: ((Int) -> UnsafeBufferPointer<Int32>) -> Void) {
        d.rollup.taskWorkloads.withUnsafeBufferPointer { ids in
            d.rollup.taskWorkloadStarts.withUnsafeBufferPointer { starts in
                body { i in UnsafeBufferPointer(rebasing: ids[Int(starts[i])..<Int(starts[i + 1])]) }
            }
        }
    }

    @inline(__always)
    private static func keep(_ from: [Int], _ pass: (Int) -> Bool) -> [Int] {
        [Int](unsafeUninitializedCapacity: from.count) { out, count in
            var n = 0
            from.withUnsafeBufferPointer { f in
                for i in f where pass(i) { out[n] = i; n += 1 }
            }
            count = n
        }
    }
}
