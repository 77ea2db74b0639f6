import PlanStore
#if canImport(Glibc)
import Glibc
#endif

/// One check of a running deployment: what was found and, when it is wrong,
/// how to put it right.
public struct Finding: Equatable, Sendable {
    public var ok: Bool
    public var message: Say
    public var fix: Say?

    public static func good(_ m: Say) -> Finding { Finding(ok: true, message: m, fix: nil) }
    public static func bad(_ m: Say, fix: Say) -> Finding { Finding(ok: false, message: m, fix: fix) }

    public func line(english: Bool) -> String {
        let head = (ok ? "✓ " : "✗ ") + message.text(english: english)
        guard let fix else { return head }
        return head + (english ? " — fix: " : " —— 修复：") + fix.text(english: english)
    }
}

/// `duban admin doctor`: checks the store, the accounts, the locale, sshd's
/// configuration in effect, the binary, terminfo and the kiosk units.
public struct Doctor {
    public var layout: Layout
    public var system: SystemProbe
    public var runner: CommandRunner
    /// The locale sessions are given (the drop-in's SetEnv); must exist here.
    public var locale = "C.UTF-8"
    public var terminals = ["xterm-256color", "tmux-256color", "putty", "linux"]
    public var terminfoDirectories = ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"]
    public var systemdRunning = false
    /// Department names (and aliases) of the store's plans; nil: not checked.
    public var departments: Set<String>?
    /// Tells whether a locale can be set; the live one asks setlocale.
    public var localeExists: (String) -> Bool = Doctor.systemHasLocale

    public init(layout: Layout, system: SystemProbe, runner: CommandRunner) {
        self.layout = layout; self.system = system; self.runner = runner
    }

    public func run() -> [Finding] {
        var out = storeDirectory()
        let rules = accessRules(&out)
        out += storeFiles()
        if let rules { out += accounts(rules) }
        out.append(localeCheck())
        out += sshd(rules)
        out += binary(rules)
        out += terminfo()
        out += kioskUnits()
        return out
    }

    func storeDirectory() -> [Finding] {
        let d = layout.store, want = StoreSetup.directoryMode
        guard let st = system.status(d) else {
            return [.bad(Say("\(d) 不存在", "\(d) does not exist"), fix: Say("duban admin init-store \(d) --office 账号", "duban admin init-store \(d) --office ACCOUNT"))]
        }
        guard st.kind == .directory else {
            return [.bad(Say("\(d) 不是目录", "\(d) is not a directory"), fix: Say("移走它，再运行 duban admin init-store", "move it away and run duban admin init-store"))]
        }
        var out: [Finding] = []
        let owner = system.user(uid: st.uid)?.name ?? "\(st.uid)"
        let offices = (try? AccessFile.read(layout, system))??.office ?? []
        if st.gid != system.groupID(layout.group) || !(st.uid == 0 || offices.contains(owner)) {
            let now = owner + ":" + (system.groupName(gid: st.gid) ?? "\(st.gid)")
            let want = (offices.first ?? "root") + ":" + layout.group
            out.append(.bad(Say("\(d) 属于 \(now)，应为办公室账号和 \(layout.group) 组（\(want)）", "\(d) is owned by \(now), not an office account and group \(layout.group) (\(want))"),
                            fix: Say("chown \(want) \(d)", "chown \(want) \(d)")))
        }
        if st.mode != want {
            out.append(.bad(Say("\(d) 权限为 \(octal(st.mode))，应为 \(octal(want))（setgid + sticky，组可写）",
                                "\(d) has mode \(octal(st.mode)), not \(octal(want)) (setgid + sticky, group-writable)"),
                            fix: Say("chmod \(octal(want)) \(d)", "chmod \(octal(want)) \(d)")))
        }
        if out.isEmpty {
            let who = owner + ":" + layout.group
            out.append(.good(Say("\(d)：\(who)，\(octal(want))", "\(d): \(who), \(octal(want))")))
        }
        return out
    }

