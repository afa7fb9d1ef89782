import SuanpanChecker
import SuanpanSyntax
import SuanpanValues
import XCTest

/// One table of type names serves programs and plugin signatures alike, and
/// every type prints in a form that reads back as the same type.
final class TypeNameTests: XCTestCase {
    /// Written types and the type each must mean, spelled out by hand.
    let written: [(String, SType)] = [
        ("int", .int), ("number", .number), ("decimal", .number), ("percent", .percent),
        ("bool", .bool), ("string", .string), ("date", .date), ("rounding", .roundingMode),
        ("days", .duration(.day)), ("duration", .duration(.day)), ("months", .duration(.month)),
        ("money<CNY>", .money("CNY")), ("rate/day", .rate(.day)), ("rate/month", .rate(.month)),
        ("rate/year", .rate(.year)), ("money<USD>/month", .flow("USD", .month)), ("list<list<int>>", .list(.list(.int))),
    ]

    func declaredType(_ written: String, file: StaticString = #filePath, line: UInt = #line) -> SType? {
        let (program, diagnostics) = check("rule f(x: \(written)) -> bool = true")
        XCTAssertEqual(errors(diagnostics).map(\.description), [], written, file: file, line: line)
        return program.functions.first { $0.name == "f" }?.parameters.first?.type
    }

    /// The type a plugin signature reads, as the pattern prints (a list pattern holds its element's).
    func signatureType(_ written: String) -> Result<String?, Diagnostic> {
        Overload.parse("(x: \(written)) -> bool", records: []).map { $0.parameters.first?.pattern.description }
    }

    func testProgramsAndPluginSignaturesReadTheSameNames() throws {
        for (text, type) in written {
            XCTAssertEqual(declaredType(text), type, "a program's \(text)")
            XCTAssertEqual(try signatureType(text).get(), type.description, "a plugin signature's \(text)")
        }
    }

    func testEveryTypePrintsAsAReadableName() throws {
        for (_, type) in written {
            XCTAssertEqual(declaredType(type.description), type, "\(type) printed, then read back")
        }
        for unit in DurationUnit.allCases {
            XCTAssertEqual(declaredType(SType.duration(unit).description), .duration(unit))
        }
        for period in Period.allCases {
            XCTAssertEqual(declaredType(SType.rate(period).description), .rate(period))
            XCTAssertEqual(declaredType(SType.flow("CNY", period).description), .flow("CNY", period))
        }
    }

    /// A plugin's record with money of no currency has a view per currency,
    /// `Line<CNY>`, which prints as it is written and reads back as itself.
    func testAPluginRecordInOneCurrencyPrintsAsItReads() throws {
        let line = RecordType(name: "Line", fields: [.init(name: "amount", type: .money(nil)), .init(name: "n", type: .int)],
                              span: .none, file: nil)
        let library = Library(records: [line])
        func declared(_ written: String) -> SType? {
            let parsed = Parser.parse(SourceFile(path: "t.suan", text: "rule f(x: \(written)) -> bool = true"))
            let (program, diagnostics) = Checker.check([parsed.syntax], library: library)
            XCTAssertEqual(errors(parsed.diagnostics + diagnostics).map(\.description), [], written)
            return program.functions.first { $0.name == "f" }?.parameters.first?.type
        }
        let cny = SType.record(line.inCurrency("CNY"))
        XCTAssertEqual(cny.description, "Line<CNY>")
        XCTAssertEqual(declared("Line<CNY>"), cny)
        XCTAssertEqual(declared(cny.description), cny)
        XCTAssertEqual(declared("list<Line<USD>>"), .list(.record(line.inCurrency("USD"))))
        XCTAssertEqual(declared("Line"), .record(line))
        XCTAssertNotEqual(cny, .record(line), "a view is a type of its own")
        XCTAssertNotEqual(cny, .record(line.inCurrency("USD")))
        guard case .record(let view) = cny else { return XCTFail("a record") }
        XCTAssertEqual(view.fields.map(\.type), [.money("CNY"), .int], "the view's money is in its currency")
        XCTAssertTrue(view.root === line, "a view's values are the record's")
        XCTAssertEqual(try Overload.parse("(x: Line<JPY>) -> bool", records: [line]).get().parameters.first?.pattern.description,
                       "Line<JPY>")
        // A record with nothing to give a currency to is its own view.
        let counts = RecordType(name: "Counts", fields: [.init(name: "n", type: .int), .init(name: "fee", type: .money("CNY"))],
                                span: .none, file: nil)
        XCTAssertTrue(counts.inCurrency("USD") === counts)
    }

    func testEveryNameInTheTableIsKnownToBoth() throws {
        for name in TypeName.names where !["money", "rate", "list"].contains(name) {
            XCTAssertNotNil(declaredType(name), name)
            XCTAssertNotNil(try signatureType(name).get(), name)
        }
        XCTAssertEqual(Set(TypeName.names).count, TypeName.names.count, "a type name is listed twice")
    }

    func testUnknownNamesSuggestFromTheTable() {
        let found = checkErrors("let x: decimall = 1")
        XCTAssertEqual(found.map(\.message), ["unknown type 'decimall'"])
        XCTAssertEqual(found.first?.hint, "did you mean 'decimal'?")
        guard case .failure(let problem) = Overload.parse("(x: durration) -> int", records: []) else {
            return XCTFail("an unknown type in a signature must be refused")
        }
        XCTAssertEqual(problem.message, "unknown type 'durration' in a plugin signature")
        XCTAssertEqual(problem.hint, "did you mean 'duration'?")
    }

    func testPeriodMessagesListEveryPeriod() {
        let found = checkErrors("let x: rate/quarter = 1%/day")
        XCTAssertEqual(found.first?.hint, "use day, month or year")
        // A week, a duration word but no period, says so and still lists every period.
        XCTAssertEqual(checkErrors("let x: rate/week = 1%/day").first?.hint,
                       "a week is not a period of rates or flows (use day, month or year): "
                       + "declare it per day and divide a weekly value by 7 days")
        XCTAssertEqual(checkErrors("let x: rate = 1%/day").first?.hint, "write rate/day, rate/month or rate/year")
    }
}
