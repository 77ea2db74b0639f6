import PlanModel

public enum Pane: Int, CaseIterable, Sendable {
    case sections, tasks, departments, completion
}

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
    /// Lower-cased title, text and department names per task, built on the
    /// first search only (it costs a pass over all text).
    private var haystacks: [[UInt8]]?

    init() {}

    init(_ data: PlanData, _ q: TaskQuery) {
        query = q
        sorted = TaskList.sort(data, q.sort)
        visible = filter(data, sorted, q, needle: TaskList.needle(q.search))
    }

    /// Moves to `q`, doing as little work as the change allows: a search that
    /// extends the previous one narrows the current list instead of starting over.
    mutating func update(_ data: PlanData, _ q: TaskQuery) {
        if q == query { return }
        let old = query
        query = q
        if q.sort != old.sort { sorted = TaskList.sort(data, q.sort) }
        var sameFilters = q
        sameFilters.search = old.search
        sameFilters.sort = old.sort
        if sameFilters == old, q.sort == old.sort, !old.search.isEmpty, q.search.hasPrefix(old.search) {
            visible = filter(data, visible, q, needle: TaskList.needle(q.search))
        } else {
            visible = filter(data, sorted, q, needle: TaskList.needle(q.search))
        }
    }

    private static func needle(_ s: String) -> [UInt8] { foldASCII(Array(s.utf8)) }

    /// Lower-cases ASCII letters in UTF-8 bytes. Safe on multi-byte text (ASCII
    /// bytes never occur inside a multi-byte sequence), and Chinese has no case.
    static func foldASCII(_ b: [UInt8]) -> [UInt8] {
        var out = b
        for i in out.indices where out[i] >= 65 && out[i] <= 90 { out[i] += 32 }
        return out
    }

    private static func sort(_ d: PlanData, _ s: TaskSort) -> [Int] {
        let tasks = d.plan.tasks
        let k = d.keyOrder
        var idx = Array(tasks.indices)
        switch s {
        case .key:
            idx.sort { k[$0] < k[$1] }
        case .due:
            idx.sort { (tasks[$0].due, k[$0]) < (tasks[$1].due, k[$1]) }
        case .progress:
            idx.sort { (tasks[$0].effectiveProgress, k[$0]) < (tasks[$1].effectiveProgress, k[$1]) }
        case .light:
            let l = d.rollup.lights
            idx.sort { l[$0] != l[$1] ? l[$0] < l[$1] : (tasks[$0].due, k[$0]) < (tasks[$1].due, k[$1]) }
        }
        return idx
    }

    private mutating func filter(_ d: PlanData, _ from: [Int], _ q: TaskQuery, needle: [UInt8]) -> [Int] {
        if !needle.isEmpty && haystacks == nil {
            // Aliases too, so a search for an abbreviation finds the department.
            var aliases: [String: [String]] = [:]
            for dep in d.plan.departments where !dep.aliases.isEmpty { aliases[dep.name] = dep.aliases }
            haystacks = d.plan.tasks.map { t in
                var h: [UInt8] = []
                h.reserveCapacity(t.title.utf8.count + t.text.utf8.count + 64)
                h += t.title.utf8
                h.append(10)
                h += t.text.utf8
                for a in t.assignments {
                    h.append(10); h += a.department.utf8
                    for alias in aliases[a.department] ?? [] { h.append(10); h += alias.utf8 }
                }
                return TaskList.foldASCII(h)
            }
        }
        let tasks = d.plan.tasks
        let lights = d.rollup.lights
        var out: [Int] = []
        out.reserveCapacity(from.count)
        for i in from {
            let t = tasks[i]
            if let s = q.section, t.section != s { continue }
            if let g = q.group, t.group != g { continue }
            if let st = q.status, t.status != st { continue }
            if let l = q.light, lights[i] != l { continue }
            if let dep = q.department, !t.involves(dep) { continue }
            if !needle.isEmpty, !TaskList.contains(haystacks![i], needle) { continue }
            out.append(i)
        }
        return out
    }

    /// Byte search over UTF-8: a match of whole UTF-8 sequences is a match of
    /// characters, and it is much faster than comparing Characters.
    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = needle.count, h = hay.count
        if n == 0 { return true }
        if n > h { return false }
        let first = needle[0]
        return hay.withUnsafeBufferPointer { hp in
            needle.withUnsafeBufferPointer { np in
                var i = 0
                while i <= h - n {
                    if hp[i] == first {
                        var j = 1
                        while j < n && hp[i + j] == np[j] { j += 1 }
                        if j == n { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
