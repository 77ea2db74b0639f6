import PlanModel

/// A seeded generator of records for property tests, hostile text included: the same seed gives
/// the same records, so a failure can be replayed.
public struct RecordGen {
    private var random: SeededRandom

    public init(seed: UInt64) { random = SeededRandom(seed: seed) }

    public mutating func next() -> UInt64 { random.next() }

    public mutating func int(_ r: ClosedRange<Int>) -> Int {
        r.lowerBound + Int(next() % UInt64(r.upperBound - r.lowerBound + 1))
    }

    public mutating func bool() -> Bool { next() & 1 == 0 }

    public mutating func pick<T>(_ a: [T]) -> T { a[int(0...(a.count - 1))] }

    /// Text JSON must escape or carry as it is: quotes, backslashes, every
    /// control character, DEL and C1 controls, astral characters (surrogate
    /// pairs when escaped), CJK, combining marks, bidi and zero-width
    /// characters, line and paragraph separators.
    public static let pieces: [String] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\u{08}", "\u{0C}", "\n", "\r", "\t", "\u{00}", "\u{01}", "\u{1F}",
        "\u{7F}", "\u{85}", "\u{9F}", "😀", "\u{10FFFF}", "𠀀", "省质监局", "进展顺利。", "（一）", "é", "e\u{301}",
        "\u{202E}", "\u{200B}", "\u{FEFF}", "\u{2028}", "\u{2029}", "\u{1B}[2J", "{", "}", "[", "]", ":", ",",
    ]

    public mutating func text(_ max: Int = 12) -> String {
        var s = ""
        for _ in 0..<int(0...max) { s += pick(Self.pieces) }
        return s
    }

    public mutating func day() -> Day { Day(year: int(2000...2030), month: int(1...12), day: int(1...28))! }

    public mutating func assignment(_ departments: [String]) -> Assignment {
        Assignment(department: pick(departments), role: pick(Role.allCases), collective: bool())
    }

    public mutating func note() -> Note {
        Note(time: "2014-0\(int(1...9))-1\(int(0...9))T10:00:00+08:00", user: text(6), department: bool() ? text(6) : nil, text: text(30))
    }

    public mutating func plan() -> Plan {
        let departments = (0..<int(1...5)).map { _ in
            Department(name: text(8), aliases: (0..<int(0...2)).map { _ in text(4) }, collective: bool(),
                       duties: (0..<int(0...2)).map { _ in text(10) })
        }
        let names = departments.map(\.name)
        var sections: [Section] = []
        var tasks: [PlanTask] = []
        for s in 0..<int(1...4) {
            let groups = (0..<int(0...2)).map { _ in Group(number: text(3), title: text(10)) }
            sections.append(Section(number: text(3), title: text(10), groups: groups))
            for n in 1...int(1...5) {
                tasks.append(PlanTask(key: TaskKey.make(section: s + 1, number: n), number: text(3), section: s,
                                      group: groups.isEmpty || bool() ? nil : int(0...(groups.count - 1)),
                                      title: text(15), text: text(40),
                                      assignments: (0..<int(0...4)).map { _ in assignment(names) }, due: day(),
                                      status: pick(TaskStatus.allCases), progress: int(0...100),
                                      notes: (0..<int(0...3)).map { _ in note() }))
            }
        }
        let indicators = (0..<int(0...2)).map { n in
            Indicator(id: "goal.\(n)", taskKey: bool() ? tasks[0].key : nil, name: text(8), target: Double(int(0...1000)) / 4,
                      unit: text(2), comparison: pick(Indicator.Comparison.allCases), source: text(10),
                      actual: bool() ? Double(int(-50...500)) / 8 : nil)
        }
        let start = day()
        return Plan(id: "p-\(int(0...999))", title: text(20), issuer: text(6), issued: bool() ? day() : nil,
                    period: Period(start: start, end: start.adding(days: int(0...2000))), source: text(6),
                    sections: sections, tasks: tasks, departments: departments, indicators: indicators)
    }

    public mutating func json(depth: Int = 0) -> JSON {
        switch int(0...(depth > 3 ? 4 : 6)) {
        case 0: return .null
        case 1: return .bool(bool())
        case 2: return .int(pick([0, -1, 42, Int.max, Int.min, int(-1_000_000...1_000_000)]))
        case 3: return .double(pick([0.5, -2.25, 1e300, 3.141592653589793, Double(int(-999...999)) / 16 + 0.0625]))
        case 4: return .string(text())
        case 5: return .array((0..<int(0...4)).map { _ in json(depth: depth + 1) })
        default: return .object((0..<int(0...4)).map { _ in (text(5), json(depth: depth + 1)) })
        }
    }
}

