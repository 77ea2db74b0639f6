import ArgumentParser
import PlanModel
import PlanStore

struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: Help.pick("查看或（仅办公室）修改权限：谁可以修改什么。", "Show or (office only) change who may change what (权限)."),
        discussion: Help.pick("""
            办公室用户可以修改一切；报送单位用户可以修改其部门承担职责的任务的状态、进度和\
            备注；其他人只能查看。没有 access.json 时，存储目录的所有者是唯一的办公室用户。
            """, """
            Office users (办公室) may change everything; reporters (填报单位) may change the \
            status, progress and notes of tasks where one of their departments has a role; \
            everyone else may only view. Without access.json the owner of the store \
            directory is the only office user.
            """))

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp(Help.pick("设 USER 为办公室用户。", "Make USER an office user."), valueName: "USER")) var office: [String] = []
    @Option(help: ArgumentHelp(Help.pick("设 USER 为这些部门的报送单位用户。", "Make USER a reporter for departments."), valueName: "USER=DEPT[,DEPT]")) var reporter: [String] = []
    @Option(help: ArgumentHelp(Help.pick("取消 USER 的权限（恢复为只读用户）。", "Remove USER's rights (back to viewer)."), valueName: "USER")) var remove: [String] = []

    func run() throws {
        let v = store.vocabulary
        let editing = !(office.isEmpty && reporter.isEmpty && remove.isEmpty)
        let s = try StoreOpener.open(store, readOnly: !editing)
        var rules = try StoreOpener.run { try s.accessRules() }
        if editing {
            // Starting the file: keep the owner's implicit office rights.
            var r = rules ?? AccessRules(office: s.role == .office ? [s.user] : [])
            for u in office + reporter.map({ String($0.prefix { $0 != "=" }) }) where !AccessRules.isUserName(u) {
                throw CLIError(v.pick("“\(u)”不是用户名（为空，或含空白、控制字符）",
                                      "\"\(u)\" is not a user name (empty, or with spaces or control characters)"))
            }
            for u in remove {
                r.remove(u)
                if r.office.isEmpty && office.isEmpty && rules?.office.contains(u) == true {
                    throw CLIError(v.pick("\(u) 是最后一个办公室用户；请先设另一个用户为办公室用户（--office USER），否则再无人能修改权限",
                                          "\(u) is the last office user; make another user office first (--office USER), or nobody could change access again"))
                }
            }
            for u in office { r.setOffice(u) }
            for spec in reporter {
                let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
                let deps = parts.count == 2 ? parts[1].split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty } : []
                guard parts.count == 2, !parts[0].isEmpty, !deps.isEmpty else {
                    throw CLIError(v.pick("--reporter：“\(spec)”的格式应为 USER=DEPT[,DEPT]", "--reporter: \"\(spec)\" is not USER=DEPT[,DEPT]"))
                }
                r.setReporter(parts[0], departments: deps)
            }
            try StoreOpener.run { try s.setAccessRules(r) }
            rules = r
        }
        let c = v.colon, none = v.pick("（无）", "(none)")
        if let rules {
            Output.line(v.accessRole(.office) + c + (rules.office.isEmpty ? none : rules.office.joined(separator: ", ")))
            Output.line(v.pick("报送单位：", "reporters:") + (rules.reporters.isEmpty ? (v.isEnglish ? " " : "") + none : ""))
            Output.table(rules.reporters.map { ["  " + $0.user, $0.departments.joined(separator: "、")] }).forEach { Output.line($0) }
            Output.line(v.pick("其他人：只读用户", "everyone else: viewer (read-only)"))
        } else {
            Output.line(v.pick("没有 access.json：\(s.path) 的所有者是办公室用户，其他人只读",
                               "no access.json: the owner of \(s.path) is the office user; everyone else is read-only"))
        }
        var mine = v.pick("你（\(s.user)）", "you (\(s.user))") + c + v.accessRole(s.role)
        if case .reporter(let d) = s.role { mine += v.pick("，报送 ", " for ") + d.joined(separator: "、") }
        if !editing, let why = s.readOnlyReason, s.role != .viewer, why != "opened read-only" {
            mine += v.pick("（只读：\(why)）", " (read-only: \(why))")
        }
        Output.line(mine)
        // The rules table the store decides every change by.
        Output.line(v.pick("谁可以做什么：", "who may do what:"))
        Output.table(PermissionRule.allCases.map { ["  " + v.label($0.what), v.label($0.who)] }).forEach { Output.line($0) }
        Output.line(s.settings.closureReview
            ? v.pick("办结审核：开启（报送单位申请办结，办公室审核）", "closure review: on (units apply for closure, the office reviews)")
            : v.pick("办结审核：关闭（牵头单位可直接设为已完成；在 settings.json 中设 \"closureReview\": true 开启）",
                     "closure review: off (the lead unit may set done directly; set \"closureReview\": true in settings.json)"))
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
