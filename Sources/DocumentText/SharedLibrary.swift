#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A C library opened when a format first needs it. Linking libxml2 (and the
/// ICU it pulls in) and libzip into the executable cost every command,
/// `duban --help` included, several milliseconds of start-up; opened here, only
/// reading a .docx or a web page pays, and a machine without them can still
/// do everything else.
struct SharedLibrary: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    /// The first of `names` (sonames, newest first) that opens.
    static func open(_ names: [String]) -> SharedLibrary? {
        for n in names {
            if let h = dlopen(n, RTLD_NOW | RTLD_LOCAL) { return SharedLibrary(handle: h) }
        }
        return nil
    }

    /// The function `name` as the C type `T`; nil when the library lacks it.
    func function<T>(_ name: String, as type: T.Type) -> T? {
        guard let p = dlsym(handle, name) else { return nil }
        return unsafeBitCast(p, to: type)
    }
}
