/// The JSON form of plans, tasks and rosters: the shape `duban export` prints and
/// the store's snapshots hold. Keys are written in a fixed order.

/// A JSON document that parsed but does not describe a valid plan.
public struct PlanFormatError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where in the document, e.g. `sections[2].tasks[4].progress`.
    public var path: String
    public var message: String
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
    public init(path: String, message: String) { self.path = path; self.message = message }

    /// The same error seen from a containing value at `prefix`. Paths are only
    /// put together when something fails: building one per element costs a
    /// visible share of loading a large plan.
    public func under(_ prefix: String) -> PlanFormatError {
        PlanFormatError(path: path.isEmpty ? prefix : path.hasPrefix("[") ? prefix + path : prefix + "." + path, message: message)
    }
}

/// Reads typed fields out of a JSON object, naming the path on failure.
public struct JSONFields {
    public let path: String
    let members: [(String, JSON)]

    public init(_ v: JSON, path: String) throws(PlanFormatError) {
        guard case .object(let o) = v else {
            throw PlanFormatError(path: path, message: "expected an object, got \(v.brief)")
        }
        self.path = path
        self.members = o
    }

    public func sub(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    public func raw(_ key: String) -> JSON? { members.first { $0.0 == key }?.1 }

    public func string(_ key: String) throws(PlanFormatError) -> String {
        guard let v = raw(key) else { throw PlanFormatError(path: sub(key), message: "missing") }
        guard let s = v.string else { throw PlanFormatError(path: sub(key), message: "expected a string, got \(v.brief)") }
        return s
    }

    public func optionalString(_ key: String) throws(PlanFormatError) -> String? {
        guard let v = raw(key), !v.isNull else { return nil }
        guard let s = v.string else { throw PlanFormatError(path: sub(key), message: "expected a string, got \(v.brief)") }
        return s
    }

    public func int(_ key: String, in range: ClosedRange<Int>? = nil) throws(PlanFormatError) -> Int {
        guard let v = raw(key) else { throw PlanFormatError(path: sub(key), message: "missing") }
        guard let n = v.int else { throw PlanFormatError(path: sub(key), message: "expected an integer, got \(v.brief)") }
        if let range, !range.contains(n) {
            throw PlanFormatError(path: sub(key), message: "\(n) is outside \(range.lowerBound)–\(range.upperBound)")
        }
        return n
    }

    public func optionalInt(_ key: String) throws(PlanFormatError) -> Int? {
        guard let v = raw(key), !v.isNull else { return nil }
        guard let n = v.int else { throw PlanFormatError(path: sub(key), message: "expected an integer, got \(v.brief)") }
        return n
    }

    public func optionalDouble(_ key: String) throws(PlanFormatError) -> Double? {
        guard let v = raw(key), !v.isNull else { return nil }
        guard let n = v.double else { throw PlanFormatError(path: sub(key), message: "expected a number, got \(v.brief)") }
        return n
    }

    public func bool(_ key: String, default d: Bool) throws(PlanFormatError) -> Bool {
        guard let v = raw(key), !v.isNull else { return d }
        guard let b = v.bool else { throw PlanFormatError(path: sub(key), message: "expected true or false, got \(v.brief)") }
        return b
    }

    public func day(_ key: String) throws(PlanFormatError) -> Day {
        let s = try string(key)
        guard let d = Day(s) else { throw PlanFormatError(path: sub(key), message: "invalid date \"\(s)\" (expected YYYY-MM-DD)") }
        return d
    }

    public func optionalDay(_ key: String) throws(PlanFormatError) -> Day? {
        guard let s = try optionalString(key) else { return nil }
        guard let d = Day(s) else { throw PlanFormatError(path: sub(key), message: "invalid date \"\(s)\" (expected YYYY-MM-DD)") }
        return d
    }

    public func array(_ key: String, optional: Bool = true) throws(PlanFormatError) -> [JSON] {
        guard let v = raw(key), !v.isNull else {
            if optional { return [] }
            throw PlanFormatError(path: sub(key), message: "missing")
        }
        guard let a = v.array else { throw PlanFormatError(path: sub(key), message: "expected an array, got \(v.brief)") }
        return a
    }

    public func strings(_ key: String) throws(PlanFormatError) -> [String] {
        var out: [String] = []
        for (n, v) in try array(key).enumerated() {
            guard let s = v.string else { throw PlanFormatError(path: "\(sub(key))[\(n)]", message: "expected a string, got \(v.brief)") }
            out.append(s)
        }
        return out
    }

    public func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _: E.Type) throws(PlanFormatError) -> E where E.RawValue == String {
        let s = try string(key)
        guard let e = E(rawValue: s) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw PlanFormatError(path: sub(key), message: "unknown value \"\(s)\" (expected one of \(allowed))")
        }
        return e
    }
}

