import PlanModel
import PlanStore

/// Reads and writes access.json for the administrator, who is root and so not
/// an office user of the store: the rules are written directly, under the
/// store's lock, as `duban access` writes them.
enum AccessFile {
    static func read(_ layout: Layout, _ system: SystemProbe) throws(AdminError) -> AccessRules? {
        guard let bytes = system.contents(layout.accessFile) else { return nil }
        do {
            return try AccessRules(json: JSONParser.parse(String(decoding: bytes, as: UTF8.self)))
        } catch {
            throw AdminError(Say("\(layout.accessFile) 无法解析：\(error)", "\(layout.accessFile) does not parse: \(error)"))
        }
    }

    static func bytes(_ rules: AccessRules) -> [UInt8] { Array(JSONWriter.pretty(rules.json).utf8) }

    /// access.json belongs to the first office account and only it may write it:
    /// in the sticky store directory nobody else can replace it either.
    static func write(_ rules: AccessRules, _ layout: Layout) -> Operation {
        .writeFile(path: layout.accessFile, bytes: bytes(rules), mode: 0o644, owner: rules.office.first ?? "root",
                   group: layout.group, lock: layout.storeLock)
    }
}
