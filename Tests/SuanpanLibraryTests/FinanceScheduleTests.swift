import Foundation
import Suanpan
import SuanpanLibrary
import SuanpanRuntime
import SuanpanSyntax
import XCTest

/// equal_installment (等额本息), equal_principal (等额本金) and installment_plan (Huabei's cent rule).
/// Expected schedules: the same rules written in Python with `decimal` (60 digits; PMT from the
/// closed form, then quantize(0.01, ROUND_HALF_UP) for the payment and each period's interest,
/// ROUND_DOWN for the equal principal, ROUND_FLOOR/ROUND_HALF_EVEN for the cent rule), and the
/// figures of PRODUCTS.md §2-3.
final class FinanceScheduleTests: FinanceTestCase {
    func column(_ call: String, _ field: String) -> String { "[l.\(field) for l in \(call)]" }

    func testJiebeiEqualInstallments() {
        // PRODUCTS.md §3: 0.04%/day → 1.2%/month, 10,000 CNY: 6 months 1,737.36, 12 months 899.75
        let six = "equal_installment(10000 CNY, monthly(0.04%/day), 6)"
        assertShows(column(six, "payment"),
                    "[1,737.36 CNY, 1,737.36 CNY, 1,737.36 CNY, 1,737.36 CNY, 1,737.36 CNY, 1,737.37 CNY] : list<money<CNY>>")
        assertShows(column(six, "principal"),
                    "[1,617.36 CNY, 1,636.77 CNY, 1,656.41 CNY, 1,676.29 CNY, 1,696.40 CNY, 1,716.77 CNY] : list<money<CNY>>")
        assertShows(column(six, "interest"), "[120.00 CNY, 100.59 CNY, 80.95 CNY, 61.07 CNY, 40.96 CNY, 20.60 CNY] : list<money<CNY>>")
        assertShows(column(six, "balance"),
                    "[8,382.64 CNY, 6,745.87 CNY, 5,089.46 CNY, 3,413.17 CNY, 1,716.77 CNY, 0.00 CNY] : list<money<CNY>>")
        assertShows(column(six, "period"), "[1, 2, 3, 4, 5, 6] : list<int>")
        let twelve = "equal_installment(10000 CNY, 1.2%, 12)"
        assertShows("\(twelve)[0].payment", "899.75 CNY : money<CNY>")
        assertShows("count([l for l in \(twelve) where l.payment == 899.75 CNY])", "11 : int")
        assertShows("\(twelve)[11].payment", "899.80 CNY : money<CNY>")
        assertShows("sum(\(column(twelve, "interest")))", "797.05 CNY : money<CNY>")
        assertShows("\(twelve)[11]",
                    "AmortizationLine { period: 12, payment: 899.80 CNY, principal: 889.13 CNY, interest: 10.67 CNY, balance: 0.00 CNY } : AmortizationLine<CNY>")
    }

    func testMybankEqualInstallments() {
        // PRODUCTS.md §3: 0.03%/day → 0.9%/month: 6 months 1,719.56, 12 months 882.88
        let six = "equal_installment(10000 CNY, monthly(0.03%/day), 6)"
        assertShows(column(six, "payment"),
                    "[1,719.56 CNY, 1,719.56 CNY, 1,719.56 CNY, 1,719.56 CNY, 1,719.56 CNY, 1,719.55 CNY] : list<money<CNY>>")
        let twelve = "equal_installment(10000 CNY, 0.9%, 12)"
        assertShows("\(twelve)[0].payment", "882.88 CNY : money<CNY>")
        assertShows(column(twelve, "interest"),
                    "[90.00 CNY, 82.86 CNY, 75.66 CNY, 68.40 CNY, 61.07 CNY, 53.67 CNY, 46.21 CNY, 38.68 CNY, 31.08 CNY, 23.42 CNY, 15.68 CNY, 7.88 CNY] : list<money<CNY>>")
        assertShows("\(twelve)[11].payment", "882.93 CNY : money<CNY>")
    }

    func testRemainderFirst() {
        // the residue moves to period 1; every period keeps its interest, later payments stay level
        let six = "equal_installment(10000 CNY, 1.2%, 6, \"first\")"
        assertShows(column(six, "payment"),
                    "[1,737.37 CNY, 1,737.36 CNY, 1,737.36 CNY, 1,737.36 CNY, 1,737.36 CNY, 1,737.36 CNY] : list<money<CNY>>")
        assertShows(column(six, "balance"),
                    "[8,382.63 CNY, 6,745.86 CNY, 5,089.45 CNY, 3,413.16 CNY, 1,716.76 CNY, 0.00 CNY] : list<money<CNY>>")
        let mybank = "equal_installment(10000 CNY, 0.9%, 12, \"first\")"
        assertShows("\(mybank)[0].payment", "882.93 CNY : money<CNY>")
        assertShows("count([l for l in \(mybank) where l.payment == 882.88 CNY])", "11 : int")
        assertShows("equal_installment(10000 CNY, 1.2%, 6, \"last\") == equal_installment(10000 CNY, 1.2%, 6)", "true : bool")
    }

