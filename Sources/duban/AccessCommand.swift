import ArgumentParser
import PlanModel
import PlanStore

struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Show or (office only) change who may change what (权限).",
        discussion: """
            Office users (办公室) may change everything; reporters (填报单位) may change the \
            status, progress and notes of tasks where one of their departments has a role; \
            everyone else may only view. Without access.json the owner of the store \
            directory is the only office user.
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("Make USER an office user.", valueName: "USER")) var office: [String] = []
    @Option(help: ArgumentHelp("Make USER a reporter for departments.", valueName: "USER=DEPT[,DEPT]")) var reporter: [String] = []
    @Option(help: ArgumentHelp("Remove USER's rights (back to viewer).", valueName: "USER")) var remove: [String] = []

    func run() throws {
        let editing = !(office.isEmpty && reporter.isEmpty && remove.isEmpty)
        let s = try StoreOpener.open(store, readOnly: !editing)
        var rules = try StoreOpener.run { try s.accessRules() }
        if editing {
            // Starting the file: keep the owner's implicit office rights.
            var r = rules ?? AccessRules(office: s.role == .office ? [s.user] : [])
            for u in office + reporter.map({ String($0.prefix { $0 != "=" }) }) where !AccessRules.isUserName(u) {
                throw CLIError("\"\(u)\" is not a user name (empty, or with spaces or control characters)")
            }
            for u in remove {
                r.remove(u)
                if r.office.isEmpty && office.isEmpty && rules?.office.contains(u) == true {
                    throw CLIError("\(u) is the last office user; make another user office first (--office USER), or nobody could change access again")
                }
            }
            for u in office { r.setOffice(u) }
            for spec in reporter {
                let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
                let deps = parts.count == 2 ? parts[1].split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty } : []
                guard parts.count == 2, !parts[0].isEmpty, !deps.isEmpty else {
                    throw CLIError("--reporter: \"\(spec)\" is not USER=DEPT[,DEPT]")
                }
                r.setReporter(parts[0], departments: deps)
            }
            try StoreOpener.run { try s.setAccessRules(r) }
            rules = r
        }
        if let rules {
            Output.line("office: " + (rules.office.isEmpty ? "(none)" : rules.office.joined(separator: ", ")))
            Output.line("reporters:" + (rules.reporters.isEmpty ? " (none)" : ""))
            Output.table(rules.reporters.map { ["  " + $0.user, $0.departments.joined(separator: "、")] }).forEach { Output.line($0) }
            Output.line("everyone else: viewer (read-only)")
        } else {
            Output.line("no access.json: the owner of \(s.path) is the office user; everyone else is read-only")
        }
        var mine = "you (\(s.user)): \(s.role.name)"
        if case .reporter(let d) = s.role { mine += " for " + d.joined(separator: "、") }
        if !editing, let why = s.readOnlyReason, s.role != .viewer, why != "opened read-only" { mine += " (read-only: \(why))" }
        Output.line(mine)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
