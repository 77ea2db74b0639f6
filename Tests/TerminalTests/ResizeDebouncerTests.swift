import Testing
@testable import Terminal

@Suite struct ResizeDebouncerTests {
    @Test func burstIsCoalescedIntoOne() {
        var d = ResizeDebouncer(quiet: 0.04, maxWait: 0.25)
        #expect(d.deadline == nil)
        d.signal(at: 1.00)
        d.signal(at: 1.01)
        d.signal(at: 1.02)
        let early = d.fire(at: 1.05)
        let due = d.fire(at: 1.061)
        let again = d.fire(at: 1.2)
        #expect(!early)
        #expect(due)
        #expect(!again)
        #expect(d.deadline == nil)
    }

    @Test func longDragStillUpdatesAtMaxWait() {
        var d = ResizeDebouncer(quiet: 0.04, maxWait: 0.25)
        var t = 2.0
        var fired = 0
        while t < 3.0 {
            d.signal(at: t)
            if d.fire(at: t) { fired += 1 }
            t += 0.02
        }
        #expect(fired >= 3)
    }
}