    func testSchedulesAddUpExactly() {
        // principals sum to the loan, the balance ends at zero, and payment = principal + interest,
        // for awkward amounts, rates and terms, both remainders, both methods
        for method in ["equal_installment", "equal_principal"] {
            for (amount, rate, periods) in [("10000 CNY", "1.2%", 12), ("12345.67 CNY", "1.35%", 7), ("999.99 CNY", "0.75%/month", 36),
                                            ("300000 CNY", "0.9%", 12), ("0.05 CNY", "1%", 12), ("1000000 JPY", "0.5%", 24)] {
                for remainder in ["\"first\"", "\"last\""] {
                    let s = "\(method)(\(amount), \(rate), \(periods), \(remainder))"
                    assertShows("sum(\(column(s, "principal"))) == \(amount)", "true : bool")
                    assertShows("\(s)[\(periods - 1)].balance == 0 * \(amount)", "true : bool")
                    assertShows("count([l for l in \(s) where l.payment != l.principal + l.interest])", "0 : int")
                    assertShows("count(\(s))", "\(periods) : int")
                }
            }
        }
    }

    func testEqualPrincipal() {
        // PRODUCTS.md §3: total interest 420.00 (6 months) and 780.00 (12 months) at 1.2%
        let six = "equal_principal(10000 CNY, monthly(0.04%/day), 6)"
        assertShows("sum(\(column(six, "interest")))", "420.00 CNY : money<CNY>")
        assertShows("sum(\(column("equal_principal(10000 CNY, 1.2%, 12)", "interest")))", "780.00 CNY : money<CNY>")
        assertShows(column(six, "principal"),
                    "[1,666.66 CNY, 1,666.66 CNY, 1,666.66 CNY, 1,666.66 CNY, 1,666.66 CNY, 1,666.70 CNY] : list<money<CNY>>")
        assertShows(column(six, "payment"),
                    "[1,786.66 CNY, 1,766.66 CNY, 1,746.66 CNY, 1,726.66 CNY, 1,706.66 CNY, 1,686.70 CNY] : list<money<CNY>>")
        let first = "equal_principal(10000 CNY, 1.2%, 6, \"first\")"
        assertShows(column(first, "principal"),
                    "[1,666.70 CNY, 1,666.66 CNY, 1,666.66 CNY, 1,666.66 CNY, 1,666.66 CNY, 1,666.66 CNY] : list<money<CNY>>")
        assertShows("sum(\(column(first, "interest")))", "420.00 CNY : money<CNY>")
    }

    func testMinorUnitsAndZeroRate() {
        // yen have no minor unit: whole yen throughout
        assertShows(column("equal_principal(10000 JPY, 1%, 3)", "principal"), "[3,333 JPY, 3,333 JPY, 3,334 JPY] : list<money<JPY>>")
        assertShows(column("equal_installment(10000 JPY, 1%, 3)", "payment"), "[3,400 JPY, 3,400 JPY, 3,401 JPY] : list<money<JPY>>")
        // no interest: the loan split into equal parts, the remainder last
        assertShows(column("equal_installment(100 CNY, 0%, 3)", "payment"), "[33.33 CNY, 33.33 CNY, 33.34 CNY] : list<money<CNY>>")
        assertShows(column("equal_installment(100 CNY, 0%, 3)", "interest"), "[0.00 CNY, 0.00 CNY, 0.00 CNY] : list<money<CNY>>")
        assertShows("equal_installment(500 USD, 1%, 1)[0]",
                    "AmortizationLine { period: 1, payment: 505.00 USD, principal: 500.00 USD, interest: 5.00 USD, balance: 0.00 USD } : AmortizationLine<USD>")
    }

