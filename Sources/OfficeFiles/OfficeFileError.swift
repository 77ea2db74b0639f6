/// Why a workbook or document was not written.
public struct OfficeFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    /// Set when the library the format is written through cannot be loaded.
    public var missing: MissingLibrary?

    public init(_ d: String) { description = d }

    init(_ missing: MissingLibrary) {
        self.missing = missing
        description = missing.message(english: true)
    }

    /// What a person reads: the missing library's remedy in their language, else the description.
    public func message(english: Bool) -> String { missing?.message(english: english) ?? description }
}

/// A run-time library a format needs and the Debian package that installs it.
public struct MissingLibrary: Hashable, Sendable {
    public var format: String
    public var soname: String
    public var package: String

    public func message(english: Bool) -> String {
        english
            ? "writing \(format) needs \(soname), which cannot be loaded: install the Debian package \(package) (apt-get install \(package))"
            : "写 \(format) 需要 \(soname)，但无法加载：请安装 Debian 软件包 \(package)（apt-get install \(package)）"
    }
}
