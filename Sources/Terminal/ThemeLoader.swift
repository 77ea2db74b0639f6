import BundledFiles
import ScreenKit
#if canImport(Glibc)
import Glibc
#endif

/// A theme that cannot be loaded: not found, unreadable, or broken.
public enum ThemeLoadError: Error, CustomStringConvertible, Equatable {
    case notFound(name: String, searched: [String])
    case unreadable(path: String, reason: String)
    case invalid(ThemeError)

    public var description: String {
        switch self {
        case .notFound(let name, let searched):
            let dirs = searched.isEmpty ? "no theme directory found" : "looked in " + searched.joined(separator: ", ")
            return "theme \"\(name)\" not found (\(dirs)); give a name such as default, light, high-contrast, mono, or a path to a .theme file"
        case .unreadable(let path, let reason):
            return "\(path): cannot read theme: \(reason)"
        case .invalid(let error):
            return error.description
        }
    }
}

/// Finds and parses theme files. Themes are chosen by name (`light`) or by path
/// (anything with a `/` or ending in `.theme`).
public enum ThemeLoader {
    /// The theme the user asked for: the `--theme` flag, else `DUBAN_THEME`,
    /// else `default` (and the built-in copy of it if no Themes/ is installed).
    public static func resolve(flag: String?, environment: [String: String]) throws(ThemeLoadError) -> Theme {
        let chosen = flag ?? environment["DUBAN_THEME"].flatMap { $0.isEmpty ? nil : $0 }
        return try load(nameOrPath: chosen ?? "default", searchPaths: searchPaths(environment: environment))
    }

    /// Loads a theme by name from `searchPaths` (first match wins) or by path.
    public static func load(nameOrPath: String, searchPaths: [String]) throws(ThemeLoadError) -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme") {
            let name = baseName(nameOrPath)
            return try parseFile(nameOrPath, name: name)
        }
        for dir in searchPaths {
            let path = dir + "/" + nameOrPath + ".theme"
            if access(path, R_OK) == 0 { return try parseFile(path, name: nameOrPath) }
        }
        if nameOrPath == "default" { return .builtIn }
        // Themes built into the binary, for an installation that is one file.
        if let text = BundledFiles.text("Themes/" + nameOrPath + ".theme") {
            do { return try ThemeParser.parse(text, name: nameOrPath, file: "(built in) " + nameOrPath + ".theme") }
            catch { throw .invalid(error) }
        }
        throw .notFound(name: nameOrPath, searched: searchPaths)
    }

    /// Theme names found in the search paths, for help texts.
    public static func available(searchPaths: [String]) -> [String] {
        var names = Set(BundledFiles.themes.map(\.name))
        for dir in searchPaths {
            guard let d = opendir(dir) else { continue }
            defer { closedir(d) }
            while let entry = readdir(d) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name.hasSuffix(".theme"), !name.hasPrefix(".") { names.insert(String(name.dropLast(6))) }
            }
        }
        return names.sorted()
    }

    /// Where themes are looked for, in order: `$DUBAN_THEMES` (colon-separated),
    /// `../share/duban/Themes` next to the executable (an installed copy),
    /// `Themes/` next to the executable, and the source tree's `Themes/` (a
    /// build run from the checkout).
    public static func searchPaths(environment: [String: String]) -> [String] {
        var paths: [String] = []
        if let env = environment["DUBAN_THEMES"] {
            paths += env.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        if let exe = executableDirectory() {
            paths.append(exe + "/../share/duban/Themes")
            paths.append(exe + "/Themes")
        }
        paths.append(sourceTreeThemes())
        return paths.filter(isDirectory)
    }

    static func parseFile(_ path: String, name: String) throws(ThemeLoadError) -> Theme {
        guard let text = readFile(path) else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        do {
            return try ThemeParser.parse(text, name: name, file: path)
        } catch {
            throw .invalid(error)
        }
    }

    static func readFile(_ path: String) -> String? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n > 0 { bytes += buffer[0..<n] }
            if n < buffer.count { break }
        }
        if ferror(f) != 0 { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func baseName(_ path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasSuffix(".theme") { name.removeLast(6) }
        return name
    }

    static func executableDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    /// Sources/Terminal/ThemeLoader.swift → <package>/Themes.
    static func sourceTreeThemes(file: String = #filePath) -> String {
        var parts = file.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Themes"
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}
