/// A page saved from a government portal: the article body's paragraphs and
/// tables, without the portal's navigation, header, footer and scripts.
enum HTMLReader {
    static func read(_ utf8: [UInt8]) throws(DocumentReadError) -> [TextBlock] {
        try XMLParsing.withHTML(utf8) { root -> [TextBlock] in
            let body = root.first("body") ?? root
            let article = articleRoot(body)
            var out = Collector()
            // The page title is often above the article box, in an h1.
            if article.ptr != body.ptr, let h1 = body.first("h1"), !contains(article, h1) {
                out.text(plainText(h1))
                out.breakLine()
            }
            out.walk(article)
            out.breakLine()
            return out.blocks
        } ?? []
    }

    /// Elements that are never article text.
    static let skipped: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "select", "option",
        "button", "iframe", "head", "template", "svg", "object", "embed", "input", "textarea", "map",
    ]

    /// Class or id words of portal chrome: menus, breadcrumbs (当前位置),
    /// sharing and print links, footers.
    static let chromeWords = [
        "nav", "menu", "footer", "foot", "header", "breadcrumb", "crumb", "location", "position", "share",
        "copyright", "bottom", "topbar", "sidebar", "related", "print", "toolbar", "search", "banner", "login",
    ]

    /// Class or id words of the article box on portals (`TRS_Editor`,
    /// `pages_content`, `zoom`, `article`, `content`).
    static let articleWords = ["trs_editor", "pages_content", "zoom", "article", "content", "main", "detail", "text", "xxgk"]
    static let strongArticleWords = ["trs_editor", "pages_content", "zoom", "article", "content"]

    static func isChrome(_ n: XMLNode) -> Bool {
        if skipped.contains(n.name) { return true }
        let marks = ((n.attribute("class") ?? "") + " " + (n.attribute("id") ?? "")).lowercased()
        guard !marks.trimmingSpaces.isEmpty else { return false }
        // `content-nav`? Chrome only when no article word is there too.
        return chromeWords.contains { marks.contains($0) } && !strongArticleWords.contains { marks.contains($0) }
    }

    /// The element marked as the article with the most text, else the body.
    static func articleRoot(_ body: XMLNode) -> XMLNode {
        var best: (node: XMLNode, size: Int)? = nil
        func visit(_ n: XMLNode) {
            for c in n.children where c.isElement && !isChrome(c) {
                let marks = ((c.attribute("class") ?? "") + " " + (c.attribute("id") ?? "")).lowercased()
                if articleWords.contains(where: { marks.contains($0) }) {
                    let size = textSize(c)
                    // The innermost box holding nearly all of it: a smaller
                    // one inside wins only if it keeps 80% of the text.
                    if best == nil || size > best!.size || (contains(best!.node, c) && size * 5 >= best!.size * 4) {
                        best = (c, size)
                    }
                }
                visit(c)
            }
        }
        visit(body)
        guard let b = best, b.size >= 20 else { return body }
        return b.node
    }

    static func contains(_ outer: XMLNode, _ inner: XMLNode) -> Bool {
        var p = inner.ptr.pointee.parent
        while let x = p {
            if x == outer.ptr { return true }
            p = x.pointee.parent
        }
        return false
    }

    /// Characters of text outside chrome, for choosing the article box.
    static func textSize(_ n: XMLNode) -> Int {
        var size = 0
        for c in n.children {
            if c.isText { size += c.content.unicodeScalars.filter { $0.value > 0x20 }.count }
            else if c.isElement, !isChrome(c) { size += textSize(c) }
        }
        return size
    }

    static func plainText(_ n: XMLNode) -> String {
        var c = Collector()
        c.walk(n)
        c.breakLine()
        return c.blocks.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }.joined()
    }

    /// Turns the tree into paragraphs: block elements and `<br>` end one,
    /// runs of white space collapse as a browser shows them.
    struct Collector {
        var blocks: [TextBlock] = []
        var line = ""
        var pendingSpace = false
        var inPre = 0

        static let blockElements: Set<String> = [
            "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section",
            "article", "blockquote", "center", "pre", "tr", "table", "hr", "main", "address", "figure", "body",
        ]

        mutating func text(_ s: String) {
            for c in s.unicodeScalars {
                if inPre > 0, c == "\n" { breakLine(); continue }
                if c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" {
                    pendingSpace = !line.isEmpty
                    continue
                }
                if pendingSpace { line.unicodeScalars.append(" "); pendingSpace = false }
                line.unicodeScalars.append(c)
            }
        }

        mutating func breakLine() {
            let t = line.trimmingSpaces
            if !t.isEmpty { blocks.append(.paragraph(t)) }
            line = ""
            pendingSpace = false
        }

        mutating func walk(_ n: XMLNode) {
            for c in n.children {
                if c.isText { text(c.content); continue }
                guard c.isElement, !HTMLReader.isChrome(c) else { continue }
                let name = c.name
                if name == "br" { breakLine(); continue }
                if name == "table", let rows = HTMLReader.dataTable(c) {
                    breakLine()
                    blocks.append(.table(rows))
                    continue
                }
                let block = Collector.blockElements.contains(name)
                if block { breakLine() }
                if name == "pre" { inPre += 1 }
                walk(c)
                if name == "pre" { inPre -= 1 }
                if block { breakLine() }
            }
        }
    }

    /// A table of data: rows of cells, none holding another table (tables
    /// used for page layout are read as paragraphs instead). `colspan` and
    /// `rowspan` repeat a cell where it spans.
    static func dataTable(_ table: XMLNode) -> [[String]]? {
        var trs: [XMLNode] = []
        func collectRows(_ n: XMLNode) {
            for c in n.children where c.isElement {
                switch c.name {
                case "tr": trs.append(c)
                case "thead", "tbody", "tfoot": collectRows(c)
                case "table": continue
                default: continue
                }
            }
        }
        collectRows(table)
        guard trs.count >= 2, table.first("table") == nil else { return nil }
        var rows: [[String]] = []
        // Cells carried down by rowspan: column → (text, rows left).
        var carried: [Int: (String, Int)] = [:]
        for tr in trs {
            var row: [String] = []
            func fillCarried() {
                while let (text, left) = carried[row.count] {
                    row.append(text)
                    carried[row.count - 1] = left > 1 ? (text, left - 1) : nil
                }
            }
            for td in tr.children where td.isElement && (td.name == "td" || td.name == "th") {
                fillCarried()
                let text = cellText(td)
                let colspan = max(1, min(64, Int(td.attribute("colspan") ?? "") ?? 1))
                let rowspan = max(1, min(10_000, Int(td.attribute("rowspan") ?? "") ?? 1))
                for _ in 0..<colspan {
                    if rowspan > 1 { carried[row.count] = (text, rowspan - 1) }
                    row.append(text)
                }
            }
            fillCarried()
            rows.append(row)
        }
        guard rows.contains(where: { $0.count >= 2 }) else { return nil }
        return rows
    }

    static func cellText(_ td: XMLNode) -> String {
        var c = Collector()
        c.walk(td)
        c.breakLine()
        return c.blocks.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }.joined(separator: "\n")
    }
}

extension String {
    /// Without leading and trailing white space, ideographic and no-break
    /// spaces included.
    var trimmingSpaces: String {
        let isSpace: (Unicode.Scalar) -> Bool = { c in
            c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{A0}" || c == "\u{3000}" || c == "\u{FEFF}"
        }
        let s = unicodeScalars
        guard let a = s.firstIndex(where: { !isSpace($0) }), let b = s.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(s[a...b])
    }
}
