/// An action plan: its sections, tasks and assignees.
public struct Plan: Hashable, Sendable {
    /// ASCII slug, e.g. `gansu-2014`.
    public var id: String
    public var title: String
    public var issuer: String
    public var issued: Day?
    public var period: Period
    /// File name of the document it was imported from.
    public var source: String
    public var sections: [Section]
    /// All tasks in document order.
    public private(set) var tasks: [PlanTask]
    public var departments: [Department]
    public var indicators: [Indicator]
    /// Units' feedback, reporting rounds and chases.
    public var supervision = Supervision()
    /// Closure and extension requests with the office's decisions.
    public var reviews = Reviews()

    /// Task index by key, kept in step with `tasks`.
    private var indexByKey: [String: Int]

    public init(id: String, title: String, issuer: String = "", issued: Day? = nil,
                period: Period, source: String = "", sections: [Section] = [],
                tasks: [PlanTask] = [], departments: [Department] = [],
                indicators: [Indicator] = []) {
        self.id = id
        self.title = title
        self.issuer = issuer
        self.issued = issued
        self.period = period
        self.source = source
        self.sections = sections
        self.tasks = tasks
        self.departments = departments
        self.indicators = indicators
        self.indexByKey = Plan.index(tasks)
    }

    /// Distinct keys indexed: fewer than `tasks.count` means a repeated key.
    public var indexCount: Int { indexByKey.count }

    private static func index(_ tasks: [PlanTask]) -> [String: Int] {
        var d = [String: Int](minimumCapacity: tasks.count)
        // Keys read in place: copying each task would retain every field.
        tasks.withUnsafeBufferPointer { b in
            for i in b.indices where d[b[i].key] == nil { d[b[i].key] = i }
        }
        return d
    }

    public func index(ofTask key: String) -> Int? { indexByKey[key] }

    public func task(_ key: String) -> PlanTask? {
        indexByKey[key].map { tasks[$0] }
    }

    /// Replaces the task with the same key. Returns false when there is none.
    @discardableResult
    public mutating func update(_ task: PlanTask) -> Bool {
        guard let i = indexByKey[task.key] else { return false }
        tasks[i] = task
        return true
    }

    /// Applies `body` to the task with `key`; false when there is none.
    @discardableResult
    public mutating func modifyTask(_ key: String, _ body: (inout PlanTask) -> Void) -> Bool {
        guard let i = indexByKey[key] else { return false }
        body(&tasks[i])
        return true
    }

    /// Inserts a task after the last task of its section (or group), keeping
    /// document order. The key must be new.
    /// A task numbered below others of its place goes before them, so a
    /// removed task put back (undo) is where it was.
    public mutating func insert(_ task: PlanTask) {
        var at = tasks.count
        let place: (PlanTask) -> Bool = { $0.section == task.section && (task.group == nil || $0.group == task.group) }
        let ordinal: (PlanTask) -> Int? = { $0.key.split(separator: ".").last.flatMap { Int($0) } }
        if let n = ordinal(task), let later = tasks.firstIndex(where: { place($0) && (ordinal($0) ?? Int.min) > n }) {
            at = later
        } else if let last = tasks.lastIndex(where: place) {
            at = last + 1
        } else if let next = tasks.firstIndex(where: { $0.section > task.section }) {
            at = next
        }
        tasks.insert(task, at: at)
        indexByKey = Plan.index(tasks)
    }

    @discardableResult
    public mutating func removeTask(_ key: String) -> PlanTask? {
        guard let i = indexByKey[key] else { return nil }
        let t = tasks.remove(at: i)
        indexByKey = Plan.index(tasks)
        return t
    }

    public mutating func replaceTasks(_ newTasks: [PlanTask]) {
        tasks = newTasks
        indexByKey = Plan.index(newTasks)
    }

    /// Tasks of one section, in order.
    public func tasks(inSection s: Int) -> [PlanTask] { tasks.filter { $0.section == s } }

    /// The department record for a name or alias.
    public func department(named text: String) -> Department? {
        departments.first { $0.isNamed(text) }
    }

    public static func == (a: Plan, b: Plan) -> Bool {
        a.id == b.id && a.title == b.title && a.issuer == b.issuer && a.issued == b.issued
            && a.period == b.period && a.source == b.source && a.sections == b.sections
            && a.tasks == b.tasks && a.departments == b.departments && a.indicators == b.indicators
            && a.supervision == b.supervision && a.reviews == b.reviews
    }

    public func hash(into h: inout Hasher) {
        h.combine(id); h.combine(tasks.count)
    }
}
