import PlanModel
import PlanStore

/// `duban admin init-store`: the store directory (the first office account's,
/// so the office can checkpoint any plan; the writers' group; setgid so new
/// files keep the group; sticky so nobody replaces another's file), access
/// rules owned by that account, and the sample or an empty store, with the
/// owners and modes the store itself gives its files.
public enum StoreSetup {
    /// setgid + sticky + rwxrwxr-x.
    public static let directoryMode: UInt32 = 0o3775
    /// Journals take every writer's appends; every other file only the office writes.
    static func mode(of name: String) -> UInt32 { name.hasSuffix(".jsonl") ? 0o664 : 0o644 }

    public static func plan(_ layout: Layout, offices: [String], sample: [(name: String, bytes: [UInt8])]?,
                            system: SystemProbe) throws(AdminError) -> [Step] {
        guard !offices.isEmpty else { throw AdminError(Say("至少需要一个 --office 账号", "at least one --office account is needed")) }
        var steps: [Step] = [Accounts.ensureGroup(layout.group, system)]
        for o in offices {
            guard system.user(o) != nil else {
                throw AdminError(Say("没有账号 \(o)：请先为办公室人员建立账号（adduser \(o)）",
                                     "no account \(o): create the office account first (adduser \(o))"))
            }
            steps.append(Accounts.ensureMember(o, of: layout.group, system))
        }
        steps += directory(layout, owner: offices[0], system)
        let existing = system.list(layout.store) ?? []
        let hasPlans = existing.contains { $0.hasSuffix(".journal.jsonl") || ($0.hasSuffix(".json") && !["access.json", "settings.json", "roster.json"].contains($0)) }
        if let sample {
            if hasPlans {
                steps.append(.kept(Say("存储已有计划，不复制示例数据", "the store already has plans; the sample is not copied")))
            } else {
                let ops = sample.filter { !existing.contains($0.name) }.map {
                    Operation.writeFile(path: layout.store + "/" + $0.name, bytes: $0.bytes, mode: mode(of: $0.name),
                                        owner: offices[0], group: layout.group, lock: nil)
                }
                steps.append(.change(Say("复制示例数据（\(ops.count) 个文件）", "copied the sample store (\(ops.count) files)"), ops))
            }
        } else if !hasPlans {
            steps.append(.kept(Say("空存储：用 duban import 导入计划", "an empty store: import plans with duban import")))
        }
        if !hasPlans, !existing.contains("settings.json"), !(sample ?? []).contains(where: { $0.name == "settings.json" }) {
            steps.append(newSettings(layout, owner: offices[0]))
        }
        steps += dataFiles(layout, existing, system)
        steps += try accessRules(layout, offices: offices, system)
        return steps
    }

    /// A new store's settings, as an import into an empty store writes them:
    /// closure review on, so a reporter applies for closure and the office decides.
    static func newSettings(_ layout: Layout, owner: String) -> Step {
        var settings = StoreSettings()
        settings.closureReview = true
        let bytes = Array((JSONWriter.pretty(settings.json) + "\n").utf8)
        return .change(Say("settings.json：开启办结审核（closureReview）", "settings.json: closure review on (closureReview)"),
                       [.writeFile(path: layout.store + "/settings.json", bytes: bytes, mode: mode(of: "settings.json"),
                                   owner: owner, group: layout.group, lock: layout.storeLock)])
    }

    static func directory(_ layout: Layout, owner: String, _ system: SystemProbe) -> [Step] {
        let d = layout.store, who = owner + ":" + layout.group
        guard let st = system.status(d) else {
            return [.change(Say("建立 \(d)（\(who)，\(octal(directoryMode))）", "created \(d) (\(who), \(octal(directoryMode)))"),
                            .makeDirectory(path: d, mode: directoryMode, owner: owner, group: layout.group))]
        }
        var steps: [Step] = []
        let gid = system.groupID(layout.group)
        if system.user(uid: st.uid)?.name != owner || gid == nil || st.gid != gid {
            steps.append(.change(Say("\(d) 改为 \(who) 所有", "\(d) now owned by \(who)"),
                                 .setOwner(path: d, owner: owner, group: layout.group)))
        } else {
            steps.append(.kept(Say("\(d) 属于 \(who)", "\(d) is owned by \(who)")))
        }
        if st.mode != directoryMode {
            steps.append(.change(Say("\(d) 权限 \(octal(st.mode)) → \(octal(directoryMode))（setgid + sticky）",
                                     "\(d) mode \(octal(st.mode)) → \(octal(directoryMode)) (setgid + sticky)"),
                                 .setMode(path: d, mode: directoryMode)))
        } else {
            steps.append(.kept(Say("\(d) 权限 \(octal(directoryMode))", "\(d) has mode \(octal(directoryMode))")))
        }
        return steps
    }

    /// Data files in another group, or that the group cannot read (a journal:
    /// append to), say imported before the group existed, are handed to the group.
    static func dataFiles(_ layout: Layout, _ names: [String], _ system: SystemProbe) -> [Step] {
        let gid = system.groupID(layout.group)
        var ops: [Operation] = []
        for name in names where Layout.isDataFile(name) {
            let path = layout.store + "/" + name
            guard let st = system.status(path), st.kind == .file else { continue }
            if gid == nil || st.gid != gid { ops.append(.setOwner(path: path, owner: nil, group: layout.group)) }
            let needed = mode(of: name) & 0o060
            if st.mode & needed != needed || st.mode & 0o002 != 0 { ops.append(.setMode(path: path, mode: (st.mode | needed) & ~0o002)) }
        }
        if ops.isEmpty { return [] }
        return [.change(Say("数据文件交给 \(layout.group) 组（\(ops.count) 处）", "data files handed to group \(layout.group) (\(ops.count) changes)"), ops)]
    }

    static func accessRules(_ layout: Layout, offices: [String], _ system: SystemProbe) throws(AdminError) -> [Step] {
        let current = try AccessFile.read(layout, system)
        var rules = current ?? AccessRules()
        for o in offices where !rules.office.contains(o) { rules.setOffice(o) }
        // The accounts given first: the first owns access.json.
        rules.office = offices + rules.office.filter { !offices.contains($0) }
        let list = rules.office.joined(separator: ", ")
        if rules != current {
            return [.change(Say("access.json：办公室 \(list)", "access.json: office \(list)"), AccessFile.write(rules, layout))]
        }
        return [.kept(Say("access.json：办公室 \(list)", "access.json: office \(list)"))] + accessFileMode(layout, owner: offices[0], system)
    }

    static func accessFileMode(_ layout: Layout, owner: String, _ system: SystemProbe) -> [Step] {
        guard let st = system.status(layout.accessFile) else { return [] }
        var ops: [Operation] = []
        if system.user(uid: st.uid)?.name != owner || system.groupID(layout.group) != st.gid {
            ops.append(.setOwner(path: layout.accessFile, owner: owner, group: layout.group))
        }
        if st.mode != 0o644 { ops.append(.setMode(path: layout.accessFile, mode: 0o644)) }
        if ops.isEmpty { return [.kept(Say("access.json 只有 \(owner) 可改", "access.json can be changed by \(owner) only"))] }
        return [.change(Say("access.json 改为 \(owner) 所有、权限 644", "access.json now owned by \(owner), mode 644"), ops)]
    }
}