    func accessRules(_ out: inout [Finding]) -> AccessRules? {
        let f = layout.accessFile
        let rules: AccessRules?
        do { rules = try AccessFile.read(layout, system) } catch {
            out.append(.bad(error.message, fix: Say("改正 \(f) 的语法", "correct the syntax of \(f)")))
            return nil
        }
        guard let rules else {
            out.append(.bad(Say("\(f) 不存在：目录所有者 root 成了办公室", "\(f) does not exist: root, the directory's owner, is the office"),
                            fix: Say("duban admin init-store \(layout.store) --office 账号", "duban admin init-store \(layout.store) --office ACCOUNT")))
            return nil
        }
        guard let owner = rules.office.first else {
            out.append(.bad(Say("\(f) 没有办公室账号", "\(f) names no office account"),
                            fix: Say("duban admin init-store \(layout.store) --office 账号", "duban admin init-store \(layout.store) --office ACCOUNT")))
            return rules
        }
        guard let st = system.status(f), st.kind == .file else {
            out.append(.bad(Say("\(f) 不是普通文件", "\(f) is not a regular file"), fix: Say("删除它，再运行 duban admin init-store", "remove it and run duban admin init-store")))
            return rules
        }
        let ownerName = system.user(uid: st.uid)?.name ?? "\(st.uid)"
        if !(rules.office.contains(ownerName) || st.uid == 0) || st.mode & 0o022 != 0 {
            out.append(.bad(Say("\(f) 属于 \(ownerName)、权限 \(octal(st.mode))：办公室以外的人也能改", "\(f) is owned by \(ownerName) with mode \(octal(st.mode)): others than the office can change it"),
                            fix: Say("chown \(owner) \(f) && chmod 644 \(f)", "chown \(owner) \(f) && chmod 644 \(f)")))
        } else {
            out.append(.good(Say("\(f)：只有办公室（\(ownerName)）可改", "\(f): only the office (\(ownerName)) can change it")))
        }
        return rules
    }

    func storeFiles() -> [Finding] {
        guard let names = system.list(layout.store) else { return [] }
        let gid = system.groupID(layout.group)
        var out: [Finding] = []
        for name in names {
            let path = layout.store + "/" + name
            guard let st = system.status(path) else { continue }
            if st.kind == .symlink || st.kind == .other {
                out.append(.bad(Say("\(path) 不是普通文件", "\(path) is not a regular file"), fix: Say("删除 \(path)", "remove \(path)")))
                continue
            }
            let want = StoreSetup.mode(of: name), groupBits = want & 0o060
            if Layout.isDataFile(name), st.gid != gid || st.mode & groupBits != groupBits || st.mode & 0o002 != 0 {
                out.append(.bad(Say("\(path) 权限 \(octal(st.mode))、组 \(system.groupName(gid: st.gid) ?? "?")：应为 \(layout.group) 组、\(octal(want))",
                                    "\(path) has mode \(octal(st.mode)) and group \(system.groupName(gid: st.gid) ?? "?"), not group \(layout.group) and \(octal(want))"),
                                fix: Say("chgrp \(layout.group) \(path) && chmod \(octal(want)) \(path)", "chgrp \(layout.group) \(path) && chmod \(octal(want)) \(path)")))
            }
        }
        if out.isEmpty {
            out.append(.good(Say("存储文件属于 \(layout.group) 组，日志组可写", "store files: in group \(layout.group), journals writable by it")))
        }
        return out
    }

    func accounts(_ rules: AccessRules) -> [Finding] {
        var out: [Finding] = []
        for u in rules.office {
            if system.user(u) == nil {
                out.append(.bad(Say("办公室账号 \(u) 不存在", "office account \(u) does not exist"), fix: Say("adduser \(u)", "adduser \(u)")))
            } else if !system.groups(of: u).contains(layout.group) {
                out.append(.bad(Say("办公室账号 \(u) 不在 \(layout.group) 组", "office account \(u) is not in group \(layout.group)"),
                                fix: Say("usermod -aG \(layout.group) \(u)", "usermod -aG \(layout.group) \(u)")))
            }
        }
        for r in rules.reporters {
            let fix = Say("duban admin add-reporter \(r.user) --dept \(r.departments.joined(separator: " --dept "))",
                          "duban admin add-reporter \(r.user) --dept \(r.departments.joined(separator: " --dept "))")
            if system.user(r.user) == nil {
                out.append(.bad(Say("填报账号 \(r.user) 不存在", "reporter account \(r.user) does not exist"), fix: fix))
                continue
            }
            let missing = [layout.group, layout.reportersGroup].filter { !system.groups(of: r.user).contains($0) }
            if !missing.isEmpty {
                out.append(.bad(Say("填报账号 \(r.user) 不在 \(missing.joined(separator: "、")) 组", "reporter account \(r.user) is not in \(missing.joined(separator: ", "))"), fix: fix))
            }
            // A misspelt department gives the account nothing to report on.
            if let known = departments, !known.isEmpty {
                for d in r.departments where !known.contains(d) {
                    out.append(.bad(Say("\(r.user) 的单位「\(d)」不在任何计划中", "\(r.user)'s department \(d) is in no plan"),
                                    fix: Say("duban admin add-reporter \(r.user) --dept 计划中的单位名", "duban admin add-reporter \(r.user) --dept NAME-AS-IN-THE-PLAN")))
                }
            }
        }
        if out.isEmpty {
            out.append(.good(Say("账号：\(rules.office.count) 个办公室，\(rules.reporters.count) 个填报单位", "accounts: \(rules.office.count) office, \(rules.reporters.count) reporters")))
        }
        return out
    }

