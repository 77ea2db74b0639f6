import Foundation
import PackagePlugin

/// Builds the themes and the sample store into the binary, so one file is
/// all an installation needs. The files stay the source of truth: the
/// generated source is rebuilt whenever one of them changes.
@main
struct EmbedFiles: BuildToolPlugin {
    static let directories = ["Themes", "SampleData/store"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for dir in Self.directories {
            let url = root.appending(path: dir)
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { !$0.hasPrefix(".") }.sorted()
            inputs += names.map { url.appending(path: $0) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        let relative = inputs.map { String($0.path.dropFirst(root.path.count)).trimmingCharacters(in: ["/"]) }
        return [.buildCommand(
            displayName: "Embedding \(inputs.count) files (themes, sample store)",
            executable: try context.tool(named: "duban-embed").url,
            arguments: [output.path, root.path] + relative,
            inputFiles: inputs,
            outputFiles: [output])]
    }
}