extension JSON {
    static func opt(_ s: String?) -> JSON { s.map { .string($0) } ?? .null }
    static func opt(_ d: Day?) -> JSON { d.map { .string($0.description) } ?? .null }
}

// MARK: - Encoding

extension Note {
    public var json: JSON {
        var o: [(String, JSON)] = [("time", .string(time)), ("user", .string(user))]
        if let department { o.append(("department", .string(department))) }
        o.append(("text", .string(text)))
        return .object(o)
    }

    public init(json v: JSON, path: String) throws(PlanFormatError) {
        let f = try JSONFields(v, path: path)
        self.init(time: try f.string("time"), user: try f.string("user"),
                  department: try f.optionalString("department"), text: try f.string("text"))
    }
}

extension Assignment {
    public var json: JSON {
        var o: [(String, JSON)] = [("department", .string(department)), ("role", .string(role.rawValue))]
        if collective { o.append(("collective", .bool(true))) }
        return .object(o)
    }

    public init(json v: JSON, path: String) throws(PlanFormatError) {
        let f = try JSONFields(v, path: path)
        self.init(department: try f.string("department"), role: try f.enumValue("role", Role.self),
                  collective: try f.bool("collective", default: false))
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

    /// Reads a task; `section` and `group` come from where it sits.
    public init(json v: JSON, path: String, section: Int, group: Int?) throws(PlanFormatError) {
        let f = try JSONFields(v, path: path)
        var assignments: [Assignment] = []
        for (n, a) in try f.array("assignments").enumerated() {
            do { assignments.append(try Assignment(json: a, path: "")) } catch {
                throw error.under("\(f.sub("assignments"))[\(n)]")
            }
        }
        var notes: [Note] = []
        for (n, a) in try f.array("notes").enumerated() {
            do { notes.append(try Note(json: a, path: "")) } catch { throw error.under("\(f.sub("notes"))[\(n)]") }
        }
        self.init(key: try f.string("key"), number: try f.string("number"), section: section, group: group,
                  title: try f.string("title"), text: try f.string("text"), assignments: assignments,
                  due: try f.day("due"), status: try f.enumValue("status", TaskStatus.self),
                  progress: try f.int("progress", in: 0...100), notes: notes)
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

    public init(json v: JSON, path: String) throws(PlanFormatError) {
        let f = try JSONFields(v, path: path)
        self.init(name: try f.string("name"), aliases: try f.strings("aliases"),
                  collective: try f.bool("collective", default: false), duties: try f.strings("duties"))
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

    public init(json v: JSON, path: String) throws(PlanFormatError) {
        let f = try JSONFields(v, path: path)
        guard let target = try f.optionalDouble("target") else {
            throw PlanFormatError(path: f.sub("target"), message: "missing")
        }
        self.init(id: try f.string("id"), taskKey: try f.optionalString("task"), name: try f.string("name"),
                  target: target, unit: try f.string("unit"),
                  comparison: try f.enumValue("comparison", Comparison.self),
                  source: try f.string("source"), actual: try f.optionalDouble("actual"))
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

    public init(json v: JSON, path: String = "") throws(PlanFormatError) {
        let f = try JSONFields(v, path: path)
        let pf = try JSONFields(f.raw("period") ?? .null, path: f.sub("period"))
        let period = Period(start: try pf.day("start"), end: try pf.day("end"))
        guard period.start <= period.end else {
            throw PlanFormatError(path: f.sub("period"), message: "start \(period.start) is after end \(period.end)")
        }
        var sections: [Section] = []
        var tasks: [PlanTask] = []
        var seen = Set<String>()
        func add(_ t: PlanTask, _ p: @autoclosure () -> String) throws(PlanFormatError) {
            guard seen.insert(t.key).inserted else {
                throw PlanFormatError(path: p(), message: "duplicate task key \"\(t.key)\"")
            }
            tasks.append(t)
        }
        for (si, sv) in try f.array("sections").enumerated() {
            let sp = "\(f.sub("sections"))[\(si)]"
            let sf = try JSONFields(sv, path: sp)
            var groups: [Group] = []
            for (gi, gv) in try sf.array("groups").enumerated() {
                let gp = "\(sf.sub("groups"))[\(gi)]"
                let gf = try JSONFields(gv, path: gp)
                groups.append(Group(number: try gf.string("number"), title: try gf.string("title")))
                for (ti, tv) in try gf.array("tasks").enumerated() {
                    let t: PlanTask
                    do { t = try PlanTask(json: tv, path: "", section: si, group: gi) } catch {
                        throw error.under("\(gf.sub("tasks"))[\(ti)]")
                    }
                    try add(t, "\(gf.sub("tasks"))[\(ti)]")
                }
            }
            for (ti, tv) in try sf.array("tasks").enumerated() {
                let t: PlanTask
                do { t = try PlanTask(json: tv, path: "", section: si, group: nil) } catch {
                    throw error.under("\(sf.sub("tasks"))[\(ti)]")
                }
                try add(t, "\(sf.sub("tasks"))[\(ti)]")
            }
            sections.append(Section(number: try sf.string("number"), title: try sf.string("title"), groups: groups))
        }
        // Document order: a section's ungrouped tasks and grouped tasks interleave
        // by key number, so restore the order the keys give.
        let inOrder: (PlanTask, PlanTask) -> Bool = { a, b in
            a.section != b.section ? a.section < b.section : TaskKey.less(a.key, b.key)
        }
        // Usually already in order (Duban writes it so); sorting copies every task.
        if zip(tasks, tasks.dropFirst()).contains(where: { inOrder($1, $0) }) {
            tasks.sort(by: inOrder)
        }
        var departments: [Department] = []
        for (n, d) in try f.array("departments").enumerated() {
            departments.append(try Department(json: d, path: "\(f.sub("departments"))[\(n)]"))
        }
        var indicators: [Indicator] = []
        for (n, d) in try f.array("indicators").enumerated() {
            indicators.append(try Indicator(json: d, path: "\(f.sub("indicators"))[\(n)]"))
        }
        let id = try f.string("id")
        guard PlanID.isValid(id) else {
            throw PlanFormatError(path: f.sub("id"), message: "\"\(id)\" is not a plan id (lowercase letters, digits and '-')")
        }
        self.init(id: id, title: try f.string("title"), issuer: try f.optionalString("issuer") ?? "",
                  issued: try f.optionalDay("issued"), period: period, source: try f.optionalString("source") ?? "",
                  sections: sections, tasks: tasks, departments: departments, indicators: indicators)
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

    public init(json v: JSON, path: String = "") throws(PlanFormatError) {
        let f = try JSONFields(v, path: path)
        var entries: [DutyEntry] = []
        for (n, ev) in try f.array("entries").enumerated() {
            let ef = try JSONFields(ev, path: "\(f.sub("entries"))[\(n)]")
            entries.append(DutyEntry(kind: try ef.enumValue("kind", DutyEntry.Kind.self),
                                     body: try ef.string("body"), duties: try ef.strings("duties")))
        }
        self.init(id: try f.string("id"), title: try f.string("title"), issuer: try f.optionalString("issuer") ?? "",
                  issued: try f.optionalDay("issued"), source: try f.optionalString("source") ?? "", entries: entries)
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
