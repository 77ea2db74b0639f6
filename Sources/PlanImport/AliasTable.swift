import PlanModel

/// Recognises the spellings of one department within a plan (`质监` and
/// `质监部门`; `各市州人民政府` and `各市州政府`; `省交通厅` and
/// `省交通运输厅`) and picks one canonical name for all of them: the fullest
/// spelling, since the others are abbreviations of it.
struct AliasTable {
    private var indexByKey: [String: Int] = [:]
    private var spellings: [[String]] = []      // per department, first-seen order
    private var collective: [Bool] = []
    /// Keys of the names seen, computed once each.
    private var keyOf: [String: String] = [:]

    private mutating func cachedKey(_ name: String) -> String {
        if let k = keyOf[name] { return k }
        let k = AliasTable.key(name)
        keyOf[name] = k
        return k
    }

    private func lookup(_ name: String) -> Int? {
        indexByKey[keyOf[name] ?? AliasTable.key(name)]
    }

    /// Registers a printed name; returns nothing because the canonical name
    /// can change as fuller spellings turn up. Call `canonical` afterwards.
    mutating func register(_ name: String) {
        let k = cachedKey(name)
        if let i = indexByKey[k] {
            if !spellings[i].contains(name) { spellings[i].append(name) }
            collective[i] = collective[i] || AliasTable.isCollective(name)
        } else {
            indexByKey[k] = spellings.count
            spellings.append([name])
            collective.append(AliasTable.isCollective(name))
        }
    }

    /// Records that `alias` names the same body as `name` (the 2023 plan's
    /// carry-over statement calls the implementers by other names).
    mutating func link(_ alias: String, to name: String) {
        register(name)
        let k = cachedKey(alias)
        guard let i = lookup(name) else { return }
        if let j = indexByKey[k], j != i { return } // already a different body
        indexByKey[k] = i
        if !spellings[i].contains(alias) { spellings[i].append(alias) }
    }

    func canonical(_ name: String) -> String {
        guard let i = lookup(name) else { return name }
        return AliasTable.preferred(spellings[i])
    }

    func isCollectiveName(_ name: String) -> Bool {
        guard let i = lookup(name) else { return AliasTable.isCollective(name) }
        return collective[i]
    }

    /// Departments in order of first mention, with their other spellings.
    var departments: [Department] {
        spellings.enumerated().map { i, names in
            let c = AliasTable.preferred(names)
            return Department(name: c, aliases: names.filter { $0 != c }, collective: collective[i])
        }
    }

    private static func preferred(_ names: [String]) -> String {
        var best = names[0]
        for n in names.dropFirst() where n.unicodeScalars.count > best.unicodeScalars.count { best = n }
        return best
    }

    /// Collective assignees: several bodies under one name.
    static func isCollective(_ name: String) -> Bool {
        let s = name.scalars[...]
        if s.first == "各" { return true }
        for marker in ["成员单位", "有关部门", "相关部门", "有关单位", "相关单位", "各级", "各市", "各县", "各地"]
            where Sc.contains(s, marker) { return true }
        return false
    }

    /// Abbreviations used across this family of documents, long form first.
    private static let abbreviations: [(String, String)] = [
        ("交通运输厅", "交通厅"), ("卫生健康委员会", "卫健委"), ("卫生健康委", "卫健委"),
        ("市场监督管理局", "市场监管局"), ("环境保护厅", "环保厅"),
        ("工业和信息化厅", "工信厅"), ("工业和信息化委员会", "工信委"),
        ("发展和改革委员会", "发展改革委"), ("发展改革委员会", "发展改革委"),
        ("食品药品监督管理局", "食品药品监管局"), ("质量技术监督局", "质监局"),
        ("人力资源和社会保障厅", "人社厅"), ("人力资源社会保障厅", "人社厅"),
        ("住房和城乡建设厅", "住建厅"), ("住房城乡建设厅", "住建厅"),
        ("文化和旅游厅", "文旅厅"), ("国有资产监督管理委员会", "国资委"),
        ("管理委员会", ""), ("管委会", ""), ("人民政府", "政府"),
    ]

    /// The spelling-independent key: abbreviations expanded to one form,
    /// `部门` dropped from department kinds (`质监部门` → `质监`), the
    /// province prefix `省` dropped, `各` dropped from collective names. Works on scalars: `String.contains` builds a
    /// searcher per call, which dominated the import time.
    static func key(_ name: String) -> String {
        let collective = isCollective(name)
        var s = name.scalars
        for (long, short) in abbreviationScalars where s.count >= long.count {
            s = replace(s, long, short)
        }
        if s.count >= 4, !collective, s.suffix(2).elementsEqual("部门".unicodeScalars) { s.removeLast(2) }
        // A provincial document names `省乙厅` once and `乙厅` later: one body.
        if s.count >= 3, !collective, s[0] == "省" { s.removeFirst() }
        if collective { s.removeAll { $0 == "各" } }
        return s.isEmpty ? name : s.string
    }

    private static let abbreviationScalars: [(Scalars, Scalars)] = abbreviations.map { ($0.0.scalars, $0.1.scalars) }

    private static func replace(_ s: Scalars, _ target: Scalars, _ with: Scalars) -> Scalars {
        guard let first = target.first, s.contains(first) else { return s }
        var out: Scalars = []
        var i = 0
        while i < s.count {
            if i + target.count <= s.count, s[i] == first, s[i..<(i + target.count)].elementsEqual(target) {
                out += with
                i += target.count
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }
}

extension String {
    /// Literal replacement over scalars (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        let s = self.scalars[...]
        let t = target.scalars
        guard !t.isEmpty else { return self }
        var out = String.UnicodeScalarView()
        var i = s.startIndex
        while i < s.endIndex {
            if let k = Sc.find(target, in: s, from: i) {
                out.append(contentsOf: s[i..<k])
                out.append(contentsOf: replacement.unicodeScalars)
                i = k + t.count
            } else {
                out.append(contentsOf: s[i...])
                break
            }
        }
        return String(out)
    }
}
