import SuanpanLibrary
import XCTest

/// pmt, ipmt, ppmt, pv, fv, nper, npv. Expected values: the closed forms in FinanceSupportTests
/// evaluated with mpmath at 40 digits, rounded to 18 fraction digits.
final class FinanceTimeValueTests: FinanceTestCase {
    func testPmt() {
        // LibreOffice PMT(0.012;12;10000) = -899.754332793508; mpmath closed form
        assertNear("pmt(1.2%, 12, 10000)", "-899.754332793508008792")
        // Jiebei 6 months at 1.2% (PRODUCTS.md §3: 1,737.36); mpmath
        assertNear("pmt(1.2%, 6, 10000)", "-1737.362438918006902032")
        // MYbank 0.9%/month, 6 and 12 months (1,719.56 and 882.88); mpmath
        assertNear("pmt(0.9%, 6, 10000)", "-1719.558635947946400231")
        assertNear("pmt(0.9%, 12, 10000)", "-882.883954908305951381")
        // a 30-year mortgage: mpmath
        assertNear("pmt(0.5%, 360, 300000)", "-1798.651575458257183774")
        // a fractional number of periods: mpmath, (1.01)^12.5
        assertNear("pmt(1%, 12.5, 1000)", "-85.502959210732857184")
    }

    func testPmtRoundsToTheFigureCalculatorsShow() {
        assertShows("round(pmt(1.2%, 12, 10000 CNY), half_up)", "-899.75 CNY : money<CNY>")
        assertShows("round(-pmt(1.2%, 6, 10000 CNY), half_up)", "1,737.36 CNY : money<CNY>")
        assertShows("round(-pmt(monthly(0.03%/day), 6, 10000 CNY), half_up)", "1,719.56 CNY : money<CNY>")
        assertShows("round(-pmt(monthly(0.03%/day), 12, 10000 CNY), half_up)", "882.88 CNY : money<CNY>")
    }

    func testPmtSmallRatesUseTheSeriesWithoutLosingDigits() {
        // daily 0.01% over 30 days, and 0.0001% a period: mpmath
        assertNear("pmt(0.01%, 30, 10000)", "-333.850249709699449135")
        assertNear("pmt(0.0001%, 360, 100000)", "-277.827919666642012051")
    }

    func testPmtOptionalArgumentsAndPaymentsInAdvance() {
        // Excel PMT(0.5%, 36, 20000, -5000, 1) and with type 0: mpmath closed form
        assertNear("pmt(0.5%, 36, 20000, -5000, 1)", "-478.934389824205745221")
        assertNear("pmt(0.5%, 36, 20000, -5000)", "-481.329061773326773947")
        assertNear("pmt(0.5%, 36, 20000, -5000, 0)", "-481.329061773326773947")
    }

    func testPmtZeroRateIsTheStraightLine() {
        // pmt = -(pv + fv) / n exactly
        assertShows("pmt(0%, 12, 1200, 300)", "-125 : number")
        assertShows("pmt(0%, 12, 1200, 0, 1)", "-100 : number")
        assertShows("pmt(0%, 3, 100)", "-33.333333333333333333 : number")
    }

    func testPmtSignConvention() {
        // money received (a loan, +) is repaid with payments out (-), and the other way round
        assertNear("pmt(1.2%, 12, -10000)", "899.754332793508008792")
        assertNear("pmt(1.2%, 12, 10000) + pmt(1.2%, 12, -10000)", "0")
    }

    func testMoneyOverloadsKeepTheCurrency() {
        assertNear("pmt(1.2%, 12, 10000 CNY)", "-899.754332793508008792", currency: "CNY")
        assertNear("pmt(1.2%, 12, 10000 USD, 0 USD, 0)", "-899.754332793508008792", currency: "USD")
        assertNear("fv(0.4%, 24, -500 EUR, -1000 EUR)", "13669.085842477161401688", currency: "EUR")
        assertNear("pv(0.6%, 60, -1500 CNY)", "75393.1950412329200251", currency: "CNY")
        assertNear("ipmt(1.2%, 5, 12, 10000 CNY)", "-81.892678451443911125", currency: "CNY")
        assertNear("ppmt(1.2%, 5, 12, 10000 CNY)", "-817.861654342064097667", currency: "CNY")
        assertNear("npv(10%, [-10000 HKD, 3000 HKD, 4200 HKD, 6800 HKD])", "1188.443412335223003893", currency: "HKD")
        assertShows("pmt(1.2%, 12, 10000 CNY)", "-899.754332793508009413 CNY : money<CNY>")   // unrounded: rules round
        assertShows("nper(1.2%, -899.75 CNY, 10000 CNY) > 12", "true : bool")
    }

