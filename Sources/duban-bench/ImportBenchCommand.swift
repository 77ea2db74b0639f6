import ArgumentParser
import Foundation

/// Whole-process `duban import`, as an office runs it: a plan document of
/// N MB (the Gansu 2014 plan repeated), previewed with `--dry-run` and
/// imported into a new store. The preview must grow with the document, not
/// with its square.
struct ImportBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import",
                                                    abstract: "Time duban import and import --dry-run on large documents.")
    @Option(help: "Document sizes in MB, comma-separated.") var sizes = "5,10,50"
    @Option(help: "Runs per size (the median is shown).") var runs = 3
    @Option(help: "Where to write the documents and stores (removed afterwards).") var work = NSTemporaryDirectory()

    func run() throws {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let duban = exe.appendingPathComponent("duban").path
        guard FileManager.default.isExecutableFile(atPath: duban) else {
            throw ValidationError("no duban binary beside duban-bench (build it: swift build -c release --product duban)")
        }
        guard let seedPath = Self.seed(), let seed = FileManager.default.contents(atPath: seedPath) else {
            throw ValidationError("SampleData/documents/000_02c06b7216a1b9b5.txt not found")
        }
        let dir = work + "/duban-bench-import-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        print("| document | tasks | `import --dry-run` | `import` |")
        print("|---:|---:|---:|---:|")
        for mb in sizes.split(separator: ",").compactMap({ Int($0) }) {
            let file = dir + "/plan-\(mb)mb.txt"
            var doc = Data()
            while doc.count < mb << 20 { doc.append(seed); doc.append(0x0A) }
            try doc.write(to: URL(fileURLWithPath: file))
            let dry = try median { _ = try Self.spawn(duban, ["import", file, "--dry-run"]) }
            var tasks = "–"
            let real = try median {
                let store = dir + "/store"
                try? FileManager.default.removeItem(atPath: store)
                try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
                let out = try Self.spawn(duban, ["import", file, "--store", store])
                // `… 65859 tasks …` in English, `65859 个任务` in Chinese.
                let words = out.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" || $0 == "，" })
                if let i = words.firstIndex(where: { $0.hasPrefix("tasks") || $0 == "个任务" }), i > 0 { tasks = String(words[i - 1]) }
            }
            print("| \(mb) MB | \(tasks) | \(Measure.format(dry)) | \(Measure.format(real)) |")
        }
        print("\nMachine: \(Machine.description)")
    }

    func median(_ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let t0 = Measure.now()
            try body()
            times.append(Measure.now() - t0)
        }
        return times.sorted()[times.count / 2]
    }

    /// The seed document, from the source tree this binary was built in.
    static func seed() -> String? {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<4 {
            let p = dir.appendingPathComponent("SampleData/documents/000_02c06b7216a1b9b5.txt").path
            if FileManager.default.fileExists(atPath: p) { return p }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// Runs the binary with its output discarded but the last line of standard output kept.
    static func spawn(_ exe: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw ValidationError("duban \(args.joined(separator: " ")) failed") }
        return String(decoding: data.suffix(400), as: UTF8.self)
    }
}
