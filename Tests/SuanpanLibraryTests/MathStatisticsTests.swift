import XCTest

/// median, percentile and the standard deviations of the math plugin. Percentiles are worked
/// out by hand from PERCENTILE.INC's rank (n − 1)·p and checked with `numpy.percentile` (linear);
/// standard deviations are the exact `fractions.Fraction` variance, square-rooted with `decimal`
/// at 80 digits and rounded half-even to 18 fraction digits.
final class MathStatisticsTests: XCTestCase {
    private let eval = LibraryEvaluator()

    func check(_ cases: [(String, String)], file: StaticString = #filePath, line: UInt = #line) {
        for (expression, expected) in cases {
            XCTAssertEqual(eval.show(expression), expected, expression, file: file, line: line)
        }
    }

    /// A week of Yu'e Bao 万份收益, 2013-12-27 … 2014-01-02 (PRODUCTS.md §4).
    let week = "[1.8030, 1.7889, 1.7886, 1.7947, 1.7869, 1.7807, 1.8092]"
    /// Huabei's bill-installment fees for 3, 6, 9 and 12 periods (PRODUCTS.md §2).
    let fees = "[2.5%, 4.5%, 6.5%, 8.8%]"
    let amounts = "[1200.00 CNY, 899.75 CNY, 1737.36 CNY, 105.60 CNY]"

    func testMedian() {
        check([
            ("median([3, 1, 2])", "2 : number"), ("median([3, 1, 2, 4])", "2.5 : number"), ("median([5])", "5 : number"),
            // sorted: 1.7807 1.7869 1.7886 1.7889 …
            ("median(\(week))", "1.7889 : number"),
            // (4.5% + 6.5%) / 2
            ("median(\(fees))", "5.5% : percent"),
            // (899.75 + 1200.00) / 2 = 1049.875: money keeps every digit until a rule rounds it
            ("median(\(amounts))", "1,049.875 CNY : money<CNY>"),
            ("median([0.01 CNY, 0.02 CNY])", "0.015 CNY : money<CNY>"),
            ("median([100 JPY, 101 JPY])", "100.5 JPY : money<JPY>"),
            // Ant Group revenue 2017-2019, CNY million (PRODUCTS.md §11)
            ("math.median([65396, 85722, 120618])", "85722 : number"),
            // the mean of two neighbours 1 unit of 10^-18 apart is a tie, rounded to even
            ("median([0, 0.000000000000000001])", "0 : number"),
            ("median([0.000000000000000001, 0.000000000000000002])", "0.000000000000000002 : number"),
            ("median([-0.000000000000000001, -0.000000000000000002])", "-0.000000000000000002 : number"),
        ])
    }

    func testPercentileInterpolatesBetweenTheClosestRanks() {
        check([
            // rank 4 × 40% = 1.6: 20 + 0.6 × (35 − 20) = 29; 4 × 90% = 3.6: 40 + 0.6 × 10 = 46
            ("percentile([15, 20, 35, 40, 50], 40%)", "29 : number"), ("percentile([15, 20, 35, 40, 50], 90%)", "46 : number"),
            ("percentile([50, 15, 40, 20, 35], 40%)", "29 : number"),
            ("percentile([15, 20, 35, 40, 50], 25%)", "20 : number"),
            ("percentile([15, 20, 35, 40, 50], 0%)", "15 : number"), ("percentile([15, 20, 35, 40, 50], 100%)", "50 : number"),
            // PERCENTILE.INC({1,2,3,4}, 0.9): rank 2.7, 3 + 0.7
            ("percentile([1, 2, 3, 4], 90%)", "3.7 : number"),
            // rank 6 × 90% = 5.4: 1.8030 + 0.4 × 0.0062
            ("percentile(\(week), 90%)", "1.80548 : number"),
            ("percentile(\(week), 50%)", "1.7889 : number"),
            // rank 3 × 25% = 0.75: 105.60 + 0.75 × 794.15
            ("percentile(\(amounts), 25%)", "701.2125 CNY : money<CNY>"),
            ("percentile([100 CNY, 200 CNY, 400 CNY], 75%)", "300.00 CNY : money<CNY>"),
            // rank 2.7: 6.5% + 0.7 × 2.3%
            ("percentile(\(fees), 90%)", "8.11% : percent"),
            ("percentile([5], 37%)", "5 : number"),
            // the smallest step of p: rank 10^-18
            ("percentile([0, 1], 0.0000000000000001%)", "0.000000000000000001 : number"),
            // rank 0.5 between 1 and 2 units: 1.5 units, to the even 2
            ("percentile([0.000000000000000001, 0.000000000000000002], 50%)", "0.000000000000000002 : number"),
        ])
    }

