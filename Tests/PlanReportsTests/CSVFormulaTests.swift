import Testing
@testable import PlanReports

@Suite struct CSVFormulaTests {
    @Test func cellsThatWouldBeFormulasBecomeText() {
        #expect(CSVWriter.field("=HYPERLINK(\"http://x\",\"点此\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"点此\"\")\"")
        for s in ["+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            #expect(CSVWriter.field(s).hasPrefix("'") || CSVWriter.field(s).hasPrefix("\"'"), "\(s)")
        }
        #expect(CSVWriter.field("-5") == "-5")
        #expect(CSVWriter.field("12.5") == "12.5")
        #expect(CSVWriter.field("整顿市场秩序") == "整顿市场秩序")
    }
}
