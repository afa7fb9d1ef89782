import Foundation
import XCTest

/// `run` and `eval` output forms, expressions that start with a minus, and
/// `test`'s report: skips, files that do not check, no tests, JUnit XML.
extension CLITests {
    static let ledger = """
        record Payment { payee: string, amount: money<CNY> }
        let payments = [Payment { payee: "Li, Wei", amount: 1200 CNY }, Payment { payee: "张三 \\"Z\\"", amount: 3.5 CNY }]
        """

    func testEvalReadsAnExpressionThatStartsWithAMinus() throws {
        let cases: [([String], String)] = [
            (["eval", "-5 * 3"], "-15 : int\n"),
            (["eval", "-1234.5 CNY"], "-1,234.50 CNY : money<CNY>\n"),
            (["eval", "--json", "-1234.5 CNY"], #"{"type":"money","value":"-1234.50","currency":"CNY"}"# + "\n"),
            (["eval", "-2%", "--format", "json"], #"{"type":"percent","value":"-0.02"}"# + "\n"),
            (["eval", "--load", "Examples/huabei.suan", "-Huabei.fee(1200.00 CNY, 12)"], "-105.60 CNY : money<CNY>\n"),
        ]
        for (arguments, stdout) in cases {
            let r = try suanpan(arguments)
            XCTAssertEqual(r.status, 0, "\(arguments): \(r.stderr)")
            XCTAssertEqual(r.stdout, stdout, "\(arguments)")
        }
        XCTAssertEqual(try suanpan(["eval", "--bogus", "1"]).status, 64)
        XCTAssertEqual(try suanpan(["eval", "-h"]).status, 0)
    }

    func testEvalPrintsAListOfRecordsAsATableCsvOrJson() throws {
        let plan = "Huabei.plan(1000.88 CNY, 3, 2.3%)"
        let table = try suanpan(["eval", "--load", "Examples/huabei.suan", plan])
        XCTAssertEqual(table.stdout, """
            period   principal       fee     payment
                 1  333.64 CNY  7.68 CNY  341.32 CNY
                 2  333.62 CNY  7.67 CNY  341.29 CNY
                 3  333.62 CNY  7.67 CNY  341.29 CNY
            : list<InstallmentLine<CNY>>

            """, table.stderr)
        let csv = try suanpan(["eval", "--load", "Examples/huabei.suan", "--format", "csv", "Huabei.plan(100.88 CNY, 1, 2.3%)"])
        XCTAssertEqual(csv.stdout, "period,principal,fee,payment\n1,100.88 CNY,2.32 CNY,103.20 CNY\n", csv.stderr)
        let json = try suanpan(["eval", "--load", "Examples/huabei.suan", "--json", "Huabei.plan(100.88 CNY, 1, 2.3%)"])
        XCTAssertEqual(json.stdout, #"[{"period":{"type":"int","value":"1"},"principal":{"type":"money","value":"100.88","currency":"CNY"},"#
            + #""fee":{"type":"money","value":"2.32","currency":"CNY"},"payment":{"type":"money","value":"103.20","currency":"CNY"}}]"# + "\n",
            json.stderr)
        let rows = try suanpan(["eval", "--format", "csv", #"[(name: "a, \"b\"", share: 2.5%), (name: "c", share: 10%)]"#])
        XCTAssertEqual(rows.stdout, "name,share\n\"a, \"\"b\"\"\",2.5%\nc,10%\n", rows.stderr)
        let rowTable = try suanpan(["eval", "[(name: \"a\", share: 2.5%), (name: \"cc\", share: 10%)]"])
        XCTAssertEqual(rowTable.stdout, "name  share\n\"a\"    2.5%\n\"cc\"    10%\n: list<(name: string, share: percent)>\n")
        let notRecords = try suanpan(["eval", "--format", "csv", "1 CNY"])
        XCTAssertEqual(notRecords.status, 64)
        XCTAssertEqual(notRecords.stdout, "")
        XCTAssertTrue(notRecords.stderr.contains("csv needs a list of records, one row each (list<Record> or list<(field: type, …)>), not money<CNY>; "
            + "use --format table or --format json for other values"), notRecords.stderr)
        XCTAssertEqual(try suanpan(["eval", "--json", "--format", "csv", "1"]).status, 64)
        XCTAssertEqual(try suanpan(["eval", "--format", "xml", "1"]).status, 64)
    }

    func testRunPrintsTablesAndOnlyTheNamedFilesPrints() throws {
        let dir = TempFolder()
        dir.write("ledger.suan", Self.ledger + "\nprint \"ledger loaded\"\n")
        let main = dir.write("main.suan", """
            import "ledger.suan"
            print "payments:", 2
            print payments
            print [(k: 1, v: 2.5%)]
            """)
        let table = try suanpan(["run", main])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertEqual(table.stdout, """
            payments: 2
            payee               amount
            "Li, Wei"     1,200.00 CNY
            "张三 \\"Z\\""      3.50 CNY
            k     v
            1  2.5%

            """)
        let json = try suanpan(["run", "--format", "json", main])
        XCTAssertEqual(json.stdout, #"[{"type":"string","value":"payments:"},{"type":"int","value":"2"}]"# + "\n"
            + #"[{"payee":{"type":"string","value":"Li, Wei"},"amount":{"type":"money","value":"1200.00","currency":"CNY"}},"#
            + #"{"payee":{"type":"string","value":"张三 \"Z\""},"amount":{"type":"money","value":"3.50","currency":"CNY"}}]"# + "\n"
            + #"[{"k":{"type":"int","value":"1"},"v":{"type":"percent","value":"0.025"}}]"# + "\n", json.stderr)
        // csv: every print must give one list of records, which is known before anything runs.
        let refused = try suanpan(["run", "--format", "csv", main])
        XCTAssertEqual(refused.status, 64)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertTrue(refused.stderr.contains("\(main):2:1: error: csv needs each print to give one list of records; this one prints 2 values"),
                      refused.stderr)
        let only = dir.write("only.suan", "import \"ledger.suan\"\nprint payments\n")
        let csv = try suanpan(["run", "--format", "csv", only])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertEqual(csv.stdout, "payee,amount\n\"Li, Wei\",\"1,200.00 CNY\"\n\"张三 \"\"Z\"\"\",3.50 CNY\n")
        // Naming the imported file too runs its prints, in declaration order.
        let both = try suanpan(["run", only, dir.url.appendingPathComponent("ledger.suan").path])
        XCTAssertEqual(both.stdout.split(separator: "\n").first, "ledger loaded")
    }

    func testRunPrintsEachLineAsItIsComputed() throws {
        let dir = TempFolder()
        let slow = String(repeating: "print fold s = 0 for x in range(1, 1000000) => s + x\n", count: 6)
        let path = dir.write("slow.suan", "print \"started\"\n" + slow)
        let binary = try XCTUnwrap(Self.binary)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["run", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        var seen = Data()
        while !seen.contains(UInt8(ascii: "\n")) {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        XCTAssertEqual(String(decoding: seen, as: UTF8.self), "started\n")
        XCTAssertTrue(process.isRunning, "the first line should arrive while the rest is still being computed")
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }

    func testTestSkipsFilesWhosePluginIsNotLoaded() throws {
        let r = try suanpan(["test", "Examples/plugins"])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertEqual(r.stdout, """
            SKIP Examples/plugins/daycount/daycount.suan: needs the native plugin 'daycount', which is not loaded: \
            load it with --plugin path/to/libdaycount.so
            SKIP Examples/plugins/zhima/zhima.suan: needs the native plugin 'zhima', which is not loaded: \
            load it with --plugin path/to/libzhima.so
            0 passed, 0 failed, 4 skipped

            """)
        let all = try suanpan(["test", "Examples"])
        XCTAssertEqual(all.status, 0, all.stdout + all.stderr)
        XCTAssertTrue(all.lastLine?.hasSuffix(" passed, 0 failed, 4 skipped") == true, all.stdout)
        // `run` on such a file says which plugin it needs after the check errors.
        let run = try suanpan(["run", "Examples/plugins/zhima/zhima.suan"])
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(run.stderr.contains("note: Examples/plugins/zhima/zhima.suan needs the native plugin 'zhima', which is not loaded: "
            + "load it with --plugin path/to/libzhima.so"), run.stderr)
    }

    func testTestReportsWhyAFileDoesNotCheck() throws {
        let dir = TempFolder()
        let bad = dir.write("bad.suan", "let x = 1 CNY + 1 USD\ntest \"t\" { expect x == x }\n")
        let r = try suanpan(["test", bad])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, """
            FAIL \(bad): does not check
                \(bad):1:9: error: cannot add money<CNY> and money<USD>
                   |
                 1 | let x = 1 CNY + 1 USD
                   |         ^^^^^^^^^^^^^
                   = hint: CNY and USD are different currencies; convert one explicitly
            0 passed, 1 failed, 0 skipped

            """)
    }

    func testTestWithNoTestsSaysSoAndExits66() throws {
        let dir = TempFolder()
        let empty = dir.url.appendingPathComponent("empty").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let none = try suanpan(["test", empty])
        XCTAssertEqual(none.status, 66)
        XCTAssertEqual(none.stdout, "no .suan files in \(empty)\n")
        XCTAssertTrue(none.stderr.contains("error: no tests found: write test \"name\" { expect … } blocks in .suan files"), none.stderr)
        let plain = dir.write("rules/plain.suan", "let x = 1\n")
        let noTests = try suanpan(["test", dir.url.appendingPathComponent("rules").path])
        XCTAssertEqual(noTests.status, 66)
        XCTAssertEqual(noTests.stdout, "no tests in \(dir.url.appendingPathComponent("rules").path)\n")
        XCTAssertEqual(try suanpan(["test", plain]).status, 66)
    }

    func testTestWritesJUnitXML() throws {
        let dir = TempFolder()
        let tests = dir.write("a&b.suan", """
            test "1 < 2 & \\"quoted\\"" { expect 1 < 2 }
            test "wrong" { expect 1 + 1 == 3 }
            """)
        let bad = dir.write("bad.suan", "let x = 1 +\n")
        let xml = dir.url.appendingPathComponent("report.xml").path
        let r = try suanpan(["test", "--junit", xml, tests, bad, "Examples/plugins/zhima/zhima.suan"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.lastLine, "1 passed, 2 failed, 2 skipped")
        let written = try String(contentsOfFile: xml, encoding: .utf8)
        let a = tests.replacingOccurrences(of: "&", with: "&amp;")
        let skip = "needs the native plugin &#39;zhima&#39;, which is not loaded: load it with --plugin path/to/libzhima.so"
        XCTAssertTrue(written.hasPrefix("""
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="suanpan test" tests="5" failures="2" errors="0" skipped="2">
              <testsuite name="\(a)" tests="2" failures="1" errors="0" skipped="0">
                <testcase classname="\(a)" name="1 &lt; 2 &amp; &quot;quoted&quot;"/>
                <testcase classname="\(a)" name="wrong">
                  <failure message="\(a):2:16: expected 1 + 1 == 3&#10;      left:  2&#10;      right: 3">\
            \(a):2:16: expected 1 + 1 == 3&#10;      left:  2&#10;      right: 3</failure>
                </testcase>
              </testsuite>
              <testsuite name="\(bad)" tests="1" failures="1" errors="0" skipped="0">
                <testcase classname="\(bad)" name="does not check">
                  <failure message="\(bad):2:1: error: expected an expression, found the end of the input&#10;
            """.dropLast()), written)
        XCTAssertTrue(written.hasSuffix("""
              <testsuite name="Examples/plugins/zhima/zhima.suan" tests="2" failures="0" errors="0" skipped="2">
                <testcase classname="Examples/plugins/zhima/zhima.suan" name="Zhima bands (PRODUCTS.md §7)">
                  <skipped message="\(skip)"/>
                </testcase>
                <testcase classname="Examples/plugins/zhima/zhima.suan" name="600 is the common gate for Jiebei">
                  <skipped message="\(skip)"/>
                </testcase>
              </testsuite>
            </testsuites>

            """), written)
        let unwritable = try suanpan(["test", "--junit", dir.url.appendingPathComponent("no/such/folder.xml").path, tests])
        XCTAssertEqual(unwritable.status, 74)
        XCTAssertTrue(unwritable.stderr.contains("give --junit a path in a folder that exists and can be written"), unwritable.stderr)
    }
}
