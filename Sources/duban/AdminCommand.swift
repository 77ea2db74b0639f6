#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Deployment
import FoundationEssentials
import PlanModel
import PlanStore

struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Set up and check a deployment (部署), as root.",
        discussion: """
            Each step can be run again: it prints what it changed (+) and what it left as it \
            was (=). A typical set-up: init-store, add-reporter for each province office, \
            kiosk, sshd --write, then doctor.
            """,
        subcommands: [AdminInitStore.self, AdminAddReporter.self, AdminRemoveReporter.self,
                      AdminSSHD.self, AdminKiosk.self, AdminDoctor.self])
}

/// Options every admin step takes.
struct AdminOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The shared store directory.", valueName: "DIR")) var store = "/srv/duban"
    @Option(help: ArgumentHelp("The group of everyone who may write the store.", valueName: "GROUP")) var group = "duban"
    @Option(help: ArgumentHelp("Messages in zh (default) or en (default: $DUBAN_LANG).", valueName: "LANG")) var lang: String?
    @Option(help: ArgumentHelp("The installed duban that sessions run (default: this binary).", valueName: "PATH")) var binary: String?
    @Option(help: .hidden) var sshdConfig = "/etc/ssh/sshd_config"
    @Option(help: .hidden) var sshdDropIn = "/etc/ssh/sshd_config.d/duban.conf"
    @Option(help: .hidden) var unitDirectory = "/etc/systemd/system"
    @Option(help: .hidden) var reportersGroup = "duban-reporters"
    @Option(help: .hidden) var kioskGroup = "duban-kiosk"

    func validate() throws {
        if let lang, lang != "zh" && lang != "en" { throw ValidationError("--lang: \"\(lang)\" is not zh or en") }
    }

    var english: Bool { Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment) == .en }

    var layout: Layout {
        var l = Layout()
        l.store = store.count > 1 && store.hasSuffix("/") ? String(store.dropLast()) : store
        l.group = group
        l.binary = binary ?? Self.thisBinary()
        l.sshdConfig = sshdConfig
        l.sshdDropIn = sshdDropIn
        l.unitDirectory = unitDirectory
        l.reportersGroup = reportersGroup
        l.kioskGroup = kioskGroup
        return l
    }

    static func thisBinary() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    func requireRoot() throws {
        guard getuid() == 0 else {
            throw CLIError(english ? "duban admin must run as root (sudo duban admin …)" : "duban admin 需要以 root 运行（sudo duban admin …）")
        }
    }

    /// Applies the steps and prints one line for each.
    func apply(_ steps: () throws(AdminError) -> [Step]) throws {
        do {
            for line in try steps().apply(with: LiveApplier(), english: english) { Output.line(line) }
        } catch {
            throw CLIError("duban admin: " + error.message.text(english: english))
        }
    }

    func readKey(_ path: String?) throws -> String? {
        guard let path else { return nil }
        guard let d = FileManager.default.contents(atPath: path) else {
            throw CLIError(english ? "\(path): cannot read the key" : "\(path)：无法读取公钥")
        }
        return String(decoding: d, as: UTF8.self)
    }
}

struct AdminInitStore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init-store",
        abstract: "Create or repair the store directory and its access rules.",
        discussion: """
            The directory becomes root's, in the writers' group, mode 3775 (setgid: new \
            files keep the group; sticky: nobody replaces another's file). access.json lists \
            the office accounts and belongs to the first of them, mode 644, so only the office \
            can change who may do what.
            """)

    @OptionGroup var admin: AdminOptions
    @Argument(help: ArgumentHelp("The store directory (default: --store).", valueName: "DIR")) var directory: String?
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Office accounts (full rights); the first owns access.json.", valueName: "USER"))
    var office: [String] = []
    @Flag(inversion: .prefixedNo, help: "Fill a new store with the sample plans built into duban.") var sample = false

    func run() throws {
        try admin.requireRoot()
        var layout = admin.layout
        if let directory { layout.store = directory }
        let files = sample ? BundledSample.files : nil
        try admin.apply { () throws(AdminError) in try StoreSetup.plan(layout, offices: office, sample: files, system: LiveSystem()) }
    }
}

struct AdminAddReporter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-reporter",
        abstract: "Add a province office's account (填报单位) with its departments and key.",
        discussion: """
            The account has no password and sshd pins it to the dashboard (see admin sshd); it \
            joins the writers' group and duban-reporters, its key goes into \
            ~/.ssh/authorized_keys, and access.json lets it change its departments' tasks.
            """)

    @OptionGroup var admin: AdminOptions
    @Argument(help: ArgumentHelp("The Unix account.", valueName: "ACCOUNT")) var account: String
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Departments it reports for, as the plans name them.", valueName: "NAME"))
    var dept: [String] = []
    @Option(help: ArgumentHelp("Its SSH public key.", valueName: "FILE")) var key: String?

    func run() throws {
        try admin.requireRoot()
        let layout = admin.layout, key = try admin.readKey(self.key)
        try admin.apply { () throws(AdminError) in
            try ReporterSetup.add(layout, account: account, departments: dept, key: key, system: LiveSystem())
        }
    }
}

struct AdminRemoveReporter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-reporter",
        abstract: "Remove a reporter's access rule and account; the journal keeps its changes.")

    @OptionGroup var admin: AdminOptions
    @Argument(help: ArgumentHelp("The Unix account.", valueName: "ACCOUNT")) var account: String

    func run() throws {
        try admin.requireRoot()
        let layout = admin.layout
        try admin.apply { () throws(AdminError) in try ReporterSetup.remove(layout, account: account, system: LiveSystem()) }
    }
}

