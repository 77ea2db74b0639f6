// swift-tools-version:6.1
import PackageDescription

// Dependencies point one way:
// PlanModel ← PlanImport / PlanStore / PlanReports ← Dashboard ← DashboardStore ← duban
// ScreenKit (frames, styles, themes, keys, the app protocol) ← Dashboard, Terminal
// Terminal (ncurses) knows screens only, never the application: duban joins them.
// DocumentText (file formats → paragraphs and tables) ← duban, DashboardStore
// Deployment (the administrator's set-up and checks) sits on PlanStore; BundledFiles
// (the themes and the sample store built into the binary) depends on nothing.
// OfficeFiles (xlsx, docx) ← PlanReports

/// libxml2 keeps its headers under include/libxml2 (pkg-config --cflags libxml-2.0).
let libxml2Headers: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I/usr/include/libxml2"])]

let package = Package(
    name: "Duban",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "duban", targets: ["duban"]),
        .executable(name: "duban-bench", targets: ["duban-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // ncursesw through a module map; see shim.h for why not pkgConfig.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // libxlsxwriter and libzip (Debian libxlsxwriter-dev, libzip-dev to build): workbooks and documents.
        // Headers only: OfficeLibrary opens them with dlopen on the first xlsx or docx (see shim.h).
        .systemLibrary(name: "CXlsxWriter", path: "Sources/CXlsxWriter"),
        .systemLibrary(name: "CZip", path: "Sources/CZip"),
        // Workbooks and official documents from titled tables, knowing nothing of plans.
        .target(name: "OfficeFiles", dependencies: ["CXlsxWriter", "CZip", "TextWidth"]),
        // Document formats: XML and HTML through libxml2, .docx archives through libzip;
        // headers only, the libraries are opened when a document needs them.
        // No pkgConfig: it would link the libraries into every executable.
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CLibZip", path: "Sources/CLibZip", providers: [.apt(["libzip-dev"])]),
        .target(name: "TextWidth"),
        .target(name: "PlanModel"),
        .target(name: "PlanImport", dependencies: ["PlanModel"]),
        // File bytes → paragraphs and tables (text encodings, .docx, HTML, PDF, .doc).
        .target(name: "DocumentText", dependencies: ["CLibXML2", "CLibZip", "TextWidth"], swiftSettings: libxml2Headers),
        .target(name: "PlanStore", dependencies: ["PlanModel"]),
        .target(name: "PlanReports", dependencies: ["PlanModel", "OfficeFiles", "TextWidth"]),
        .target(name: "ScreenKit", dependencies: ["TextWidth"]),
        .target(name: "Dashboard", dependencies: ["ScreenKit", "PlanModel", "PlanReports", "OfficeFiles", "TextWidth"]),
        // The real store behind the dashboard: the one place both meet.
        .target(name: "DashboardStore", dependencies: ["Dashboard", "PlanModel", "PlanReports", "PlanStore", "PlanImport", "DocumentText"]),
        .target(name: "Terminal", dependencies: ["ScreenKit", "CNcursesw", "TextWidth", "BundledFiles"]),
        .executableTarget(name: "duban-embed"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["duban-embed"]),
        .target(name: "BundledFiles", plugins: ["EmbedFiles"]),
        .target(name: "Deployment", dependencies: ["PlanModel", "PlanStore"]),
        .executableTarget(
            name: "duban",
            dependencies: [
                "PlanModel", "PlanImport", "DocumentText", "PlanStore", "PlanReports", "OfficeFiles", "ScreenKit", "Dashboard", "DashboardStore", "Terminal",
                "Deployment", "BundledFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Synthetic stores and the benchmark suite measured on them.
        .target(name: "SyntheticStore", dependencies: ["PlanModel", "PlanStore"]),
        .executableTarget(
            name: "duban-bench",
            dependencies: [
                "SyntheticStore", "PlanStore", "PlanModel", "PlanReports", "Dashboard", "DashboardStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel", "TextWidth", "SyntheticStore"]),
        .testTarget(name: "PlanImportTests", dependencies: ["PlanImport", "PlanModel"]),
        // Links libzip itself to write the .docx files it reads back.
        .testTarget(name: "DocumentTextTests", dependencies: ["DocumentText", "PlanImport", "PlanModel", "CLibZip"],
                    swiftSettings: libxml2Headers, linkerSettings: [.linkedLibrary("zip")]),
        .testTarget(name: "PlanReportsTests", dependencies: ["PlanReports", "PlanModel", "OfficeFiles", "TextWidth"]),
        .testTarget(name: "PlanStoreTests", dependencies: ["PlanStore", "PlanModel", "PlanImport", "SyntheticStore"]),
        .testTarget(name: "ScreenKitTests", dependencies: ["ScreenKit", "TextWidth"]),
        // DashboardStore and PlanStore only for the views on the real sample store.
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "DashboardStore", "ScreenKit", "PlanModel", "PlanStore", "TextWidth"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "ScreenKit", "CNcursesw"]),
        .testTarget(name: "EndToEndTests", dependencies: ["duban"], exclude: ["Support/ptybytes.py", "Support/office_read.py"]),
        .testTarget(name: "DeploymentTests", dependencies: ["Deployment", "BundledFiles", "PlanStore", "PlanModel"]),
        .testTarget(name: "BenchTests", dependencies: ["SyntheticStore", "PlanStore", "PlanModel"]),
    ]
)
