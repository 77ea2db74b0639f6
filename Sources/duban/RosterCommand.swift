import ArgumentParser
import PlanModel
import PlanStore
import TextWidth

struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Show the duty roster (责任分工): each body's standing duties, or one department's.",
        discussion: """
            The roster is imported from a responsibility-system document (责任制度) with \
            duban import. DEPT is matched with the roster's names, with or without the 省 \
            prefix, and through renamed bodies recorded in the store's settings.json under \
            "successions" (so 省市场监管局 finds the duties of 省质监局).
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var language: LanguageOption
    @Argument(help: ArgumentHelp("A department, e.g. 省质监局; all bodies when omitted.", valueName: "DEPT")) var department: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let l = language.resolved
        let s = try StoreOpener.open(store, readOnly: true)
        guard let roster = try s.roster() else {
            throw CLIError(l.s("仓库中没有责任分工：请先用 duban import 导入责任制度文件",
                               "no duty roster in the store: import a responsibility-system document with duban import"))
        }
        var shown = roster
        if let department {
            shown.entries = roster.entries(for: department, successions: StoreQuery.successions(s))
            if shown.entries.isEmpty {
                let near = roster.memberDepartments.filter { $0.contains(department) || department.contains($0) }
                throw CLIError(l.s("责任分工中没有“\(department)”", "no duties for \"\(department)\" in the roster")
                    + (near.isEmpty ? "" : l.s("；是否指：", "; did you mean: ") + near.joined(separator: l.s("、", ", "))))
            }
        }
        if json { Output.json(shown.json); return }
        for line in RosterListing.lines(shown, department: department, language: l) { Output.line(line) }
    }
}

/// The roster as text: each body under its kind, its duties numbered and
/// wrapped by display width.
enum RosterListing {
    static func lines(_ r: DutyRoster, department: String?, language l: Lang, width: Int = 100) -> [String] {
        var out: [String] = []
        let issued = r.issued.map { l.s("，\($0)", ", \($0)") } ?? ""
        out.append(TerminalText.safe(r.title.isEmpty ? r.id : r.title) + l.s("（\(r.id)\(issued)）", " (\(r.id)\(issued))"))
        for e in r.entries {
            out.append("")
            out.append(kindName(e.kind, l) + "  " + TerminalText.safe(e.body))
            for (i, d) in e.duties.enumerated() {
                let mark = "  \(i + 1). "
                let body = TerminalText.safe(d).wrapped(toWidth: max(20, width - mark.displayWidth))
                for (k, part) in body.enumerated() {
                    out.append((k == 0 ? mark : String(repeating: " ", count: mark.displayWidth)) + part)
                }
            }
        }
        return out
    }

    static func kindName(_ k: DutyEntry.Kind, _ l: Lang) -> String {
        switch k {
        case .leadingGroup: return l.s("【领导小组】", "[leading group]")
        case .office: return l.s("【办公室】", "[office]")
        case .member: return l.s("【成员单位】", "[member]")
        case .allMembers: return l.s("【全体成员单位】", "[all members]")
        case .localGovernment: return l.s("【地方政府】", "[local governments]")
        }
    }
}
