/// Coalesces bursts of resize signals (a window being dragged sends dozens):
/// act once the size has been quiet for `quiet` seconds, but at least every
/// `maxWait` seconds while the burst goes on, so the screen follows a slow drag.
struct ResizeDebouncer {
    let quiet: Double
    let maxWait: Double
    private(set) var firstSignal: Double?
    private(set) var lastSignal: Double?

    init(quiet: Double, maxWait: Double = 0.25) {
        self.quiet = quiet
        self.maxWait = max(quiet, maxWait)
    }

    mutating func signal(at time: Double) {
        if firstSignal == nil { firstSignal = time }
        lastSignal = time
    }

    /// When the pending resize should be applied, or nil if none is pending.
    var deadline: Double? {
        guard let first = firstSignal, let last = lastSignal else { return nil }
        return min(last + quiet, first + maxWait)
    }

    /// True (once) when the pending resize is due.
    mutating func fire(at time: Double) -> Bool {
        guard let d = deadline, time >= d else { return false }
        firstSignal = nil
        lastSignal = nil
        return true
    }
}
