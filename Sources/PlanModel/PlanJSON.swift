/// The JSON form of plans, tasks and rosters: the shape `duban export` prints and
/// the store's snapshots hold. Keys are written in a fixed order.

/// A JSON document that parsed but does not describe a valid plan.
public struct PlanFormatError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where in the document, e.g. `sections[2].tasks[4].progress`.
    public var path: String
    public var message: String
    /// Where in the text read, 1-based (column in characters); 0 when the
    /// value did not come from a text (or the text was rewritten first).
    public var line = 0, column = 0
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
    public init(path: String, message: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.message = message
        self.line = line
        self.column = column
    }

    /// The same error seen from a containing value at `prefix`. Paths are only
    /// put together when something fails: building one per element costs a
    /// visible share of loading a large plan.
    public func under(_ prefix: String) -> PlanFormatError {
        PlanFormatError(path: path.isEmpty ? prefix : path.hasPrefix("[") ? prefix + path : prefix + "." + path, message: message)
    }
}

extension JSON {
    static func opt(_ s: String?) -> JSON { s.map { .string($0) } ?? .null }
    static func opt(_ d: Day?) -> JSON { d.map { .string($0.description) } ?? .null }
}

// MARK: - Encoding (the decoders are in PlanDecoder.swift)

extension Note {
    public var json: JSON {
        var o: [(String, JSON)] = [("time", .string(time)), ("user", .string(user))]
        if let department { o.append(("department", .string(department))) }
        o.append(("text", .string(text)))
        return .object(o)
    }
}

extension Assignment {
    public var json: JSON {
        var o: [(String, JSON)] = [("department", .string(department)), ("role", .string(role.rawValue))]
        if collective { o.append(("collective", .bool(true))) }
        return .object(o)
    }
}

extension PlanTask {
    public var json: JSON {
        .object([
            ("key", .string(key)),
            ("number", .string(number)),
            ("title", .string(title)),
            ("text", .string(text)),
            ("assignments", .array(assignments.map(\.json))),
            ("status", .string(status.rawValue)),
            ("progress", .int(progress)),
            ("due", .string(due.description)),
            ("notes", .array(notes.map(\.json))),
        ])
    }
}

extension Department {
    public var json: JSON {
        var o: [(String, JSON)] = [("name", .string(name))]
        if !aliases.isEmpty { o.append(("aliases", .array(aliases.map { .string($0) }))) }
        if collective { o.append(("collective", .bool(true))) }
        if !duties.isEmpty { o.append(("duties", .array(duties.map { .string($0) }))) }
        return .object(o)
    }
}

extension Indicator {
    public var json: JSON {
        var o: [(String, JSON)] = [("id", .string(id))]
        if let taskKey { o.append(("task", .string(taskKey))) }
        o += [("name", .string(name)), ("target", .double(target)), ("unit", .string(unit)),
              ("comparison", .string(comparison.rawValue)), ("source", .string(source)),
              ("actual", actual.map { .double($0) } ?? .null)]
        if let met { o.append(("met", .bool(met))) }
        return .object(o)
    }
}

extension Plan {
    /// The nested export shape: tasks sit inside their section, or inside their
    /// group when they have one.
    public var json: JSON {
        var byPlace: [Int: [Int?: [JSON]]] = [:]
        for t in tasks { byPlace[t.section, default: [:]][t.group, default: []].append(t.json) }
        let secs: [JSON] = sections.enumerated().map { (si, s) in
            let groups: [JSON] = s.groups.enumerated().map { (gi, g) in
                .object([("number", .string(g.number)), ("title", .string(g.title)),
                         ("tasks", .array(byPlace[si]?[gi] ?? []))])
            }
            return .object([("number", .string(s.number)), ("title", .string(s.title)),
                            ("groups", .array(groups)), ("tasks", .array(byPlace[si]?[nil] ?? []))])
        }
        return .object([
            ("id", .string(id)),
            ("title", .string(title)),
            ("issuer", .string(issuer)),
            ("issued", .opt(issued)),
            ("period", .object([("start", .string(period.start.description)), ("end", .string(period.end.description))])),
            ("source", .string(source)),
            ("sections", .array(secs)),
            ("departments", .array(departments.map(\.json))),
            ("indicators", .array(indicators.map(\.json))),
        ])
    }
}

extension DutyRoster {
    public var json: JSON {
        .object([
            ("id", .string(id)),
            ("title", .string(title)),
            ("issuer", .string(issuer)),
            ("issued", .opt(issued)),
            ("source", .string(source)),
            ("entries", .array(entries.map { e in
                .object([("kind", .string(e.kind.rawValue)), ("body", .string(e.body)),
                         ("duties", .array(e.duties.map { .string($0) }))])
            })),
        ])
    }
}

/// Plan ids are ASCII slugs so they work as file names and on the command line.
public enum PlanID {
    public static func isValid(_ s: String) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 64, s.first != "-" else { return false }
        return s.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }
}

/// Task keys `<section>.<number>`.
public enum TaskKey {
    public static func make(section: Int, number: Int) -> String { "\(section).\(number)" }

    public static func parts(_ key: String) -> (Int, Int)? {
        // Sorting calls this for every comparison: plain `<digits>.<digits>`
        // without allocating, anything else as `Int` reads it.
        if let fast = partsFast(key) { return fast }
        let p = key.split(separator: ".", omittingEmptySubsequences: false)
        guard p.count == 2, let a = Int(p[0]), let b = Int(p[1]) else { return nil }
        return (a, b)
    }

    /// Numeric order: 1.2 < 1.10 < 2.1.
    public static func less(_ a: String, _ b: String) -> Bool {
        if let x = parts(a), let y = parts(b) { return x < y }
        return a < b
    }
}
