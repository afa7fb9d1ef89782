import Suanpan
import XCTest

/// `// requires plugin: NAME` among the comments that open a file.
final class PluginRequirementsTests: XCTestCase {
    func testTheOpeningCommentsNameThePlugins() {
        let cases: [(String, [String])] = [
            ("// requires plugin: zhima\nlet x = 1\n", ["zhima"]),
            ("// Gate on Zhima scores.\n//   requires plugin:   zhima  \n\n// requires plugins: daycount, fx\n", ["zhima", "daycount", "fx"]),
            ("\n\n  // requires plugin: zhima\n", ["zhima"]),
            ("let x = 1\n// requires plugin: zhima\n", []),
            ("// this file requires plugin: zhima\n", []),
            ("// requires plugin:\n", []),
            ("/// requires plugin: zhima\n", []),
            ("", []),
        ]
        for (text, plugins) in cases {
            XCTAssertEqual(PluginRequirements.declared(in: text), plugins, text.debugDescription)
        }
    }

    func testTheAdviceSaysHowToLoadThem() {
        XCTAssertEqual(PluginRequirements.advice(["zhima"]),
                       "needs the native plugin 'zhima', which is not loaded: load it with --plugin path/to/libzhima.so")
        XCTAssertEqual(PluginRequirements.advice(["zhima", "fx"]),
                       "needs the native plugins 'zhima', 'fx', which are not loaded: "
                       + "load them with --plugin path/to/libzhima.so --plugin path/to/libfx.so")
    }
}
