internal import CLibXML2

/// A read-only view of a libxml2 node, valid while its document lives.
struct XMLNode {
    let ptr: xmlNodePtr

    var isElement: Bool { ptr.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { ptr.pointee.type == XML_TEXT_NODE || ptr.pointee.type == XML_CDATA_SECTION_NODE }

    /// The local name, lowercased for HTML's sake: `p`, `tbl`, `td`.
    var name: String {
        guard let n = ptr.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    /// A text node's characters.
    var content: String {
        guard let c = ptr.pointee.content else { return "" }
        return String(cString: c)
    }

    var children: XMLChildren { XMLChildren(first: ptr.pointee.children) }

    /// An attribute's value by local name (`val` for `w:val`), read from the
    /// attribute's own text node so nothing needs freeing.
    func attribute(_ local: String) -> String? {
        var a = ptr.pointee.properties
        while let attr = a {
            if let n = attr.pointee.name, String(cString: n).lowercased() == local {
                var s = ""
                var c = attr.pointee.children
                while let t = c {
                    if let v = t.pointee.content { s += String(cString: v) }
                    c = t.pointee.next
                }
                return s
            }
            a = attr.pointee.next
        }
        return nil
    }

    /// The first descendant element (depth first) with this name.
    func first(_ local: String) -> XMLNode? {
        for c in children where c.isElement {
            if c.name == local { return c }
            if let f = c.first(local) { return f }
        }
        return nil
    }
}

struct XMLChildren: Sequence {
    let first: xmlNodePtr?

    func makeIterator() -> AnyIterator<XMLNode> {
        var cur = first
        return AnyIterator {
            guard let c = cur else { return nil }
            cur = c.pointee.next
            return XMLNode(ptr: c)
        }
    }
}

/// Parses with libxml2 and frees the document when done.
enum XMLParsing {
    /// No network, no entity expansion beyond the predefined ones, and a
    /// document that does not parse gives nil, never a crash.
    static func withXML<R>(_ bytes: [UInt8], _ body: (XMLNode) -> R) throws(DocumentReadError) -> R? {
        guard let x = LibXML2.shared else { throw .libraryMissing(format: .docx, library: "libxml2", package: LibXML2.package) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_HUGE.rawValue)
        return parse(bytes, x.xmlReadMemory, x.xmlFreeDoc, options, body)
    }

    /// HTML is parsed leniently, as browsers do; `bytes` are UTF-8.
    static func withHTML<R>(_ bytes: [UInt8], _ body: (XMLNode) -> R) throws(DocumentReadError) -> R? {
        guard let x = LibXML2.shared else { throw .libraryMissing(format: .html, library: "libxml2", package: LibXML2.package) }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue)
        return parse(bytes, x.htmlReadMemory, x.xmlFreeDoc, options, body)
    }

    private static func parse<R>(_ bytes: [UInt8], _ read: LibXML2.ReadMemory, _ free: LibXML2.FreeDoc, _ options: Int32,
                                 _ body: (XMLNode) -> R) -> R? {
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { b in
            b.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: b.count) {
                    read($0, Int32(clamping: b.count), "document", "UTF-8", options)
                }
            }
        }
        guard let doc else { return nil }
        defer { free(doc) }
        // The root element: the first element among the document's children.
        var c = doc.pointee.children
        while let n = c {
            if n.pointee.type == XML_ELEMENT_NODE { return body(XMLNode(ptr: n)) }
            c = n.pointee.next
        }
        return nil
    }
}
