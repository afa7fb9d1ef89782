import Foundation
import Suanpan
import SuanpanPlugin
import XCTest

/// Docs/library.md is generated from the plugins' own declarations; it must
/// match them (regenerate with `swift run suanpan plugins --markdown > Docs/library.md`).
final class ReferenceTests: XCTestCase {
    func testTheLibraryReferenceIsUpToDate() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let committed = try String(contentsOf: root.appendingPathComponent("Docs/library.md"), encoding: .utf8)
        let generated = PluginReference.markdown(try Program.standardPlugins()) + "\n"
        XCTAssertEqual(committed, generated, "Docs/library.md is stale: run `swift run suanpan plugins --markdown > Docs/library.md`")
    }

    func testEveryStandardFunctionHasASummary() throws {
        for f in try Program.standardPlugins().library.functions {
            XCTAssertFalse(f.summary.isEmpty, "\(f.qualifiedName) has no summary")
        }
    }
}
