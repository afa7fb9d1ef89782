import XCTest
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SuanpanReport
import SuanpanValues

final class SVGTests: XCTestCase {
    func testChartIsWellFormedSVG11() throws {
        let svg = Render.svg(try Fixtures.sample())
        let document = try XMLDocumentSummary(svg)
        XCTAssertEqual(document.root, "svg")
        XCTAssertEqual(document.rootAttributes["version"], "1.1")
        XCTAssertEqual(document.rootAttributes["width"], "800")
        XCTAssertEqual(document.rootAttributes["height"], "400")
        XCTAssertEqual(document.rootAttributes["xmlns"], "http://www.w3.org/2000/svg")
        XCTAssertTrue(document.texts.contains("huabei — Huabei fees: revenue by month"))
        XCTAssertTrue(document.texts.contains("interest") && document.texts.contains("fee"))  // the legend
        XCTAssertTrue(document.texts.contains("2021-01") && document.texts.contains("2021-02"))
        // 2,345.678 at most: steps of 500 up to 2,500, labelled exactly with separators.
        for tick in ["0", "500", "1,000", "1,500", "2,000", "2,500"] { XCTAssertTrue(document.texts.contains(tick), tick) }
        XCTAssertEqual(svg, Render.svg(try Fixtures.sample()))  // deterministic
    }

    func testTextIsEscaped() throws {
        var report = try Fixtures.sample()
        report.lines[1] = "a<b&\"c\""
        report.title = "it's <b>"
        let svg = Render.svg(report)
        XCTAssertFalse(svg.contains("a<b"))
        XCTAssertTrue(svg.contains("a&lt;b&amp;&quot;c&quot;"))
        let document = try XMLDocumentSummary(svg)
        XCTAssertTrue(document.texts.contains("a<b&\"c\""))
        XCTAssertTrue(document.texts.contains("huabei — it's <b>: revenue by month"))
        XCTAssertEqual(XMLText.escape("x\u{01}y"), "x\u{FFFD}y")  // not allowed in XML 1.0
    }

    func testComparisonChartByPeriodAndByLine() throws {
        let c = try Fixtures.comparison()
        let byPeriod = try XMLDocumentSummary(Render.svg(c))
        XCTAssertTrue(byPeriod.texts.contains("2021-01"))
        XCTAssertTrue(byPeriod.texts.contains("baseline huabei") && byPeriod.texts.contains("variant huabei_high_fee"))
        XCTAssertEqual(byPeriod.elementCounts["rect", default: 0], 1 + 2 + 4)  // background, legend, 2 × 2 bars
        var single = c
        single.baseline.periods.removeLast()
        single.variant.periods.removeLast()
        let byLine = try XMLDocumentSummary(Render.svg(single))
        XCTAssertTrue(byLine.texts.contains("interest") && byLine.texts.contains("fee"))
        XCTAssertFalse(byLine.texts.contains("2021-01"))
    }

    func testNegativeAmountsAndAnEmptyReport() throws {
        var report = try Fixtures.sample()
        report.periods[1].amounts[1] = try dec("-600")
        let document = try XMLDocumentSummary(Render.svg(report))
        XCTAssertTrue(document.texts.contains("-1,000"), "\(document.texts)")
        report.periods = []
        let empty = try XMLDocumentSummary(Render.svg(report))
        XCTAssertTrue(empty.texts.contains("no periods"))
    }

    func testALongLegendIsCutShortRatherThanCoveringThePlot() throws {
        var report = try Fixtures.sample()
        report.lines = (1...60).map { "revenue line \($0)" }
        let document = try XMLDocumentSummary(Render.svg(report))
        XCTAssertTrue(document.texts.contains { $0.hasPrefix("… and ") && $0.hasSuffix(" more") }, "\(document.texts)")
        XCTAssertFalse(document.texts.contains("revenue line 60"))
    }

