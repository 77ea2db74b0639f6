import Foundation
import PlanModel
import Testing

/// What the commands print follows the session's language: Chinese by default,
/// English with DUBAN_LANG=en or --lang en, from the one vocabulary. Machine
/// formats (--json) keep their codes whatever the language.
@Suite struct LanguageTests {
    static let english = ["DUBAN_LANG": "en_US.UTF-8"]

    func run(_ args: [String], _ dir: String, english: Bool = false) throws -> Duban.Result {
        let r = try Duban.run(args + ["--store", dir], environment: english ? Self.english : [:])
        #expect(r.status == 0, "\(args): \(r.err)")
        return r
    }

    func header(_ out: String) -> [String] {
        (out.split(separator: "\n").first ?? "").split(separator: " ").map(String.init)
    }

    @Test func plansHeadsItsColumnsInTheSessionsLanguage() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let zh = Vocabulary(.zh)
        #expect(header(try run(["plans"], dir).out)
            == [zh.id, zh.tasks, zh.statusShort(.done), zh.light(.red), zh.light(.yellow), zh.completion, zh.period, zh.title])
        #expect(header(try run(["plans"], dir, english: true).out)
            == ["ID", "TASKS", "DONE", "RED", "YELLOW", "COMPLETION", "PERIOD", "TITLE"])
    }

    @Test func showLabelsStatusRoleAndLightInsteadOfPrintingCodes() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try run(["update", "e2e", "1.2", "--status", "进行中"], dir)
        let zh = try run(["show", "e2e", "1.2", "--today", "2014-06-01"], dir).out
        #expect(zh.contains("状态：进行中"), "\(zh)")
        #expect(zh.contains("牵头：省质监局"), "\(zh)")
        #expect(zh.contains("预警：绿灯"), "\(zh)")
        #expect(!zh.contains("in_progress") && !zh.contains("lead"), "\(zh)")
        let en = try run(["show", "e2e", "1.2", "--today", "2014-06-01"], dir, english: true).out
        #expect(en.contains("status: in progress") && en.contains("lead: 省质监局") && en.contains("light: green"), "\(en)")
        // --lang wins over DUBAN_LANG.
        let flag = try Duban.run(["show", "e2e", "1.2", "--lang", "zh", "--store", dir], environment: Self.english)
        #expect(flag.out.contains("状态：进行中"), "\(flag.out)")
        // JSON keeps the codes.
        let json = try run(["show", "e2e", "1.2", "--json"], dir).out
        #expect(try JSONParser.parse(json)["status"]?.string == "in_progress")
    }

    @Test func deptAndLogInTheSessionsLanguage() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try run(["update", "e2e", "1.2", "--note", "已部署"], dir)
        let dept = try run(["dept", "省质监局", "--today", "2014-06-01"], dir).out
        let lines = dept.split(separator: "\n").map(String.init)
        #expect(lines.first == "省质监局：1 个计划中共 2 项任务", "\(dept)")
        #expect(header(lines.dropFirst().joined(separator: "\n")) == ["计划", "任务", "职责", "状态", "进度", "截止", "预警", "标题"])
        #expect(lines.last?.split(separator: " ").prefix(3).joined(separator: " ") == "e2e 1.4 牵头", "\(dept)")
        #expect(lines.last?.contains("未开始") == true && lines.last?.contains("绿灯") == true, "\(dept)")
        let deptEn = try run(["dept", "省质监局", "--today", "2014-06-01"], dir, english: true).out
        #expect(deptEn.hasPrefix("省质监局: 2 tasks in 1 plans\nPLAN  TASK  ROLE"), "\(deptEn)")
        #expect(deptEn.contains("not started") && deptEn.contains("green"), "\(deptEn)")

        #expect(header(try run(["log"], dir).out) == ["#", "时间", "用户", "来源", "计划", "任务", "字段", "原值", "→", "新值"])
        #expect(header(try run(["log"], dir, english: true).out) == ["#", "time", "user", "from", "plan", "task", "field", "old", "→", "new"])
        #expect(try run(["log"], dir).out.contains("导入"))
    }

    @Test func updateAndItsErrorsInTheSessionsLanguage() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let zh = try run(["update", "e2e", "1.1", "--progress", "30"], dir).out
        #expect(zh.hasPrefix("e2e 1.1 进度：0 → 30 (#"), "\(zh)")
        let en = try run(["update", "e2e", "1.1", "--progress", "40"], dir, english: true).out
        #expect(en.hasPrefix("e2e 1.1 progress: 30 → 40 (#"), "\(en)")
        let status = try run(["update", "e2e", "1.1", "--status", "behind"], dir).out
        #expect(status.hasPrefix("e2e 1.1 状态：进行中 → 滞后/受阻 (#"), "\(status)")
        let log = try run(["log", "e2e", "1.1"], dir).out
        #expect(log.contains("状态") && log.contains("进行中 → 滞后/受阻") && log.contains("进度"), "\(log)")
        let logEn = try run(["log", "e2e", "1.1"], dir, english: true).out
        #expect(logEn.contains("status") && logEn.contains("in progress → behind/blocked"), "\(logEn)")
        let bad = try Duban.run(["update", "e2e", "1.1", "--progress", "140", "--store", dir])
        #expect(bad.status != 0 && bad.err == "错误：--progress：140 超出 0–100\n", "\(bad.err)")
        let badEn = try Duban.run(["update", "e2e", "1.1", "--progress", "140", "--store", dir], environment: Self.english)
        #expect(badEn.status != 0 && badEn.err == "Error: --progress: 140 is outside 0–100\n", "\(badEn.err)")
        let noTask = try Duban.run(["update", "e2e", "9.9", "--progress", "1", "--store", dir])
        #expect(noTask.err.contains("没有任务 9.9"), "\(noTask.err)")
    }

    @Test func reportAndAssessFollowDUBAN_LANG() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try run(["report", "e2e"], dir).out.hasPrefix("# 进度报告：端到端测试计划"))
        #expect(try run(["report", "e2e"], dir, english: true).out.hasPrefix("# Progress report: 端到端测试计划"))
        let zh = try run(["assess", "e2e"], dir).out
        #expect(zh.hasPrefix("年度考核：端到端测试计划") && zh.contains("超期完成"), "\(zh)")
        #expect(try run(["assess", "e2e"], dir, english: true).out.hasPrefix("Annual assessment: 端到端测试计划"))
    }

    @Test func helpInTheSessionsLanguage() throws {
        let zh = try Duban.run(["update", "--help"])
        #expect(zh.status == 0 && zh.out.contains("更新任务的状态、进度、截止日期，或添加进展备注。"), "\(zh.out)")
        #expect(zh.out.contains("进度百分比，0–100。"), "\(zh.out)")
        let en = try Duban.run(["update", "--help"], environment: Self.english)
        #expect(en.out.contains("Progress in percent, 0–100."), "\(en.out)")
        #expect(try Duban.run(["--help"], environment: Self.english).out.contains("a terminal dashboard"))
        #expect(try Duban.run(["--help"]).out.contains("督办：在终端中督办行动计划。"))
    }
}
