import PlanStore

/// `duban admin add-reporter` and `remove-reporter`: a province office's
/// account (no password, in the writers' group and the group sshd pins to the
/// dashboard), its key, and its access rule.
public enum ReporterSetup {
    public static func add(_ layout: Layout, account: String, departments: [String], key: String?,
                           system: SystemProbe) throws(AdminError) -> [Step] {
        guard Self.isAccountName(account) else {
            throw AdminError(Say("\"\(account)\" 不是账号名（小写字母、数字、-、_，以字母开头）",
                                 "\"\(account)\" is not an account name (lowercase letters, digits, - and _, starting with a letter)"))
        }
        let departments = departments.map { Substring($0).trimmingCharacters() }.filter { !$0.isEmpty }
        guard !departments.isEmpty else { throw AdminError(Say("至少需要一个 --dept 单位", "at least one --dept is needed")) }
        guard var rules = try AccessFile.read(layout, system) else {
            throw AdminError(Say("\(layout.accessFile) 不存在：先运行 duban admin init-store",
                                 "\(layout.accessFile) does not exist: run duban admin init-store first"))
        }
        if rules.office.contains(account) {
            throw AdminError(Say("\(account) 是办公室账号，不能改为填报单位", "\(account) is an office account and cannot become a reporter"))
        }
        var steps = [Accounts.ensureGroup(layout.group, system), Accounts.ensureGroup(layout.reportersGroup, system)]
        steps += Accounts.ensureAccount(account, shell: layout.sshShell, groups: [layout.group, layout.reportersGroup], system)
        if let s = Accounts.ensureNotMember(account, of: layout.kioskGroup, system) { steps.append(s) }
        if let key { steps += try Accounts.ensureKey(account, key: key, system) }
        let names = departments.joined(separator: "、")
        if rules.role(of: account) == .reporter(departments: departments) {
            steps.append(.kept(Say("access.json：\(account) 填报 \(names)", "access.json: \(account) reports for \(names)")))
        } else {
            rules.setReporter(account, departments: departments)
            steps.append(.change(Say("access.json：\(account) 填报 \(names)", "access.json: \(account) reports for \(names)"),
                                 AccessFile.write(rules, layout)))
        }
        return steps
    }

    /// Takes the rule away and removes the account and its home directory; the
    /// journal keeps every change the account made. An account that is not in
    /// the reporters' group is not Duban's to remove and is left alone.
    public static func remove(_ layout: Layout, account: String, system: SystemProbe) throws(AdminError) -> [Step] {
        var steps: [Step] = []
        if var rules = try AccessFile.read(layout, system), rules.role(of: account) != .viewer {
            if rules.office.contains(account) {
                throw AdminError(Say("\(account) 是办公室账号，不是填报单位", "\(account) is an office account, not a reporter"))
            }
            rules.remove(account)
            steps.append(.change(Say("access.json：删除 \(account) 的规则", "access.json: removed \(account)'s rule"), AccessFile.write(rules, layout)))
        } else {
            steps.append(.kept(Say("access.json 中没有 \(account)", "access.json has no rule for \(account)")))
        }
        if system.user(account) == nil {
            steps.append(.kept(Say("账号 \(account) 不存在", "account \(account) does not exist")))
        } else if system.groups(of: account).contains(layout.reportersGroup) {
            steps.append(.change(Say("删除账号 \(account) 及其主目录（日志保留）", "removed account \(account) and its home (the journal keeps its changes)"),
                                 .deleteUser(account)))
        } else {
            steps.append(.kept(Say("\(account) 不在 \(layout.reportersGroup) 组，账号保留", "\(account) is not in \(layout.reportersGroup): the account is kept")))
        }
        return steps
    }

    static func isAccountName(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, ("a"..."z").contains(f), s.count <= 32 else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}
