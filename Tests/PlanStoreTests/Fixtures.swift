import Foundation
import PlanModel
@testable import PlanStore

/// A small plan: 省质监局 leads 1.2, cooperates on 1.1 and has no role in 2.4.
func fixturePlan(id: String = "test-2014") -> Plan {
    let end = Day("2014-12-31")!
    func task(_ key: String, _ n: String, _ s: Int, _ title: String, _ a: [Assignment],
              status: TaskStatus = .notStarted, progress: Int = 0) -> PlanTask {
        PlanTask(key: key, number: n, section: s, title: title, text: title + "。正文。",
                 assignments: a, due: end, status: status, progress: progress)
    }
    let zj = "省质监局", fg = "省发展改革委", gx = "省工信委"
    return Plan(
        id: id, title: "测试行动计划", issuer: "测试办公厅", issued: Day("2014-04-28"),
        period: Period(start: Day("2014-01-01")!, end: end), source: "test.txt",
        sections: [Section(number: "一", title: "第一部分"), Section(number: "二", title: "第二部分")],
        tasks: [
            task("1.1", "一", 0, "加快质量诚信体系建设", [.init(department: fg, role: .lead), .init(department: "质监", role: .cooperate)],
                 status: .inProgress, progress: 40),
            task("1.2", "二", 0, "整顿市场秩序", [.init(department: zj, role: .lead)]),
            task("2.3", "三", 1, "完善激励机制", [.init(department: gx, role: .joint)]),
            task("2.4", "四", 1, "推进标准化", [.init(department: fg, role: .joint)]),
        ],
        departments: [Department(name: fg), Department(name: zj, aliases: ["质监"]), Department(name: gx)])
}

/// A fresh store directory holding the fixture plan, owned by the test user (office).
func makeStore(plans: [Plan] = [fixturePlan()]) throws -> String {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("duban-store-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let s = try Store.open(dir, readOnly: false)
    for p in plans { try s.addPlan(p, replace: false) }
    return dir
}

func writeFile(_ path: String, _ text: String) throws {
    try text.write(toFile: path, atomically: false, encoding: .utf8)
}

func readFile(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
}

/// Every file of a directory with its bytes and mtime, to prove nothing changed.
func fingerprint(_ dir: String) throws -> [String: String] {
    var out: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
        let p = dir + "/" + name
        let attrs = try FileManager.default.attributesOfItem(atPath: p)
        let data = FileManager.default.contents(atPath: p) ?? Data()
        out[name] = "\(data.base64EncodedString())/\(data.count)/\((attrs[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
    }
    return out
}
