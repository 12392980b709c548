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
    .target(name: "Terminal", dependencies: ["Markdown", "SystemSupport"]),
    .target(name: "Course", dependencies: ["SystemSupport"]),
    .target(name: "Progress", dependencies: ["SystemSupport"]),
    .target(name: "Quiz", dependencies: ["Course", "Markdown", "Progress"]),
    .target(name: "HTTP", dependencies: ["SystemSupport"]),
    .target(
      name: "LambdaRuntime", dependencies: ["HTTP", "SystemSupport"],
      // The bootstraps are real scripts, compiled into the binary as byte arrays.
      resources: [
        .embedInCode("Bootstrap/Scripts/bootstrap.py"),
        .embedInCode("Bootstrap/Scripts/lambdalings_runtime.py"),
        .embedInCode("Bootstrap/Scripts/bootstrap.cjs"),
      ]),
    .target(name: "LocalAWS", dependencies: ["HTTP", "LambdaRuntime", "SystemSupport"]),
    .target(name: "Workspace", dependencies: ["Course", "Progress", "SystemSupport"]),
    .target(
      name: "Grader",
      dependencies: ["Course", "LambdaRuntime", "APIGateway", "HTTP", "SystemSupport"]),
    .target(
      name: "APIGateway", dependencies: ["YAML", "LambdaRuntime", "HTTP", "SystemSupport"]),
    .target(
      name: "CourseValidation",
      dependencies: ["Course", "Quiz", "Grader", "LambdaRuntime", "Markdown", "SystemSupport"]),
    .target(
      name: "CLI",
      dependencies: [
        "SystemSupport", "Markdown", "Terminal", "Course", "Progress", "Quiz", "LambdaRuntime",
        "Workspace", "Grader", "HTTP", "LocalAWS", "YAML", "APIGateway", "CourseValidation",
      ]
    ),
    .executableTarget(name: "lambdalings", dependencies: ["CLI"]),
    .executableTarget(
      name: "lambdalings-bench",
      dependencies: [
        "Markdown", "Terminal", "LambdaRuntime", "SystemSupport", "HTTP", "LocalAWS",
        "APIGateway",
      ],
      path: "Benchmarks/lambdalings-bench"
    ),
    // A helper the Progress tests run as separate processes; not a product.
    .executableTarget(
      name: "progress-stress", dependencies: ["Progress"], path: "Tests/ProgressStress"),
    .testTarget(name: "SystemSupportTests", dependencies: ["SystemSupport"]),
    .testTarget(name: "HTTPTests", dependencies: ["HTTP"]),
    .testTarget(name: "LocalAWSTests", dependencies: ["LocalAWS", "HTTP", "LambdaRuntime"]),
    .testTarget(name: "MarkdownTests", dependencies: ["Markdown"], exclude: ["Fixtures"]),
    .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
    .testTarget(
      name: "APIGatewayTests", dependencies: ["APIGateway", "YAML", "LambdaRuntime", "HTTP"]),
    .testTarget(
      name: "TerminalTests", dependencies: ["Terminal", "Markdown"],
      exclude: ["Fixtures", "Snapshots"]),
    .testTarget(name: "CourseTests", dependencies: ["Course"]),
    .testTarget(
      name: "ProgressTests", dependencies: ["Progress", "SystemSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "QuizTests", dependencies: ["Quiz", "Course", "Markdown", "Progress"]),
    .testTarget(
      name: "LambdaRuntimeTests", dependencies: ["LambdaRuntime", "SystemSupport"],
      exclude: ["Fixtures", "EventFixtures"]),
    .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "Course", "Progress"]),
    .testTarget(
      name: "GraderTests", dependencies: ["Grader", "Course", "LambdaRuntime"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "CourseValidationTests", dependencies: ["CourseValidation", "Course", "Quiz"]),
    .testTarget(name: "CLITests", dependencies: ["CLI", "SystemSupport", "HTTP"]),
  ],
  swiftLanguageModes: [.v6]
)
