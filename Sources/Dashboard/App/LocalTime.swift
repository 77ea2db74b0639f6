#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials

/// A moment in the system's time zone, from the C library: the dashboard
/// needs no more than this, and Foundation's formatters would load the ICU
/// libraries at every start.
struct LocalTime {
    var year, month, day, hour, minute, second: Int
    /// East of UTC.
    var offsetMinutes: Int

    init(_ d: Date) {
        var t = time_t(d.timeIntervalSince1970.rounded(.down))
        var c = tm()
        localtime_r(&t, &c)
        year = Int(c.tm_year) + 1900
        month = Int(c.tm_mon) + 1
        day = Int(c.tm_mday)
        hour = Int(c.tm_hour)
        minute = Int(c.tm_min)
        second = Int(c.tm_sec)
        offsetMinutes = Int(c.tm_gmtoff) / 60
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
