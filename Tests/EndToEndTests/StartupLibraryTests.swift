import Foundation
import Testing

/// What the built `duban` loads before it does anything: full Foundation
/// brings its internationalization library and ICU with it, several
/// milliseconds of dynamic loading on every command, `duban --help` included.
/// Every module linked into `duban` imports FoundationEssentials at most.
@Suite(.enabled(if: Shell.which("ldd"), "ldd not installed: the libraries duban links are not checked"))
struct StartupLibraryTests {
    @Test func dubanLinksNeitherFoundationNorICU() throws {
        let ldd = try Shell.must(["ldd", Duban.binary])
        let libraries = ldd.split(separator: "\n").compactMap { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
        }
        #expect(libraries.contains { $0.hasPrefix("libc.so") }, "ldd listed no libraries: \(ldd)")
        for library in libraries {
            #expect(!library.hasPrefix("libFoundation.so"), "duban links \(library): a module imports Foundation")
            #expect(!library.hasPrefix("libFoundationInternationalization"), "duban links \(library): a module imports Foundation")
            #expect(!library.contains("ICU") && !library.hasPrefix("libicu"), "duban links \(library)")
        }
    }
}
