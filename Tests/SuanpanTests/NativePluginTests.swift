import Foundation
import Suanpan
import SuanpanPlugin
import SuanpanRuntime
import XCTest

/// Native plugins built from source here, as a third party would build them,
/// then loaded through the C ABI. Failures must name the plugin, never crash.
final class NativePluginTests: XCTestCase {
    /// Builds the example plugins (C and Swift) once into a temporary folder.
    static let built: URL? = {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("suanpan-plugins-\(getpid())")
        let status = shell(repositoryRoot.appendingPathComponent("Examples/plugins/build.sh").path, [out.path])
        return status == 0 ? out : nil
    }()

    override class func tearDown() {
        if let built { try? FileManager.default.removeItem(at: built) }
        super.tearDown()
    }

    static func shell(_ executable: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    func library(_ name: String) throws -> String {
        try XCTUnwrap(Self.built, "Examples/plugins/build.sh failed").appendingPathComponent(name).path
    }

    /// Compiles a small C plugin for the failure cases.
    func compile(_ source: String, name: String) throws -> String {
        let dir = TempFolder()
        let c = dir.write("\(name).c", source)
        let so = dir.url.appendingPathComponent("lib\(name).so").path
        let include = repositoryRoot.appendingPathComponent("Sources/CSuanpanPlugin/include").path
        XCTAssertEqual(Self.shell("/usr/bin/env", ["cc", "-shared", "-fPIC", "-I", include, "-o", so, c]), 0, "cc failed")
        // Keep the folder alive for the test's duration.
        folders.append(dir)
        return so
    }
    var folders: [TempFolder] = []

    func program(_ plugins: [String], _ source: String = "") throws -> Program {
        var set = try Program.standardPlugins()
        for p in plugins { try set.add(try NativePlugin.load(path: p)) }
        let dir = TempFolder()
        let file = dir.write("p.suan", source)
        guard case .success(let (program, _)) = Program.load(paths: [file], plugins: set) else {
            throw XCTSkip("program did not load")
        }
        return program
    }

    func value(_ program: Program, _ expression: String) -> String {
        switch program.evaluate(expression) {
        case .value(let v, let t): return "\(Format.display(v, t, quoteStrings: true)) : \(t)"
        case .checkFailed(let d): return "check: " + d.map(\.message).joined(separator: "; ")
        case .runtimeFailed(let e): return "runtime: " + e.message
        }
    }

    func testTheCPluginIsTypedAndRuns() throws {
        let p = try program([try library("libzhima.so")])
        XCTAssertEqual(value(p, "zhima.band(640)"), "\"良好\" : string")
        XCTAssertEqual(value(p, "band(700)"), "\"极好\" : string")
        XCTAssertEqual(value(p, "qualifies(599)"), "false : bool")
        XCTAssertEqual(value(p, "qualifies(620, 650)"), "false : bool")
        XCTAssertEqual(value(p, "band(1000)"), "runtime: score 1000 is outside 350-950")
        XCTAssertEqual(value(p, "band(6.5%)"), "check: argument 1 ('score') of 'zhima.band' must be int, found percent")
        XCTAssertEqual(value(p, "band(1, 2)"), "check: wrong number of arguments to 'zhima.band': 2 given")
    }

    func testTheSwiftPluginIsTypedAndRuns() throws {
        let p = try program([try library("libdaycount.so")])
        // 182 / 365 = 0.498630136986301369863…, half-even at 18 places
        XCTAssertEqual(value(p, "year_fraction(2020-01-01, 2020-07-01)"), "0.49863013698630137 : number")
        XCTAssertEqual(value(p, "daycount.year_fraction(2020-01-01, 2020-07-01, 360)"), "0.505555555555555556 : number")
        XCTAssertEqual(value(p, "year_fraction(2020-01-01, 2020-07-01, 300)"), "runtime: the basis is 360 or 365")
    }

    func testTheExamplesThatUseThePluginsPass() throws {
        let p = try program([try library("libzhima.so"), try library("libdaycount.so")])
        _ = p
        for file in ["Examples/plugins/zhima/zhima.suan", "Examples/plugins/daycount/daycount.suan"] {
            var set = try Program.standardPlugins()
            try set.add(try NativePlugin.load(path: try library("libzhima.so")))
            try set.add(try NativePlugin.load(path: try library("libdaycount.so")))
            guard case .success(let (program, _)) = Program.load(paths: [repositoryRoot.appendingPathComponent(file).path], plugins: set) else {
                return XCTFail("\(file) does not check")
            }
            let outcomes = program.runTests()
            XCTAssertFalse(outcomes.isEmpty)
            for o in outcomes { XCTAssertTrue(o.passed, "\(file): \(o.name): \(o.failures)") }
        }
    }

    func testLoadFailuresNameThePlugin() throws {
        let dir = TempFolder()
        let text = dir.write("notes.txt", "not a library")
        let cases: [(String, String)] = [
            ("/nonexistent/libx.so", "cannot load"),
            (text, "cannot load"),
            (try compile("int something_else(void) { return 1; }", name: "noentry"), "does not export 'suanpan_plugin'"),
            (try compile(plugin(abi: "99", name: "\"v99\"", decls: "{\"f\", \"() -> int\", \"\", f}"), name: "abi"), "ABI version 99"),
            (try compile(plugin(name: "\"sig\"", decls: "{\"f\", \"(x: ) -> int\", \"\", f}"), name: "sig"), "malformed signature"),
            (try compile(plugin(name: "\"lists\"", decls: "{\"f\", \"(xs: list<int>) -> int\", \"\", f}"), name: "lists"), "cannot cross the C ABI"),
            (try compile(plugin(name: "\"bad name\"", decls: "{\"f\", \"() -> int\", \"\", f}"), name: "badname"), "not a valid plugin name"),
            (try compile(plugin(name: "0", decls: "{\"f\", \"() -> int\", \"\", f}"), name: "noname"), "has no name"),
        ]
        for (path, message) in cases {
            var set = PluginSet()
            do {
                try set.add(try NativePlugin.load(path: path))
                XCTFail("\(path) loaded")
            } catch {
                XCTAssertTrue(error.description.contains(message), "\(path): \(error)")
                XCTAssertTrue(error.plugin == path || error.description.contains("plugin"), "\(error)")
            }
        }
    }

    func testNameClashesAreErrorsOrNeedQualification() throws {
        let twin = try compile(plugin(name: "\"zhima\"", decls: "{\"f\", \"() -> int\", \"\", f}"), name: "twin")
        var set = try Program.standardPlugins()
        try set.add(try NativePlugin.load(path: try library("libzhima.so")))
        XCTAssertThrowsError(try set.add(try NativePlugin.load(path: twin))) { error in
            XCTAssertTrue("\(error)".contains("a plugin named 'zhima' is already loaded"), "\(error)")
        }
        // A second plugin defining `effect` (as finance does): plain `effect` is ambiguous, qualified works.
        let rival = try compile(plugin(name: "\"rival\"", decls: "{\"effect\", \"() -> int\", \"\", f}"), name: "rival")
        let p = try program([rival])
        XCTAssertEqual(value(p, "rival.effect()"), "7 : int")
        XCTAssertTrue(value(p, "effect(5%, 12)").contains("defined by several plugins"), value(p, "effect(5%, 12)"))
        XCTAssertTrue(value(p, "finance.effect(5%, 12)").hasSuffix(": percent"))
    }

    func testAPluginReturningABadValueIsAnErrorNotACrash() throws {
        let money = try compile(plugin(name: "\"liar\"", decls: "{\"m\", \"() -> money\", \"\", bad_money}, {\"k\", \"() -> int\", \"\", bad_kind}, {\"s\", \"() -> string\", \"\", null_string}, {\"q\", \"() -> int\", \"\", quiet_failure}"), name: "liar")
        let p = try program([money])
        XCTAssertEqual(value(p, "liar.m()"), "runtime: liar.m returned money in an unknown currency 'XYZ'")
        XCTAssertEqual(value(p, "liar.k()"), "runtime: liar.k returned a value of unknown kind 42")
        XCTAssertEqual(value(p, "liar.s()"), "runtime: liar.s returned a null string")
        // A failure without a message is named from the declaration.
        XCTAssertEqual(value(p, "liar.q()"), "runtime: liar.q failed (status 3)")
    }

    /// A plugin source with the given declarations and helper functions.
    func plugin(abi: String = "SUANPAN_PLUGIN_ABI_VERSION", name: String, decls: String) -> String {
        """
        #include <stddef.h>
        #include <string.h>
        #include "suanpan_plugin.h"
        static int32_t f(int32_t o, const sp_value *a, int32_t n, sp_value *r, char *e, int32_t s) {
            (void)o; (void)a; (void)n; (void)e; (void)s;
            r->kind = SP_NUMBER; r->units_high = 0; r->units_low = 7000000000000000000ULL; return 0;
        }
        static int32_t bad_money(int32_t o, const sp_value *a, int32_t n, sp_value *r, char *e, int32_t s) {
            (void)o; (void)a; (void)n; (void)e; (void)s;
            r->kind = SP_MONEY; memcpy(r->currency, "XYZ", 4); return 0;
        }
        static int32_t bad_kind(int32_t o, const sp_value *a, int32_t n, sp_value *r, char *e, int32_t s) {
            (void)o; (void)a; (void)n; (void)e; (void)s; r->kind = 42; return 0;
        }
        static int32_t null_string(int32_t o, const sp_value *a, int32_t n, sp_value *r, char *e, int32_t s) {
            (void)o; (void)a; (void)n; (void)e; (void)s; r->kind = SP_STRING; r->string = NULL; return 0;
        }
        static int32_t quiet_failure(int32_t o, const sp_value *a, int32_t n, sp_value *r, char *e, int32_t s) {
            (void)o; (void)a; (void)n; (void)r; (void)e; (void)s; return 3;
        }
        static const sp_function_decl decls[] = { \(decls) };
        static const sp_plugin p = { \(abi), \(name), "1", "test", (int32_t)(sizeof decls / sizeof decls[0]), decls };
        const sp_plugin *suanpan_plugin(void) { return &p; }
        """
    }
}
