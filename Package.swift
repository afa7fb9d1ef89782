// swift-tools-version: 6.0
// Suanpan: a typed language for financial product rules.
// Phases are targets and depend one way:
// SuanpanValues → SuanpanSyntax → SuanpanChecker → SuanpanRuntime → SuanpanPlugin (the extension API)
// → SuanpanLibrary (finance, funds, calendar: plugins on that API) → Suanpan (facade) → suanpan (CLI).
// SuanpanData owns populations read from files (the data-source kind of plugin and typed columns);
// SuanpanReaders holds the built-in CSV, JSON Lines and SQLite readers, plugins like any other;
// SuanpanSynthetic writes reproducible synthetic populations; SuanpanScenario runs scenarios
// over populations through time and keeps their exact, mergeable totals; SuanpanReport renders
// their reports and comparisons (tables, CSV, JSON, SVG, HTML, terminal charts).
import PackageDescription

let package = Package(
    name: "Suanpan",
    products: [
        .library(name: "Suanpan", targets: ["Suanpan"]),
        .executable(name: "suanpan", targets: ["SuanpanCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "SuanpanValues"),
        .target(name: "SuanpanSyntax", dependencies: ["SuanpanValues"]),
        .target(name: "SuanpanChecker", dependencies: ["SuanpanValues", "SuanpanSyntax"]),
        .target(name: "SuanpanRuntime", dependencies: ["SuanpanValues", "SuanpanSyntax", "SuanpanChecker"]),
        .target(name: "CSuanpanPlugin"),
        .target(name: "SuanpanData", dependencies: ["SuanpanValues", "SuanpanSyntax", "SuanpanChecker", "SuanpanRuntime"]),
        .target(name: "SuanpanPlugin", dependencies: ["CSuanpanPlugin", "SuanpanValues", "SuanpanSyntax", "SuanpanChecker", "SuanpanRuntime", "SuanpanData"]),
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        .target(name: "SuanpanReaders", dependencies: ["SuanpanValues", "SuanpanData", "SuanpanPlugin", "CSQLite"]),
        .target(name: "SuanpanSynthetic", dependencies: ["SuanpanValues", "CSQLite"]),
        .target(name: "SuanpanReport", dependencies: ["SuanpanValues"]),
        .target(name: "SuanpanColumnar", dependencies: ["SuanpanValues", "SuanpanSyntax", "SuanpanChecker", "SuanpanRuntime", "SuanpanData"]),
        .target(name: "SuanpanScenario", dependencies: ["SuanpanValues", "SuanpanSyntax", "SuanpanChecker", "SuanpanRuntime", "SuanpanData", "SuanpanColumnar"]),
        .target(name: "SuanpanLibrary", dependencies: ["SuanpanValues", "SuanpanChecker", "SuanpanRuntime", "SuanpanPlugin"]),
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"]), .brew(["libedit"])]),
        .target(name: "SuanpanREPL", dependencies: ["Suanpan", "SuanpanReport", "SuanpanValues", "SuanpanSyntax", "SuanpanChecker", "SuanpanRuntime", "SuanpanPlugin", "CLibEdit"]),
        .target(name: "Suanpan", dependencies: ["SuanpanValues", "SuanpanSyntax", "SuanpanChecker", "SuanpanRuntime", "SuanpanData", "SuanpanPlugin", "SuanpanLibrary", "SuanpanReaders", "SuanpanScenario", "SuanpanReport", "SuanpanColumnar"]),
        .executableTarget(
            name: "SuanpanCLI",
            dependencies: ["Suanpan", "SuanpanPlugin", "SuanpanREPL", "SuanpanSynthetic", "SuanpanReport", "SuanpanScenario", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "DecimalBench", dependencies: ["SuanpanValues"], path: "Benchmarks/DecimalBench"),
        .executableTarget(name: "RuleBench", dependencies: ["Suanpan"], path: "Benchmarks/RuleBench"),
        .executableTarget(name: "DataBench", dependencies: ["SuanpanData", "SuanpanReaders", "SuanpanChecker", "SuanpanRuntime", "SuanpanValues", "CSQLite"], path: "Benchmarks/DataBench"),
        .executableTarget(name: "StateBench", dependencies: ["Suanpan"], path: "Benchmarks/StateBench"),
        .executableTarget(name: "SpeedBench", dependencies: ["Suanpan", "SuanpanColumnar"], path: "Benchmarks/speed/SpeedBench"),
        .executableTarget(name: "SuanpanFuzz", dependencies: ["Suanpan", "SuanpanSyntax"], path: "Fuzz/SuanpanFuzz"),
        .testTarget(name: "SuanpanValuesTests", dependencies: ["SuanpanValues"]),
        .testTarget(name: "SuanpanSyntaxTests", dependencies: ["SuanpanSyntax", "SuanpanValues"]),
        .testTarget(name: "SuanpanCheckerTests", dependencies: ["SuanpanChecker"]),
        .testTarget(name: "SuanpanRuntimeTests", dependencies: ["SuanpanRuntime"]),
        .testTarget(name: "SuanpanPluginTests", dependencies: ["SuanpanPlugin"]),
        .testTarget(name: "SuanpanDataTests", dependencies: ["SuanpanData", "SuanpanReaders", "SuanpanChecker", "SuanpanRuntime", "SuanpanValues", "CSQLite"]),
        .testTarget(name: "SuanpanSyntheticTests", dependencies: ["SuanpanSynthetic"]),
        .testTarget(name: "SuanpanReportTests", dependencies: ["SuanpanReport", "SuanpanValues"]),
        .testTarget(name: "SuanpanLibraryTests", dependencies: ["SuanpanLibrary", "Suanpan"]),
        .testTarget(name: "SuanpanColumnarTests", dependencies: ["SuanpanColumnar", "SuanpanValues"]),
        .testTarget(name: "SuanpanTests", dependencies: ["Suanpan"]),
        .testTarget(name: "SuanpanREPLTests", dependencies: ["SuanpanREPL"]),
    ]
)
