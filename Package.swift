// swift-tools-version:6.0
import PackageDescription

// Lambdalings has no package dependencies: only the toolchain, Foundation, Dispatch and libc.
// Dependencies between modules point one way; see docs/architecture.md.
let package = Package(
  name: "lambdalings",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "lambdalings", targets: ["lambdalings"]),
    .executable(name: "lambdalings-bench", targets: ["lambdalings-bench"]),
  ],
  targets: [
    .target(name: "SystemSupport"),
    .target(name: "Markdown"),
    .target(name: "YAML"),
    .target(name: "JSON"),
    .target(name: "Terminal", dependencies: ["Markdown", "SystemSupport"]),
    .target(name: "Course", dependencies: ["JSON", "SystemSupport"]),
    .target(name: "Progress", dependencies: ["JSON", "SystemSupport"]),
    .target(name: "Quiz", dependencies: ["Course", "Markdown", "Progress"]),
    .target(name: "HTTP", dependencies: ["SystemSupport"]),
    .target(
      name: "LambdaRuntime", dependencies: ["JSON", "HTTP", "SystemSupport"],
      // The bootstraps are real scripts, compiled into the binary as byte arrays.
      resources: [
        .embedInCode("Bootstrap/Scripts/bootstrap.py"),
        .embedInCode("Bootstrap/Scripts/lambdalings_runtime.py"),
        .embedInCode("Bootstrap/Scripts/bootstrap.cjs"),
      ]),
    .target(
      name: "LocalAWS", dependencies: ["JSON", "HTTP", "LambdaRuntime", "SystemSupport"]),
    .target(name: "Workspace", dependencies: ["Course", "Progress", "SystemSupport"]),
    .target(
      name: "Grader",
      dependencies: [
        "JSON", "Course", "LambdaRuntime", "APIGateway", "HTTP", "LocalAWS", "SystemSupport",
      ]
    ),
    .target(
      name: "APIGateway",
      dependencies: ["JSON", "YAML", "LambdaRuntime", "HTTP", "SystemSupport"]),
    .target(
      name: "CourseValidation",
      dependencies: ["Course", "Quiz", "Grader", "LambdaRuntime", "Markdown", "SystemSupport"]),
    .target(
      name: "CLI",
      dependencies: [
        "SystemSupport", "JSON", "Markdown", "Terminal", "Course", "Progress", "Quiz",
        "LambdaRuntime", "Workspace", "Grader", "HTTP", "LocalAWS", "YAML", "APIGateway",
        "CourseValidation",
      ]
    ),
    .executableTarget(
      name: "lambdalings", dependencies: ["CLI"],
      // On Linux the Swift runtime and Foundation are linked into the binary: a dynamically
      // linked start resolves and relocates about 20 MB of shared libraries on every run,
      // half of what `--version` cost and a third of a listing (BENCHMARKS.md, "Static
      // linking"). macOS ships the Swift runtime in the OS, so there is nothing to do there.
      linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))]
        + [
          "CoreFoundation", "_FoundationICU", "FoundationEssentials",
          "FoundationInternationalization", "_FoundationCShims", "_FoundationCollections",
          "swiftSynchronization",
        ].map { .linkedLibrary($0, .when(platforms: [.linux])) }),
    .executableTarget(
      name: "lambdalings-bench",
      dependencies: [
        "JSON", "Markdown", "Terminal", "LambdaRuntime", "SystemSupport", "HTTP", "LocalAWS",
        "APIGateway",
      ],
      path: "Benchmarks/lambdalings-bench"
    ),
    // A helper the Progress tests run as separate processes; not a product.
    .executableTarget(
      name: "progress-stress", dependencies: ["Progress"], path: "Tests/ProgressStress"),
    .testTarget(name: "SystemSupportTests", dependencies: ["SystemSupport"]),
    .testTarget(name: "HTTPTests", dependencies: ["HTTP", "SystemSupport"]),
    .testTarget(name: "LocalAWSTests", dependencies: ["JSON", "LocalAWS", "HTTP", "LambdaRuntime"]),
    .testTarget(name: "MarkdownTests", dependencies: ["Markdown"], exclude: ["Fixtures"]),
    .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
    .testTarget(name: "JSONTests", dependencies: ["JSON"]),
    .testTarget(
      name: "APIGatewayTests", dependencies: ["JSON", "APIGateway", "YAML", "LambdaRuntime", "HTTP"]),
    .testTarget(
      name: "TerminalTests", dependencies: ["Terminal", "Markdown"],
      exclude: ["Fixtures", "Snapshots"]),
    .testTarget(name: "CourseTests", dependencies: ["JSON", "Course"]),
    .testTarget(
      name: "ProgressTests", dependencies: ["JSON", "Progress", "SystemSupport"],
      exclude: ["Fixtures"]),
    .testTarget(name: "QuizTests", dependencies: ["Quiz", "Course", "Markdown", "Progress"]),
    .testTarget(
      name: "LambdaRuntimeTests", dependencies: ["JSON", "LambdaRuntime", "SystemSupport"],
      exclude: ["Fixtures", "EventFixtures"]),
    .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "Course", "Progress"]),
    .testTarget(
      name: "GraderTests",
      dependencies: [
        "JSON", "Grader", "Course", "LambdaRuntime", "LocalAWS", "CLI", "SystemSupport", "HTTP",
      ],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "CourseValidationTests", dependencies: ["CourseValidation", "Course", "Quiz"]),
    .testTarget(
      name: "CLITests", dependencies: ["JSON", "CLI", "SystemSupport", "HTTP"],
      exclude: ["Fixtures"]),
  ],
  swiftLanguageModes: [.v6]
)