    func testRateAsARatePerPeriod() {
        // monthly(0.04%/day) is 1.2%/month: the same as the percent
        assertNear("pmt(monthly(0.04%/day), 12, 10000)", "-899.754332793508008792")
        assertNear("pmt(1.2%/month, 12, 10000 CNY)", "-899.754332793508008792", currency: "CNY")
        assertNear("fv(0.4%/month, 24, -500, -1000, 1)", "13719.35999264572156598")
        assertNear("nper(1.2%/month, -899.75, 10000)", "12.000062127135780951")
        assertNear("npv(1.2%/month, [100, 100, 100])", "292.941450859461030585")
        assertNear("ipmt(1.2%/month, 5, 12, 10000)", "-81.892678451443911125")
    }

    func testFvAndPv() {
        // mpmath closed forms
        assertNear("fv(0.4%, 24, -500, -1000)", "13669.085842477161401688")
        assertNear("fv(0.4%, 24, -500, -1000, 1)", "13719.35999264572156598")
        assertNear("fv(0.4%, 24, -500)", "12568.537542140041073103")
        assertNear("pv(0.6%, 60, -1500)", "75393.1950412329200251")
        assertNear("pv(0.6%, 60, -1500, 10000, 1)", "68861.282013129634346254")
        // zero rate: -(pv + pmt·n) and -(fv + pmt·n)
        assertShows("fv(0%, 10, -100, -1000)", "2000 : number")
        assertShows("pv(0%, 10, -100, 500)", "500 : number")
        // zero periods: fv is -pv
        assertShows("fv(1%, 0, -100, -1000)", "1000 : number")
    }

    func testFvAndPvInvertPmt() {
        assertNear("pv(1.2%, 12, pmt(1.2%, 12, 10000))", "10000")
        assertNear("fv(1.2%, 12, pmt(1.2%, 12, 10000, -2000, 1), 10000, 1)", "-2000")
    }

    func testNper() {
        // mpmath closed form
        assertNear("nper(1.2%, -899.75, 10000)", "12.000062127135780951")
        assertNear("nper(1%, -100, -1000, 10000, 1)", "59.673865674294625588")
        assertShows("nper(0%, -100, 1000)", "10 : number")
        assertNear("nper(1.2%, pmt(1.2%, 12, 10000), 10000)", "12", relative: "0.0000000000001")
    }

    func testIpmtAndPpmt() {
        // LibreOffice IPMT/PPMT definitions, mpmath
        assertShows("ipmt(1.2%, 1, 12, 10000)", "-120 : number")
        assertShows("ipmt(1.2%, 1, 12, 10000, 0, 1)", "0 : number")
        assertNear("ipmt(1.2%, 5, 12, 10000)", "-81.892678451443911125")
        assertNear("ipmt(1.2%, 5, 12, 10000, 0, 1)", "-80.921619023165920084")
        assertNear("ipmt(1.2%, 12, 12, 10000)", "-10.669023709013928958")
        assertNear("ipmt(0.5%, 10, 36, 20000, -5000, 1)", "-82.082549183226049949")
        assertNear("ppmt(1.2%, 5, 12, 10000)", "-817.861654342064097667")
        assertNear("ppmt(1.2%, 5, 12, 10000, 0, 1)", "-808.16369006132815975")
        assertNear("ppmt(1.2%, 1, 12, 10000)", "-779.754332793508008792")
        // the parts add up to the payment, and the principal parts to the loan
        assertNear("ipmt(1.2%, 7, 12, 10000) + ppmt(1.2%, 7, 12, 10000) - pmt(1.2%, 12, 10000)", "0")
        assertNear("sum([ppmt(1.2%, k, 12, 10000) for k in range(1, 12)])", "-10000")
        assertShows("ipmt(0%, 3, 12, 1200)", "0 : number")
    }

    func testNpv() {
        // Excel's documented example NPV(10%, -10000, 3000, 4200, 6800) = 1,188.44; mpmath
        assertNear("npv(10%, [-10000, 3000, 4200, 6800])", "1188.443412335223003893")
        assertNear("npv(1.2%, [100, 100, 100])", "292.941450859461030585")
        // Excel's second example: NPV(8%, B2:B6) + B1 = 1,922.06; mpmath
        assertNear("npv(8%, [8000, 9200, 10000, 12000, 14500]) - 40000", "1922.061554932372200893")
        assertShows("npv(0%, [1, 2, 3])", "6 : number")
        // the payments of a loan discounted at its rate give back the loan
        assertNear("npv(1.2%, [-pmt(1.2%, 12, 10000) for k in range(1, 12)])", "10000")
    }

