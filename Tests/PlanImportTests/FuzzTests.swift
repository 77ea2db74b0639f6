import Testing
import PlanModel
@testable import PlanImport

/// A small deterministic generator (SplitMix64) so every run fuzzes the same
/// inputs and a failure can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The importer must return a plan, a roster or an error for any input:
/// never crash, never hang, never produce a plan that breaks its own rules.
@Suite struct FuzzTests {
    /// Pieces of the documents' structure, so random text often looks almost
    /// like a plan.
    static let tokens: [String] = [
        "一、", "二、", "十三、", "（一）", "(二)", "（十五）", "1.", "2、", "17. ", "（", "）", "(", ")",
        "。", "，", ",", "；", ";", "：", "、", "牵头", "配合", "按职责分工负责", "负责具体实施", "负责落实",
        "牵头单位：", "责任单位：", "列第一位者为牵头部门", "以下措施均需", "不再一一列出", "等部门、单位",
        "省质监局", "省工商局", "各市州人民政府", "领导小组各成员单位", "质监部门", "2014年", "(2023-2025年)",
        "2014年4月28日", "二○一一年七月十二日", "98%", "98.0%", "100％", "20家", "1500名", "50个", "以上",
        "达到", "分别提高到", "甘肃省", "行动计划", "《", "》", "“", "”", "\n", "\n", "\n", "\r\n", "　　", " ",
        "99999999999999999999", "十十十", "〇", "\u{0}", "\u{FEFF}", "🙂", "e\u{301}",
        // The other forms of the family.
        "。列第一位者为牵头部门，下同", "牵头部门：", "配合部门：", "完成时限：", "责任领导：", "牵头落实", "负责。",
        "2026年6月底前", "（1）", "1．", "乙厅", "部际联席会议成员单位", "各成员单位", "工作要点", "任务分工方案",
    ]

    static func randomCJK(_ g: inout SplitMix64) -> String {
        String(Character(Unicode.Scalar(UInt32.random(in: 0x4E00...0x9FFF, using: &g))!))
    }

    static func randomText(_ g: inout SplitMix64, pieces: Int) -> String {
        var s = ""
        for _ in 0..<pieces {
            switch Int.random(in: 0..<10, using: &g) {
            case 0...5: s += tokens.randomElement(using: &g)!
            case 6, 7: s += randomCJK(&g)
            case 8: s += String(Character(Unicode.Scalar(UInt8.random(in: 32...126, using: &g))))
            default: s += String(Int.random(in: 0...3000, using: &g))
            }
        }
        return s
    }

