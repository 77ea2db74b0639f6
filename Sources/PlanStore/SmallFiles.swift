import FoundationEssentials
import PlanModel

/// `settings.json`: a small file read once per session, where speed does not
/// matter, so it is decoded with `Codable` (FoundationEssentials, which the
/// argument parser loads anyway). Plans, their lines and the journal use
/// `JSONReader`, which the benchmark needs; so do the roster (the export
/// shape of a document) and `access.json`, whose unknown keys are kept in
/// file order, which `Codable` cannot do. Files are written from their `JSON`
/// value (`json`), which keeps Chinese unescaped and the store's layout.
enum SmallFile {
    /// Decodes `T` from a file's bytes; errors name the field and, for
    /// malformed text, the line and column.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(PlanFormatError) -> T {
        do { return try JSONDecoder().decode(T.self, from: Data(bytes)) } catch let e as DecodingError {
            // Malformed text: `JSONDecoder` does not say where, the reader does.
            if case .dataCorrupted(let c) = e, c.codingPath.isEmpty {
                do { _ = try JSONParser.parse(bytes) } catch {
                    throw PlanFormatError(path: "", message: "\(error)", line: error.line, column: error.column)
                }
            }
            throw formatError(e)
        } catch {
            throw PlanFormatError(path: "", message: "\(error)")
        }
    }

    /// The file at `path` decoded; nil when it does not exist.
    static func read<T: Decodable>(_ type: T.Type, _ path: String) throws(StoreError) -> T? {
        guard let bytes = try POSIXFile.read(path) else { return nil }
        do { return try decode(T.self, from: bytes) } catch { throw StoreError("\(path): \(error)") }
    }

    static func formatError(_ e: DecodingError) -> PlanFormatError {
        let context: DecodingError.Context
        switch e {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): context = c
        case .keyNotFound(let k, let c):
            return PlanFormatError(path: path(c.codingPath + [k]), message: "missing")
        @unknown default: return PlanFormatError(path: "", message: "\(e)")
        }
        var message = context.debugDescription
        // Malformed JSON: the underlying error names the line and column.
        if let u = context.underlyingError { message += " (\(u))" }
        return PlanFormatError(path: path(context.codingPath), message: message)
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce("") { p, k in
            if let n = k.intValue { return p + "[\(n)]" }
            return p.isEmpty ? k.stringValue : p + "." + k.stringValue
        }
    }
}

/// Any key of an object.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Any JSON value through `Codable`, for the keys a small file keeps
/// without knowing them. Keyed containers do not keep the file's order, so
/// members come out sorted by key.
struct AnyJSON: Decodable {
    var value: JSON

    init(from d: any Decoder) throws {
        if let c = try? d.container(keyedBy: AnyKey.self) {
            value = .object(try c.allKeys.sorted { $0.stringValue < $1.stringValue }.map {
                ($0.stringValue, try c.decode(AnyJSON.self, forKey: $0).value)
            })
        } else if var a = try? d.unkeyedContainer() {
            var items: [JSON] = []
            while !a.isAtEnd { items.append(try a.decode(AnyJSON.self).value) }
            value = .array(items)
        } else {
            let s = try d.singleValueContainer()
            if s.decodeNil() { value = .null }
            else if let b = try? s.decode(Bool.self) { value = .bool(b) }
            else if let i = try? s.decode(Int.self) { value = .int(i) }
            else if let x = try? s.decode(Double.self) { value = .double(x) }
            else { value = .string(try s.decode(String.self)) }
        }
    }
}

extension StoreSettings: Decodable {
    public init(from d: any Decoder) throws {
        let c = try d.container(keyedBy: AnyKey.self)
        self.init(dueSoonDays: try c.decodeIfPresent(Int.self, forKey: AnyKey("dueSoonDays")) ?? 30)
        guard dueSoonDays >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: AnyKey("dueSoonDays"), in: c, debugDescription: "must not be negative")
        }
        for (plan, day) in try c.decodeIfPresent([String: String].self, forKey: AnyKey("evaluationDates")) ?? [:] {
            guard let dd = Day(day) else {
                let at = try c.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("evaluationDates"))
                throw DecodingError.dataCorruptedError(forKey: AnyKey(plan), in: at, debugDescription: "expected a date YYYY-MM-DD, got \"\(day)\"")
            }
            evaluationDates[plan] = dd
        }
        if c.contains(AnyKey("chase")), try !c.decodeNil(forKey: AnyKey("chase")) {
            let steps = try c.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("chase"))
            func step(_ key: String, _ otherwise: Int) throws -> Int {
                guard let n = try steps.decodeIfPresent(Int.self, forKey: AnyKey(key)) else { return otherwise }
                guard n >= 1 else {
                    throw DecodingError.dataCorruptedError(forKey: AnyKey(key), in: steps,
                                                           debugDescription: "expected a whole number of at least 1, got \(n)")
                }
                return n
            }
            chase = ChaseSettings(again: try step("again", 2), circulate: try step("circulate", 3), replyDays: try step("replyDays", 5))
        }
        closureReview = try c.decodeIfPresent(Bool.self, forKey: AnyKey("closureReview")) ?? false
        raw = try AnyJSON(from: d).value
    }
}
