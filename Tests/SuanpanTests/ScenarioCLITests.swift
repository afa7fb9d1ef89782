import Foundation
import XCTest

/// Scenarios from the command line: reports, comparisons and their explanation,
/// shards merged byte for byte, merges refused, bad data, charts, the REPL.
extension CLITests {
    static let book = """
        record Card { id: string, balance: money<CNY>, late: int, band: string }
        product Issuer {
          param daily_rate: rate/day = 0.05%/day
          param fee_rate: percent = 1%
        }
        population cards: Card from "cards.csv"
        scenario Book {
          for c in cards
          from 2021-01-01 to 2021-03-01 by month
          revenue interest = if c.late > 30 then round(c.balance * Issuer.daily_rate * period_days, 0.01) else 0 CNY
          revenue fee = round(c.balance * Issuer.fee_rate, 0.01)
          by c.band
        }
        scenario Cut = Book with Issuer { fee_rate = 0.5% }
        """

    /// 40 cards: balance 100 × (i + 1), late 45 for every third, bands A, B in turn.
    func cards(_ dir: TempFolder, rows: Int = 40, extra: String = "") -> String {
        var csv = "id,balance,late,band\n"
        for i in 0..<rows { csv += "C\(i),\(100 * (i + 1)).00,\(i % 3 == 0 ? 45 : 0),\(i % 2 == 0 ? "A" : "B")\n" }
        return dir.write("cards.csv", csv + extra)
    }

    func testAVariantIsShownBesideItsBaseWithWhatAccountsForTheChange() throws {
        let dir = TempFolder()
        _ = cards(dir)
        let file = dir.write("book.suan", Self.book)
        let r = try suanpan(["run", file, "--scenario", "Cut"])
        XCTAssertEqual(r.status, 0, r.stderr)
        // fee: 1% of 100 × (1 + … + 40) = 820.00 a month, 2,460.00 over three; half of it is cut.
        XCTAssertTrue(r.stdout.contains("Issuer.fee_rate = 0.5%"), r.stdout)
        XCTAssertTrue(r.stdout.contains("2,460.00"), r.stdout)
        XCTAssertTrue(r.stdout.contains("1,230.00"), r.stdout)
        XCTAssertTrue(r.stdout.contains("-1,230.00 = total change -1,230.00"), r.stdout)
    }

