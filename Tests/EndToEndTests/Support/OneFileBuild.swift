import Foundation

/// The one-file release build, made once for every test that needs it, and
/// installed with Scripts/install.sh into a private prefix that other
/// accounts can read (the SSH accounts run it).
enum OneFileBuild {
    struct Installed: Sendable {
        let prefix: String
        var binary: String { prefix + "/bin/duban" }
        let manual: Bool
        let seconds: Double
    }

    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../..").standardized.path

    /// The manual generated from the debug build by swift-argument-parser's
    /// generate-manual tool, when the plugin has built it (`.ci/run` does);
    /// nil otherwise.
    static func generateManual(into dir: String) throws -> String? {
        guard let tool = manualTool else { return nil }
        try Shell.must([tool, Duban.binary, "--output-directory", dir])
        return dir + "/duban.1"
    }

    static let manualTool: String? = {
        let build = package + "/.build"
        let triples = (try? FileManager.default.contentsOfDirectory(atPath: build)) ?? []
        return triples.map { build + "/" + $0 + "/debug/generate-manual-tool" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let installed: Result<Installed, Shell.Failure> = {
        let prefix = "/tmp/duban-onefile-\(getpid())"
        // Outside the package, which other accounts may not be able to enter; gone at exit.
        atexit { _ = try? FileManager.default.removeItem(atPath: "/tmp/duban-onefile-\(getpid())") }
        do {
            try FileManager.default.createDirectory(atPath: prefix + "/man", withIntermediateDirectories: true)
            let manual = try generateManual(into: prefix + "/man")
            let start = Date()
            let r = try Shell.run(["bash", package + "/Scripts/install.sh"], env: [
                "PREFIX": prefix, "SCRATCH": package + "/.build-static", "MANUAL": manual ?? "none",
            ])
            let seconds = Date().timeIntervalSince(start)
            guard r.status == 0 else { return .failure(Shell.Failure(description: "install.sh failed: \(r.out)\(r.err)")) }
            print("one-file build and install: \(String(format: "%.0f", seconds)) s")
            try Shell.must(["chmod", "-R", "a+rX", prefix])
            return .success(Installed(prefix: prefix, manual: manual != nil, seconds: seconds))
        } catch {
            return .failure(Shell.Failure(description: "\(error)"))
        }
    }()

    static func get() throws -> Installed { try installed.get() }
}
