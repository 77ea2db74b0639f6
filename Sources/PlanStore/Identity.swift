#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanModel

/// Who is running this process and when: from the kernel, never from flags or
/// the environment (except SSH_CLIENT, which sshd sets and only labels the entry).
enum Identity {
    static func userName(uid: uid_t = getuid()) -> String {
        if let pw = getpwuid(uid), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid\(uid)"
    }

    /// First field of SSH_CLIENT ("203.0.113.5 52022 22" → "203.0.113.5").
    static func sshClient() -> String? {
        guard let v = getenv("SSH_CLIENT") else { return nil }
        let s = String(cString: v).split(separator: " ").first.map(String.init)
        return (s?.isEmpty ?? true) ? nil : s
    }

    /// Today's date in the local time zone.
    static func today() -> Day {
        var t = time(nil)
        var tm = tm()
        localtime_r(&t, &tm)
        return Day.today(secondsSince1970: Int(t), utcOffsetSeconds: Int(tm.tm_gmtoff))
    }

    /// Now as ISO 8601 with the local offset, e.g. 2014-06-30T10:32:05+08:00.
    static func now() -> String {
        var t = time(nil)
        var tm = tm()
        localtime_r(&t, &tm)
        var buf = [CChar](repeating: 0, count: 64)
        let n = strftime(&buf, buf.count, "%Y-%m-%dT%H:%M:%S%z", &tm)
        var s = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // strftime gives +0800; ISO 8601 extended form wants +08:00.
        if s.count >= 5 { s.insert(":", at: s.index(s.endIndex, offsetBy: -2)) }
        return s
    }
}
