/// A unit's own report on its part of a task (情况反馈): what was done, how
/// far its part has got and what backs it up, attributed to the department,
/// the Unix user and the time. Appended, never changed.
public struct UnitFeedback: Hashable, Sendable {
    /// The task it reports on.
    public var task: String
    /// ISO 8601 with offset, stamped by the store.
    public var time: String
    /// Unix user who filed it.
    public var user: String
    /// Canonical name of the department it speaks for.
    public var department: String
    public var text: String
    /// The unit's own progress on its part, 0–100; nil when not stated.
    public var progress: Int?
    /// 佐证材料: a file name or a short description; the file stays outside the store.
    public var evidence: String?
    /// Filed by the office on the unit's behalf (代报).
    public var onBehalf: Bool

    public init(task: String, time: String = "", user: String = "", department: String, text: String,
                progress: Int? = nil, evidence: String? = nil, onBehalf: Bool = false) {
        self.task = task
        self.time = time
        self.user = user
        self.department = department
        self.text = text
        self.progress = progress
        self.evidence = evidence
        self.onBehalf = onBehalf
    }

    /// The date part of `time`.
    public var day: Day? { Day(time.prefix(10)) }

    /// The date part of `time` as one number (`YYYYMMDD`) read from its
    /// bytes, for comparing against a round's dates by the hundred thousand;
    /// 0 when `time` does not start with a date.
    public var dayNumber: Int {
        var n = 0, i = 0
        for c in time.utf8 {
            if i == 10 { break }
            if i == 4 || i == 7 {
                guard c == UInt8(ascii: "-") else { return 0 }
            } else {
                guard c >= 48 && c <= 57 else { return 0 }
                n = n * 10 + Int(c - 48)
            }
            i += 1
        }
        return i == 10 ? n : 0
    }

    /// The journal and snapshot form. The task key is the journal entry's
    /// own; a snapshot writes it with the record.
    public func json(withTask: Bool) -> JSON {
        var o: [(String, JSON)] = []
        if withTask { o.append(("task", .string(task))) }
        o += [("time", .string(time)), ("user", .string(user)), ("department", .string(department)),
              ("text", .string(text))]
        if let progress { o.append(("progress", .int(progress))) }
        if let evidence { o.append(("evidence", .string(evidence))) }
        if onBehalf { o.append(("onBehalf", .bool(true))) }
        return .object(o)
    }
}

public enum SupervisionLimits {
    /// Longest feedback text: a report on one task, not a document.
    public static let textBytes = 4096
    /// Longest evidence reference: a file name or a line describing it.
    public static let evidenceBytes = 512
}

/// Text typed by a person, as it enters the store: control characters
/// (escape sequences that would reach another user's terminal) become
/// spaces; newlines stay where `multiline`.
public enum CleanText {
    public static func clean(_ s: String, multiline: Bool) -> String {
        guard s.unicodeScalars.contains(where: { isControl($0, multiline) }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { out.append(isControl(u, multiline) ? " " : u) }
        return String(out)
    }

    static func isControl(_ u: Unicode.Scalar, _ multiline: Bool) -> Bool {
        if u == "\n" { return !multiline }
        return u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
    }
}
