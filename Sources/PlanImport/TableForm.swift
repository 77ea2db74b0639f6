/// The table form of a 分工方案: columns 序号 / 工作任务 / 牵头单位 /
/// 责任单位 / 完成时限 (in any order, some missing). Each row becomes the
/// lines the prose form would have, so both forms import with the same roles:
///
///     1.完善标准体系。制定地方标准。
///     牵头单位：省甲厅；责任单位：省乙厅、省丙委
///     完成时限：2026年6月底前
///
/// Rows spanning the whole table (`一、稳增长`) become heading lines; a
/// table without such a header row gives its cells as lines, row by row.
public enum TableForm {
    enum Column: Equatable {
        case number, task, lead, responsible, cooperate, due, leader, category
    }

    /// Header words, most specific first: `牵头单位` before `单位`.
    static let headerWords: [(String, Column)] = [
        ("序号", .number), ("编号", .number), ("序", .number),
        ("牵头", .lead), ("主办", .lead), ("主责", .lead),
        ("配合", .cooperate), ("协办", .cooperate), ("参与", .cooperate), ("协助", .cooperate),
        ("责任领导", .leader), ("分管领导", .leader), ("牵头领导", .leader), ("责任人", .leader),
        ("责任单位", .responsible), ("责任部门", .responsible), ("实施单位", .responsible),
        ("完成时限", .due), ("完成时间", .due), ("时间节点", .due), ("完成期限", .due), ("时限", .due),
        ("任务", .task), ("工作内容", .task), ("重点工作", .task), ("工作措施", .task), ("主要内容", .task),
        ("具体措施", .task), ("工作事项", .task), ("措施", .task), ("内容", .task),
        ("类别", .category), ("领域", .category), ("分类", .category), ("项目", .category),
    ]

    public static func lines(_ rows: [[String]]) -> [String] {
        let rows = rows.map { $0.map(clean) }
        guard let h = rows.prefix(6).firstIndex(where: { header($0) != nil }), let columns = header(rows[h]) else {
            // Not a task table: its cells as text, in reading order.
            return rows.flatMap { distinctCells($0) }
        }
        var out: [String] = rows[..<h].flatMap { distinctCells($0) }
        var count = 0
        var category = ""
        for row in rows[(h + 1)...] {
            if header(row) == columns && row == rows[h] { continue }   // the header again on a new page
            let cells = distinctCells(row)
            if cells.isEmpty { continue }
            func cell(_ c: Column) -> String {
                guard let i = columns.firstIndex(of: c), i < row.count else { return "" }
                return row[i]
            }
            let task = cell(.task)
            if cells.count == 1 || task.isEmpty {
                // A row spanning the table: a section or group heading.
                out += cells
                continue
            }
            let cat = cell(.category)
            if !cat.isEmpty, cat != category, cat != task {
                category = cat
                out.append(cat)
            }
            count += 1
            out.append(numbered(cell(.number), task, count))
            var units: [String] = []
            for (label, column) in [("牵头单位", Column.lead), ("责任单位", .responsible), ("配合单位", .cooperate)] {
                let names = cell(column).replacingAll("\n", with: "、")
                if !names.isEmpty { units.append("\(label)：\(names)") }
            }
            if !units.isEmpty { out.append(units.joined(separator: "；")) }
            let due = cell(.due).replacingAll("\n", with: "")
            if !due.isEmpty { out.append("完成时限：\(due)") }
            let leader = cell(.leader).replacingAll("\n", with: "、")
            if !leader.isEmpty { out.append("责任领导：\(leader)") }
        }
        return out
    }

    /// The columns of a header row: it names a task column and a lead or
    /// responsible column.
    static func header(_ row: [String]) -> [Column?]? {
        let columns: [Column?] = row.map { cell in
            let s = cell.replacingAll(" ", with: "").replacingAll("\n", with: "").scalars[...]
            guard !s.isEmpty, s.count <= 12 else { return nil }
            return headerWords.first { Sc.contains(s, $0.0) }?.1
        }
        guard columns.contains(.task),
              columns.contains(where: { $0 == .lead || $0 == .responsible || $0 == .cooperate }) else { return nil }
        return columns
    }

    /// `1` → `1.`; a number already marked (`1.`, `（一）`, `一、`) is kept; no
    /// number at all (or a task that carries its own) gets the running count.
    static func numbered(_ number: String, _ task: String, _ count: Int) -> String {
        let n = number.replacingAll(" ", with: "")
        let taskLine = task.replacingAll("\n", with: "")
        if n.isEmpty {
            let kind = LineClassifier.classify(taskLine.scalars)
            if case .numbered = kind { return taskLine }
            return "\(count).\(taskLine)"
        }
        if n.unicodeScalars.allSatisfy({ Sc.digit($0) != nil }) { return "\(n).\(taskLine)" }
        return n + taskLine
    }

    /// A row's texts, each once: a cell spanning columns repeats its text.
    static func distinctCells(_ row: [String]) -> [String] {
        var out: [String] = []
        for c in row where !c.isEmpty && out.last != c && !out.contains(c) { out.append(c) }
        return out
    }

    static func clean(_ cell: String) -> String {
        cell.split(separator: "\n").map { Sc.trim(String($0).scalars[...]).string }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
