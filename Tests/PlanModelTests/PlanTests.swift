import Testing
import Foundation
@testable import PlanModel

@Suite struct PlanTests {
    @Test func jsonRoundTripKeepsEverything() throws {
        var p = samplePlan()
        p.indicators = [Indicator(id: "goal.1", name: "合格率", target: 98, unit: "%", source: "合格率达到98%以上", actual: 97.5)]
        try p.apply(.addNote(Note(time: "2014-05-02T10:00:00+08:00", user: "zhang", department: "省质监局", text: "已完成调研")), task: "1.1")
        let text = JSONWriter.pretty(p.json)
        let back = try Plan(json: try JSONParser.parse(text))
        #expect(back == p)
        #expect(back.tasks.map(\.key) == ["1.1", "1.2", "2.3", "2.4"])
        #expect(back.tasks[0].group == 0 && back.tasks[2].group == nil)
        #expect(back.indicators[0].met == false)
    }

    @Test func exportShapeNestsTasksInGroups() throws {
        let j = samplePlan().json
        let s0 = j["sections"]?.array?[0]
        #expect(s0?["groups"]?.array?[0]["tasks"]?.array?.count == 2)
        #expect(s0?["tasks"]?.array?.count == 0)
        #expect(j["sections"]?.array?[1]["tasks"]?.array?.count == 2)
        #expect(j["period"]?["end"]?.string == "2014-12-31")
        let a = s0?["groups"]?.array?[0]["tasks"]?.array?[0]["assignments"]?.array
        #expect(a?[0]["role"]?.string == "lead")
    }

    @Test func decodingNamesThePathOfABadValue() throws {
        var text = JSONWriter.pretty(samplePlan().json)
        text = text.replacingFirst("\"progress\": 40", with: "\"progress\": 140")
        #expect(throws: PlanFormatError.self) { try Plan(json: try JSONParser.parse(text)) }
        do { _ = try Plan(json: try JSONParser.parse(text)) } catch let e as PlanFormatError {
            #expect(e.path == "sections[0].groups[0].tasks[0].progress")
            #expect(e.description.contains("140"))
        }
    }

    @Test func applyValidatesAndLeavesPlanUnchangedOnError() throws {
        var p = samplePlan()
        let before = p
        #expect(throws: EditError.self) { try p.apply(.setProgress(140), task: "1.1") }
        #expect(throws: EditError.self) { try p.apply(.setStatus(.done), task: "9.9") }
        #expect(throws: EditError.self) {
            try p.apply(.addNote(Note(time: "t", user: "u", text: String(repeating: "长", count: 2000))), task: "1.1")
        }
        #expect(p == before)
        try p.apply(.setStatus(.done), task: "1.1")
        #expect(p.task("1.1")?.progress == 100)
        try p.apply(.setProgress(5), task: "2.4")
        #expect(p.task("2.4")?.status == .behind)
        #expect(p.currentValue(of: .setProgress(0), task: "2.4") == .int(5))
    }

    @Test func addAndRemoveTasksKeepOrderAndIndex() throws {
        var p = samplePlan()
        let t = PlanTask(key: "1.9", number: "九", section: 0, group: 0, title: "新任务", text: "新任务。",
                         assignments: [], due: p.period.end)
        try p.apply(.addTask(t), task: "1.9")
        #expect(p.tasks.map(\.key) == ["1.1", "1.2", "1.9", "2.3", "2.4"])
        #expect(p.task("2.3")?.title == "完善激励机制")
        try p.apply(.removeTask, task: "1.2")
        #expect(p.tasks.map(\.key) == ["1.1", "1.9", "2.3", "2.4"])
        #expect(p.index(ofTask: "2.4") == 3)
        #expect(throws: EditError.self) { try p.apply(.addTask(t), task: "1.9") }
    }

    @Test func taskKeysSortNumerically() {
        #expect(TaskKey.less("1.2", "1.10"))
        #expect(TaskKey.less("1.10", "2.1"))
        #expect(!TaskKey.less("3.13", "3.9"))
        #expect(PlanID.isValid("gansu-2023-2025"))
        #expect(!PlanID.isValid("Gansu 2014") && !PlanID.isValid("../x") && !PlanID.isValid(""))
    }
}

extension String {
    func replacingFirst(_ a: String, with b: String) -> String {
        guard let r = range(of: a) else { return self }
        return replacingCharacters(in: r, with: b)
    }
}
