internal import CLibZip

/// The libzip functions Duban calls to read one part of an archive in memory.
struct LibZip: @unchecked Sendable {
    typealias SourceBufferCreate = @convention(c) (UnsafeRawPointer?, zip_uint64_t, Int32, UnsafeMutablePointer<zip_error_t>?) -> OpaquePointer?
    typealias OpenFromSource = @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<zip_error_t>?) -> OpaquePointer?
    typealias Release = @convention(c) (OpaquePointer?) -> Void
    typealias NameLocate = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, zip_flags_t) -> zip_int64_t
    typealias FOpenIndex = @convention(c) (OpaquePointer?, zip_uint64_t, zip_flags_t) -> OpaquePointer?
    typealias FRead = @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, zip_uint64_t) -> zip_int64_t
    typealias FClose = @convention(c) (OpaquePointer?) -> Int32
    typealias ErrorFini = @convention(c) (UnsafeMutablePointer<zip_error_t>?) -> Void

    let sourceBufferCreate: SourceBufferCreate
    let openFromSource: OpenFromSource
    let sourceFree: Release
    let discard: Release
    let nameLocate: NameLocate
    let fopenIndex: FOpenIndex
    let fread: FRead
    let fclose: FClose
    let errorFini: ErrorFini

    static let names = ["libzip.so.5", "libzip.so.4", "libzip.so", "libzip.5.dylib", "libzip.dylib"]
    static let package = "libzip4"

    /// Nil when libzip is not installed.
    static let shared: LibZip? = {
        guard let lib = SharedLibrary.open(names),
              let a = lib.function("zip_source_buffer_create", as: SourceBufferCreate.self),
              let b = lib.function("zip_open_from_source", as: OpenFromSource.self),
              let c = lib.function("zip_source_free", as: Release.self),
              let d = lib.function("zip_discard", as: Release.self),
              let e = lib.function("zip_name_locate", as: NameLocate.self),
              let f = lib.function("zip_fopen_index", as: FOpenIndex.self),
              let g = lib.function("zip_fread", as: FRead.self),
              let h = lib.function("zip_fclose", as: FClose.self),
              let i = lib.function("zip_error_fini", as: ErrorFini.self) else { return nil }
        return LibZip(sourceBufferCreate: a, openFromSource: b, sourceFree: c, discard: d, nameLocate: e,
                      fopenIndex: f, fread: g, fclose: h, errorFini: i)
    }()
}
