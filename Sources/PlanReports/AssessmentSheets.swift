import OfficeFiles
import PlanModel

extension Assessment {
    /// The assessment table as a workbook: scores as numbers, grades coloured,
    /// and a chart of scores by department.
    public func workbook(title: String, _ c: OfficeContext) -> WorkbookSpec {
        let l = c.labels
        let text = table(english: c.english)
        let heading = l.s("年度考核", "Annual assessment") + l.s("：", ": ") + title
        let rows: [[SheetCell]] = rows.map { r in
            [r.rank == 0 ? .text("-") : .integer(r.rank), .text(r.department), .integer(r.tasks), .integer(r.doneOnTime),
             .integer(r.doneLate), .integer(r.inProgress), .integer(r.notStarted), .integer(r.overdue),
             r.score.map { .decimal(($0 * 10).rounded() / 10) } ?? .text("-"),
             .filled(r.grade, rgb: Self.gradeColour(r.grade))]
            // Where reporting counts, its two columns after the grade, as the text table has them.
            + (countsReporting ? [r.feedbackExpected > 0 ? .text("\(r.feedbackOnTime)/\(r.feedbackExpected)") : .text("-"),
                                  .integer(r.chases)] : [])
            + [.integer(r.doneExtended), .integer(r.returns)]
        }
        let sheet = SheetSpec(
            name: l.s("考核", "Assessment"),
            titleLines: [heading, c.asOfLine(plan: planID, asOf: asOf), rulesLine(l), totalsLine(l)],
            tables: [SheetTable(header: text.header, rows: rows)],
            chart: BarChartSpec(title: l.s("各部门得分", "Score by department"), categoryColumn: 1, valueColumn: 8, percent: false))
        return WorkbookSpec(title: heading, author: c.office, sheets: [sheet])
    }

    static func gradeColour(_ grade: String) -> UInt32 {
        switch grade {
        case "A": return 0x00B050
        case "B": return 0x92D050
        case "C": return 0xFFC000
        case "D": return 0xFF0000
        default: return 0xD9D9D9
        }
    }
}