    func testHuabeiInstallmentPlan() {
        // PRODUCTS.md §2, Alipay's cent rule: 100.88 over 3 at 2.3% → 33.64 + 0.78, then 33.62 + 0.77
        assertShows("installment_plan(100.88 CNY, 3, 2.3%)[0]",
                    "InstallmentLine { period: 1, principal: 33.64 CNY, fee: 0.78 CNY, payment: 34.42 CNY } : InstallmentLine<CNY>")
        assertShows("installment_plan(100.88 CNY, 3, 2.3%)[2]",
                    "InstallmentLine { period: 3, principal: 33.62 CNY, fee: 0.77 CNY, payment: 34.39 CNY } : InstallmentLine<CNY>")
        assertShows("sum(\(column("installment_plan(100.88 CNY, 3, 2.3%)", "fee")))", "2.32 CNY : money<CNY>")
        // 10,000 over 12 at 8.8% → 906.74, then 906.66 × 11
        let big = "installment_plan(10000 CNY, 12, 8.8%)"
        assertShows("\(big)[0].payment", "906.74 CNY : money<CNY>")
        assertShows("count([l for l in \(big) where l.payment == 906.66 CNY])", "11 : int")
        assertShows("sum(\(column(big, "payment")))", "10,880.00 CNY : money<CNY>")
        // 1,200 over 3 at 2.5% and over 12 at 8.8%: 410.00 and 108.80 every period
        assertShows(column("installment_plan(1200 CNY, 3, 2.5%)", "payment"), "[410.00 CNY, 410.00 CNY, 410.00 CNY] : list<money<CNY>>")
        assertShows("count([l for l in installment_plan(1200 CNY, 12, 8.8%) where l.payment == 108.80 CNY])", "12 : int")
        // the total fee is rounded half-even: 1,000.50 × 0.5% = 5.0025 → 5.00
        assertShows("sum(\(column("installment_plan(1000.50 CNY, 3, 0.5%)", "fee")))", "5.00 CNY : money<CNY>")
        assertShows(column("installment_plan(100 JPY, 3, 2.3%)", "payment"), "[36 JPY, 33 JPY, 33 JPY] : list<money<JPY>>")
    }

    func testRecordTypesAreUsableInPrograms() {
        let p = load(source: """
            rule first_payment(lines: list<AmortizationLine>) -> money = lines[0].payment
            rule plan(amount: money<CNY>) -> list<InstallmentLine> = installment_plan(amount, 3, 2.3%)
            """)
        if case .value(let v, let t)? = evaluate("first_payment(equal_installment(10000 CNY, 1.2%, 12))", in: p) {
            XCTAssertEqual("\(Format.display(v, t))", "899.75 CNY")
        } else {
            XCTFail("first_payment did not evaluate")
        }
        if case .value(let v, let t)? = evaluate("plan(100.88 CNY)[1].fee", in: p) {
            XCTAssertEqual("\(Format.display(v, t))", "0.77 CNY")
        } else {
            XCTFail("plan did not evaluate")
        }
    }

    func testScheduleArgumentErrors() {
        assertCheckError("equal_installment(10000, 1.2%, 12)",
                         "argument 1 ('principal') of 'finance.equal_installment' must be money, found int")
        assertCheckError("equal_principal(10000 CNY, 1.2%, 12.5)", "argument 3 ('periods') of 'finance.equal_principal' must be int")
        assertCheckError("installment_plan(100 CNY, 3, 0.023)",
                         "argument 3 ('rate') of 'finance.installment_plan' must be percent, found number")
        assertRuntimeError("equal_installment(10000 CNY, 1.2%, 6, \"middle\")",
                           "argument 4 ('remainder') must be \"first\" or \"last\", not \"middle\"")
        assertRuntimeError("equal_installment(10000 CNY, 1.2%, 0)", "argument 3 ('periods') must be at least 1, not 0")
        assertRuntimeError("equal_principal(10000 CNY, 1.2%, 20000)", "argument 3 ('periods') must be at most 10000")
        assertRuntimeError("equal_installment(-1 CNY, 1.2%, 6)", "argument 1 ('principal') must be above zero")
        assertRuntimeError("equal_principal(100 CNY, -1%, 6)", "argument 2 ('rate') must not be negative")
        assertRuntimeError("installment_plan(0 CNY, 3, 2.3%)", "argument 1 ('amount') must be above zero")
        assertRuntimeError("installment_plan(100 CNY, 0, 2.3%)", "argument 2 ('periods') must be at least 1")
        assertRuntimeError("installment_plan(100 CNY, 3, -2.3%)", "argument 3 ('rate') must not be negative")
    }

    func testPluginRecordNamesAreReserved() {
        let source = SourceFile(path: "<records>", text: "record AmortizationLine { period: int }\n")
        guard case .failure(let failure) = Program.load(paths: [], extraSources: [source]) else {
            return XCTFail("a program's record may not take a plugin record's name")
        }
        XCTAssertEqual(failure.diagnostics.map(\.message), ["'AmortizationLine' is a record type from a plugin"])
    }
}
