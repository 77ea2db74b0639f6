// swift-tools-version:6.1
import PackageDescription

// Dependencies point one way:
// PlanModel ← PlanImport / PlanStore / PlanReports ← Dashboard ← Terminal ← duban
// OfficeFiles (xlsx, docx) ← PlanReports
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
        // libxlsxwriter and libzip (Debian libxlsxwriter-dev, libzip-dev): workbooks and documents.
        .systemLibrary(name: "CXlsxWriter", path: "Sources/CXlsxWriter"),
        .systemLibrary(name: "CZip", path: "Sources/CZip"),
        // Workbooks and official documents from titled tables, knowing nothing of plans.
        .target(name: "OfficeFiles", dependencies: ["CXlsxWriter", "CZip", "TextWidth"]),
        .target(name: "TextWidth"),
        .target(name: "PlanModel", dependencies: ["TextWidth"]),
        .target(name: "PlanImport", dependencies: ["PlanModel"]),
        .target(name: "PlanStore", dependencies: ["PlanModel"]),
        .target(name: "PlanReports", dependencies: ["PlanModel", "OfficeFiles", "TextWidth"]),
        .target(name: "Dashboard", dependencies: ["PlanModel", "PlanStore", "PlanReports", "TextWidth"]),
        .target(name: "Terminal", dependencies: ["Dashboard", "CNcursesw", "TextWidth"]),
        .executableTarget(
            name: "duban",
            dependencies: [
                "PlanModel", "PlanImport", "PlanStore", "PlanReports", "OfficeFiles", "Dashboard", "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Synthetic stores and the benchmark suite measured on them.
        .target(name: "SyntheticStore", dependencies: ["PlanModel", "PlanStore"]),
        .executableTarget(
            name: "duban-bench",
            dependencies: [
                "SyntheticStore", "PlanStore", "PlanModel", "PlanReports", "Dashboard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel", "TextWidth"]),
        .testTarget(name: "PlanImportTests", dependencies: ["PlanImport", "PlanModel"]),
        .testTarget(name: "PlanReportsTests", dependencies: ["PlanReports", "PlanModel", "OfficeFiles", "TextWidth"]),
        .testTarget(name: "PlanStoreTests", dependencies: ["PlanStore", "PlanModel", "PlanImport"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "PlanModel", "PlanStore", "TextWidth"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Dashboard", "CNcursesw"]),
        .testTarget(name: "EndToEndTests", dependencies: ["duban"], exclude: ["Support/ptybytes.py", "Support/office_read.py"]),
        .testTarget(name: "BenchTests", dependencies: ["SyntheticStore", "PlanStore", "PlanModel"]),
    ]
)
