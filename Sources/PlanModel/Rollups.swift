#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Settings that derived values depend on.
public struct Evaluation: Hashable, Sendable {
    /// The date lights are evaluated at.
    public var today: Day
    /// A task due within this many days is "due soon".
    public var dueSoonDays: Int

    public init(today: Day, dueSoonDays: Int = 30) {
        self.today = today
        self.dueSoonDays = dueSoonDays
    }
}

extension PlanTask {
    /// Red: overdue and not done. Yellow: explicitly behind, or due soon with
    /// progress behind the share of the period elapsed. Green otherwise.
    public func light(_ e: Evaluation, periodStart: Day) -> Light {
        if status == .done { return .green }
        if e.today > due { return .red }
        if status == .behind { return .yellow }
        let left = e.today.days(until: due)
        if left <= e.dueSoonDays {
            let total = max(1, periodStart.days(until: due))
            let elapsed = max(0, periodStart.days(until: e.today))
            let expected = min(100, elapsed * 100 / total)
            if progress < expected { return .yellow }
        }
        return .green
    }

    public func isOverdue(_ e: Evaluation) -> Bool { status != .done && e.today > due }
}

/// Counts of tasks by status and by light, and mean completion.
public struct Tally: Hashable, Sendable {
    public var total = 0
    public var byStatus: [TaskStatus: Int] = [:]
    public var byLight: [Light: Int] = [:]
    /// Sum of effective progress; completion = progressSum / total.
    public var progressSum = 0

    public init() {}

    public mutating func add(_ t: PlanTask, light: Light) {
        total += 1
        byStatus[t.status, default: 0] += 1
        byLight[light, default: 0] += 1
        progressSum += t.effectiveProgress
    }

    /// Mean progress in percent (a done task counts 100), 0 for no tasks.
    public var completion: Double { total == 0 ? 0 : Double(progressSum) / Double(total) }
    public func count(_ s: TaskStatus) -> Int { byStatus[s] ?? 0 }
    public func count(_ l: Light) -> Int { byLight[l] ?? 0 }
}

/// One department's workload in a plan.
public struct Workload: Hashable, Sendable {
    public var department: String
    public var collective: Bool
    public var byRole: [Role: Int] = [:]
    public var total = 0
    public var done = 0
    public var inProgress = 0
    public var overdue = 0

    public init(department: String, collective: Bool) {
        self.department = department
        self.collective = collective
    }

    public func count(_ r: Role) -> Int { byRole[r] ?? 0 }
}

/// Everything the dashboard and reports derive from a plan, computed in one pass.
public struct Rollup: Sendable {
    public var evaluation: Evaluation
    public var plan: Tally
    public var sections: [Tally]
    /// Light per task, parallel to `Plan.tasks`.
    public var lights: [Light]
    /// Workloads in order of first appearance in the plan.
    public var workloads: [Workload]

    public init(_ p: Plan, _ e: Evaluation) {
        evaluation = e
        plan = Tally()
        sections = Array(repeating: Tally(), count: p.sections.count)
        lights = []
        lights.reserveCapacity(p.tasks.count)
        var wIndex: [String: Int] = [:]
        // Byte-keyed in front of `wIndex`: hashing a Chinese `String` normalizes
        // it (slow, once per assignment); bytes are hashed as they are. A miss
        // still asks `wIndex`, so canonically equal names stay one workload.
        var byBytes: [UTF8Key: Int] = [:]
        workloads = []
        let start = p.period.start
        p.tasks.withUnsafeBufferPointer { tasks in
            for n in tasks.indices {
                let l = tasks[n].light(e, periodStart: start)
                lights.append(l)
                plan.add(tasks[n], light: l)
                let section = tasks[n].section
                if section >= 0 && section < sections.count { sections[section].add(tasks[n], light: l) }
                let status = tasks[n].status
                let assignments = tasks[n].assignments
                // Workloads this task already counted: a few per task, so a
                // scan of indices (not of names) beats a set.
                var counted = (-1, -1, -1, -1, -1, -1, -1, -1)
                var countedMore: [Int] = []
                for (k, a) in assignments.enumerated() {
                    let i: Int
                    if let j = byBytes[UTF8Key(a.department)] { i = j } else {
                        if let j = wIndex[a.department] { i = j } else {
                            i = workloads.count
                            wIndex[a.department] = i
                            workloads.append(Workload(department: a.department, collective: a.collective))
                        }
                        byBytes[UTF8Key(a.department)] = i
                    }
                    workloads[i].byRole[a.role, default: 0] += 1
                    // Counted once per task however many roles it has; a few
                    // assignments per task, so a scan beats a set.
                    let seen = withUnsafeBytes(of: &counted) { raw in
                        raw.bindMemory(to: Int.self).prefix(min(k, 8)).contains(i)
                    } || countedMore.contains(i)
                    if k < 8 { withUnsafeMutableBytes(of: &counted) { $0.bindMemory(to: Int.self)[k] = i } } else { countedMore.append(i) }
                    if !seen {
                        workloads[i].total += 1
                        if status == .done { workloads[i].done += 1 }
                        if status == .inProgress { workloads[i].inProgress += 1 }
                        if l == .red { workloads[i].overdue += 1 }
                    }
                }
            }
        }
    }

    public func workload(_ department: String) -> Workload? {
        workloads.first { $0.department == department }
    }
}

/// A string hashed and compared by its UTF-8 bytes, without normalization.
struct UTF8Key: Hashable {
    var s: String
    init(_ s: String) { self.s = s }
    func hash(into h: inout Hasher) {
        var c = s
        c.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
    static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        var x = a.s, y = b.s
        return x.withUTF8 { u in
            y.withUTF8 { v in u.count == v.count && (u.isEmpty || memcmp(u.baseAddress!, v.baseAddress!, u.count) == 0) }
        }
    }
}
