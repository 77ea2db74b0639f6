import FoundationEssentials

// Pasted text: it goes into the open entry whole, or nowhere. It is never
// read as keys, so a paste can neither commit nor open anything.
extension DashboardState {
    public mutating func handle(paste text: String, now: Date) -> [Effect] {
        guard case .entry(let kind, let task, var ed, let expected, _) = overlay else {
            show(strings.pasteIgnored, .notice, now)
            return []
        }
        var t = text
        // A copied line usually ends with its line break: one-line fields drop it.
        if !kind.keepsLineBreaks { while t.last == "\n" { t.removeLast() } }
        var error: String?
        if !kind.keepsLineBreaks && t.contains("\n") {
            error = strings.pasteMultiline
        } else if !ed.insert(pasted: t, keepingLineBreaks: kind.keepsLineBreaks) {
            error = strings.pasteTooLong
        }
        overlay = .entry(kind, task: task, editor: ed, expected: expected, error: error)
        if kind == .search {
            var q = query
            q.search = ed.text
            setQuery(q)
        }
        return []
    }
}
