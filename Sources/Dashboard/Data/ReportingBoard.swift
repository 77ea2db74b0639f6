import PlanModel

/// The 报送 view's figures for one plan: the round (the open one, else the
/// latest), its tally, and the chase counts, computed once per (re)load.
/// The department rows need the counts alone; the (task, unit) pairs still
/// owed, one per missing feedback (hundreds of thousands in a large round),
/// are listed only once a list of them is opened (`listOwed`).
struct ReportingBoard {
    enum Mode: Equatable {
        /// A row per department: expected, on time, late, missing, chases.
        case departments
        /// A row per task with units that still owe feedback.
        case tasks
        /// The items one department still owes.
        case owedBy(String)
    }

    struct TaskRow: Equatable {
        var task: String
        var owing: [String]
    }

    var mode: Mode = .departments
    var sortByMissing = false
    let round: Round?
    private(set) var tally: RoundTally
    /// Whether `tally` lists the pairs owed.
    private(set) var owedListed: Bool
    let chasesByDepartment: [String: Int]
    let chasesByTask: [String: Int]
    /// Department rows in the plan's order, or most missing first.
    private(set) var departmentRows: [RoundTally.Row] = []
    private(set) var taskRows: [TaskRow] = []

    init(plan: Plan, mode: Mode = .departments, sortByMissing: Bool = false) {
        self.mode = mode
        self.sortByMissing = sortByMissing
        let r = plan.supervision.openRound ?? plan.supervision.rounds.last
        round = r
        let listing = mode != .departments
        tally = r.map { plan.tally(of: $0, listingOwed: listing) } ?? RoundTally()
        // A closed round's frozen tally lists them already.
        owedListed = listing || r?.frozen != nil
        let counts = plan.chaseCounts()
        chasesByDepartment = counts.departments
        chasesByTask = counts.tasks
        if owedListed { groupOwedByTask() }
        sortRows()
    }

    /// Lists the pairs owed, for the task rows and a department's items.
    mutating func listOwed(_ plan: Plan) {
        guard !owedListed, let r = round else { return }
        tally = plan.tally(of: r)
        owedListed = true
        groupOwedByTask()
        sortRows()
    }

    private mutating func groupOwedByTask() {
        var rows: [TaskRow] = []
        for o in tally.missing {
            if rows.last?.task == o.task { rows[rows.count - 1].owing.append(o.department) } else {
                rows.append(TaskRow(task: o.task, owing: [o.department]))
            }
        }
        taskRows = rows
    }

    mutating func sortRows() {
        departmentRows = tally.rows
        // Stable: departments with as many missing keep the plan's order.
        if sortByMissing {
            departmentRows = departmentRows.enumerated()
                .sorted { $0.element.missing != $1.element.missing ? $0.element.missing > $1.element.missing : $0.offset < $1.offset }
                .map(\.element)
        }
    }

    /// Tasks a department still owes feedback on, in plan order.
    func owed(by department: String) -> [String] {
        tally.missing.filter { $0.department == department }.map(\.task)
    }

    var rowCount: Int {
        switch mode {
        case .departments: return departmentRows.count
        case .tasks: return taskRows.count
        case .owedBy(let d): return owed(by: d).count
        }
    }

    /// The department of the row under the cursor, when the row names one.
    func department(at i: Int) -> String? {
        switch mode {
        case .departments: return i < departmentRows.count ? departmentRows[i].department : nil
        case .owedBy(let d): return d
        case .tasks: return nil
        }
    }

    /// The task of the row under the cursor, when the row is a task.
    func task(at i: Int) -> String? {
        switch mode {
        case .departments: return nil
        case .tasks: return i < taskRows.count ? taskRows[i].task : nil
        case .owedBy(let d):
            let items = owed(by: d)
            return i < items.count ? items[i] : nil
        }
    }
}
