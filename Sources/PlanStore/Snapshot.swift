import PlanModel

/// `<plan>.json`: a checkpoint of one plan, with the journal position it contains.
///
///     {"schemaVersion": 1, "journal": {"seq": 12, "offset": 3456}, "plan": {…}}
///
/// `seq` is the last journal entry folded in; `offset` the journal byte just
/// after it, so a reader replays only what follows.
struct Snapshot {
    static let schemaVersion = 1
    var plan: Plan
    var seq: Int
    var offset: Int

    func bytes() -> [UInt8] {
        Array(JSONWriter.pretty(.object([
            ("schemaVersion", .int(Self.schemaVersion)),
            ("journal", .object([("seq", .int(seq)), ("offset", .int(offset))])),
            ("plan", plan.json),
        ])).utf8)
    }

    /// Parses a snapshot; errors name the file, and line and column for syntax.
    static func parse(_ bytes: [UInt8], path: String) throws(StoreError) -> Snapshot {
        let v: JSON
        do { v = try JSONParser.parse(bytes) } catch { throw StoreError.syntax(path, error) }
        do {
            let f = try JSONFields(v, path: "")
            let version = try f.int("schemaVersion")
            guard version <= schemaVersion else {
                throw PlanFormatError(path: "schemaVersion", message: "\(version) is newer than this duban understands (\(schemaVersion))")
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
