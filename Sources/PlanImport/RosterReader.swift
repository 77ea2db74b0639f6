import PlanModel

/// Reads a responsibility-system document (`甘肃省推进质量振兴工作责任制度`):
/// the duties of the leading group, of its office, of each member department
/// and of local governments. Its sections are headed by whose duties they
/// list; member departments appear as entries `N.省X局、省Y厅：duties…`.
enum RosterReader {
    /// Nil when the document holds no duty entries.
    static func read(_ doc: SourceDocument, fileName: String, id: String?) -> ImportResult? {
        let entryLines = doc.kinds.indices.filter { i in
            if case .numbered(let n) = doc.kinds[i], n.style == .arabic, entry(n.body) != nil { return true }
            return false
        }
        guard !entryLines.isEmpty else { return nil }
        let start = doc.firstSection ?? entryLines[0]
        let head = doc.head(before: start)
        var warnings: [ImportWarning] = []
        var entries: [DutyEntry] = []
        var current: (kind: DutyEntry.Kind, body: String)? = nil
        var sectionEntry: Int? = nil   // index of the current section's shared entry

        func addShared(_ duty: String, line: Int) {
            guard let c = current else {
                warnings.append(ImportWarning(line: line + 1, message: "duty outside any section heading 一、…; ignored", chinese: "职责不在任何“一、…”标题之下；已忽略"))
                return
            }
            if let k = sectionEntry {
                entries[k].duties.append(duty)
            } else {
                entries.append(DutyEntry(kind: c.kind == .member ? .allMembers : c.kind, body: c.body, duties: [duty]))
                sectionEntry = entries.count - 1
            }
        }

        for i in start..<doc.kinds.count {
            switch doc.kinds[i] {
            case .blank:
                continue
            case .section(_, _, let title):
                current = sectionKind(title)
                sectionEntry = nil
                if current == nil {
                    warnings.append(ImportWarning(line: i + 1, message: "section “\(title.string)” does not say whose duties it lists (领导小组, 办公室, 成员单位 or 各地政府); skipped",
                                                     chinese: "“\(title.string)”部分未说明是谁的职责（领导小组、办公室、成员单位或各地政府）；已跳过"))
                }
            case .numbered(let n):
                if n.style == .arabic, let (names, duties) = entry(n.body) {
                    if current?.kind != .member {
                        warnings.append(ImportWarning(line: i + 1, message: "duty entry \(n.number) outside the member-unit section; read as member duties",
                                                     chinese: "职责条目 \(n.number) 不在成员单位部分；按成员单位职责读取"))
                    }
                    for name in names {
                        let own = duties.filter { $0.owner == nil || $0.owner == name }.map(\.text)
                        entries.append(DutyEntry(kind: .member, body: name, duties: own))
                    }
                } else if n.style == .arabic, current?.kind == .member {
                    warnings.append(ImportWarning(line: i + 1, message: "entry \(n.number) does not name departments: expected 省X局、省Y厅：duties…",
                                                     chinese: "条目 \(n.number) 未写明单位：应为 省X局、省Y厅：职责…"))
                    addShared(duty(n.body), line: i)
                } else if current != nil {
                    addShared(duty(n.body), line: i)
                }
            case .text(let t):
                if current != nil { addShared(duty(t), line: i) }
            }
        }
        guard !entries.isEmpty else { return nil }
        let years = doc.years(head)?.0
        let rosterID = id ?? years.map { PlanSlug.make(title: head.title, issuer: head.issuer, years: $0) }
            ?? (PlanSlug.province(in: head.title) ?? "roster")
        let roster = DutyRoster(id: rosterID, title: head.title, issuer: head.issuer, issued: head.issued,
                                source: fileName, entries: entries)
        return ImportResult(document: .roster(roster), warnings: warnings, yearSource: .none)
    }

    private static func sectionKind(_ title: ArraySlice<Unicode.Scalar>) -> (kind: DutyEntry.Kind, body: String)? {
        var body = title
        for suffix in ["工作职责", "职责", "工作责任", "责任"] where Sc.hasSuffix(body, suffix) {
            body = body.dropLast(suffix.unicodeScalars.count)
            break
        }
        let b = body.string
        if Sc.contains(title, "办公室") { return (.office, b) }
        if Sc.contains(title, "成员单位") || Sc.contains(title, "成员部门") { return (.member, b) }
        if Sc.contains(title, "政府") || Sc.contains(title, "各地") || Sc.contains(title, "地方") { return (.localGovernment, b) }
        if Sc.contains(title, "领导小组") || Sc.contains(title, "委员会") { return (.leadingGroup, b) }
        return nil
    }

    /// One duty of an entry; `owner` when a sentence names one of the
    /// entry's departments as its subject (`省交通运输厅要…`): that
    /// department's alone.
    struct Duty {
        var text: String
        var owner: String?
    }

    /// `省建设厅、省交通运输厅、省水利厅：按照…` → the names and the duties,
    /// one per clause.
    static func entry(_ body: ArraySlice<Unicode.Scalar>) -> ([String], [Duty])? {
        guard let colon = body.prefix(80).firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let names = DepartmentListParser.splitNames(body[body.startIndex..<colon]).compactMap(DepartmentListParser.cleanName)
        guard !names.isEmpty, names.allSatisfy(DepartmentListParser.looksLikeDepartment) else { return nil }
        var duties: [Duty] = []
        for sentence in Sc.splitTopLevel(body[(colon + 1)...], ["。"]) {
            let s = Sc.trim(sentence)
            let owner = names.count > 1 ? names.first { Sc.hasPrefix(s, $0) } : nil
            for clause in Sc.splitTopLevel(s, ["；", ";"]) {
                let c = Sc.trim(clause)
                if !c.isEmpty { duties.append(Duty(text: c.string, owner: owner)) }
            }
        }
        return (names, duties)
    }

    private static func duty(_ t: ArraySlice<Unicode.Scalar>) -> String {
        var s = Sc.trim(t)
        if s.last == "。" { s = s.dropLast() }
        return s.string
    }
}
