/// The one decoder of each supervision record, driven by `JSONReader` like
/// the plan's own records: the snapshot header reads a plan's feedback (up to
/// hundreds of thousands) in place, and a journal entry's value is read by
/// the same code through `init(json:path:)`.
extension Supervision {
    static let keys: [StaticString] = ["feedback", "rounds", "chases"]

    public init(reading r: inout JSONReader) throws(JSONReader.Failure) {
        self.init()
        var rounds: [Round] = [], chases: [Chase] = []
        try r.object(keys: Supervision.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0: try r.array { (r) throws(JSONReader.Failure) in append(try UnitFeedback(reading: &r, task: nil)) }
            case 1: try r.array { (r) throws(JSONReader.Failure) in rounds.append(try Round(reading: &r)) }
            case 2: try r.array { (r) throws(JSONReader.Failure) in chases.append(try Chase(reading: &r)) }
            default: try r.skip()
            }
        }
        self.rounds = rounds
        self.chases = chases
    }

    public init(json v: JSON, path: String) throws(PlanFormatError) {
        self = try JSONReader.decode(v, path: path) { (r) throws(JSONReader.Failure) in try Supervision(reading: &r) }
    }
}

extension UnitFeedback {
    static let keys: [StaticString] = ["task", "time", "user", "department", "text", "progress", "evidence", "onBehalf"]

    /// `task` given: the record comes from a journal entry, which holds the key itself.
    init(reading r: inout JSONReader, task given: String?) throws(JSONReader.Failure) {
        let at = r.position
        var task: String?, time: String?, user: String?, department: String?, text: String?
        var progress: Int?, evidence: String?, onBehalf = false
        try r.object(keys: UnitFeedback.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0: task = try r.name()
            case 1: time = try r.string()
            case 2: user = try r.name()
            case 3: department = try r.name()
            case 4: text = try r.string()
            case 5: progress = r.null() ? nil : try r.int()
            case 6: evidence = r.null() ? nil : try r.string()
            case 7: onBehalf = r.null() ? false : try r.bool()
            default: try r.skip()
            }
        }
        self.init(task: try r.need(given ?? task, "task", at: at), time: try r.need(time, "time", at: at),
                  user: try r.need(user, "user", at: at), department: try r.need(department, "department", at: at),
                  text: try r.need(text, "text", at: at), progress: progress, evidence: evidence, onBehalf: onBehalf)
    }

    public init(json v: JSON, task: String?, path: String) throws(PlanFormatError) {
        self = try JSONReader.decode(v, path: path) { (r) throws(JSONReader.Failure) in try UnitFeedback(reading: &r, task: task) }
    }
}

extension Round {
    static let keys: [StaticString] = ["name", "opened", "coversTo", "due", "sections", "tasks", "openedAt", "closedAt", "frozen"]

    init(reading r: inout JSONReader) throws(JSONReader.Failure) {
        let at = r.position
        var name: String?, opened: Day?, coversTo: Day?, due: Day?, sections: [Int]?, tasks: [String]?
        var openedAt = "", closedAt: String?, frozen: RoundTally?
        try r.object(keys: Round.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0: name = try r.string()
            case 1: opened = try r.day()
            case 2: coversTo = r.null() ? nil : try r.day()
            case 3: due = try r.day()
            case 4:
                if r.null() { break }
                var out: [Int] = []
                try r.array { (r) throws(JSONReader.Failure) in out.append(try r.int()) }
                sections = out
            case 5:
                if r.null() { break }
                var out: [String] = []
                try r.array { (r) throws(JSONReader.Failure) in out.append(try r.string()) }
                tasks = out
            case 6: openedAt = r.null() ? "" : try r.string()
            case 7: closedAt = r.null() ? nil : try r.string()
            case 8: frozen = r.null() ? nil : try RoundTally(reading: &r)
            default: try r.skip()
            }
        }
        self.init(name: try r.need(name, "name", at: at), opened: try r.need(opened, "opened", at: at), coversTo: coversTo,
                  due: try r.need(due, "due", at: at), sections: sections, tasks: tasks, openedAt: openedAt,
                  closedAt: closedAt, frozen: frozen)
    }

    public init(json v: JSON, path: String) throws(PlanFormatError) {
        self = try JSONReader.decode(v, path: path) { (r) throws(JSONReader.Failure) in try Round(reading: &r) }
    }
}

extension RoundTally {
    static let keys: [StaticString] = ["rows", "missing", "late"]
    static let rowKeys: [StaticString] = ["department", "expected", "onTime", "late"]

