import Foundation
import Suanpan
import SuanpanLibrary
import SuanpanPlugin
import SuanpanRuntime
import SuanpanValues
import XCTest

/// The funds plugin: every function against values computed independently (Python's
/// `decimal` with 60 digits, or mpmath at 50 digits, as noted next to each figure),
/// the checker's uniform argument errors, and clear runtime errors.
final class FundsTests: XCTestCase {
    private let eval = LibraryEvaluator()

    func e(_ text: String) -> String { eval.show(text) }

    func testTheStandardPluginsLoad() {
        XCTAssertNoThrow(try PluginSet(StandardLibrary.plugins))
        let funds = StandardLibrary.funds
        XCTAssertEqual(funds.functions.map(\.name).sorted(),
                       ["daily_earnings", "daily_fee", "purchase", "redemption", "redemption_fee_rate", "seven_day_annualized"])
        XCTAssertEqual(funds.records.map(\.name), ["FundPurchase", "FundRedemption"])
    }

    // MARK: daily_earnings

    func testDailyEarningsKeepsTheCentRoundingDown() {
        // Python decimal: 10000 × 1.8030 / 10000 = 1.8030 → 1.80
        XCTAssertEqual(e("funds.daily_earnings(10000 CNY, 1.8030)"), "1.80 CNY : money<CNY>")
        // 2000 × 1.8092 / 10000 = 0.36184 → 0.36
        XCTAssertEqual(e("daily_earnings(2000 CNY, 1.8092)"), "0.36 CNY : money<CNY>")
        // 123456.78 × 1.7889 / 10000 = 22.0851833742 → 22.08 (half-up would give 22.09)
        XCTAssertEqual(e("daily_earnings(123456.78 CNY, 1.7889)"), "22.08 CNY : money<CNY>")
        // 999.99 × 1.9999 / 10000 = 0.199988… → 0.19 (half-up would give 0.20)
        XCTAssertEqual(e("daily_earnings(999.99 CNY, 1.9999)"), "0.19 CNY : money<CNY>")
        // a cent earns nothing: 0.01 × 1.8 / 10000 = 0.0000018 → 0.00
        XCTAssertEqual(e("daily_earnings(0.01 CNY, 1.8)"), "0.00 CNY : money<CNY>")
        // a negative day: 10000 × −0.1234 / 10000 = −0.1234 → −0.12 (toward zero)
        XCTAssertEqual(e("daily_earnings(10000 CNY, -0.1234)"), "-0.12 CNY : money<CNY>")
        // the currency's minor unit: 12345 × 1.8 / 10000 = 2.2221 → 2 JPY
        XCTAssertEqual(e("daily_earnings(12345 JPY, 1.8)"), "2 JPY : money<JPY>")
    }

    func testDailyEarningsErrors() {
        XCTAssertEqual(e("daily_earnings(-1 CNY, 1.8)"), "runtime: daily_earnings: argument 1 ('holding') must not be negative, not -1 CNY")
        XCTAssertEqual(e("daily_earnings(10000, 1.8)"),
                       "check: argument 1 ('holding') of 'funds.daily_earnings' must be money, found int")
        XCTAssertEqual(e("daily_earnings(10000 CNY, 1.8 CNY)"),
                       "check: argument 2 ('income_per_10k') of 'funds.daily_earnings' must be number, found money<CNY>")
        XCTAssertTrue(e("daily_earnings(10000 CNY)").hasPrefix("check: wrong number of arguments to 'funds.daily_earnings': 1 given"))
    }

    // MARK: seven_day_annualized

    func testSevenDayYieldReproducesThePublishedFigures() {
        // PRODUCTS.md §4, 2013-12-27 … 2014-01-02: the fund's peak, published 6.763%.
        // mpmath (50 digits): (Π(1 + R/10000))^(365/7) − 1 = 6.763278463188479906…%
        let peak = "[1.8030, 1.7889, 1.7886, 1.7947, 1.7869, 1.7807, 1.8092]"
        XCTAssertEqual(e("funds.seven_day_annualized(\(peak))"), "6.763% : percent")
        XCTAssertEqual(e("seven_day_annualized(\(peak), 2)"), "6.76% : percent")
        XCTAssertEqual(e("seven_day_annualized(\(peak), 12)"), "6.763278463188% : percent")
        XCTAssertEqual(e("seven_day_annualized(\(peak), 0)"), "7% : percent")
        // 2013-07-01 … 07-07, published 5.425%; mpmath: 5.425361537087461…%
        XCTAssertEqual(e("seven_day_annualized([1.5787, 1.5461, 1.467, 1.4223, 1.3845, 1.3674, 1.3671])"), "5.425% : percent")
        XCTAssertEqual(e("seven_day_annualized([0, 0, 0, 0, 0, 0, 0])"), "0% : percent")
        // a losing day in the window; mpmath: 2.909208440573317…%
        XCTAssertEqual(e("seven_day_annualized([-0.5, 1, 1, 1, 1, 1, 1])"), "2.909% : percent")
        // ints are numbers too
        XCTAssertEqual(e("seven_day_annualized([1, 1, 1, 1, 1, 1, 1], 6)"), e("seven_day_annualized([1.0, 1, 1, 1, 1, 1, 1.0000], 6)"))
        XCTAssertTrue(e("seven_day_annualized([1, 1, 1, 1, 1, 1, 1], 6)").hasSuffix("% : percent"))
    }