    static func mutate(_ text: String, _ g: inout SplitMix64) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<Int.random(in: 1...6, using: &g) where !lines.isEmpty {
            let i = Int.random(in: 0..<lines.count, using: &g)
            switch Int.random(in: 0..<8, using: &g) {
            case 0: lines.remove(at: i)
            case 1: lines.insert(lines[i], at: i)
            case 2:
                let s = Array(lines[i].unicodeScalars)
                lines[i] = s.prefix(Int.random(in: 0...s.count, using: &g)).string
            case 3:
                // Swap bracket kinds, or drop one.
                let swap: [Unicode.Scalar: String] = ["（": "(", "）": ")", "(": "（", ")": "）"]
                lines[i] = lines[i].unicodeScalars.map { c in
                    guard let r = swap[c] else { return String(c) }
                    return Int.random(in: 0..<4, using: &g) == 0 ? "" : r
                }.joined()
            case 4:
                var s = Array(lines[i].unicodeScalars)
                let at = Int.random(in: 0...s.count, using: &g)
                s.insert(contentsOf: randomText(&g, pieces: Int.random(in: 1...5, using: &g)).unicodeScalars, at: at)
                lines[i] = s.string
            case 5:
                let j = Int.random(in: 0..<lines.count, using: &g)
                lines.swapAt(i, j)
            case 6:
                lines[i] = String(lines[i].unicodeScalars.map { _ in Character(Unicode.Scalar(UInt32.random(in: 0x4E00...0x4E20, using: &g))!) })
            default:
                lines = Array(lines.prefix(i))
            }
        }
        return lines.joined(separator: Int.random(in: 0..<5, using: &g) == 0 ? "\r\n" : "\n")
    }

    /// A document built from the grammar of the family, with random parts:
    /// most of these import as plans, so the deeper paths get exercised.
    static func randomPlan(_ g: inout SplitMix64) -> String {
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "二十九"]
        let depts = ["省质监局", "省工商局", "质监", "质监部门", "各市州人民政府", "省领导小组各成员单位", "省交通厅", "省交通运输厅", "兰州新区", "教育"]
        let roles = ["牵头", "配合", "按职责分工负责", "负责具体实施", "等部门、单位配合", "等按职责分工负责", ""]
        var lines = ["某省2014年行动计划", "2014年4月28日"]
        for s in 0..<Int.random(in: 1...5, using: &g) {
            lines.append("\(numerals[s % numerals.count])、" + randomText(&g, pieces: 2))
            if Bool.random(using: &g) { lines.append("(\(numerals.randomElement(using: &g)!))小标题") }
            for t in 0..<Int.random(in: 0...6, using: &g) {
                let number = Bool.random(using: &g) ? "（\(numerals[t % numerals.count])）" : "\(t + 1)\([".", "、", ". "].randomElement(using: &g)!)"
                var list = ""
                for c in 0..<Int.random(in: 0...3, using: &g) {
                    if c > 0 { list += ["，", ",", "；"].randomElement(using: &g)! }
                    list += (0..<Int.random(in: 1...3, using: &g)).map { _ in depts.randomElement(using: &g)! }.joined(separator: "、")
                    list += roles.randomElement(using: &g)!
                }
                let open = Bool.random(using: &g) ? "（" : "("
                let close = Bool.random(using: &g) ? "）" : ")"
                let body = randomText(&g, pieces: Int.random(in: 1...8, using: &g)) + "。" + randomText(&g, pieces: 3)
                switch Int.random(in: 0..<4, using: &g) {
                case 0: lines.append(number + body); lines.append(list + "负责落实。")
                case 1: lines.append(number + body); lines.append("牵头单位：\(depts.randomElement(using: &g)!)；责任单位：\(depts.randomElement(using: &g)!)")
                default: lines.append(number + body + open + list + close)
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A document in the other forms of the family: labelled lines inline or
    /// on lines of their own, time limits, leaders, own-line lists, the stated
    /// convention, unnumbered group headings, every numbering, numbers
    /// restarting per group, titles with or without a year.
    static func randomFamilyPlan(_ g: inout SplitMix64) -> String {
        let depts = ["省甲厅", "甲厅", "省乙局", "乙局", "省丙委", "各市州政府", "部际联席会议成员单位", "各成员单位", "丁部"]
        let titles = ["某省2022年深化质量工作要点", "某省质量提升实施方案", "某市2021年任务分工方案", "《政府工作报告》重点工作责任分解"]
        let marks = ["、", ".", "．", "（）", "()"]
        func names(_ g: inout SplitMix64) -> String {
            (0..<Int.random(in: 1...3, using: &g)).map { _ in depts.randomElement(using: &g)! }.joined(separator: "、")
        }
        func colon(_ g: inout SplitMix64) -> String { Bool.random(using: &g) ? "：" : ":" }
        var lines = [titles.randomElement(using: &g)!, "某省人民政府办公厅", "2024年3月1日"]
        let mark = marks.randomElement(using: &g)!
        var n = 0
        for s in 0..<Int.random(in: 1...4, using: &g) {
            lines.append(["一", "二", "三", "四"][s] + "、" + randomText(&g, pieces: 2))
            for _ in 0..<Int.random(in: 0...3, using: &g) {
                if Bool.random(using: &g) { lines.append(randomCJK(&g) + randomCJK(&g) + "小标题" + (Bool.random(using: &g) ? "。" : "")) }
                if Int.random(in: 0..<3, using: &g) == 0 { n = 0 }
                for _ in 0..<Int.random(in: 0...4, using: &g) {
                    n += 1
                    let number = mark.count == 2 ? "\(mark.first!)\(n)\(mark.last!)" : "\(n)\(mark)"
                    let body = randomText(&g, pieces: Int.random(in: 1...6, using: &g)) + "。"
                    switch Int.random(in: 0..<7, using: &g) {
                    case 0:
                        lines.append(number + body + "牵头单位\(colon(&g))\(names(&g))；责任单位\(colon(&g))\(names(&g))等，\(names(&g))。")
                    case 1:
                        lines.append(number + body)
                        lines.append("牵头部门\(colon(&g))\(names(&g))　配合部门\(colon(&g))\(names(&g))")
                    case 2:
                        lines.append(number + body)
                        lines.append(names(&g) + ["负责落实。", "牵头落实。", "负责。"].randomElement(using: &g)!)
                    case 3:
                        lines.append(number + body + "（\(names(&g))。列第一位者为牵头部门，下同）")
                    case 4:
                        lines.append(number + body + "(\(names(&g)))")
                    case 5:
                        lines.append(number + body + "（\(randomText(&g, pieces: 3))）")
                    default:
                        lines.append(number + body)
                        lines.append("责任单位\(colon(&g))\(names(&g))")
                    }
                    if Int.random(in: 0..<3, using: &g) == 0 {
                        lines.append(Bool.random(using: &g) ? "完成时限：\(Int.random(in: 2020...2030, using: &g))年\(Int.random(in: 1...13, using: &g))月底前" : "责任领导：\(randomCJK(&g))某")
                    }
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// What every successful import must satisfy. `deadlines`: the document
    /// may set time limits, so a task may fall due before the period's end.
    @discardableResult
    static func checkInvariants(_ text: String, deadlines: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let lineCount = text.unicodeScalars.filter { $0 == "\n" || $0 == "\r" }.count + 1
        do {
            let r = try Importer.importDocument(text, fileName: "fuzz.txt", id: nil)
            for w in r.warnings {
                #expect(w.line >= 1 && w.line <= lineCount, sourceLocation: sourceLocation)
                #expect(!w.message.isEmpty, sourceLocation: sourceLocation)
            }
            #expect(r.warnings.map(\.line) == r.warnings.map(\.line).sorted(), sourceLocation: sourceLocation)
            switch r.document {
            case .plan(let p):
                #expect(PlanID.isValid(p.id), "\(p.id)", sourceLocation: sourceLocation)
                #expect(p.period.start <= p.period.end, sourceLocation: sourceLocation)
                #expect(Set(p.tasks.map(\.key)).count == p.tasks.count, sourceLocation: sourceLocation)
                #expect(!p.tasks.isEmpty, sourceLocation: sourceLocation)
                for t in p.tasks {
                    #expect(TaskKey.parts(t.key) != nil, "\(t.key)", sourceLocation: sourceLocation)
                    #expect(t.section >= 0 && t.section < p.sections.count, sourceLocation: sourceLocation)
                    if let g = t.group { #expect(g >= 0 && g < p.sections[t.section].groups.count, sourceLocation: sourceLocation) }
                    if deadlines {
                        #expect(p.period.contains(t.due), sourceLocation: sourceLocation)
                    } else {
                        #expect(t.due == p.period.end, sourceLocation: sourceLocation)
                    }
                    for a in t.assignments {
                        #expect(p.department(named: a.department) != nil, "\(a.department)", sourceLocation: sourceLocation)
                    }
                }
                for i in p.indicators {
                    #expect(i.target.isFinite && !i.name.isEmpty && !i.source.isEmpty, sourceLocation: sourceLocation)
                    if let k = i.taskKey { #expect(p.task(k) != nil, sourceLocation: sourceLocation) }
                }
                #expect(Set(p.indicators.map(\.id)).count == p.indicators.count, sourceLocation: sourceLocation)
                // Every task counted as unread exists and has a warning.
                for k in r.unreadListKeys { #expect(p.task(k) != nil, sourceLocation: sourceLocation) }
                #expect(r.unreadListKeys.count <= r.warnings.count, sourceLocation: sourceLocation)
                let badNames = p.departments.map(\.name).filter { $0.contains("列第一位") || $0.contains("：") }
                #expect(badNames.isEmpty, "\(badNames)", sourceLocation: sourceLocation)
                return 0
            case .roster(let roster):
                #expect(!roster.entries.isEmpty, sourceLocation: sourceLocation)
                return 1
            }
        } catch {
            #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
            return 2
        }
    }

    @Test func randomText() {
        var g = SplitMix64(seed: 0x5EED_0001)
        for _ in 0..<300 {
            Self.checkInvariants(Self.randomText(&g, pieces: Int.random(in: 0...120, using: &g)))
        }
    }

    @Test func randomPlans() {
        var g = SplitMix64(seed: 0x5EED_0002)
        var outcomes = [0, 0, 0]
        for _ in 0..<300 {
            var text = Self.randomPlan(&g)
            if Bool.random(using: &g) { text = Self.mutate(text, &g) }
            outcomes[Self.checkInvariants(text)] += 1
        }
        // Most of them must get past the error paths.
        #expect(outcomes[0] > 150, "\(outcomes)")
    }

    @Test func randomFamilyPlans() {
        var g = SplitMix64(seed: 0x5EED_0003)
        var outcomes = [0, 0, 0]
        for _ in 0..<300 {
            var text = Self.randomFamilyPlan(&g)
            if Bool.random(using: &g) { text = Self.mutate(text, &g) }
            outcomes[Self.checkInvariants(text, deadlines: true)] += 1
        }
        #expect(outcomes[0] > 150, "\(outcomes)")
    }

    /// Task tables of random shape through the table form: headers in any
    /// order, spanning rows, empty and odd cells.
    @Test func randomTables() {
        var g = SplitMix64(seed: 0x5EED_0004)
        let headers = ["序号", "工作任务", "牵头单位", "责任单位", "配合单位", "完成时限", "责任领导", "类别", "备注"]
        let depts = ["省甲厅", "乙厅", "省丙委、省丁局", "各市州政府", "", "省甲厅\n省乙厅"]
        var outcomes = [0, 0, 0]
        for _ in 0..<200 {
            var cols = Array(headers.shuffled(using: &g).prefix(Int.random(in: 1...headers.count, using: &g)))
            // Mostly tables of tasks, so the deeper paths get exercised.
            if Int.random(in: 0..<5, using: &g) > 0 {
                for c in ["工作任务", "牵头单位"] where !cols.contains(c) { cols.insert(c, at: Int.random(in: 0...cols.count, using: &g)) }
            }
            var rows: [[String]] = [cols]
            if Int.random(in: 0..<5, using: &g) > 0 { rows.append(Array(repeating: "一、重点任务", count: cols.count)) }
            for r in 0..<Int.random(in: 0...12, using: &g) {
                if Int.random(in: 0..<5, using: &g) == 0 {
                    rows.append(Array(repeating: ["一、重点任务", "强化标准", "（二）分组", ""].randomElement(using: &g)!, count: cols.count))
                    continue
                }
                rows.append(cols.map { c in
                    switch c {
                    case "序号": return ["\(r + 1)", "", "（\(r + 1)）", "一"].randomElement(using: &g)!
                    case "工作任务": return Self.randomText(&g, pieces: Int.random(in: 0...6, using: &g)) + "。"
                    case "完成时限": return ["2014年6月底前", "", "长期坚持", "13月"].randomElement(using: &g)!
                    default: return Bool.random(using: &g) ? depts.randomElement(using: &g)! : Self.randomText(&g, pieces: 2)
                    }
                })
            }
            let text = "某省2014年任务分工方案\n" + TableForm.lines(rows).joined(separator: "\n")
            outcomes[Self.checkInvariants(text, deadlines: true)] += 1
        }
        #expect(outcomes[0] > 100, "\(outcomes)")
    }

    @Test(arguments: Seeds.all)
    func mutatedSeeds(_ name: String) throws {
        let text = try Seeds.text(name)
        var g = SplitMix64(seed: 0xD0C0_0000 &+ UInt64(name.unicodeScalars.first!.value))
        var outcomes = [0, 0, 0]
        for _ in 0..<40 {
            outcomes[Self.checkInvariants(Self.mutate(text, &g))] += 1
        }
        // A few mutations never destroy a whole document.
        #expect(outcomes[name == Seeds.roster2011 ? 1 : 0] > 20, "\(outcomes)")
    }

    @Test func pathologicalInputs() {
        let long = String(repeating: "（", count: 5000) + String(repeating: "）", count: 5000)
        for text in [
            "", "\n\n\n", "\r\r\r", "一、", "（一）", "1.", "1.（）", "一、\n（一）（）", long,
            "一、甲\n（一）" + long + "（省质监局牵头）",
            "一、甲2014年\n（一）乙。（" + String(repeating: "省质监局、", count: 3000) + "牵头）",
            String(repeating: "一、二〇一四年\n(一)x。(省a局牵头)\n", count: 500),
            "一、x2014年\n1.a。(" + String(repeating: "以下均需", count: 500) + ")",
            String(repeating: "98%、", count: 2000),
            "一、x\n（一）" + String(repeating: "甲", count: 3000) + "，" + String(repeating: "省级1家、", count: 3000) + "。（省质监局牵头）",
            "一、x\n（一）" + String(repeating: "甲、", count: 3000) + "合格率分别达到" + String(repeating: "9%、", count: 3000) + "。（省质监局牵头）",
        ] {
            Self.checkInvariants(text)
            // With a year in the title they go past the head into the walk.
            Self.checkInvariants("某省2014年计划\n" + text)
        }
    }
}
