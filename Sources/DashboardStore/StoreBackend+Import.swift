import Dashboard
import DocumentText
import PlanImport
import PlanModel
import PlanStore

/// Importing from the dashboard: the file read as `duban import` reads it,
/// shown, and stored only when the office confirms.
extension StoreBackend {
    public func previewImport(path: String, english en: Bool) throws -> ImportPreviewData {
        func pick(_ zh: String, _ e: String) -> String { en ? e : zh }
        let read: ReadDocument
        do { read = try DocumentReader.read(path: path) } catch { throw EditError(error.message(english: en)) }
        let result: ImportResult
        do {
            result = try Importer.importDocument(read.text(tableLines: TableForm.lines),
                                                 fileName: path.split(separator: "/").last.map(String.init) ?? path, id: nil)
        } catch { throw EditError(error.message(english: en)) }
        guard case .plan(let plan) = result.document else {
            throw EditError(pick("这是责任制度文件，请用 duban import 导入", "this is a responsibility system: import it with duban import"))
        }
        var notes: [String] = []
        if let e = read.encoding, e != .utf8 { notes.append(pick("按 \(e.rawValue) 编码读取", "read as \(e.rawValue) text")) }
        if let tool = read.tool { notes.append(pick("经 \(tool) 提取文字", "text extracted with \(tool)")) }
        switch result.yearSource {
        case .given(let y): notes.append(pick("标题中没有年份，取 \(y) 年", "no year in the title; \(y) given"))
        case .issueDate(let d): notes.append(pick("标题中没有年份，按发文日期 \(d) 取 \(d.year) 年", "no year in the title; \(d.year) from the issue date \(d)"))
        case .title, .none: break
        }
        if planIDs().contains(plan.id) {
            notes.append(pick("存储中已有计划 \(plan.id)：请用 duban import --replace 替换", "the store already has plan \(plan.id): replace it with duban import --replace"))
        }
        let warnings = result.warnings.map { pick("第 \($0.line) 行：", "line \($0.line): ") + $0.message(english: en) }
        return ImportPreviewData(path: path, plan: plan, notes: notes, warnings: warnings, unreadKeys: result.unreadListKeys)
    }

    /// Through the store's own rules: office users only, a new id only.
    public func importPlan(_ plan: Plan) throws {
        try store.addPlan(plan, replace: false)
    }
}
