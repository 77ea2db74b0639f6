/// The supervision record's fast path from a snapshot's bytes: feedback, of
/// which a plan may hold hundreds of thousands, decoded in place; the few
/// rounds and chases through a tree. Anything unusual fails, and the caller
/// decodes the slow way for the precise error (`Supervision(json:path:)`).
extension Supervision {
    public init(reading r: inout JSONReader) throws(JSONReader.Fail) {
        self.init()
        var rounds: [Round] = [], chases: [Chase] = []
        try r.object { (r, k) throws(JSONReader.Fail) in
            if k == "feedback" {
                try r.array { (r) throws(JSONReader.Fail) in append(try UnitFeedback(reading: &r)) }
            } else if k == "rounds" {
                try r.array { (r) throws(JSONReader.Fail) in
                    guard let x = try? Round(json: try r.value(), path: "") else { throw JSONReader.Fail() }
                    rounds.append(x)
                }
            } else if k == "chases" {
                try r.array { (r) throws(JSONReader.Fail) in
                    guard let x = try? Chase(json: try r.value(), path: "") else { throw JSONReader.Fail() }
                    chases.append(x)
                }
            } else { try r.skip() }
        }
        self.rounds = rounds
        self.chases = chases
    }
}

extension UnitFeedback {
    static let keys: [StaticString] = ["task", "time", "user", "department", "text", "progress", "evidence", "onBehalf"]

    init(reading r: inout JSONReader) throws(JSONReader.Fail) {
        var task: String?, time: String?, user: String?, department: String?, text: String?
        var progress: Int?, evidence: String?, onBehalf = false
        try r.object(keys: UnitFeedback.keys) { (r, k) throws(JSONReader.Fail) in
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
        guard let task, let time, let user, let department, let text else { throw JSONReader.Fail() }
        self.init(task: task, time: time, user: user, department: department, text: text, progress: progress,
                  evidence: evidence, onBehalf: onBehalf)
    }
}
