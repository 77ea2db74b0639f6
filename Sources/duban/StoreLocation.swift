import BundledFiles
import FoundationEssentials
import PlanModel

/// Where the store is, and where the bundled sample data is.
enum StoreLocation {
    /// `--store`, else `$DUBAN_STORE`, else the per-user data directory, which is
    /// filled from the bundled sample store the first time it is used.
    static func resolve(_ flag: String?, _ v: Vocabulary) throws -> String {
        if let flag { return flag }
        let env = ProcessInfo.processInfo.environment
        if let s = env["DUBAN_STORE"], !s.isEmpty { return s }
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? Path.join(env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? Path.home(), ".local/share")
        let dir = Path.join(base, "duban")
        let fm = FileManager.default
        if !fm.fileExists(atPath: dir) {
            try fm.createDirectory(atPath: base, withIntermediateDirectories: true)
            let bundled = BundledFiles.files(in: "SampleData/store")
            if env["DUBAN_SAMPLE_DATA"] == nil, !bundled.isEmpty {
                // The sample store built into the binary (an installation is one file).
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: false)
                for f in bundled {
                    try Data(f.bytes).write(to: URL(fileURLWithPath: Path.join(dir, f.name)))
                }
            } else if let sample = sampleStore() {
                try fm.copyItem(atPath: sample, toPath: dir)
            } else {
                throw CLIError(v.pick("没有存储目录：请用 --store DIR 或设置 DUBAN_STORE（未找到自带的示例存储）",
                                      "no store: pass --store DIR or set DUBAN_STORE (the bundled sample store was not found)"))
            }
            Output.warn(v.pick("duban：已用示例计划创建 \(dir)", "duban: created \(dir) from the sample plans"))
        }
        return dir
    }

    /// `SampleData/` of the package: `$DUBAN_SAMPLE_DATA`, next to an installed
    /// binary (`../share/duban/SampleData`), or the source tree (`swift run`).
    static func sampleData() -> String? {
        let fm = FileManager.default
        var candidates: [String] = []
        if let s = ProcessInfo.processInfo.environment["DUBAN_SAMPLE_DATA"] { candidates.append(s) }
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(exe.appendingPathComponent("../share/duban/SampleData").standardized.path)
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        candidates.append(source.appendingPathComponent("../../SampleData").standardized.path)
        return candidates.first { fm.fileExists(atPath: Path.join($0, "documents")) }
    }

    static func sampleStore() -> String? {
        sampleData().map { Path.join($0, "store") }
            .flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
    }
}

/// A one-line error for the command line.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
