/// Typed members of a supervision record read from a JSON value, naming the
/// path of a member at fault.
struct RecordFields {
    let path: String
    let members: [(String, JSON)]

    init(_ v: JSON, path: String) throws(PlanFormatError) {
        guard case .object(let o) = v else { throw PlanFormatError(path: path, message: "expected an object, got \(v.brief)") }
        self.path = path
        self.members = o
    }

    func sub(_ key: String) -> String { path.isEmpty ? key : path + "." + key }
    func raw(_ key: String) -> JSON? {
        guard let v = members.first(where: { $0.0 == key })?.1, !v.isNull else { return nil }
        return v
    }

    func bad(_ key: String, _ expected: String) -> PlanFormatError {
        PlanFormatError(path: sub(key), message: "expected \(expected), got \(raw(key)?.brief ?? "nothing")")
    }

    func string(_ key: String) throws(PlanFormatError) -> String {
        guard let s = raw(key)?.string else { throw bad(key, "a string") }
        return s
    }

    func optionalString(_ key: String) throws(PlanFormatError) -> String? {
        guard let v = raw(key) else { return nil }
        guard let s = v.string else { throw bad(key, "a string") }
        return s
    }

    func int(_ key: String) throws(PlanFormatError) -> Int {
        guard let n = raw(key)?.int else { throw bad(key, "an integer") }
        return n
    }

    func optionalInt(_ key: String) throws(PlanFormatError) -> Int? {
        guard let v = raw(key) else { return nil }
        guard let n = v.int else { throw bad(key, "an integer") }
        return n
    }

    func bool(_ key: String) throws(PlanFormatError) -> Bool {
        guard let v = raw(key) else { return false }
        guard let b = v.bool else { throw bad(key, "true or false") }
        return b
    }

    func day(_ key: String) throws(PlanFormatError) -> Day {
        guard let d = raw(key)?.string.flatMap({ Day($0) }) else { throw bad(key, "a date YYYY-MM-DD") }
        return d
    }

    func optionalDay(_ key: String) throws(PlanFormatError) -> Day? {
        guard raw(key) != nil else { return nil }
        return try day(key)
    }

    func array(_ key: String) throws(PlanFormatError) -> [JSON]? {
        guard let v = raw(key) else { return nil }
        guard let a = v.array else { throw bad(key, "an array") }
        return a
    }

    func strings(_ key: String) throws(PlanFormatError) -> [String]? {
        guard let a = try array(key) else { return nil }
        var out: [String] = []
        for (i, x) in a.enumerated() {
            guard let s = x.string else { throw PlanFormatError(path: "\(sub(key))[\(i)]", message: "expected a string, got \(x.brief)") }
            out.append(s)
        }
        return out
    }

    func ints(_ key: String) throws(PlanFormatError) -> [Int]? {
        guard let a = try array(key) else { return nil }
        var out: [Int] = []
        for (i, x) in a.enumerated() {
            guard let n = x.int else { throw PlanFormatError(path: "\(sub(key))[\(i)]", message: "expected an integer, got \(x.brief)") }
            out.append(n)
        }
        return out
    }
}
