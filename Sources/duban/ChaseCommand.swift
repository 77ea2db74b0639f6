import ArgumentParser
import FoundationEssentials
import PlanModel
import OfficeFiles
import PlanReports
import PlanStore

struct ChaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chase",
        abstract: Help.pick("催办：超期、临近截止和未报送事项，每个单位一份通知。",
                            "Chase departments (催办): overdue, due-soon and unreported items, one notice per department."),
        discussion: Help.pick("""
            按单位列出其负责且已超期或在预警期内到期的任务，以及在进行中的报送轮次中未报送的事项。\
            不加 --dry-run 时为每个单位记录一次催办（仅督办办公室），并在 --out 目录为每个单位写一份\
            催办通知。同一事项第二次催办标为“再次催办”，第三次为“第三次催办/通报”（级次见 settings.json 的 chase）。
            """, """
            Lists per department the tasks it answers for that are overdue or due within \
            the warning window (dueSoonDays in settings.json), and the feedback it owes in \
            the open round. Without --dry-run it records one chase per department (office \
            only) and writes one 催办通知 per department to --out DIR. An item chased a \
            second time is marked 再次催办, a third time 第三次催办/通报 (steps: "chase" in \
            settings.json).
            """))

    @OptionGroup var store: StoreOptions
    var language: SessionLanguage { SessionLanguage(store) }
    @Argument(help: ArgumentHelp(Help.pick("计划编号。", "Plan id."))) var plan: String
    @Option(help: ArgumentHelp(Help.pick("只催办该单位。", "Only this department."), valueName: "NAME")) var dept: String?
    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(Help.pick("只列出将催办的事项，不记录也不写文件。", "Show what would be chased; record and write nothing."))) var dryRun = false
    @Option(help: ArgumentHelp(Help.pick("通知格式：txt（默认）、md 或 docx（每单位一份），或 xlsx（全部单位一张清单）。", "Notices as txt (default), md or docx (one per department), or xlsx (one list of every department's items)."))) var format: String = "txt"
    @Option(help: ArgumentHelp(Help.pick("通知写入的目录（默认当前目录）。", "Directory for the notices (default: the current directory)."), valueName: "DIR")) var out: String?
    @Option(help: ArgumentHelp(Help.pick("落款单位（默认为计划的发文机关）。", "The office that signs the notices (default: the plan's issuer)."), valueName: "NAME")) var office: String?

    func run() throws {
        let l = language
        guard let f = ReportFormat(rawValue: format), f != .csv else {
            throw CLIError(l.s("--format：“\(format)”应为 txt、md、docx 或 xlsx", "--format: \"\(format)\" is not txt, md, docx or xlsx"))
        }
        let s = try StoreOpener.open(store, readOnly: dryRun)
        let p = try l.plan(plan, in: s)
        if let dept, p.department(named: dept) == nil {
            throw CLIError(l.s("计划 \(plan) 中没有单位“\(dept)”", "no department \"\(dept)\" in plan \(plan)"))
        }
        let ev = s.evaluation(for: p, today: store.today.flatMap { Day($0) })
        let settings = s.settings.chase
        let drafts = p.chaseDrafts(today: ev.today, dueSoonDays: ev.dueSoonDays, settings: settings,
                                   department: dept.map { p.department(named: $0)?.name ?? $0 })
        let signer = office ?? (p.issuer.isEmpty ? l.s("督办办公室", "the supervision office") : p.issuer)
        let counts = p.chaseCounts().departments
        if drafts.isEmpty { Output.line(l.s("\(ev.today)：没有需要催办的事项", "\(ev.today): nothing to chase")) }
        for c in drafts {
            let head = l.english ? settings.label(c.step).en : settings.label(c.step).zh
            Output.line(l.s("\(c.department)（\(head)，此前已催办 \(counts[c.department] ?? 0) 次，\(c.items.count) 项，请于 \(c.reply) 前反馈）",
                            "\(c.department) (\(head); chased \(counts[c.department] ?? 0) times before; \(c.items.count) items; reply by \(c.reply))"))
            for i in c.items {
                let t = p.task(i.task)
                let owed = i.owed.map { l.english ? $0.label.en : $0.label.zh }.joined(separator: l.s("、", ", "))
                let step = i.step > 1 ? l.s("［第\(i.step)次］", " [chase \(i.step)]") : ""
                Output.line("  \(i.task)  \(t.map { l.s("截止", "due ") + $0.due.description } ?? "")  \(owed)\(step)  \(t?.title ?? "")")
            }
        }
        guard !dryRun, !drafts.isEmpty else { return }
        let dir = out ?? FileManager.default.currentDirectoryPath
        var isDir = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir else {
            throw CLIError(l.s("--out：目录 \(dir) 不存在", "--out: no directory \(dir)"))
        }
        let context = OfficeContext(office: signer, english: l.english)
        var notices: [ChaseNotice] = []
        for c in drafts {
            let e = try l.run { try s.commit(.addChase(c), plan: plan, task: "", expected: nil, force: false) }
            let recorded = try Chase(json: e.new, path: "new")
            let notice = ChaseNotice(plan: p, chase: recorded, office: signer, settings: settings)
            notices.append(notice)
            guard f != .xlsx else { Output.line(l.s("已记录催办 #\(e.seq)：\(c.department)", "chase recorded (#\(e.seq)): \(c.department)")); continue }
            let file = dir + "/" + Self.fileName(plan: plan, department: c.department, date: c.date, ext: f.rawValue)
            if f == .docx {
                let doc = notice.document(context)
                try l.writeOffice(to: file) { (tmp) throws(OfficeFileError) in try DocxWriter.write(doc, to: tmp) }
            } else {
                try Output.write(notice.render(f, english: l.english), to: file, l.vocabulary)
            }
            Output.line(l.s("已记录催办 #\(e.seq)，通知：\(file)", "chase recorded (#\(e.seq)), notice: \(file)"))
        }
        if f == .xlsx {
            let file = dir + "/" + l.s("催办清单", "chase-list") + "-\(plan)-\(ev.today).xlsx"
            let spec = ChaseWorkbook.workbook(notices, context)
            try l.writeOffice(to: file) { (tmp) throws(OfficeFileError) in try XLSXWriter.write(spec, to: tmp) }
            Output.line(l.s("催办清单：\(file)", "chase list: \(file)"))
        }
    }

    /// `催办通知-gansu-2014-省工信委-2014-10-12.txt`; a name that could leave
    /// the directory is made safe.
    static func fileName(plan: String, department: String, date: Day, ext: String) -> String {
        let safe = String(department.map { "/\\:\0".contains($0) || $0.isNewline ? "_" : $0 })
        return "催办通知-\(plan)-\(safe)-\(date).\(ext)"
    }
}
