import Testing
import PlanModel
@testable import PlanImport

/// What the importer produces survives the store's JSON unchanged.
@Test(arguments: Seeds.all)
func importedDocumentRoundTripsThroughJSON(_ name: String) throws {
    let r = try Importer.importDocument(Seeds.text(name), fileName: name, id: nil)
    switch r.document {
    case .plan(let p):
        let back = try Plan(json: JSONParser.parse(JSONWriter.pretty(p.json)))
        #expect(back == p)
    case .roster(let roster):
        let back = try DutyRoster(json: JSONParser.parse(JSONWriter.pretty(roster.json)))
        #expect(back == roster)
    }
}