    func localeCheck() -> Finding {
        localeExists(locale)
            ? .good(Say("区域设置 \(locale) 可用", "locale \(locale) is available"))
            : .bad(Say("区域设置 \(locale) 不可用：中文将显示为 ?", "locale \(locale) is not available: Chinese would show as ?"),
                   fix: Say("apt-get install locales（C.UTF-8 随 glibc 提供），或 localedef -i C -f UTF-8 C.UTF-8",
                            "apt-get install locales (glibc ships C.UTF-8), or localedef -i C -f UTF-8 C.UTF-8"))
    }

    public static func systemHasLocale(_ name: String) -> Bool {
        let saved = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
        defer { setlocale(LC_CTYPE, saved) }
        guard setlocale(LC_CTYPE, name) != nil, let cs = nl_langinfo(nl_item(CODESET)) else { return false }
        return String(cString: cs).lowercased().filter { $0 != "-" } == "utf8"
    }

    /// The accounts whose sshd configuration is checked: every reporter and
    /// every member of the kiosk group.
    func sshAccounts(_ rules: AccessRules?) -> [(user: String, kiosk: Bool)] {
        let reporters = (rules?.reporters.map(\.user) ?? []).filter { system.user($0) != nil }
        let kiosks = system.members(ofGroup: layout.kioskGroup)
        return reporters.map { ($0, false) } + kiosks.map { ($0, true) }
    }

    func sshd(_ rules: AccessRules?) -> [Finding] {
        var out: [Finding] = []
        if system.status(layout.sshdDropIn) == nil {
            return [.bad(Say("\(layout.sshdDropIn) 不存在", "\(layout.sshdDropIn) does not exist"), fix: Say("duban admin sshd --write", "duban admin sshd --write"))]
        }
        if !SSHDSetup.includesDropIn(layout, system: system) {
            out.append(.bad(Say("\(layout.sshdConfig) 没有 Include \(layout.sshdDropIn)", "\(layout.sshdConfig) does not Include \(layout.sshdDropIn)"),
                            fix: Say("在 \(layout.sshdConfig) 开头加 Include \(layout.sshdDropIn.dropLastComponent())/*.conf", "add Include \(layout.sshdDropIn.dropLastComponent())/*.conf at the top of \(layout.sshdConfig)")))
        }
        for (user, kiosk) in sshAccounts(rules) {
            let r = runner.run([layout.sshd, "-T", "-f", layout.sshdConfig, "-C", "user=\(user),host=localhost,addr=127.0.0.1"])
            guard r.status == 0 else {
                out.append(.bad(Say("sshd -T 对 \(user) 失败：\(r.error.trimmingTrailingNewlines())", "sshd -T for \(user) failed: \(r.error.trimmingTrailingNewlines())"),
                                fix: Say("sshd -t 查看配置错误", "run sshd -t to see the configuration error")))
                continue
            }
            let wrong = Self.effectiveProblems(r.output, command: kiosk ? SSHDSetup.kioskCommand(layout) : SSHDSetup.dashboardCommand(layout))
            if wrong.isEmpty {
                out.append(.good(Say("sshd：\(user) 固定在\(kiosk ? "看板" : "仪表盘")，无转发，UTF-8", "sshd: \(user) pinned to the \(kiosk ? "kiosk" : "dashboard"), no forwarding, UTF-8")))
            } else {
                out.append(.bad(Say("sshd 对 \(user) 实际生效的设置不对：\(wrong.joined(separator: "；"))", "sshd's settings in effect for \(user) are wrong: \(wrong.joined(separator: "; "))"),
                                fix: Say("duban admin sshd --write，再重新加载 sshd；检查 \(layout.sshdConfig) 中更早的 Match 块", "duban admin sshd --write, then reload sshd; look for earlier Match blocks in \(layout.sshdConfig)")))
            }
        }
        return out
    }

