import PlanModel

/// Snapshots of schema 1, one pretty-printed document with notes inside each
/// task, as earlier versions wrote them. Still read, never written: the next
/// checkpoint of the plan writes schema 2.
///
///     {"schemaVersion": 1, "journal": {"seq": 12, "offset": 3456}, "plan": {…}}
enum SnapshotV1 {
    /// Parses a snapshot; errors name the file, and line and column for syntax.
    static func parse(_ bytes: [UInt8], path: String) throws(StoreError) -> Snapshot {
        if let s = fast(bytes) { return s }
        return try parseTree(bytes, path: path)
    }

    /// Straight from the bytes to the plan: loading a large plan is mostly
    /// this. Nil for anything off the common path, which `parseTree` then
    /// accepts or refuses with the precise error.
    static func fast(_ bytes: [UInt8]) -> Snapshot? {
        JSONReader.read(bytes) { (r) throws(JSONReader.Fail) -> Snapshot in
            var version: Int?, seq = 0, offset = 0, plan: Plan?
            try r.object { (r, k) throws(JSONReader.Fail) in
                if k.elementsEqual("schemaVersion".utf8) {
                    version = try r.int()
                } else if k.elementsEqual("journal".utf8) {
                    try r.object { (r, k) throws(JSONReader.Fail) in
                        if k.elementsEqual("seq".utf8) { seq = r.null() ? 0 : try r.int() }
                        else if k.elementsEqual("offset".utf8) { offset = r.null() ? 0 : try r.int() }
                        else { try r.skip() }
                    }
                } else if k.elementsEqual("plan".utf8) {
                    plan = try Plan(reading: &r)
                } else {
                    try r.skip()
                }
            }
            guard let version, version == 1, let plan else { throw JSONReader.Fail() }
            return Snapshot(plan: plan, seq: seq, offset: offset)
        }
    }

    /// Through the `JSON` tree, with errors naming the file and position.
    static func parseTree(_ bytes: [UInt8], path: String) throws(StoreError) -> Snapshot {
        let v: JSON
        do { v = try JSONParser.parse(bytes) } catch { throw StoreError.syntax(path, error) }
        do {
            let f = try JSONFields(v, path: "")
            let version = try f.int("schemaVersion")
            guard version == 1 else {
                throw PlanFormatError(path: "schemaVersion", message: "\(version) is newer than this duban understands here")
            }
            let j = try JSONFields(f.raw("journal") ?? .object([]), path: "journal")
            let seq = try j.optionalInt("seq") ?? 0
            let offset = try j.optionalInt("offset") ?? 0
            guard let pv = f.raw("plan") else { throw PlanFormatError(path: "plan", message: "missing") }
            return Snapshot(plan: try Plan(json: pv, path: "plan"), seq: seq, offset: offset)
        } catch {
            throw StoreError("\(path): \(error)")
        }
    }
}
