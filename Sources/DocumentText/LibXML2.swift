internal import CLibXML2

/// The four libxml2 functions Duban calls, looked up once.
struct LibXML2: @unchecked Sendable {
    typealias ReadMemory = @convention(c) (UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32) -> xmlDocPtr?
    typealias FreeDoc = @convention(c) (xmlDocPtr?) -> Void

    let xmlReadMemory: ReadMemory
    let htmlReadMemory: ReadMemory
    let xmlFreeDoc: FreeDoc

    static let names = ["libxml2.so.2", "libxml2.so", "libxml2.2.dylib", "libxml2.dylib"]
    static let package = "libxml2"

    /// Nil when libxml2 is not installed.
    static let shared: LibXML2? = {
        guard let lib = SharedLibrary.open(names),
              let x = lib.function("xmlReadMemory", as: ReadMemory.self),
              let h = lib.function("htmlReadMemory", as: ReadMemory.self),
              let f = lib.function("xmlFreeDoc", as: FreeDoc.self) else { return nil }
        return LibXML2(xmlReadMemory: x, htmlReadMemory: h, xmlFreeDoc: f)
    }()
}
