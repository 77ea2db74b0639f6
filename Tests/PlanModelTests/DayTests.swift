import Testing
@testable import PlanModel

@Suite struct DayTests {
    @Test func parsesValidDates() {
        #expect(Day("2014-12-31")?.description == "2014-12-31")
        #expect(Day("2024-02-29") != nil)
    }

    @Test(arguments: ["2014-13-45", "2014-02-29", "2014-1-1", "20141231", "abcd-ef-gh", "", "2014-00-10"])
    func rejectsInvalidDates(_ s: String) {
        #expect(Day(s) == nil)
    }

    @Test func ordinalRoundTrips() {
        let d = Day("2014-03-01")!
        #expect(d.ordinal == 16130)
        #expect(Day(ordinal: d.ordinal) == d)
        #expect(Day("2014-01-01")!.days(until: Day("2014-12-31")!) == 364)
        #expect(Day("2024-02-28")!.adding(days: 1).description == "2024-02-29")
        var x = Day("1999-12-25")!
        for _ in 0..<1000 {
            let y = x.adding(days: 1)
            #expect(y > x && Day(y.description) == y)
            x = y
        }
    }
}
