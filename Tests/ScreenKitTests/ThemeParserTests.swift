import Testing
@testable import ScreenKit

@Suite struct ThemeParserTests {
    func parse(_ text: String) throws(ThemeError) -> Theme {
        try ThemeParser.parse(text, name: "t", file: "Themes/t.theme")
    }

    func error(_ text: String) -> ThemeError? {
        do { _ = try parse(text); return nil } catch { return error }
    }

    @Test func goodFile() throws {
        let theme = try parse("""
            # a comment
            normal = default
            header = bright-white blue bold   # trailing comment
            selected = 0 6 reverse,underline
            borderFocused = cyan
            bar_filled = 2 default none

            """)
        #expect(theme.styles[.normal] == RoleStyle())
        #expect(theme.styles[.header] == RoleStyle(.indexed(15), .indexed(4), [.bold]))
        #expect(theme.styles[.selected] == RoleStyle(.indexed(0), .indexed(6), [.reverse, .underline]))
        #expect(theme.styles[.borderFocused] == RoleStyle(.indexed(6)))
        #expect(theme.styles[.barFilled] == RoleStyle(.indexed(2)))
        #expect(theme.styles.count == 5)
    }

    @Test func attributesWithoutColours() throws {
        let theme = try parse("title = bold\n")
        #expect(theme.styles[.title] == RoleStyle(.default, .default, [.bold]))
    }

    @Test func missingRolesFallBackToBuiltIn() throws {
        let theme = try parse("normal = default\n")
        #expect(theme.style(.header) == Theme.builtIn.style(.header))
        for role in StyleRole.allCases { _ = theme.style(role) }
    }

    @Test func unknownRole() {
        let e = error("normal = default\n\nhedaer = white\n")
        #expect(e?.line == 3)
        #expect(e?.key == "hedaer")
        #expect(e?.description.hasPrefix("Themes/t.theme:3: unknown role \"hedaer\"") == true)
    }

    @Test func unknownColour() {
        let e = error("header = blu\n")
        #expect(e?.line == 1)
        #expect(e?.key == "header")
        #expect(e?.description.contains("\"blu\" is not a colour") == true)
    }

    @Test func colourOutOfRange() {
        #expect(error("header = 256\n")?.key == "header")
    }

    @Test func unknownAttribute() {
        let e = error("title = 1\nkey = red default bold,blink\n")
        #expect(e?.line == 2)
        #expect(e?.key == "key")
        #expect(e?.description.contains("unknown attribute \"blink\"") == true)
    }

    @Test func tooManyColours() {
        #expect(error("dim = 1 2 3\n")?.description.contains("more than two colours") == true)
    }

    @Test func colourAfterAttributes() {
        #expect(error("dim = bold red\n")?.description.contains("after the attributes") == true)
    }

    @Test func duplicateRole() {
        let e = error("dim = 8\nnormal = default\ndim = 7\n")
        #expect(e?.line == 3)
        #expect(e?.description.contains("given twice (first on line 1)") == true)
    }

    @Test func missingEquals() {
        let e = error("header white blue\n")
        #expect(e?.line == 1)
        #expect(e?.key == nil)
    }

    @Test func emptyValueAndEmptyKey() {
        #expect(error("header =\n")?.description.contains("no colours given") == true)
        #expect(error("= red\n")?.description.contains("missing role name") == true)
    }
}
