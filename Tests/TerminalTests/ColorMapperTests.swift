import Testing
import ScreenKit
@testable import Terminal

@Suite struct ColorMapperTests {
    let themes: [Theme] = ["default", "light", "high-contrast", "mono"].map {
        try! ThemeLoader.load(nameOrPath: $0, searchPaths: [ThemeLoader.sourceTreeThemes()])
    }

    @Test func depthChoice() {
        #expect(ColorDepth.choose(colors: 256, hasColors: true, noColor: false, themeUsesColor: true) == .full)
        #expect(ColorDepth.choose(colors: 16, hasColors: true, noColor: false, themeUsesColor: true) == .sixteen)
        #expect(ColorDepth.choose(colors: 8, hasColors: true, noColor: false, themeUsesColor: true) == .eight)
        #expect(ColorDepth.choose(colors: 256, hasColors: true, noColor: true, themeUsesColor: true) == .mono)
        #expect(ColorDepth.choose(colors: 0, hasColors: false, noColor: false, themeUsesColor: true) == .mono)
        #expect(ColorDepth.choose(colors: 256, hasColors: true, noColor: false, themeUsesColor: false) == .mono)
    }

    @Test func fullPaletteKeepsIndexes() {
        let s = ColorMapper.resolve(Theme.builtIn, depth: .full)
        #expect(s[.header] == TerminalStyle(fg: 15, bg: 4, attrs: .bold))
        #expect(s[.normal] == TerminalStyle(fg: -1, bg: -1, attrs: []))
    }

    @Test func extendedColoursMapToNearestBasic() {
        #expect(ColorMapper.map(.indexed(196), depth: .sixteen) == 9)    // pure red → bright red
        #expect(ColorMapper.map(.indexed(196), depth: .eight) == 1)
        #expect(ColorMapper.map(.indexed(21), depth: .eight) == 4)       // blue
        #expect(ColorMapper.map(.indexed(28), depth: .eight) == 2)       // dark green
        #expect(ColorMapper.map(.indexed(255), depth: .eight) == 7)      // near white
        #expect(ColorMapper.map(.indexed(232), depth: .sixteen) == 0)    // near black
        #expect(ColorMapper.map(.indexed(11), depth: .eight) == 3)       // bright yellow → yellow
        #expect(ColorMapper.map(.indexed(8), depth: .eight) == 7)        // grey → white, never black
        #expect(ColorMapper.map(.default, depth: .eight) == -1)
    }

    @Test func greyTextIsDimmedInEightColours() {
        let s = ColorMapper.resolve(Theme.builtIn, depth: .eight)
        #expect(s[.dim] == TerminalStyle(fg: 7, bg: -1, attrs: .dim))
    }

    @Test func foregroundNeverEqualsBackground() {
        for theme in themes {
            for depth in [ColorDepth.full, .sixteen, .eight] {
                for defaults in [true, false] {
                    for (role, s) in ColorMapper.resolve(theme, depth: depth, defaultColors: defaults) {
                        #expect(s.fg < 0 || s.fg != s.bg, "\(theme.name) \(depth) \(role)")
                        if s.bg >= 0 { #expect(s.fg >= 0, "\(theme.name) \(depth) \(role): background without foreground") }
                        if !defaults { #expect(s.fg >= 0 && s.bg >= 0) }
                    }
                }
            }
        }
    }

    @Test func collisionsAfterMappingGetAContrastingForeground() {
        // 31 and 30 both land on cyan in 8 colours.
        let theme = Theme(name: "t", styles: [.selected: RoleStyle(.indexed(30), .indexed(31), [])])
        let s = ColorMapper.resolve(theme, depth: .eight)[.selected]!
        #expect(s.bg == 6)
        #expect(s.fg == 0)
        let dark = Theme(name: "t", styles: [.selected: RoleStyle(.indexed(19), .indexed(20), [])])
        let d = ColorMapper.resolve(dark, depth: .eight)[.selected]!
        #expect(d == TerminalStyle(fg: 7, bg: 4, attrs: []))
    }

    @Test func monochromeUsesAttributesOnly() {
        for theme in themes {
            let s = ColorMapper.resolve(theme, depth: .mono)
            #expect(s.values.allSatisfy { $0.fg == -1 && $0.bg == -1 })
            #expect(s[.selected]!.attrs.contains(.reverse))
            #expect(s[.header]!.attrs.contains(.bold))
            #expect(s[.normal]!.attrs.isEmpty || theme.name == "high-contrast")
            #expect(!s[.barFilled]!.attrs.contains(.reverse))   // a reversed █ would vanish
        }
    }

    @Test func monoThemeNamesNoColour() {
        let mono = themes[3]
        #expect(!mono.usesColor)
        #expect(themes[0].usesColor)
    }

    @Test func pairsAllocatedOncePerColourCombination() {
        var table = PairTable(limit: 256)
        let a = table.pair(fg: -1, bg: -1), b = table.pair(fg: 1, bg: -1)
        let c = table.pair(fg: 2, bg: 4), d = table.pair(fg: 1, bg: -1)
        #expect([a, b, c, d] == [0, 1, 2, 1])
        #expect(table.order.count == 2)
        var tiny = PairTable(limit: 2)
        let e = tiny.pair(fg: 1, bg: 2), f = tiny.pair(fg: 3, bg: 2)
        #expect(e == 1)
        #expect(f == 0)   // out of pairs: default pair, attributes still apply
    }
}