    init(reading r: inout JSONReader) throws(JSONReader.Failure) {
        var rows: [Row] = [], missing: [Owed] = [], late: [Owed] = []
        func pairs(_ r: inout JSONReader, into out: inout [Owed]) throws(JSONReader.Failure) {
            try r.array { (r) throws(JSONReader.Failure) in
                let at = r.position
                var parts: [String] = []
                try r.array { (r) throws(JSONReader.Failure) in parts.append(try r.string()) }
                guard parts.count == 2 else { throw r.invalid("expected [task, department]", at: at) }
                out.append(Owed(task: parts[0], department: parts[1]))
            }
        }
        try r.object(keys: RoundTally.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0:
                try r.array { (r) throws(JSONReader.Failure) in
                    let at = r.position
                    var department: String?, expected: Int?, onTime: Int?, lateCount: Int?
                    try r.object(keys: RoundTally.rowKeys) { (r, k) throws(JSONReader.Failure) in
                        switch k {
                        case 0: department = try r.name()
                        case 1: expected = try r.int()
                        case 2: onTime = try r.int()
                        case 3: lateCount = try r.int()
                        default: try r.skip()
                        }
                    }
                    rows.append(Row(department: try r.need(department, "department", at: at),
                                    expected: try r.need(expected, "expected", at: at),
                                    onTime: try r.need(onTime, "onTime", at: at), late: try r.need(lateCount, "late", at: at)))
                }
            case 1: try pairs(&r, into: &missing)
            case 2: try pairs(&r, into: &late)
            default: try r.skip()
            }
        }
        self.init(rows: rows, missing: missing, late: late)
    }
}

extension Chase {
    static let keys: [StaticString] = ["department", "time", "user", "date", "reply", "items"]
    static let itemKeys: [StaticString] = ["task", "owed", "step"]

    init(reading r: inout JSONReader) throws(JSONReader.Failure) {
        let at = r.position
        var department: String?, time: String?, user: String?, date: Day?, reply: Day?, items: [ChaseItem] = []
        try r.object(keys: Chase.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0: department = try r.name()
            case 1: time = try r.string()
            case 2: user = try r.name()
            case 3: date = try r.day()
            case 4: reply = try r.day()
            case 5:
                try r.array { (r) throws(JSONReader.Failure) in
                    let iat = r.position
                    var task: String?, owed: [OwedKind] = [], step: Int?
                    try r.object(keys: Chase.itemKeys) { (r, k) throws(JSONReader.Failure) in
                        switch k {
                        case 0: task = try r.string()
                        case 1: try r.array { (r) throws(JSONReader.Failure) in owed.append(try r.enumValue(OwedKind.self)) }
                        case 2: step = try r.int()
                        default: try r.skip()
                        }
                    }
                    items.append(ChaseItem(task: try r.need(task, "task", at: iat), owed: owed, step: try r.need(step, "step", at: iat)))
                }
            default: try r.skip()
            }
        }
        self.init(department: try r.need(department, "department", at: at), time: try r.need(time, "time", at: at),
                  user: try r.need(user, "user", at: at), date: try r.need(date, "date", at: at),
                  reply: try r.need(reply, "reply", at: at), items: items)
    }

    public init(json v: JSON, path: String) throws(PlanFormatError) {
        self = try JSONReader.decode(v, path: path) { (r) throws(JSONReader.Failure) in try Chase(reading: &r) }
    }
}

extension Review {
    static let keys: [StaticString] = ["kind", "department", "outcome", "reason", "time", "user", "before"]

    init(reading r: inout JSONReader) throws(JSONReader.Failure) {
        let at = r.position
        var kind: RequestKind?, department: String?, outcome: ReviewOutcome?, reason = "", time: String?, user: String?
        var before: TaskStanding?
        try r.object(keys: Review.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0: kind = try r.enumValue(RequestKind.self)
            case 1: department = try r.name()
            case 2: outcome = try r.enumValue(ReviewOutcome.self)
            case 3: reason = r.null() ? "" : try r.string()
            case 4: time = try r.string()
            case 5: user = try r.name()
            case 6: before = r.null() ? nil : try TaskStanding(reading: &r)
            default: try r.skip()
            }
        }
        self.init(kind: try r.need(kind, "kind", at: at), department: try r.need(department, "department", at: at),
                  outcome: try r.need(outcome, "outcome", at: at), reason: reason,
                  time: try r.need(time, "time", at: at), user: try r.need(user, "user", at: at), before: before)
    }

    public init(json v: JSON, path: String) throws(PlanFormatError) {
        self = try JSONReader.decode(v, path: path) { (r) throws(JSONReader.Failure) in try Review(reading: &r) }
    }
}

extension ReviewRequest {
    static let keys: [StaticString] = ["kind", "task", "department", "text", "evidence", "to", "from", "filedOn",
                                       "time", "user", "onBehalf", "decision"]

