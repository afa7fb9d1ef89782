import Foundation
import SuanpanReport

/// A test report as JUnit XML, the form CI systems read: one `testsuite` per
/// file, one `testcase` per test block, with `failure` or `skipped` inside.
struct JUnitReport {
    enum Result {
        case passed
        case failed([String])
        case skipped(String)
    }

    struct Case {
        let name: String
        let result: Result
    }

    /// The suites in the order the files were run: a file and its cases.
    private(set) var suites: [(file: String, cases: [Case])] = []

    mutating func add(_ file: String, _ testCase: Case) {
        if suites.last?.file == file {
            suites[suites.count - 1].cases.append(testCase)
        } else {
            suites.append((file, [testCase]))
        }
    }

    var xml: String {
        func count(_ cases: [Case]) -> String {
            let failures = cases.filter { if case .failed = $0.result { return true } else { return false } }.count
            let skipped = cases.filter { if case .skipped = $0.result { return true } else { return false } }.count
            return "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\""
        }
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                     "<testsuites name=\"suanpan test\" \(count(suites.flatMap(\.cases)))>"]
        for suite in suites {
            lines.append("  <testsuite name=\"\(Self.escaped(suite.file))\" \(count(suite.cases))>")
            for c in suite.cases {
                let open = "    <testcase classname=\"\(Self.escaped(suite.file))\" name=\"\(Self.escaped(c.name))\""
                switch c.result {
                case .passed:
                    lines.append(open + "/>")
                case .failed(let messages):
                    lines.append(open + ">")
                    lines.append("      <failure message=\"\(Self.escaped(messages.first ?? "failed"))\">"
                        + Self.escaped(messages.joined(separator: "\n")) + "</failure>")
                    lines.append("    </testcase>")
                case .skipped(let why):
                    lines.append(open + ">")
                    lines.append("      <skipped message=\"\(Self.escaped(why))\"/>")
                    lines.append("    </testcase>")
                }
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text for an XML attribute or element, through the one XML escaper.
    static func escaped(_ s: String) -> String { XMLText.escape(s, inAttribute: true) }
}
