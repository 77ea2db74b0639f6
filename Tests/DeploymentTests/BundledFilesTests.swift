import BundledFiles
import Foundation
import Testing

/// The files built into the binary are the package's files, byte for byte.
@Suite struct BundledFilesTests {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    @Test func everyThemeAndSampleFileIsBuiltInUnchanged() throws {
        var expected: [String] = []
        for dir in ["Themes", "SampleData/store"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(dir).path)
            expected += names.filter { !$0.hasPrefix(".") }.map { dir + "/" + $0 }
        }
        #expect(BundledFiles.paths.sorted() == expected.sorted())
        for path in expected {
            let disk = try Data(contentsOf: root.appendingPathComponent(path))
            #expect(BundledFiles.text(path).map { Data($0.utf8) } == disk, "\(path) differs")
        }
        #expect(Set(BundledFiles.themes.map(\.name)).isSuperset(of: ["default", "light", "high-contrast", "mono"]))
        #expect(BundledFiles.files(in: "SampleData/store").contains { $0.name == "gansu-2014.json" })
    }
}