    /// `task` given: the record comes from a journal entry, which holds the key itself.
    init(reading r: inout JSONReader, task given: String?) throws(JSONReader.Failure) {
        let at = r.position
        var kind: RequestKind?, task: String?, department: String?, text: String?, evidence: String?
        var to: Day?, from: Day?, filedOn: Day?, time: String?, user: String?, onBehalf = false, decision: Review?
        try r.object(keys: ReviewRequest.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0: kind = try r.enumValue(RequestKind.self)
            case 1: task = try r.name()
            case 2: department = try r.name()
            case 3: text = try r.string()
            case 4: evidence = r.null() ? nil : try r.string()
            case 5: to = r.null() ? nil : try r.day()
            case 6: from = r.null() ? nil : try r.day()
            case 7: filedOn = r.null() ? nil : try r.day()
            case 8: time = try r.string()
            case 9: user = try r.name()
            case 10: onBehalf = r.null() ? false : try r.bool()
            case 11: decision = r.null() ? nil : try Review(reading: &r)
            default: try r.skip()
            }
        }
        self.init(kind: try r.need(kind, "kind", at: at), task: try r.need(given ?? task, "task", at: at),
                  department: try r.need(department, "department", at: at), text: try r.need(text, "text", at: at),
                  evidence: evidence, to: to, from: from, filedOn: filedOn, time: try r.need(time, "time", at: at),
                  user: try r.need(user, "user", at: at), onBehalf: onBehalf, decision: decision)
    }

    public init(json v: JSON, task: String?, path: String) throws(PlanFormatError) {
        self = try JSONReader.decode(v, path: path) { (r) throws(JSONReader.Failure) in try ReviewRequest(reading: &r, task: task) }
    }
}

extension Withdrawal {
    static let keys: [StaticString] = ["kind", "task", "index", "time", "user", "text"]

    /// `task` given: the record comes from a journal entry, which holds the key itself.
    init(reading r: inout JSONReader, task given: String?) throws(JSONReader.Failure) {
        let at = r.position
        var kind: String?, task: String?, index: Int?, time: String?, user: String?, text: String?
        try r.object(keys: Withdrawal.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0:
                let v = r.position
                let s = try r.string()
                guard Withdrawal.kinds.contains(s) else {
                    throw r.invalid("expected one of \(Withdrawal.kinds.joined(separator: ", ")), got \"\(s)\"", at: v)
                }
                kind = s
            case 1: task = try r.name()
            case 2: index = try r.int(in: 0...Int.max)
            case 3: time = try r.string()
            case 4: user = try r.name()
            case 5: text = r.null() ? nil : try r.string()
            default: try r.skip()
            }
        }
        self.init(kind: try r.need(kind, "kind", at: at), task: try r.need(given ?? task, "task", at: at),
                  index: try r.need(index, "index", at: at), time: try r.need(time, "time", at: at),
                  user: try r.need(user, "user", at: at), text: text)
    }

    public init(json v: JSON, task: String?, path: String) throws(PlanFormatError) {
        self = try JSONReader.decode(v, path: path) { (r) throws(JSONReader.Failure) in try Withdrawal(reading: &r, task: task) }
    }
}

extension Reviews {
    static let keys: [StaticString] = ["requests", "withdrawals"]

    public init(reading r: inout JSONReader) throws(JSONReader.Failure) {
        self.init()
        try r.object(keys: Reviews.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0: try r.array { (r) throws(JSONReader.Failure) in append(try ReviewRequest(reading: &r, task: nil)) }
            case 1: try r.array { (r) throws(JSONReader.Failure) in load(try Withdrawal(reading: &r, task: nil)) }
            default: try r.skip()
            }
        }
    }

    public init(json v: JSON, path: String) throws(PlanFormatError) {
        self = try JSONReader.decode(v, path: path) { (r) throws(JSONReader.Failure) in try Reviews(reading: &r) }
    }
}

extension TaskStanding {
    static let keys: [StaticString] = ["status", "progress", "due"]

    init(reading r: inout JSONReader) throws(JSONReader.Failure) {
        let at = r.position
        var status: TaskStatus?, progress: Int?, due: Day?
        try r.object(keys: TaskStanding.keys) { (r, k) throws(JSONReader.Failure) in
            switch k {
            case 0: status = try r.enumValue(TaskStatus.self)
            case 1: progress = try r.int(in: 0...100)
            case 2: due = try r.day()
            default: try r.skip()
            }
        }
        self.init(status: try r.need(status, "status", at: at), progress: try r.need(progress, "progress", at: at),
                  due: try r.need(due, "due", at: at))
    }
}
