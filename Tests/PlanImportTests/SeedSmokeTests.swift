import Testing
import PlanModel
@testable import PlanImport

@Test func everySeedImportsWithoutWarnings() throws {
    for name in Seeds.all {
        let r = try Importer.importDocument(Seeds.text(name), fileName: name, id: nil)
        #expect(r.warnings.isEmpty, "\(name): \(r.warnings)")
    }
}
