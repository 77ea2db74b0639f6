/// The themes and the sample store, built into the binary (see
/// Plugins/EmbedFiles), so that an installed duban is one file.
public enum BundledFiles {
    /// Package-relative paths, e.g. "Themes/default.theme".
    public static var paths: [String] { entries.map(\.path) }

    public static func text(_ path: String) -> String? { entries.first { $0.path == path }?.text }

    /// The files directly in `directory` ("SampleData/store"), by name.
    public static func files(in directory: String) -> [(name: String, bytes: [UInt8])] {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return entries.compactMap { e in
            guard e.path.hasPrefix(prefix) else { return nil }
            let name = String(e.path.dropFirst(prefix.count))
            return name.contains("/") ? nil : (name, Array(e.text.utf8))
        }
    }

    /// Theme name → text of the built-in themes.
    public static var themes: [(name: String, text: String)] {
        files(in: "Themes").filter { $0.name.hasSuffix(".theme") }
            .map { (String($0.name.dropLast(6)), String(decoding: $0.bytes, as: UTF8.self)) }
    }
}