    func testCheckerMessagesNameTheArgument() {
        assertCheckError("pmt(1.2%, 12, \"x\")", "argument 3 ('pv') of 'finance.pmt' must be number, found string")
        assertCheckError("pmt(12, 12, 10000)", "argument 1 ('rate') of 'finance.pmt' must be percent, found int")
        assertCheckError("pmt(1.2%, 12)", "wrong number of arguments to 'finance.pmt': 2 given")
        assertCheckError("pmt(1.2%, 12, 10000, 0, 0, 1)", "wrong number of arguments to 'finance.pmt'")
        assertCheckError("ipmt(1.2%, 1.5, 12, 10000)", "argument 2 ('period') of 'finance.ipmt' must be int")
        assertCheckError("npv(1.2%, [1 CNY, 2 USD])", "a list holds one type: found money<CNY> and money<USD>")   // a list cannot mix currencies
        // money and plain numbers do not mix, nor do two currencies
        assertCheckError("pmt(1.2%, 12, 10000 CNY, 0)", "of 'finance.pmt' must be")
        assertCheckError("fv(1%, 12, -100 CNY, -1000 USD)", "of 'finance.fv' must be")
        assertCheckError("pmt(1.2%, 12, 10000 days)", "argument 3 ('pv') of 'finance.pmt' must be number, found days")
    }

    func testRuntimeArgumentErrors() {
        assertRuntimeError("pmt(1.2%, 12, 10000, 0, 2)", "argument 5 ('type') must be 0 (payments at the end of each period) or 1")
        assertRuntimeError("pmt(1.2%, 0, 10000)", "argument 2 ('periods') must be above 0, not 0")
        assertRuntimeError("pmt(-100%, 12, 10000)", "argument 1 ('rate') must be above -100%")
        assertRuntimeError("fv(1%, -1, 100)", "argument 2 ('periods') must not be negative")
        assertRuntimeError("ipmt(1.2%, 13, 12, 10000)", "argument 2 ('period') must be between 1 and the number of periods (12), not 13")
        assertRuntimeError("ppmt(1.2%, 0, 12, 10000)", "argument 2 ('period') must be between 1")
        assertRuntimeError("nper(1.2%, -100, 10000)", "no number of periods balances these amounts")
        assertRuntimeError("nper(0%, 0, 10000)", "with a zero rate and a zero payment")
        assertRuntimeError("npv(1%, [])", "argument 2 ('values') must have at least one cash flow")
    }

    /// The runtime's argument errors name pmt and its parameter as pmt's own signature
    /// writes them (read from the declaration here, not from any message).
    func testRuntimeArgumentErrorsComeFromTheDeclaration() throws {
        let pmt = try XCTUnwrap(StandardLibrary.finance.functions.first { $0.name == "pmt" })
        let signature = try XCTUnwrap(pmt.signatures.first)
        let parameters = signature.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" }.split(separator: ",")
        let second = try XCTUnwrap(parameters.dropFirst().first?.split(separator: ":").first).trimmingCharacters(in: .whitespaces)
        assertRuntimeError("pmt(1.2%, 0, 10000)", "\(pmt.name): argument 2 ('\(second)') must be above 0, not 0")
    }

    func testOverflowIsAnErrorNotATrap() {
        assertRuntimeError("fv(1000%, 100, -1)", "fv: arithmetic overflow")
        assertRuntimeError("pv(50%, 200, 1000000)", "pv: arithmetic overflow")
    }

    func testMixedCurrenciesKnownOnlyAtRunTime() {
        // A record field typed `money` has its currency at run time only.
        let wallet = load(source: "record Wallet { cash: money }\nlet usd = Wallet { cash: 100 USD }")
        guard case .runtimeFailed(let error)? = evaluate("pmt(1%, 3, 100 CNY, usd.cash)", in: wallet) else {
            return XCTFail("pmt(1%, 3, 100 CNY, usd.cash) must fail when run")
        }
        XCTAssertTrue(error.message.contains("all amounts must be in one currency, found CNY and USD"), error.message)
        // A plugin's record has its amounts in the call's currency, so mixing them is caught before anything runs.
        assertCheckError("pmt(1%, 3, 100 CNY, installment_plan(100 USD, 3, 1%)[0].principal)",
                         "argument 4 ('fv') of 'finance.pmt' must be money<CNY> (the call's currency), found money<USD>")
    }
}
