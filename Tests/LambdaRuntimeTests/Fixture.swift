import Foundation
import SystemSupport
import Testing

@testable import LambdaRuntime

/// Fixture handlers and helpers shared by the runtime tests.
enum Fixture {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  static let hasPython = Interpreter.find("python3", in: searchPath) != nil
  static let hasNode = Interpreter.find("node", in: searchPath) != nil

  /// A function over the fixture folder of `runtime` with `handler`.
  static func function(
    _ runtime: LambdaRuntimeKind, _ handler: String, timeout: Double = 5, memoryMB: Int = 256,
    environment: [String: String] = [:], reserved: Int? = nil, provisioned: Int = 0,
    idleTimeout: Double = 300
  ) throws -> LambdaFunction {
    let folder = runtime == .python ? "python" : runtime == .nodejs ? "node" : "provided"
    let configuration = FunctionConfiguration(
      name: "fixture-\(handler.replacingOccurrences(of: ".", with: "-"))",
      codePath: AbsolutePath(validating: root.appendingPathComponent(folder).path)!,
      handler: handler, runtime: runtime,
      timeout: timeout, memoryMB: memoryMB, environment: environment,
      reservedConcurrency: reserved, provisionedConcurrency: provisioned,
      idleTimeout: idleTimeout)
    return try LambdaFunction(configuration: configuration)
  }

  /// Shuts the function down and reports whether every process it started is gone.
  static func shutDownLeavesNothing(_ function: LambdaFunction) -> Bool {
    function.shutdown()
    let groups = function.environments.map(\.processID)
    return ProcessTable.allGone(groups)
  }

  static func json(_ text: String) -> Data { Data(text.utf8) }

  /// The result parsed as a JSON object.
  static func object(_ record: InvocationRecord) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: record.result, options: [.fragmentsAllowed]))
      as? [String: Any] ?? [:]
  }

  /// Checks the START/END/REPORT lines of a record.
  static func expectPlatformLines(
    _ record: InvocationRecord, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let id = record.requestID
    let lines = record.logs.split(separator: "\n").map(String.init)
    #expect(
      lines.contains("START RequestId: \(id) Version: $LATEST"), sourceLocation: sourceLocation)
    #expect(lines.contains("END RequestId: \(id)"), sourceLocation: sourceLocation)
    let report = lines.first { $0.hasPrefix("REPORT RequestId: \(id)\t") } ?? ""
    let fields = report.split(separator: "\t").map(String.init)
    #expect(fields.count >= 5, "REPORT line: \(report)", sourceLocation: sourceLocation)
    guard fields.count >= 5 else { return }
    #expect(fields[1].hasPrefix("Duration: ") && fields[1].hasSuffix(" ms"))
    #expect(fields[2] == "Billed Duration: \(record.billedDurationMs) ms")
    #expect(fields[3] == "Memory Size: \(record.memorySizeMB) MB")
    #expect(fields[4] == "Max Memory Used: \(record.maxMemoryUsedMB) MB")
    if record.cold && record.status == .success {
      #expect(fields.last?.hasPrefix("Init Duration: ") == true, sourceLocation: sourceLocation)
    }
  }
}