    func testSevenDayYieldMatches420Of421PublishedYuEBaoYields() throws {
        let csv = try String(contentsOf: fundsTestsRoot.appendingPathComponent("Examples/data/yuebao-2013-2014.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        XCTAssertEqual(rows.count, 427)
        guard let program = eval.program else { return XCTFail("the standard plugins did not load") }
        var matched = 0, compared = 0
        var misses: [String] = []
        for end in 6..<rows.count {
            let window = rows[(end - 6)...end].map { $0[1] }
            guard case .value(.decimal(let fraction), _) = program.evaluate("funds.seven_day_annualized([\(window.joined(separator: ", "))])") else {
                return XCTFail("evaluation failed on \(rows[end][0])")
            }
            compared += 1
            let published = try FixedDecimal.parse(Substring(rows[end][2]))
            if try fraction.multiplied(by: FixedDecimal(100)) == published {
                matched += 1
            } else {
                misses.append("\(rows[end][0]): computed \(fraction), published \(published)%")
            }
        }
        XCTAssertEqual(compared, 421)
        XCTAssertEqual(matched, 420, "misses: \(misses)")
    }

    func testSevenDayYieldErrors() {
        XCTAssertEqual(e("seven_day_annualized([1.8, 1.7])"),
                       "runtime: the 7-day yield needs exactly 7 daily figures (万份收益 of the last 7 calendar days), got 2")
        XCTAssertTrue(e("seven_day_annualized([1, 1, 1, 1, 1, 1, 1, 1])").hasSuffix("got 8"))
        XCTAssertTrue(e("seven_day_annualized([])").hasSuffix("got 0"))
        XCTAssertEqual(e("seven_day_annualized([1, 1, 1, 1, 1, 1, 1], 13)"),
                       "runtime: seven_day_annualized: argument 2 ('places') must be 0 to 12 (decimals of a percent), not 13")
        XCTAssertEqual(e("seven_day_annualized([1, 1, 1, 1, 1, 1, 1], -1)"),
                       "runtime: seven_day_annualized: argument 2 ('places') must be 0 to 12 (decimals of a percent), not -1")
        XCTAssertEqual(e("seven_day_annualized([1, 1, 1, -10000, 1, 1, 1])"),
                       "runtime: a daily 万份收益 of -10000 would lose the whole holding; it must be above -10000")
        XCTAssertEqual(e("seven_day_annualized([\"1\"])"),
                       "check: argument 1 ('income_per_10k') of 'funds.seven_day_annualized' must be list<number>, found list<string>")
        XCTAssertEqual(e("seven_day_annualized(1.8)"),
                       "check: argument 1 ('income_per_10k') of 'funds.seven_day_annualized' must be list<number>, found number")
    }

    // MARK: purchase

    func testPurchaseWithAFrontEndLoad() {
        // PRODUCTS.md §6; Python decimal: 10000 / 1.015 = 9852.2167… → 9852.22, fee 147.78,
        // 9852.22 / 1.2 = 8210.1833… → 8210.18
        XCTAssertEqual(e("funds.purchase(10000 CNY, 1.5%, 1.2)"),
                       "FundPurchase { amount: 10,000.00 CNY, fee: 147.78 CNY, net: 9,852.22 CNY, shares: 8210.18 } : FundPurchase<CNY>")
        // 10% of the list rate: 10000 / 1.0015 = 9985.0224… → 9985.02, fee 14.98, shares 8320.85
        XCTAssertEqual(e("purchase(10000 CNY, 1.5% * 10%, 1.2)"),
                       "FundPurchase { amount: 10,000.00 CNY, fee: 14.98 CNY, net: 9,985.02 CNY, shares: 8320.85 } : FundPurchase<CNY>")
        // the NAV as money per share gives the same
        XCTAssertEqual(e("purchase(10000 CNY, 1.5%, 1.2000 CNY) == purchase(10000 CNY, 1.5%, 1.2)"), "true : bool")
        // 5000 / 1.012 = 4940.7114… → 4940.71, fee 59.29; 4940.71 / 1.0345 = 4775.9400… → 4775.94
        XCTAssertEqual(e("purchase(5000 CNY, 1.2%, 1.0345).fee"), "59.29 CNY : money<CNY>")
        XCTAssertEqual(e("purchase(5000 CNY, 1.2%, 1.0345).shares"), "4775.94 : number")
        // shares are truncated, not rounded: 1000 / 1.5 = 666.666… → 666.66; to 4 places 666.6666
        XCTAssertEqual(e("purchase(1000 CNY, 0%, 1.5).shares"), "666.66 : number")
        XCTAssertEqual(e("purchase(1000 CNY, 0%, 1.5, 4).shares"), "666.6666 : number")
        XCTAssertEqual(e("purchase(1000 CNY, 0%, 1.5).fee"), "0.00 CNY : money<CNY>")
        // 1,000,000 / 1.012 = 988142.2924… → 988142.29, fee 11857.71; / 2.3456 = 421274.85…
        XCTAssertEqual(e("purchase(1000000 CNY, 1.2%, 2.3456).shares"), "421274.85 : number")
        XCTAssertEqual(e("purchase(1000000 CNY, 1.2%, 2.3456).fee == 11857.71 CNY"), "true : bool")
    }

    func testPurchaseErrors() {
        XCTAssertEqual(e("purchase(10000 CNY, 1.5%, 0)"), "runtime: purchase: argument 3 ('nav') must be positive, not 0")
        XCTAssertEqual(e("purchase(10000 CNY, 1.5%, -1.2)"), "runtime: purchase: argument 3 ('nav') must be positive, not -1.2")
        XCTAssertEqual(e("purchase(0 CNY, 1.5%, 1.2)"), "runtime: purchase: argument 1 ('amount') must be positive, not 0 CNY")
        XCTAssertEqual(e("purchase(10000 CNY, -1%, 1.2)"), "runtime: purchase: argument 2 ('load') must not be negative, not -1%")
        XCTAssertEqual(e("purchase(10000 CNY, 1.5%, 1.2, 9)"), "runtime: purchase: argument 4 ('share_places') must be 0 to 8, not 9")
        XCTAssertTrue(e("purchase(10000 CNY, 1.2, 1.5%)").hasPrefix(
            "check: argument 2 ('load') of 'funds.purchase' must be percent, found number"))
        XCTAssertTrue(e("purchase(10000 CNY, 1.5%, \"1.2\")").hasPrefix(
            "check: argument 3 ('nav') of 'funds.purchase' must be number, found string"))
        // the NAV's currency is the amount's
        XCTAssertTrue(e("purchase(10000 CNY, 1.5%, 1.2 USD)").hasPrefix(
            "check: argument 3 ('nav') of 'funds.purchase' must be number, found money<USD>"))
        XCTAssertTrue(e("purchase(10000, 1.5%, 1.2)").hasPrefix(
            "check: argument 1 ('amount') of 'funds.purchase' must be money, found int"))
    }

    // MARK: redemption

    func testRedemption() {
        // Python decimal: 8210.18 × 1.25 = 10262.725 → 10262.73 (half-up; half-even would give .72),
        // × 1.5% = 153.94095 → 153.94, net 10108.79
        XCTAssertEqual(e("funds.redemption(8210.18, 1.25 CNY, 1.5%)"),
                       "FundRedemption { shares: 8210.18, gross: 10,262.73 CNY, fee: 153.94 CNY, net: 10,108.79 CNY } : FundRedemption<CNY>")
        // × 0.5% = 51.31365 → 51.31, net 10211.42
        XCTAssertEqual(e("redemption(8210.18, 1.25 CNY, 0.5%).net"), "10,211.42 CNY : money<CNY>")
        XCTAssertEqual(e("redemption(8210.18, 1.25 CNY, 0%).fee"), "0.00 CNY : money<CNY>")
        // 1000 × 1.0005 = 1000.50; × 1.5% = 15.0075 → 15.01; net 985.49
        XCTAssertEqual(e("redemption(1000, 1.0005 CNY, 1.5%).net"), "985.49 CNY : money<CNY>")
    }

    func testRedemptionErrors() {
        XCTAssertEqual(e("redemption(8210.18, 0 CNY, 1.5%)"), "runtime: redemption: argument 2 ('nav') must be positive, not 0 CNY")
        XCTAssertEqual(e("redemption(0, 1.25 CNY, 1.5%)"), "runtime: redemption: argument 1 ('shares') must be positive, not 0")
        XCTAssertEqual(e("redemption(100, 1.25 CNY, 101%)"), "runtime: redemption: argument 3 ('fee_rate') must be between 0% and 100%, not 101%")
        XCTAssertEqual(e("redemption(8210.18, 1.25, 1.5%)"),
                       "check: argument 2 ('nav') of 'funds.redemption' must be money, found number")
        XCTAssertEqual(e("redemption(8210.18, 1.25 CNY, 0.015)"),
                       "check: argument 3 ('fee_rate') of 'funds.redemption' must be percent, found number")
    }

    func testRedemptionFeeRate() {
        // PRODUCTS.md §6: under 7 days costs 1.5%
        XCTAssertEqual(e("funds.redemption_fee_rate(0 days, 0.5%)"), "1.5% : percent")
        XCTAssertEqual(e("redemption_fee_rate(6 days, 0.5%)"), "1.5% : percent")
        XCTAssertEqual(e("redemption_fee_rate(7 days, 0.5%)"), "0.5% : percent")
        XCTAssertEqual(e("redemption_fee_rate(365 days, 0%)"), "0% : percent")
        // the penalty is a floor: a higher short-term rate stands
        XCTAssertEqual(e("redemption_fee_rate(3 days, 2%)"), "2% : percent")
        // other penalties and periods as parameters
        XCTAssertEqual(e("redemption_fee_rate(20 days, 0.5%, 0.75%, 30 days)"), "0.75% : percent")
        XCTAssertEqual(e("redemption_fee_rate(30 days, 0.5%, 0.75%, 30 days)"), "0.5% : percent")
        XCTAssertEqual(e("redemption_fee_rate(-1 days, 0.5%)"), "runtime: redemption_fee_rate: argument 1 ('days_held') must not be negative, not -1 days")
        XCTAssertEqual(e("redemption_fee_rate(3 days, 0.5%, 1.5%, 0 days)"), "runtime: redemption_fee_rate: argument 4 ('penalty_days') must be positive, not 0 days")
        XCTAssertEqual(e("redemption_fee_rate(3 days, -0.5%)"), "runtime: redemption_fee_rate: argument 2 ('standard_rate') must be between 0% and 100%, not -0.5%")
        XCTAssertEqual(e("redemption_fee_rate(3, 0.5%)"),
                       "check: argument 1 ('days_held') of 'funds.redemption_fee_rate' must be days, found int")
    }

    // MARK: daily_fee

    func testDailyFees() {
        // Python decimal: 365,000,000 × 0.63% / 365 = 6300.00 (Examples/yuebao.suan)
        XCTAssertEqual(e("funds.daily_fee(365000000 CNY, 0.63%/year)"), "6,300.00 CNY : money<CNY>")
        // 1e9 × 0.30% / 365 = 8219.178… → 8219.18; 0.08% → 2191.780… → 2191.78; 0.25% → 6849.315… → 6849.32
        XCTAssertEqual(e("daily_fee(1000000000 CNY, 0.30%/year)"), "8,219.18 CNY : money<CNY>")
        XCTAssertEqual(e("daily_fee(1000000000 CNY, 0.08%/year)"), "2,191.78 CNY : money<CNY>")
        XCTAssertEqual(e("daily_fee(1000000000 CNY, 0.25%/year)"), "6,849.32 CNY : money<CNY>")
        // a plain annual percentage works too; 366- and 360-day years: 8196.721… and 8333.333…
        XCTAssertEqual(e("daily_fee(1000000000 CNY, 0.30%)"), "8,219.18 CNY : money<CNY>")
        XCTAssertEqual(e("daily_fee(1000000000 CNY, 0.30%/year, 366)"), "8,196.72 CNY : money<CNY>")
        XCTAssertEqual(e("daily_fee(1000000000 CNY, 0.30%, 360)"), "8,333.33 CNY : money<CNY>")
        // all three at once, rounded once: 17260.273… → 17260.27
        XCTAssertEqual(e("daily_fee(1000000000 CNY, 0.30%/year + 0.08%/year + 0.25%/year)"), "17,260.27 CNY : money<CNY>")
    }

    func testDailyFeeErrors() {
        XCTAssertEqual(e("daily_fee(1000 CNY, 0.30%, 364)"), "runtime: daily_fee: argument 3 ('days_in_year') must be 360, 365 or 366, not 364")
        XCTAssertEqual(e("daily_fee(-1000 CNY, 0.30%)"), "runtime: daily_fee: argument 1 ('net_assets') must not be negative, not -1000 CNY")
        XCTAssertEqual(e("daily_fee(1000 CNY, -0.30%)"), "runtime: daily_fee: argument 2 ('annual_rate') must not be negative, not -0.3%")
        XCTAssertTrue(e("daily_fee(1000 CNY, 0.30%/day)").hasPrefix(
            "check: argument 2 ('annual_rate') of 'funds.daily_fee' must be rate/year, found rate/day"))
        XCTAssertTrue(e("daily_fee(1000, 0.30%)").hasPrefix(
            "check: argument 1 ('net_assets') of 'funds.daily_fee' must be money, found int"))
    }
}

/// The repository root: this file is `<root>/Tests/SuanpanLibraryTests/FundsTests.swift`.
private let fundsTestsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