    func testAxisTicksAreExactRoundNumbers() throws {
        XCTAssertEqual(AxisScale(low: .zero, high: try dec("2345.678")).ticks.map(\.description),
                       ["0", "500", "1000", "1500", "2000", "2500"])
        XCTAssertEqual(AxisScale(low: try dec("-0.3"), high: try dec("0.05")).ticks.map(\.description),
                       ["-0.3", "-0.2", "-0.1", "0", "0.1"])
        XCTAssertEqual(AxisScale(low: .zero, high: .zero).ticks.map(\.description), ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        // The ends of the range do not trap.
        let extreme = AxisScale(low: .minimum, high: .maximum)
        XCTAssertFalse(extreme.ticks.isEmpty)
        XCTAssertTrue(Render.svg(try hugeReport()).contains("cannot draw: arithmetic overflow"))
    }

    func testPixelNumbers() {
        XCTAssertEqual(SVGBuilder.number(12), "12")
        XCTAssertEqual(SVGBuilder.number(12.46), "12.5")
        XCTAssertEqual(SVGBuilder.number(-0.25), "-0.3")  // -2.5 tenths: rounded away from zero
        XCTAssertEqual(SVGBuilder.number(-0.04), "0")
        XCTAssertEqual(SVGBuilder.number(.nan), "0")
        XCTAssertEqual(SVGBuilder.number(.infinity), "0")
    }

    /// Two lines whose stack passes the decimal range: the chart says so instead of trapping.
    func hugeReport() throws -> ScenarioReport {
        var report = try Fixtures.sample()
        report.periods[0].amounts = [.maximum, .maximum]
        return report
    }

    /// Renders the chart to PNG with rsvg-convert (librsvg) and checks that it is an 800×400
    /// image with far more in it than a blank canvas of the same size.
    func testRendersToANonBlankPNG() throws {
        guard let rsvg = executable("rsvg-convert") else {
            // In CI scripts/setup installs it, so there a missing renderer is a failure, not a skip.
            if ProcessInfo.processInfo.environment["CI"] != nil {
                return XCTFail("rsvg-convert is not installed, and CI must render the charts: scripts/setup installs librsvg2-bin")
            }
            throw XCTSkip("rsvg-convert is not installed (Debian: apt-get install librsvg2-bin); SVG rendering not checked")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("suanpan-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let blank = "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"800\" height=\"400\">"
            + "<rect x=\"0\" y=\"0\" width=\"800\" height=\"400\" fill=\"#ffffff\"/></svg>\n"
        let charts = ["blank": blank, "report": Render.svg(try Fixtures.sample()), "comparison": Render.svg(try Fixtures.comparison())]
        var sizes: [String: Int] = [:]
        for (name, svg) in charts {
            let input = directory.appendingPathComponent("\(name).svg")
            let output = directory.appendingPathComponent("\(name).png")
            try Data(svg.utf8).write(to: input)
            let process = Process()
            process.executableURL = rsvg
            process.arguments = ["-f", "png", "-o", output.path, input.path]
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "rsvg-convert failed on \(name)")
            let png = try Data(contentsOf: output)
            XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], name)
            // IHDR: width and height, big-endian, at bytes 16..23.
            XCTAssertEqual(Array(png.dropFirst(16).prefix(8)), [0, 0, 3, 0x20, 0, 0, 1, 0x90], name)
            sizes[name] = png.count
        }
        let blankSize = try XCTUnwrap(sizes["blank"])
        // A blank canvas compresses to almost nothing; text, bars and axes do not.
        XCTAssertGreaterThan(try XCTUnwrap(sizes["report"]), blankSize * 5)
        XCTAssertGreaterThan(try XCTUnwrap(sizes["comparison"]), blankSize * 5)
    }

    func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        return nil
    }
}

/// What an XML parser makes of a document: the root, its attributes, every text node, and how
/// many of each element. Parsing at all proves the text is well-formed.
struct XMLDocumentSummary {
    var root = ""
    var rootAttributes: [String: String] = [:]
    var texts: [String] = []
    var elementCounts: [String: Int] = [:]

    init(_ text: String) throws {
        let parser = XMLParser(data: Data(text.utf8))
        let delegate = Collector()
        parser.delegate = delegate
        guard parser.parse() else {
            throw ParseFailure(message: parser.parserError.map { "\($0)" } ?? "unknown", line: parser.lineNumber)
        }
        root = delegate.root
        rootAttributes = delegate.rootAttributes
        texts = delegate.texts
        elementCounts = delegate.counts
    }

    struct ParseFailure: Error {
        let message: String
        let line: Int
    }

    final class Collector: NSObject, XMLParserDelegate {
        var root = ""
        var rootAttributes: [String: String] = [:]
        var texts: [String] = []
        var counts: [String: Int] = [:]
        var current = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if root.isEmpty {
                root = name
                rootAttributes = attributes
            }
            counts[name, default: 0] += 1
            current = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" || name == "title" { texts.append(current) }
            current = ""
        }
    }
}
