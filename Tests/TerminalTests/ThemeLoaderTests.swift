import Foundation
import Testing
import ScreenKit
@testable import Terminal
#if canImport(Glibc)
import Glibc
#endif

@Suite struct ThemeLoaderTests {
    let dir = ThemeLoader.sourceTreeThemes()

    @Test func shippedThemesLoadAndCoverEveryRole() throws {
        let names = ThemeLoader.available(searchPaths: [dir])
        for required in ["default", "light", "high-contrast", "mono"] { #expect(names.contains(required)) }
        for name in names {
            let theme = try ThemeLoader.load(nameOrPath: name, searchPaths: [dir])
            #expect(theme.name == name)
            #expect(Set(theme.styles.keys) == Set(StyleRole.allCases), "\(name) leaves out a role")
        }
    }

    @Test func builtInMatchesDefaultFile() throws {
        let file = try ThemeLoader.load(nameOrPath: "default", searchPaths: [dir])
        #expect(file.styles == Theme.builtIn.styles)
    }

    @Test func resolveOrder() throws {
        #expect(try ThemeLoader.resolve(flag: "light", environment: ["DUBAN_THEME": "mono"]).name == "light")
        #expect(try ThemeLoader.resolve(flag: nil, environment: ["DUBAN_THEME": "mono"]).name == "mono")
        #expect(try ThemeLoader.resolve(flag: nil, environment: [:]).name == "default")
    }

    @Test func byPath() throws {
        let theme = try ThemeLoader.load(nameOrPath: dir + "/high-contrast.theme", searchPaths: [])
        #expect(theme.name == "high-contrast")
    }

    @Test func defaultWithoutAnyThemeDirectoryIsBuiltIn() throws {
        #expect(try ThemeLoader.load(nameOrPath: "default", searchPaths: []) == .builtIn)
    }

    @Test func unknownNameSaysWhereItLooked() {
        #expect {
            try ThemeLoader.load(nameOrPath: "solarized", searchPaths: [dir])
        } throws: { error in
            guard let e = error as? ThemeLoadError, case .notFound(let name, let searched) = e else { return false }
            return name == "solarized" && searched == [dir] && e.description.contains(dir)
        }
    }

    @Test func brokenFileNamesFileLineAndKey() throws {
        let path = "/tmp/duban-theme-test-\(getpid()).theme"
        let text = "# broken\nnormal = default\n\nhedaer = white blue bold\n"
        let f = fopen(path, "w")!
        fputs(text, f)
        fclose(f)
        defer { unlink(path) }
        #expect {
            try ThemeLoader.load(nameOrPath: path, searchPaths: [])
        } throws: { error in
            guard let e = error as? ThemeLoadError, case .invalid(let t) = e else { return false }
            return t.line == 4 && t.key == "hedaer" && e.description.hasPrefix("\(path):4: unknown role \"hedaer\"")
        }
    }

    @Test func searchPathsHonourEnvironment() {
        let paths = ThemeLoader.searchPaths(environment: ["DUBAN_THEMES": "/nonexistent:\(dir)"])
        #expect(paths.first == dir)
        #expect(!paths.contains("/nonexistent"))
    }

    /// An installation without a Themes/ directory still has every shipped
    /// theme (built into the binary); a file of the same name overrides it.
    @Test func builtInThemesWithoutADirectoryAndFilesOverrideThem() throws {
        for name in ["light", "high-contrast", "mono"] {
            let builtIn = try ThemeLoader.load(nameOrPath: name, searchPaths: [])
            #expect(builtIn.styles == (try ThemeLoader.load(nameOrPath: name, searchPaths: [dir])).styles, "\(name)")
        }
        let override = "/tmp/duban-theme-override-\(getpid())"
        mkdir(override, 0o755)
        defer { unlink(override + "/light.theme"); rmdir(override) }
        let text = try #require(ThemeLoader.readFile(dir + "/mono.theme"))
        #expect(FileManager.default.createFile(atPath: override + "/light.theme", contents: Data(text.utf8)))
        let overridden = try ThemeLoader.load(nameOrPath: "light", searchPaths: [override])
        #expect(overridden.styles == (try ThemeLoader.load(nameOrPath: "mono", searchPaths: [])).styles)
        #expect(overridden.styles != (try ThemeLoader.load(nameOrPath: "light", searchPaths: [])).styles)
    }
}
