import PlanModel

/// Legacy: snapshots of schema 1, one pretty-printed document with notes
/// inside each task, as earlier versions wrote them. Still read, never
/// written: the next checkpoint of the plan writes schema 2.
///
///     {"schemaVersion": 1, "journal": {"seq": 12, "offset": 3456}, "plan": {…}}
enum SnapshotV1 {
    static let keys: [StaticString] = ["schemaVersion", "journal", "plan"]

    static func read(_ bytes: [UInt8]) throws(JSONReader.Failure) -> Snapshot {
        try JSONReader.decode(bytes) { (r) throws(JSONReader.Failure) -> Snapshot in
            let at = r.position
            var version: Int?, seq = 0, offset = 0, plan: Plan?
            try r.object(keys: keys) { (r, k) throws(JSONReader.Failure) in
                switch k {
                case 0:
                    let v = r.position
                    version = try r.int()
                    if version != 1 { throw r.invalid("\(version!) is newer than this duban understands here", at: v) }
                case 1:
                    try r.object(keys: SnapshotReader.journalKeys) { (r, k) throws(JSONReader.Failure) in
                        switch k {
                        case 0: seq = r.null() ? 0 : try r.int()
                        case 1: offset = r.null() ? 0 : try r.int()
                        default: try r.skip()
                        }
                    }
                case 2: plan = try Plan(reading: &r)
                default: try r.skip()
                }
            }
            guard version != nil else { throw r.missing("schemaVersion", at: at) }
            return Snapshot(plan: try r.need(plan, "plan", at: at), seq: seq, offset: offset)
        }
    }
}
