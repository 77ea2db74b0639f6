/// One 催办 sent to a department: the items it was chased for, each with
/// what is owed and which time this item has been chased (`step`).
public struct Chase: Hashable, Sendable {
    public var department: String
    /// ISO 8601, stamped by the store.
    public var time: String
    public var user: String
    /// The day the notice is dated (the day lights are evaluated at).
    public var date: Day
    /// The day the department is to reply by.
    public var reply: Day
    public var items: [ChaseItem]

    public init(department: String, time: String = "", user: String = "", date: Day, reply: Day, items: [ChaseItem]) {
        self.department = department
        self.time = time
        self.user = user
        self.date = date
        self.reply = reply
        self.items = items
    }

    /// The highest step among its items: how the notice as a whole is headed.
    public var step: Int { items.map(\.step).max() ?? 1 }

    public var json: JSON {
        .object([
            ("department", .string(department)), ("time", .string(time)), ("user", .string(user)),
            ("date", .string(date.description)), ("reply", .string(reply.description)),
            ("items", .array(items.map(\.json))),
        ])
    }
}

/// One task in a chase and what the department owes on it.
public struct ChaseItem: Hashable, Sendable {
    public var task: String
    public var owed: [OwedKind]
    /// 1 for the first chase of this item, 2 for 再次催办, …
    public var step: Int

    public init(task: String, owed: [OwedKind], step: Int) {
        self.task = task
        self.owed = owed
        self.step = step
    }

    public var json: JSON {
        .object([("task", .string(task)), ("owed", .array(owed.map { .string($0.rawValue) })), ("step", .int(step))])
    }
}

/// What a department owes on a task, as a chase lists it.
public enum OwedKind: String, CaseIterable, Hashable, Sendable {
    /// Past its due date and not done.
    case overdue
    /// Due within the warning window and not done.
    case dueSoon = "due_soon"
    /// No feedback yet in an open round.
    case feedback
    /// Returned by the office (退回) and not yet resubmitted.
    case returned

    public var label: Bilingual {
        switch self {
        case .overdue: return Bilingual(zh: "已超期", en: "overdue")
        case .dueSoon: return Bilingual(zh: "临近截止", en: "due soon")
        case .feedback: return Bilingual(zh: "未报送情况", en: "feedback missing")
        case .returned: return Bilingual(zh: "被退回待重报", en: "returned")
        }
    }
}

/// How chasing escalates, a store setting: the `again`th chase of an item is
/// 再次催办, the `circulate`th and later also a 通报 (circulated to all units);
/// a notice asks for a reply within `replyDays`.
public struct ChaseSettings: Hashable, Sendable {
    public var again: Int
    public var circulate: Int
    public var replyDays: Int

    public init(again: Int = 2, circulate: Int = 3, replyDays: Int = 5) {
        self.again = again
        self.circulate = circulate
        self.replyDays = replyDays
    }

    /// How a chase at `step` is named.
    public func label(_ step: Int) -> Bilingual {
        if step >= circulate {
            return Bilingual(zh: "第\(ChineseCount.numeral(step))次催办/通报", en: "chase no. \(step) / circulated")
        }
        if step >= again { return Bilingual(zh: "再次催办", en: "second chase") }
        return Bilingual(zh: "催办", en: "chase")
    }
}

enum ChineseCount {
    /// 1–99 as 一…九十九.
    static func numeral(_ n: Int) -> String {
        let d = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard n > 0, n < 100 else { return String(n) }
        if n < 10 { return d[n] }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : d[tens]) + "十" + (ones == 0 ? "" : d[ones])
    }
}
