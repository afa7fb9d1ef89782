import XCTest
@testable import SuanpanREPL

/// `:scenario`: a report with its chart; beside the baseline once `:set` what-ifs are in force.
final class ScenarioCommandTests: REPLTestCase {
    let mix = repositoryRoot.appendingPathComponent("Examples/revenue_mix.suan").path

    func testAScenarioShowsItsReportAndChart() throws {
        let t = try type([":scenario Mix"], loading: [mix])
        XCTAssertEqual(t.errors, [])
        XCTAssertTrue(t.outputText.contains("Mix — Ant's revenue mix, 2020"), t.outputText)
        XCTAssertTrue(t.outputText.contains("1,551,580.62"), t.outputText)
        XCTAssertTrue(t.outputText.contains("█"), t.outputText)
    }

    func testAWhatIfIsShownBesideTheBaselineWithItsExplanation() throws {
        let t = try type([":set HuabeiMerchant.merchant_rate = 0.6%", ":scenario Mix"], loading: [mix])
        XCTAssertEqual(t.errors, [])
        // The same change as the declared FeeCut variant: −69,814.44, all of it CreditTech.
        XCTAssertTrue(t.outputText.contains("What accounts for the change of -69,814.44"), t.outputText)
        XCTAssertTrue(t.outputText.contains("Mix (what-if)"), t.outputText)
    }

    func testNamesAreCheckedWithWhatToWrite() throws {
        let t = try type([":scenario Mx", ":scenario"], loading: [mix])
        XCTAssertEqual(t.errors, ["no scenario named Mx (did you mean Mix?); the scenarios are Mix, FeeCut"])
        XCTAssertEqual(t.output.last, "scenarios: Mix, FeeCut; :scenario NAME runs one")
    }

    func testScenarioNamesComplete() throws {
        let session = try makeSession()
        _ = session.load(mix)
        let c = Completer(session: session)
        XCTAssertEqual(c.candidates(line: ":scenario ", word: ""), ["FeeCut", "Mix"])
        XCTAssertEqual(c.candidates(line: ":scenario M", word: "M"), ["Mix"])
    }
}
