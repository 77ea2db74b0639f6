import Foundation

/// A careful timer: warm-up runs first, then repeated runs, reporting the median
/// and the 99th percentile so one slow run (a page fault, the other core busy)
/// does not decide the figure.
struct Measure {
    struct Result {
        var samples: [Double]  // seconds, sorted
        var median: Double { samples[samples.count / 2] }
        var p99: Double { samples[min(samples.count - 1, Int(Double(samples.count) * 0.99))] }
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Runs `body` `warmup` times untimed, then `runs` times timed.
    static func time(warmup: Int = 2, runs: Int, _ body: () throws -> Void) rethrows -> Result {
        for _ in 0..<warmup { try body() }
        var s: [Double] = []
        s.reserveCapacity(runs)
        for _ in 0..<runs {
            let t0 = now()
            try body()
            s.append(now() - t0)
        }
        return Result(samples: s.sorted())
    }

    /// The same where `body` times itself and returns the seconds, so set-up
    /// and tear-down around the measured part stay out of the figure.
    static func timed(warmup: Int = 2, runs: Int, _ body: () throws -> Double) rethrows -> Result {
        for _ in 0..<warmup { _ = try body() }
        var s: [Double] = []
        s.reserveCapacity(runs)
        for _ in 0..<runs { s.append(try body()) }
        return Result(samples: s.sorted())
    }

    /// Peak resident set size of this process so far, in MiB (VmHWM).
    static func peakMemoryMiB() -> Double {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in s.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }

    static func format(_ seconds: Double) -> String {
        if seconds < 1e-3 { return String(format: "%.1f µs", seconds * 1e6) }
        if seconds < 1 { return String(format: "%.2f ms", seconds * 1e3) }
        return String(format: "%.2f s", seconds)
    }
}
