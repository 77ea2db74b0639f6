/// Steps about groups and accounts, shared by the planners.
enum Accounts {
    static func ensureGroup(_ group: String, _ system: SystemProbe) -> Step {
        system.groupID(group) == nil
            ? .change(Say("建立用户组 \(group)", "created group \(group)"), .addGroup(group))
            : .kept(Say("用户组 \(group) 已有", "group \(group) exists"))
    }

    static func ensureMember(_ user: String, of group: String, _ system: SystemProbe) -> Step {
        system.groups(of: user).contains(group)
            ? .kept(Say("\(user) 已在 \(group) 组", "\(user) is in group \(group)"))
            : .change(Say("\(user) 加入 \(group) 组", "\(user) added to group \(group)"), .addToGroup(user: user, group: group))
    }

    static func ensureNotMember(_ user: String, of group: String, _ system: SystemProbe) -> Step? {
        system.groups(of: user).contains(group)
            ? .change(Say("\(user) 退出 \(group) 组", "\(user) removed from group \(group)"), .removeFromGroup(user: user, group: group))
            : nil
    }

    /// An account that can do nothing but what sshd's forced command (or the
    /// unit) runs: password field `*`, the given shell, the given groups.
    static func ensureAccount(_ name: String, shell: String, groups: [String], _ system: SystemProbe) -> [Step] {
        guard let u = system.user(name) else {
            let said = groups.isEmpty
                ? Say("建立账号 \(name)（无密码）", "created account \(name) (no password)")
                : Say("建立账号 \(name)（无密码，\(groups.joined(separator: "、")) 组）",
                      "created account \(name) (no password, groups \(groups.joined(separator: ", ")))")
            return [.change(said, .addUser(name: name, shell: shell, groups: groups))]
        }
        var steps: [Step] = [.kept(Say("账号 \(name) 已有", "account \(name) exists"))]
        if u.shell != shell {
            steps.append(.change(Say("\(name) 的登录 shell \(u.shell) → \(shell)", "\(name)'s login shell \(u.shell) → \(shell)"),
                                 .setShell(user: name, shell: shell)))
        }
        for g in groups { steps.append(ensureMember(name, of: g, system)) }
        return steps
    }

    /// The public key in ~/.ssh/authorized_keys (the only way in: the account has no password).
    static func ensureKey(_ name: String, key: String, _ system: SystemProbe) throws(AdminError) -> [Step] {
        let line = key.split(separator: "\n").map { $0.trimmingCharacters() }.first { !$0.isEmpty && !$0.hasPrefix("#") } ?? ""
        let fields = line.split(separator: " ")
        guard fields.count >= 2, ["ssh-", "ecdsa-", "sk-"].contains(where: { fields[0].hasPrefix($0) }) else {
            throw AdminError(Say("不是 SSH 公钥：\(line.prefix(40))", "not an SSH public key: \(line.prefix(40))"))
        }
        let home = system.user(name)?.home ?? "/home/\(name)"
        let dir = home + "/.ssh", file = dir + "/authorized_keys"
        let group = system.user(name).flatMap { system.groupName(gid: $0.gid) } ?? name
        let existing = system.contents(file).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let lines = existing.split(separator: "\n").map(String.init)
        let keyID = fields[0] + " " + fields[1]
        var steps: [Step] = []
        if system.status(dir)?.kind != .directory {
            steps.append(.change(Say("建立 \(dir)", "created \(dir)"), .makeDirectory(path: dir, mode: 0o700, owner: name, group: group)))
        }
        if lines.contains(where: { $0.split(separator: " ").prefix(2).joined(separator: " ") == keyID }) {
            steps.append(.kept(Say("\(name) 的公钥已在 authorized_keys", "\(name)'s key is in authorized_keys")))
        } else {
            let text = (lines + [line]).joined(separator: "\n") + "\n"
            steps.append(.change(Say("\(name) 的公钥加入 authorized_keys", "added \(name)'s key to authorized_keys"),
                                 .writeFile(path: file, bytes: Array(text.utf8), mode: 0o600, owner: name, group: group, lock: nil)))
        }
        return steps
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