    func testAWhatIfFromTheCommandLineRunsBesideTheBaseline() throws {
        let dir = TempFolder()
        _ = cards(dir)
        let file = dir.write("book.suan", Self.book)
        let r = try suanpan(["run", file, "--scenario", "Book", "--what-if", "Issuer.fee_rate=2%", "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("section,key,line,baseline,variant,change"), r.stdout)
        XCTAssertTrue(r.stdout.contains("total,total,fee,2460,4920,2460"), r.stdout)
        // --set does the same for the scenarios (and changes the prints too).
        let set = try suanpan(["run", file, "--scenario", "Book", "--set", "Issuer.fee_rate=2%", "--format", "csv"])
        XCTAssertEqual(set.stdout, r.stdout)
    }

    /// `run --shard K/N --partial` on every shard, then `merge`: the same JSON as one run.
    func testShardsMergeIntoTheSingleRunsReportByteForByte() throws {
        let dir = TempFolder()
        _ = cards(dir, rows: 101)
        let file = dir.write("book.suan", Self.book)
        let single = try suanpan(["run", file, "--scenario", "Book", "--format", "json"])
        XCTAssertEqual(single.status, 0, single.stderr)
        var parts: [String] = []
        for k in 1...3 {
            let part = dir.path("part\(k).json")
            let r = try suanpan(["run", file, "--scenario", "Book", "--shard", "\(k)/3", "--partial", part])
            XCTAssertEqual(r.status, 0, r.stderr)
            parts.append(part)
        }
        let merged = try suanpan(["merge", "--format", "json"] + parts.reversed())
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertEqual(merged.stdout, single.stdout)
        let refused = try suanpan(["merge", parts[0], parts[2]])
        XCTAssertEqual(refused.status, 65)
        XCTAssertEqual(refused.stderr, "error: shards missing: 2/3 (give every shard's partial)\n")
        let twice = try suanpan(["merge", parts[0], parts[0], parts[1], parts[2]])
        XCTAssertEqual(twice.stderr, "error: \(parts[0]) repeats shard 1/3\n")
    }

    func testABadValueNamesTheFileRowColumnAndValue() throws {
        let dir = TempFolder()
        let csv = cards(dir, rows: 3, extra: "C9,12x.00,0,A\n")
        let file = dir.write("book.suan", Self.book)
        let r = try suanpan(["run", file, "--scenario", "Book"])
        XCTAssertEqual(r.status, 70)
        XCTAssertTrue(r.stderr.contains("\(csv):5: row 4, column 'balance'"), r.stderr)
        XCTAssertTrue(r.stderr.contains("'12x.00'"), r.stderr)
    }

    func testChartsAndReportsAreWrittenToFiles() throws {
        let dir = TempFolder()
        _ = cards(dir)
        let file = dir.write("book.suan", Self.book)
        let svg = dir.path("book.svg"), html = dir.path("book.html")
        let r = try suanpan(["run", file, "--scenario", "Cut", "--svg", svg, "--html", html])
        XCTAssertEqual(r.status, 0, r.stderr)
        let picture = String(decoding: FileManager.default.contents(atPath: svg) ?? Data(), as: UTF8.self)
        XCTAssertTrue(picture.hasPrefix("<?xml") || picture.hasPrefix("<svg"), picture)
        let page = String(decoding: FileManager.default.contents(atPath: html) ?? Data(), as: UTF8.self)
        XCTAssertTrue(page.contains("<svg") && page.contains("</html>"), page)
        let two = try suanpan(["run", file, "--svg", svg])
        XCTAssertEqual(two.status, 64)
        XCTAssertTrue(two.stderr.contains("name it with --scenario NAME"), two.stderr)
    }

    func testScenarioOptionsSayWhatToWrite() throws {
        let dir = TempFolder()
        _ = cards(dir)
        let file = dir.write("book.suan", Self.book)
        let unknown = try suanpan(["run", file, "--scenario", "Bok"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertEqual(unknown.stderr, "error: no scenario named 'Bok'; the scenarios are Book, Cut\n")
        let shard = try suanpan(["run", file, "--shard", "4/3"])
        XCTAssertEqual(shard.status, 64)
        XCTAssertTrue(shard.stderr.contains("--shard takes K/N with 1 ≤ K ≤ N, such as --shard 2/8 (not '4/3')"), shard.stderr)
        let partial = try suanpan(["run", file, "--partial", dir.path("p.json")])
        XCTAssertTrue(partial.stderr.contains("give --shard K/N too"), partial.stderr)
        let other = dir.write("other.csv", "id,balance,late,band\nX,1.00,0,A\n")
        let elsewhere = try suanpan(["run", file, "--scenario", "Book", "--population", "cards=\(other)", "--format", "json"])
        XCTAssertEqual(elsewhere.status, 0, elsewhere.stderr)
        XCTAssertTrue(elsewhere.stdout.contains("\"accounts\": 1"), elsewhere.stdout)
    }
}

extension CLITests {
    /// Ctrl-C during a long scenario: exit 130, a message, and no partial result written.
    func testAnInterruptedRunWritesNothingAsIfComplete() throws {
        let dir = TempFolder()
        _ = cards(dir, rows: 20000)
        let file = dir.write("book.suan", Self.book.replacingOccurrences(of: "to 2021-03-01 by month", with: "to 2021-12-31 by day"))
        let part = dir.path("part.json")
        let process = Process()
        process.executableURL = try XCTUnwrap(Self.binary)
        process.arguments = ["run", file, "--scenario", "Book", "--shard", "1/1", "--partial", part]
        let err = dir.write("stderr", "")
        process.standardError = FileHandle(forWritingAtPath: err)
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let stderr = String(decoding: FileManager.default.contents(atPath: err) ?? Data(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 130, stderr)
        XCTAssertTrue(stderr.contains("stopped: no report or partial result was written"), stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: part))
        // Not a terminal: no progress line on stderr.
        XCTAssertFalse(stderr.contains("rows/s"), stderr)
    }
}

extension CLITests {
    /// The same population as CSV, JSON Lines and SQLite gives the same report: the
    /// readers differ, the conversion into the record's types is one.
    func testEveryFormatGivesTheSameReport() throws {
        let dir = TempFolder()
        let spec = repositoryRoot.appendingPathComponent("Examples/data/accounts.spec.json").path
        let csv = dir.path("accounts.csv"), db = dir.path("accounts.sqlite"), jsonl = dir.path("accounts.jsonl")
        for out in [csv, db] {
            let g = try suanpan(["generate", spec, "--rows", "500", "--out", out])
            XCTAssertEqual(g.status, 0, g.stderr)
        }
        // JSON Lines written here from the CSV: numbers as JSON numbers, text as strings.
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let header = rows[0]
        let text = rows.dropFirst().map { row in
            "{" + zip(header, row).map { key, value in
                let quoted = ["id", "zhima_band"].contains(key) ? "\"\(value)\"" : value
                return "\"\(key)\": \(quoted)"
            }.joined(separator: ", ") + "}"
        }.joined(separator: "\n")
        FileManager.default.createFile(atPath: jsonl, contents: Data((text + "\n").utf8))
        let example = repositoryRoot.appendingPathComponent("Examples/credit.suan").path
        var reports: [String] = []
        for file in [csv, db, jsonl] {
            let r = try suanpan(["run", example, "--scenario", "Credit", "--population", "accounts=\(file)", "--format", "json"])
            XCTAssertEqual(r.status, 0, r.stderr)
            // The source line names the file; everything else must agree.
            reports.append(r.stdout.split(separator: "\n").filter { !$0.contains("\"source\"") }.joined(separator: "\n"))
        }
        XCTAssertEqual(reports[1], reports[0], "SQLite and CSV differ")
        XCTAssertEqual(reports[2], reports[0], "JSON Lines and CSV differ")
        XCTAssertTrue(reports[0].contains("\"accounts\": 500"), reports[0])
    }
}

extension CLITests {
    /// Threads change nothing but the time: the same report, the same skipped rows, and the
    /// error of the first bad row a single thread meets.
    func testJobsGiveTheSameResults() throws {
        let dir = TempFolder()
        let spec = repositoryRoot.appendingPathComponent("Examples/data/accounts.spec.json").path
        let csv = dir.path("accounts.csv")
        let g = try suanpan(["generate", spec, "--rows", "25000", "--out", csv])
        XCTAssertEqual(g.status, 0, g.stderr)
        var text = try String(contentsOfFile: csv, encoding: .utf8)
        text += "B1,650-699,2,7138,12x.00,6,5,2391.18,5,12\nB2,650-699,2,7138,1.00,6,5,nope,5,12\n"
        FileManager.default.createFile(atPath: csv, contents: Data(text.utf8))
        XCTAssertGreaterThan(text.utf8.count, 1 << 20, "big enough to be read by several threads")
        let balances = try String(contentsOfFile: repositoryRoot.appendingPathComponent("Benchmarks/population/balances.suan").path, encoding: .utf8)
        let stop = dir.write("stop.suan", balances)
        let skip = dir.write("skip.suan", balances.replacingOccurrences(of: "population accounts: Account from \"../../Examples/data/accounts-sample.csv\"",
                                                                        with: "population accounts: Account from \"accounts.csv\" { bad_rows = \"skip\" }"))
        func run(_ file: String, _ jobs: Int) throws -> Output {
            try suanpan(["run", file, "--scenario", "Balances", "--population", "accounts=\(csv)", "--format", "json", "--jobs", "\(jobs)"])
        }
        let stopped = try run(stop, 1), stoppedInParallel = try run(stop, 2)
        XCTAssertEqual(stopped.status, 70)
        XCTAssertTrue(stopped.stderr.contains("row 25001, column 'huabei_balance'"), stopped.stderr)
        XCTAssertEqual(stoppedInParallel.status, stopped.status)
        XCTAssertEqual(stoppedInParallel.stderr, stopped.stderr)
        let skipped = try run(skip, 1), skippedInParallel = try run(skip, 2)
        XCTAssertEqual(skipped.status, 0, skipped.stderr)
        XCTAssertEqual(skippedInParallel.stdout, skipped.stdout)
        XCTAssertEqual(skippedInParallel.stderr, skipped.stderr)
        XCTAssertTrue(skipped.stderr.contains("skipped 2 bad rows"), skipped.stderr)
        XCTAssertTrue(skipped.stdout.contains("\"accounts\": 25000"), skipped.stdout)
    }
}

extension CLITests {
    /// The two executors give the same report byte for byte, what-ifs and comparisons too.
    func testColumnsAndScalarGiveTheSameReports() throws {
        let credit = repositoryRoot.appendingPathComponent("Examples/credit.suan").path
        for extra in [[], ["--what-if", "Huabei.merchant_rate=0.5%"], ["--scenario", "MerchantCut"]] {
            let columns = try suanpan(["run", credit, "--format", "json", "--executor", "columns"] + extra)
            let scalar = try suanpan(["run", credit, "--format", "json", "--executor", "scalar"] + extra)
            XCTAssertEqual(columns.status, 0, columns.stderr)
            XCTAssertEqual(columns.stdout, scalar.stdout, "\(extra)")
            XCTAssertFalse(columns.stdout.isEmpty)
        }
    }

    /// The wrong ways to name an executor say what to write.
    func testAnUnknownExecutorSaysWhatToWrite() throws {
        let credit = repositoryRoot.appendingPathComponent("Examples/credit.suan").path
        for wrong in ["column", "vector", "Columns", ""] {
            let out = try suanpan(["run", credit, "--executor", wrong])
            XCTAssertNotEqual(out.status, 0, wrong)
            XCTAssertTrue(out.stderr.contains("--executor takes columns or scalar, such as --executor scalar"), out.stderr)
        }
    }
}

extension CLITests {
    /// A scenario whose rules do not compile to columns still runs, and says why it is slower.
    func testAScenarioOffTheColumnsSaysWhy() throws {
        let dir = TempFolder()
        _ = dir.write("accounts.csv", "balance\n1.00\n2.50\n")
        let file = dir.write("list.suan", """
            record Account { balance: money<CNY> }
            population accounts: Account from "accounts.csv"
            scenario S {
              for a in accounts
              from 2021-01-01 to 2021-01-01 by month
              revenue share = sum([a.balance for i in range(1, 2)])
            }
            """)
        let out = try suanpan(["run", file, "--format", "json"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("\"total\": \"7\""), out.stdout)
        XCTAssertTrue(out.stderr.contains("note: the scenario ran one account at a time: sum of a list at "), out.stderr)
        XCTAssertTrue(out.stderr.contains("list.suan:6:19 is not compiled to columns"), out.stderr)
        let scalar = try suanpan(["run", file, "--format", "json", "--executor", "scalar"])
        XCTAssertEqual(scalar.stdout, out.stdout)
        XCTAssertFalse(scalar.stderr.contains("note:"), scalar.stderr)
        // The examples' scenarios all run over columns: no note.
        let credit = try suanpan(["run", repositoryRoot.appendingPathComponent("Examples/credit.suan").path, "--format", "json"])
        XCTAssertFalse(credit.stderr.contains("note:"), credit.stderr)
    }
}
