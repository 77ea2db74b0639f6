import ArgumentParser
import FoundationEssentials
import PlanImport
import PlanModel
import PlanReports
import PlanStore

struct SampleStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-store",
        abstract: Help.pick("用示例文件生成自带的示例存储（进度为示意）。", "Build the bundled sample store from the sample documents (illustrative progress)."),
        discussion: Help.pick("""
            把 SampleData/documents 中的每个文件导入 DIR 处的新存储，按每项任务的编号确定地\
            生成示意的进度（状态、进度、部分提前的截止日期、牵头部门带日期的备注；gansu-2014 中\
            还有办结和延期申请及办公室的审核、一个进行中的报送轮次和两次催办），并把每个\
            计划的评价日期设在其期限内。进度是虚构的，计划是公开发布的原文。用于重新生成\
            SampleData/store。
            """, """
            Imports every document in SampleData/documents into a new store at DIR, gives the \
            plans an illustrative progress state derived deterministically from each task's key \
            (statuses, progress, some earlier due dates, dated notes from the lead departments; \
            in gansu-2014 closure and extension requests with the office's decisions, an open \
            reporting round with units' feedback and two earlier chases), \
            and sets each plan's evaluation date inside its period. The progress is made up; \
            the plans are as published. Used to regenerate SampleData/store.
            """))

    @Argument(help: ArgumentHelp(Help.pick("新的存储目录（须不存在或为空）。", "New store directory (must not exist, or be empty)."), valueName: "DIR")) var out: String
    @Option(help: ArgumentHelp(Help.pick("文件所在目录（默认：自带的 SampleData/documents）。", "Where the documents are (default: the bundled SampleData/documents)."), valueName: "DIR"))
    var documents: String?

    func run() throws {
        let v = Vocabulary(Language.resolve(flag: nil, environment: ProcessInfo.processInfo.environment))
        guard let docs = documents ?? StoreLocation.sampleData().map({ $0 + "/documents" }) else {
            throw CLIError(v.pick("找不到文件：请用 --documents DIR 指定", "no documents: pass --documents DIR"))
        }
        let fm = FileManager.default
        if fm.fileExists(atPath: out) {
            guard (try? fm.contentsOfDirectory(atPath: out))?.isEmpty == true else {
                throw CLIError(out + v.pick("：已存在且不是空目录", ": exists and is not an empty directory"))
            }
        } else {
            try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
        }
        let files = try fm.contentsOfDirectory(atPath: docs).filter { $0.hasSuffix(".txt") }.sorted()
        guard !files.isEmpty else { throw CLIError(docs + v.pick("：没有 .txt 文件", ": no .txt documents")) }
        let store = try Store.open(out, readOnly: false)
        var settings = store.settings
        for name in files {
            let text = try DocumentFile.read(docs + "/" + name, v)
            let result: ImportResult
            do { result = try Importer.importDocument(text, fileName: name, id: nil) } catch { throw CLIError("\(name): \(error)") }
            for w in result.warnings { Output.warn("\(name):\(w.line)" + v.pick("：警告：", ": warning: ") + w.message) }
            switch result.document {
            case .plan(let p):
                let progressed = SampleProgress.apply(to: p)
                let sample = SampleReviews.reopen(progressed)
                let reviewSteps = SampleReviews.steps(for: progressed)
                try store.addPlan(sample, replace: false)
                let supervision = try SampleSupervision.entries(for: sample, reviews: reviewSteps)
                if !supervision.isEmpty {
                    try store.appendJournal(supervision, plan: p.id)
                    try store.compact(plan: p.id)
                    let reviews = reviewSteps.count
                    Output.line(p.id + v.pick("：示意的办结与延期申请（\(reviews) 条）和报送轮次 \(SampleSupervision.roundName)，共 \(supervision.count) 条日志",
                                              ": illustrative closure and extension requests (\(reviews) entries) and reporting round \(SampleSupervision.roundName), \(supervision.count) journal entries"))
                }
                settings.evaluationDates[p.id] = SampleProgress.evaluationDate(for: p)
                let asOf = SampleProgress.evaluationDate(for: p)
                Output.line(p.id + v.pick("：\(p.tasks.count) 项任务，评价日期 \(asOf)", ": \(p.tasks.count) tasks, evaluated as of \(asOf)"))
            case .roster(let r):
                try store.setRoster(r)
                Output.line(r.id + v.pick("：责任制度，\(r.entries.count) 条", ": duty roster, \(r.entries.count) entries"))
            }
        }
        // Bodies renamed by the 2018 institutional reform, so `duban dept` follows them.
        var raw = settings.json.object ?? []
        raw.removeAll { $0.0 == "successions" || $0.0 == "scoring" }
        raw.append(("successions", .object([("省质监局", .string("省市场监管局")),
                                            ("省工信委", .string("省工信厅"))])))
        raw.append(("scoring", ScoringRules.standard.json))
        var merged = try StoreSettings(json: .object(raw))
        merged.evaluationDates = settings.evaluationDates
        try store.setSettings(merged)
    }
}
