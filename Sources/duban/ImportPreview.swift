import PlanModel
import TextWidth

/// The preview `import --dry-run` prints: one row per task (key, title, lead,
/// the others by role, due date), under its section and group headings, in
/// columns measured by display width. Built in one pass over the tasks, so a
/// plan of any size previews in time proportional to it.
enum ImportPreview {
    static let titleWidth = 36
    static let leadWidth = 24
    static let othersWidth = 48

    static func lines(_ p: Plan, _ v: Vocabulary) -> [String] {
        var out: [String] = []
        out.append(TerminalText.safe("\(p.id)\(v.colon)\(p.title)"))
        let issued = p.issued?.description ?? v.pick("—", "-")
        out.append(v.pick("发文：\(TerminalText.safe(p.issuer.isEmpty ? "—" : p.issuer))，\(issued)；期限：\(p.period.start) 至 \(p.period.end)",
                       "issued by \(TerminalText.safe(p.issuer.isEmpty ? "-" : p.issuer)), \(issued); period \(p.period.start) – \(p.period.end)"))
        out.append("")

        enum Row { case heading(String), task([String]) }
        var rows: [Row] = []
        var section = -1
        var group: Int? = nil
        for t in p.tasks {
            if t.section != section {
                section = t.section
                group = nil
                let s = p.sections[t.section]
                rows.append(.heading(s.number.isEmpty ? s.title : "\(s.number)、\(s.title)"))
            }
            if let g = t.group, g != group, g < p.sections[t.section].groups.count {
                let gr = p.sections[t.section].groups[g]
                rows.append(.heading("  " + (gr.number.isEmpty ? gr.title : "（\(gr.number)）\(gr.title)")))
            }
            group = t.group
            let leads = t.assignments.filter { $0.role == .lead }.map(\.department)
            var others: [String] = []
            for role in [Role.cooperate, .joint, .implement] {
                let names = t.assignments.filter { $0.role == role }.map(\.department)
                if !names.isEmpty { others.append(v.roleShort(role) + v.colon + names.joined(separator: v.listSeparator)) }
            }
            let due = t.due == p.period.end ? "\(t.due)" : "\(t.due) *"
            rows.append(.task([
                t.key,
                TerminalText.safe(t.title).truncated(toWidth: titleWidth),
                TerminalText.safe(leads.isEmpty ? "—" : leads.joined(separator: "、")).truncated(toWidth: leadWidth),
                TerminalText.safe(others.joined(separator: v.pick("；", "; "))).truncated(toWidth: othersWidth),
                due,
            ]))
        }
        let header = [v.pick("编号", "key"), v.pick("任务", "title"), v.pick("牵头", "lead"), v.pick("其他责任单位", "others"), v.pick("完成时限", "due")]
        var widths = header.map(\.displayWidth)
        for r in rows { if case .task(let cells) = r { for (i, c) in cells.enumerated() { widths[i] = max(widths[i], c.displayWidth) } } }
        func line(_ cells: [String]) -> String {
            var s = ""
            for (i, c) in cells.enumerated() {
                s += i == cells.count - 1 ? c : c.padded(toWidth: widths[i]) + "  "
            }
            return s
        }
        out.append(line(header))
        out.append(line(widths.map { String(repeating: "─", count: $0) }))
        for r in rows {
            switch r {
            case .heading(let h): out.append(TerminalText.safe(h))
            case .task(let cells): out.append(line(cells))
            }
        }
        if p.tasks.contains(where: { $0.due != p.period.end }) {
            out.append(v.pick("* 文件规定的完成时限", "* time limit set by the document"))
        }
        out.append("")
        return out
    }
}

/// Text from a document made safe for a terminal: control characters, DEL
/// and bidirectional overrides are shown as `\u{…}` instead of acting.
enum TerminalText {
    static func safe(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isUnsafe) else { return s }
        var out = ""
        for c in s.unicodeScalars {
            if isUnsafe(c) { out += "\\u{\(String(c.value, radix: 16))}" } else { out.unicodeScalars.append(c) }
        }
        return out
    }

    static func isUnsafe(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F: return true
        default: return false
        }
    }
}