    /// Compares `sshd -T` output (lowercase keywords) with what the drop-in sets.
    static func effectiveProblems(_ dump: String, command: String) -> [String] {
        var seen: [String: String] = [:]
        for line in dump.split(separator: "\n") {
            guard let sp = line.firstIndex(of: " ") else { continue }
            let key = line[..<sp].lowercased(), value = String(line[line.index(after: sp)...])
            if key == "setenv" { seen["setenv", default: ""] += value + " " } else if seen[key] == nil { seen[key] = value }
        }
        var wrong: [String] = []
        if seen["forcecommand"] != command { wrong.append("ForceCommand \(seen["forcecommand"] ?? "none")") }
        if !(seen["setenv"] ?? "").contains("LANG=C.UTF-8") { wrong.append("SetEnv LANG=C.UTF-8 missing") }
        for (k, v) in SSHDSetup.restrictions where seen[k.lowercased()] != v {
            wrong.append("\(k) \(seen[k.lowercased()] ?? "?")")
        }
        return wrong
    }

    func binary(_ rules: AccessRules?) -> [Finding] {
        var out: [Finding] = []
        guard system.status(layout.binary)?.kind == .file else {
            return [.bad(Say("\(layout.binary) 不存在", "\(layout.binary) does not exist"), fix: Say("安装 duban（install.sh 或 make install）", "install duban (see the README's installation)"))]
        }
        for (user, _) in sshAccounts(rules) {
            let r = runner.run(["setpriv", "--reuid=\(user)", "--regid=\(system.user(user)?.gid ?? 0)", "--init-groups", layout.binary, "--help"])
            if r.status != 0 {
                out.append(.bad(Say("\(user) 无法运行 \(layout.binary)：\(r.error.trimmingTrailingNewlines())", "\(user) cannot run \(layout.binary): \(r.error.trimmingTrailingNewlines())"),
                                fix: Say("chmod 755 \(layout.binary)，并让上级目录对所有人可进入", "chmod 755 \(layout.binary) and make its directories searchable by everyone")))
            }
        }
        if out.isEmpty { out.append(.good(Say("\(layout.binary) 各账号均可运行", "\(layout.binary) runs for every account"))) }
        return out
    }

    func terminfo() -> [Finding] {
        let missing = terminals.filter { name in
            !terminfoDirectories.contains { dir in
                system.status(dir + "/" + String(name.prefix(1)) + "/" + name) != nil
                    || system.status(dir + "/" + hexDirectory(name) + "/" + name) != nil
            }
        }
        if missing.isEmpty { return [.good(Say("terminfo：\(terminals.joined(separator: "、"))", "terminfo: \(terminals.joined(separator: ", "))"))] }
        return [.bad(Say("缺少 terminfo：\(missing.joined(separator: "、"))", "terminfo missing: \(missing.joined(separator: ", "))"),
                     fix: Say("apt-get install ncurses-term", "apt-get install ncurses-term"))]
    }

    /// The hexadecimal directory some systems use (`78/xterm`).
    func hexDirectory(_ name: String) -> String { String(name.utf8.first ?? 0, radix: 16) }

    func kioskUnits() -> [Finding] {
        let units = (system.list(layout.unitDirectory) ?? []).filter { $0.hasPrefix("duban-kiosk-") && $0.hasSuffix(".service") }
        if units.isEmpty { return [.good(Say("没有本机看板单元", "no console kiosk unit"))] }
        guard systemdRunning else {
            return [.bad(Say("systemd 未运行，看板单元 \(units.joined(separator: "、")) 不会启动", "systemd is not running: kiosk units \(units.joined(separator: ", ")) do not start"),
                         fix: Say("在用 systemd 启动的系统上运行", "run on a system booted with systemd"))]
        }
        return units.map { unit in
            let state = runner.run(["systemctl", "is-active", unit]).output.trimmingTrailingNewlines()
            return state == "active"
                ? .good(Say("\(unit) 运行中", "\(unit) is active"))
                : .bad(Say("\(unit) 状态 \(state)", "\(unit) is \(state)"), fix: Say("systemctl enable --now \(unit)；journalctl -u \(unit)", "systemctl enable --now \(unit); journalctl -u \(unit)"))
        }
    }
}
