import ArgumentParser
import Foundation
import SyntheticStore

/// Generates a single-plan store per size (notes = 3 × tasks), measures each in
/// a child process (`run-one`), and prints a markdown table.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the benchmark suite.")
    @Flag(help: "Skip 100,000 tasks and use fewer runs.") var quick = false
    @Option(help: "Sizes in tasks, comma-separated.") var sizes: String?
    @Option(help: "Where to write the generated stores (removed afterwards).") var work = NSTemporaryDirectory()

    func run() throws {
        let list = sizes.map { $0.split(separator: ",").compactMap { Int($0) } }
            ?? (quick ? [1_000, 10_000] : [1_000, 10_000, 100_000])
        var results: [(Int, [String: Double])] = []
        for n in list {
            let dir = work + "/duban-bench-\(n)-\(getpid())"
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try? FileManager.default.removeItem(atPath: dir)
            try SyntheticStore.write(SyntheticSpec(plans: 1, tasks: n, departments: 40, notes: 3 * n, seed: 1), to: dir)
            var r = try child(n, dir, [])
            // The peak of a session alone, in a fresh process.
            r.merge(try child(n, dir, ["--once", "session"])) { $1 }
            r.merge(try child(n, dir, ["--once", "report"])) { $1 }
            results.append((n, r))
        }
        print(table(results))
        if WholeProcess.executable == nil {
            print("\nThe process rows need `duban` built beside `duban-bench`: swift build -c release first.")
        }
        print("\nMachine: \(Machine.description)")
    }

    /// Runs `run-one` in a new process of this executable.
    func child(_ n: Int, _ dir: String, _ extra: [String]) throws -> [String: Double] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        p.arguments = ["run-one", "--tasks", "\(n)", "--dir", dir] + (quick ? ["--quick"] : []) + extra
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw ValidationError("run-one for \(n) tasks failed") }
        var out: [String: Double] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let f = line.split(separator: "\t")
            if f.count == 2, let v = Double(f[1]) { out[String(f[0])] = v }
        }
        return out
    }

    func table(_ results: [(Int, [String: Double])]) -> String {
        let rows: [(String, String)] = [
            ("store load, whole (commands, reports)", "load"), ("store load, for display", "displayLoad"),
            ("first frame (80×24)", "firstFrame"), ("key: move selection", "keyDown"),
            ("key: open detail (Enter)", "detailOpen"), ("key: close detail (Esc)", "detailClose"),
            ("key: filter by department", "departmentFilter"), ("key: search, per character", "searchChar"),
            ("commit p50 (fsync)", "commitP50"),
            ("key after a commit (commit and the next frame)", "keyAfterCommit"), ("commit p99 (fsync)", "commitP99"),
            ("`duban update --note` process, p50 (fsync)", "updateProcess"), ("`duban --help` process, p50", "helpProcess"),
            ("progress report (md)", "report"),
            ("round: (task, unit) pairs expected", "roundPairs"), ("round: feedback filed", "roundFeedback"),
            ("`round status --json`, whole command", "roundStatus"), ("first frame with the round's record (80×24)", "firstFrameRound"),
            ("key: open 报送 view (R)", "reportingOpen"), ("feedback commit p50 (fsync)", "feedbackCommitP50"),
            ("feedback commit p99 (fsync)", "feedbackCommitP99"), ("peak memory, a dashboard session", "sessionPeakMiB"),
            ("peak memory, `duban report`", "reportPeakMiB"),
            ("peak memory, all timing runs", "peakMiB"),
        ]
        var s = "| tasks (notes = 3×) | " + results.map { $0.0.formatted() }.joined(separator: " | ") + " |\n"
        s += "|---|" + results.map { _ in "---:|" }.joined() + "\n"
        for (label, key) in rows {
            let cells = results.map { r -> String in
                guard let v = r.1[key] else { return "–" }
                if key == "roundPairs" || key == "roundFeedback" { return Int(v).formatted() }
                return key.hasSuffix("PeakMiB") || key == "peakMiB" ? String(format: "%.0f MiB", v) : Measure.format(v)
            }
            s += "| \(label) | " + cells.joined(separator: " | ") + " |\n"
        }
        return s
    }
}
