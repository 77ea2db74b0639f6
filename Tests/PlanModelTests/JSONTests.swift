import Testing
@testable import PlanModel

@Suite struct JSONTests {
    @Test func roundTripsChineseUnescaped() throws {
        let v = JSON.object([("名称", .string("省质监局 \"引号\"\n换行")), ("n", .int(-12)), ("x", .double(97.5)),
                             ("a", .array([.bool(true), .null, .array([])])), ("o", .object([]))])
        let pretty = JSONWriter.pretty(v)
        #expect(pretty.contains("\"名称\": \"省质监局 \\\"引号\\\"\\n换行\""))
        #expect(try JSONParser.parse(pretty) == v)
        #expect(try JSONParser.parse(JSONWriter.compact(v)) == v)
        #expect(!JSONWriter.compact(v).contains("\n"))
    }

    @Test func keepsKeyOrder() throws {
        let v = try JSONParser.parse(#"{"z":1,"a":2,"m":3}"#)
        #expect(v.object?.map(\.0) == ["z", "a", "m"])
        #expect(JSONWriter.compact(v) == #"{"z":1,"a":2,"m":3}"#)
    }

    @Test func decodesEscapesAndSurrogates() throws {
        #expect(try JSONParser.parse(#""\u4e2d\ud83d\ude00\t""#) == .string("中😀\t"))
    }

    @Test(arguments: [
        ("{\n  \"a\": 1,\n  \"b\": tru\n}", 3, 8),
        ("[1, 2,\n 3", 2, 3),
        ("{\"a\" 1}", 1, 6),
        ("\"abc", 1, 1),
        ("{\"中文\": x}", 1, 8),
        ("01", 1, 1),
        ("[1] 2", 1, 5),
    ])
    func reportsLineAndColumn(_ text: String, _ line: Int, _ column: Int) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
        }
    }

    @Test func rejectsDeepNestingWithoutCrashing() {
        let deep = String(repeating: "[", count: 10_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
    }
}
