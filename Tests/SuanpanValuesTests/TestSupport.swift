import XCTest
@testable import SuanpanValues

/// Parses a decimal literal in a test; a malformed literal fails the test through `throws`.
func dec(_ text: String) throws(ArithmeticError) -> FixedDecimal {
    try FixedDecimal.parse(Substring(text))
}

/// Asserts that `body` throws exactly `expected`.
func assertThrows<T>(_ expected: ArithmeticError, file: StaticString = #filePath, line: UInt = #line,
                     _ body: () throws(ArithmeticError) -> T) {
    do {
        let value = try body()
        XCTFail("expected \(expected), got \(value)", file: file, line: line)
    } catch {
        XCTAssertEqual(error, expected, file: file, line: line)
    }
}

/// The result of a throwing operation as text: the value's description or the error's case
/// name, matching the reference tables generated with Python.
func outcome(_ body: () throws(ArithmeticError) -> FixedDecimal) -> String {
    do {
        return try body().description
    } catch {
        switch error {
        case .overflow: return "overflow"
        case .divisionByZero: return "divisionByZero"
        case .tooManyFractionDigits: return "tooManyFractionDigits"
        case .malformed: return "malformed"
        case .invalidArgument: return "invalidArgument"
        }
    }
}
