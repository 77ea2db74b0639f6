import ArgumentParser
import PlanModel
import PlanStore
import TextWidth

struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: Help.pick("显示责任分工：各单位的职责，或某一部门的职责。", "Show the duty roster (责任分工): each body's standing duties, or one department's."),
        discussion: Help.pick("""
            责任分工由 duban import 从责任制度文件导入。DEPT 与分工中的名称匹配（带或不带“省”），\
            并按存储 settings.json 中 "successions" 记录的更名（如省质监局 → 省市场监管局）查找。
            """, """
            The roster is imported from a responsibility-system document (责任制度) with \
            duban import. DEPT is matched with the roster's names, with or without the 省 \
            prefix, and through renamed bodies recorded in the store's settings.json under \
            "successions" (so 省市场监管局 finds the duties of 省质监局).
            """))

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp(Help.pick("部门，如 省质监局；省略时列出全部。", "A department, e.g. 省质监局; all bodies when omitted."), valueName: "DEPT")) var department: String?
    @Flag(help: ArgumentHelp(Help.pick("输出 JSON。", "Print JSON."))) var json = false

    func run() throws {
        let v = store.vocabulary
        let s = try StoreOpener.open(store, readOnly: true)
        guard let roster = try s.roster() else {
            throw CLIError(v.pick("仓库中没有责任分工：请先用 duban import 导入责任制度文件",
                               "no duty roster in the store: import a responsibility-system document with duban import"))
        }
        var shown = roster
        if let department {
            shown.entries = roster.entries(for: department, successions: StoreQuery.successions(s))
            if shown.entries.isEmpty {
                let near = roster.memberDepartments.filter { $0.contains(department) || department.contains($0) }
                throw CLIError(v.pick("责任分工中没有“\(department)”", "no duties for \"\(department)\" in the roster")
                    + (near.isEmpty ? "" : v.pick("；是否指：", "; did you mean: ") + near.joined(separator: v.pick("、", ", "))))
            }
        }
        if json { Output.json(shown.json); return }
        for line in RosterListing.lines(shown, department: department, v) { Output.line(line) }
    }
}

/// The roster as text: each body under its kind, its duties numbered and
/// wrapped by display width.
enum RosterListing {
    static func lines(_ r: DutyRoster, department: String?, _ v: Vocabulary, width: Int = 100) -> [String] {
        var out: [String] = []
        let issued = r.issued.map { v.pick("，\($0)", ", \($0)") } ?? ""
        out.append(TerminalText.safe(r.title.isEmpty ? r.id : r.title) + v.pick("（\(r.id)\(issued)）", " (\(r.id)\(issued))"))
        for e in r.entries {
            out.append("")
            out.append(kindName(e.kind, v) + "  " + TerminalText.safe(e.body))
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

    static func kindName(_ k: DutyEntry.Kind, _ v: Vocabulary) -> String {
        switch k {
        case .leadingGroup: return v.pick("【领导小组】", "[leading group]")
        case .office: return v.pick("【办公室】", "[office]")
        case .member: return v.pick("【成员单位】", "[member]")
        case .allMembers: return v.pick("【全体成员单位】", "[all members]")
        case .localGovernment: return v.pick("【地方政府】", "[local governments]")
        }
    }
}