struct AdminSSHD: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sshd",
        abstract: "Print, or with --write install, the sshd drop-in that pins accounts to Duban.",
        discussion: """
            Reporters (group duban-reporters) get the dashboard and kiosk accounts (group \
            duban-kiosk) the kiosk, as forced commands, with LANG=C.UTF-8 and no forwarding. \
            The drop-in is checked with sshd -t before it is written.
            """)

    @OptionGroup var admin: AdminOptions
    @Flag(help: "Write the drop-in (after sshd -t accepts it) and reload sshd.") var write = false
    @Flag(help: "Do not reload sshd after writing.") var noReload = false
    @Option(help: ArgumentHelp("Interface language of SSH sessions: zh (default) or en.", valueName: "LANG")) var sessionLang: String?
    @Option(help: .hidden) var sshd = "/usr/sbin/sshd"

    func run() throws {
        try admin.requireRoot()
        var layout = admin.layout
        layout.sshd = sshd
        layout.sessionLanguage = sessionLang
        let text = SSHDSetup.dropIn(layout)
        guard write else { print(text, terminator: ""); return }
        if let complaint = SSHDSetup.validate(layout, candidate: text, runner: ProcessRunner()) {
            throw CLIError(admin.english ? "sshd -t refuses the drop-in; nothing written: \(complaint)"
                                         : "sshd -t 不接受这份配置，未写入：\(complaint)")
        }
        let reload = !noReload && SystemdState.running && ProcessRunner().run(["systemctl", "is-active", "--quiet", "ssh.service"]).status == 0
        try admin.apply { () throws(AdminError) in SSHDSetup.write(layout, reload: reload, system: LiveSystem()) }
    }
}

struct AdminKiosk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "Set up the wall display: on a console (--tty) or as an SSH account (--account).")

    @OptionGroup var admin: AdminOptions
    @Option(help: ArgumentHelp("Run the kiosk on this virtual console through a systemd unit.", valueName: "N")) var tty: Int?
    @Option(help: ArgumentHelp("With --tty: the account the unit runs as; alone: an SSH account pinned to the kiosk.", valueName: "NAME"))
    var account: String?
    @Option(help: ArgumentHelp("The SSH account's public key.", valueName: "FILE")) var key: String?

    func validate() throws {
        if tty == nil && account == nil {
            throw ValidationError(admin.english ? "give --tty N or --account NAME" : "请给出 --tty N 或 --account 账号")
        }
    }

    func run() throws {
        try admin.requireRoot()
        let layout = admin.layout, key = try admin.readKey(self.key)
        if let tty {
            let running = SystemdState.running
            try admin.apply { () throws(AdminError) in
                try KioskSetup.console(layout, tty: tty, account: account ?? "wallscreen", systemdRunning: running, system: LiveSystem())
            }
        } else if let account {
            try admin.apply { () throws(AdminError) in try KioskSetup.sshAccount(layout, account: account, key: key, system: LiveSystem()) }
        }
    }
}

struct AdminDoctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check a running deployment; names each problem with its fix and exits non-zero if any.")

    @OptionGroup var admin: AdminOptions
    @Option(help: ArgumentHelp("The UTF-8 locale sessions are given.", valueName: "NAME")) var locale = "C.UTF-8"
    @Option(help: .hidden) var sshd = "/usr/sbin/sshd"

    func run() throws {
        try admin.requireRoot()
        var layout = admin.layout
        layout.sshd = sshd
        var doctor = Doctor(layout: layout, system: LiveSystem(), runner: ProcessRunner())
        doctor.locale = locale
        doctor.systemdRunning = SystemdState.running
        doctor.departments = Self.departments(layout.store)
        // The store's own check (file types, owners, modes, the files' contents) as well.
        let findings = doctor.run() + Self.storeCheck(layout.store)
        for f in findings { Output.line(f.line(english: admin.english)) }
        let bad = findings.filter { !$0.ok }.count
        if bad > 0 {
            Output.line(admin.english ? "\(bad) problem\(bad == 1 ? "" : "s")" : "\(bad) 个问题")
            throw ExitCode(1)
        }
        Output.line(admin.english ? "no problems" : "没有问题")
    }
}

extension AdminDoctor {
    static func storeCheck(_ store: String) -> [Finding] {
        guard let s = try? Store.open(store, readOnly: true) else { return [] }
        let problems = s.check()
        if problems.isEmpty { return [.good(Say("duban check：没有问题", "duban check: no problems"))] }
        return problems.map {
            .bad(Say("duban check：\($0.description)", "duban check: \($0.description)"),
                 fix: Say("duban --store \(store) check 给出详情", "duban --store \(store) check for details"))
        }
    }

    /// Every department name and alias in the store's plans, read without
    /// writing anything; nil when the store cannot be opened.
    static func departments(_ store: String) -> Set<String>? {
        guard let s = try? Store.open(store, readOnly: true) else { return nil }
        var names = Set<String>()
        for id in s.planIDs() {
            guard let p = try? s.displayPlan(id) else { continue }
            for d in p.departments { names.insert(d.name); names.formUnion(d.aliases) }
        }
        return names
    }
}

enum SystemdState {
    static var running: Bool { FileManager.default.fileExists(atPath: "/run/systemd/system") }
}
