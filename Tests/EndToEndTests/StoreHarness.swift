import Foundation
import PlanModel
import PlanStore
import Testing

/// The tests that load the machine with writer processes run one at a time, so
/// neither starves the other.
@Suite(.serialized) struct StoreStressTests {}

/// Runs the built `duban` binary, which sits next to the test bundle.
enum Duban {
    static let binary: String = {
        var dir = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("duban").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("duban").path
    }()

    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    struct Failed: Error { var message: String }

    /// The standard output of a command that must succeed; its status and
    /// standard error otherwise.
    static func must(_ args: [String], _ environment: [String: String] = [:]) throws -> String {
        let r = try run(args, environment: environment)
        guard r.status == 0 else { throw Failed(message: "\(args) → \(r.status): \(r.err)") }
        return r.out
    }

    /// Runs duban with `args`, optionally as another user through setpriv.
    /// `binary` another copy of duban (e.g. one other users can read).
    /// `environment` is added to this process's, without its DUBAN_LANG.
    @discardableResult
    static func run(_ args: [String], stdin: Data? = nil, asUser: [String] = [], binary: String = binary,
                    environment: [String: String] = [:]) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["DUBAN_STORE"] = nil
        env["SSH_CLIENT"] = nil
        env["DUBAN_LANG"] = nil
        env.merge(environment) { $1 }
        let argv = asUser.isEmpty ? [binary] + args : ["/usr/bin/setpriv"] + asUser + [binary] + args
        let r = try Spawn.run(argv, env: env, input: stdin)
        return Result(status: r.status, out: String(decoding: r.out, as: UTF8.self), err: String(decoding: r.err, as: UTF8.self))
    }
}

/// A temporary store with one small plan, written through the Store API.
func makeE2EStore(tasks: Int = 4) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-e2e-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let end = Day("2014-12-31")!
    let plan = Plan(
        id: "e2e", title: "端到端测试计划", period: Period(start: Day("2014-01-01")!, end: end),
        sections: [Section(number: "一", title: "第一部分")],
        tasks: (1...tasks).map { n in
            PlanTask(key: "1.\(n)", number: "\(n)", section: 0, title: "任务\(n)", text: "任务\(n)。",
                     assignments: [.init(department: n % 2 == 0 ? "省质监局" : "省工信委", role: .lead)], due: end)
        },
        departments: [Department(name: "省质监局"), Department(name: "省工信委")])
    try Store.open(dir, readOnly: false).addPlan(plan, replace: false)
    return dir
}

/// Every file of a directory with its bytes and mtime.
func snapshotOfDirectory(_ dir: String) throws -> [String: String] {
    var out: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
        let p = dir + "/" + name
        let attrs = try FileManager.default.attributesOfItem(atPath: p)
        let data = FileManager.default.contents(atPath: p) ?? Data()
        let mtime = (attrs[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        out[name] = "\(data.base64EncodedString()) \(mtime)"
    }
    return out
}
