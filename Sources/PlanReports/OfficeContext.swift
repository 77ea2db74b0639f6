import OfficeFiles
import PlanModel

/// Who issues a workbook or document, and in which language its own words are.
public struct OfficeContext: Sendable {
    public var office: String
    public var english: Bool

    /// `office` nil: the leading-group office, unnamed.
    public init(office: String? = nil, english: Bool = false) {
        self.english = english
        self.office = office ?? Labels(en: english).s("领导小组办公室", "Leading group office")
    }

    var labels: Labels { Labels(en: english) }

    /// The title row's second line: plan, date the figures are as of, office.
    func asOfLine(plan: String, asOf: Day) -> String {
        labels.s("计划 \(plan)　截至 \(asOf)　\(office)", "Plan \(plan) · as of \(asOf) · \(office)")
    }
}

extension Day {
    var calendarDate: CalendarDate { CalendarDate(year: year, month: month, day: day) }
}

extension Light {
    /// The fill of a light's cell: red, amber, green as on the dashboard.
    var rgb: UInt32 {
        switch self {
        case .red: return 0xFF0000
        case .yellow: return 0xFFC000
        case .green: return 0x00B050
        }
    }
}