    func testMedianAndPercentileErrors() {
        check([
            // a percentile is a percent: 90 is not 90%
            ("percentile([1, 2, 3], 90)", "check: argument 2 ('p') of 'math.percentile' must be percent, found int"),
            ("percentile([1, 2, 3], 0.9)", "check: argument 2 ('p') of 'math.percentile' must be percent, found number"),
            ("percentile([1, 2, 3], 150%)", "runtime: percentile: argument 2 ('p') must be from 0% to 100%, not 150%"),
            ("percentile([1, 2, 3], -1%)", "runtime: percentile: argument 2 ('p') must be from 0% to 100%, not -1%"),
            ("percentile([], 50%)",
             "runtime: percentile: argument 1 ('values') is empty: a percentile needs at least one value (test count(…) > 0 first)"),
            ("median([])", "runtime: median: argument 1 ('values') is empty: a median needs at least one value (test count(…) > 0 first)"),
            ("median(7)", "check: argument 1 ('values') of 'math.median' must be list<number>, found int"),
            ("median([\"a\"])", "check: argument 1 ('values') of 'math.median' must be list<number>, found list<string>"),
            ("median([1 day, 2 days])", "check: argument 1 ('values') of 'math.median' must be list<number>, found list<days>"),
            ("percentile([1 CNY], 1 CNY)", "check: argument 2 ('p') of 'math.percentile' must be percent, found money<CNY>"),
            ("median([1, 2], [3])", "check: wrong number of arguments to 'math.median': 2 given"),
        ])
    }

    func testStandardDeviations() {
        check([
            // population σ exactly 2; sample √(32/7) = 2.13808993529939507747…
            ("stdev([2, 4, 4, 4, 5, 5, 7, 9])", "2.138089935299395077 : number"),
            ("stdev_population([2, 4, 4, 4, 5, 5, 7, 9])", "2 : number"),
            // 0.00991511592516818784…, 0.00917961361509562555…
            ("stdev(\(week))", "0.009915115925168188 : number"), ("stdev_population(\(week))", "0.009179613615095626 : number"),
            // 681.39089517324782052597…, 590.10182512745205031670…
            ("stdev(\(amounts))", "681.390895173247820526 CNY : money<CNY>"),
            ("stdev_population(\(amounts))", "590.101825127452050317 CNY : money<CNY>"),
            // 0.02699845674601914496… and 0.02338134940502793107… as percentages
            ("stdev(\(fees))", "2.6998456746019145% : percent"), ("stdev_population(\(fees))", "2.3381349405027931% : percent"),
            // 27929.51358927207191353…
            ("stdev([65396, 85722, 120618])", "27929.51358927207191353 : number"),
            // √0.5
            ("math.stdev([1 CNY, 2 CNY])", "0.707106781186547524 CNY : money<CNY>"),
            ("stdev([7.25, 7.25])", "0 : number"), ("stdev_population([5 CNY])", "0.00 CNY : money<CNY>"),
            // σ = 2.5 units of 10^-18: a tie, to the even 2
            ("stdev_population([0.000000000000000001, 0.000000000000000006])", "0.000000000000000002 : number"),
        ])
    }

    func testStandardDeviationErrors() {
        check([
            ("stdev([1])",
             "runtime: stdev: argument 1 ('values') has only 1 value: a sample standard deviation needs at least 2 (test count(…) >= 2 first)"),
            ("stdev([])", "runtime: stdev: argument 1 ('values') is empty: a sample standard deviation needs at least 2 (test count(…) >= 2 first)"),
            ("stdev_population([])",
             "runtime: stdev_population: argument 1 ('values') is empty: a standard deviation needs at least one value (test count(…) > 0 first)"),
            ("stdev(3)", "check: argument 1 ('values') of 'math.stdev' must be list<number>, found int"),
            ("stdev([true, false])", "check: argument 1 ('values') of 'math.stdev' must be list<number>, found list<bool>"),
            // the sample σ of ±1.7e20 is 2.4e20, past the largest number
            ("stdev([170141183460469231731, -170141183460469231731])",
             "runtime: stdev: arithmetic overflow (decimal magnitude limit is about 1.7e20; dates span years 1-9999)"),
        ])
    }

    func testResultsComposeWithTheLanguage() {
        check([
            // a rule rounds money when it says so
            ("round(median(\(amounts)), 0.01, half_even)", "1,049.88 CNY : money<CNY>"),
            ("round(stdev(\(amounts)), half_up)", "681.39 CNY : money<CNY>"),
            // the spread of the installment fees against their median
            ("stdev(\(fees)) < median(\(fees))", "true : bool"),
            ("[percentile(\(amounts), p) for p in [0%, 50%, 100%]]", "[105.60 CNY, 1,049.875 CNY, 1,737.36 CNY] : list<money<CNY>>"),
        ])
    }
}
