import Testing
import Foundation
import PlanModel
@testable import Dashboard

@Suite struct Dump {
    @Test func dump() throws {
        let b = MemoryBackend([Sample.plan(), Sample.second()])
        let app = DashboardApp(backend: b, language: .zh, initialPlan: nil, ascii: false)
        var out = ""
        for (w, h) in [(120, 40), (200, 60), (80, 24)] {
            out += app.render(width: w, height: h).text + "\n=====\n"
        }
        app.press(.char("3"))
        out += app.render(width: 80, height: 24).text + "\n=====\n"
        app.press(.char("4"))
        out += app.render(width: 80, height: 24).text + "\n=====\n"
        app.press(.char("1"))
        out += app.render(width: 80, height: 24).text + "\n=====\n"
        app.press(.char("2"), .enter)
        out += app.render(width: 80, height: 24).text + "\n=====\n"
        app.press(.escape, .char("?"))
        out += app.render(width: 80, height: 24).text + "\n=====\n"
        app.press(.escape, .char("s"))
        out += app.render(width: 80, height: 24).text + "\n=====\n"
        app.press(.escape, .char("n"))
        app.type("备注测试abc")
        out += app.render(width: 80, height: 24).text + "\n=====\n"
        app.press(.escape, .char("/"))
        app.type("质")
        out += app.render(width: 80, height: 24).text + "\n=====\n"
        out += app.render(width: 20, height: 6).text + "\n=====\n"
        try out.write(toFile: "/tmp/dash_dump.txt", atomically: true, encoding: .utf8)
    }
}
