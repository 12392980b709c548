import Course
import Foundation
import SystemSupport

@testable import Grader
@testable import LambdaRuntime

/// What a fake function answers to one invocation.
enum FakeAnswer: Sendable {
  /// A result (JSON text), with what the function printed.
  case result(String, logs: String = "", durationMs: Double = 5)
  /// The handler raised.
  case error(type: String, message: String, logs: String = "")
  /// The invocation ran out of time.
  case timeout
  /// INIT failed: the file does not load.
  case initFailure(type: String, message: String)
}

/// One call a fake function received.
struct FakeCall: Sendable {
  /// The event as text.
  var event: String
  /// The 1-based number of the call on its function.
  var number: Int
  var qualifier: String?
  var configuration: FunctionConfiguration
}

/// An in-memory function: answers with what `script` says, without python3 or node. The first
/// invocation of each function is a cold start and the later ones are warm, as with one
/// environment on the real runtime.
final class FakeFunction: GradedFunction {
  let configuration: FunctionConfiguration
  private let script: @Sendable (FakeCall) -> FakeAnswer
  private let calls = Locked<[FakeCall]>([])
  private let shutDown = Locked(false)

  init(configuration: FunctionConfiguration, script: @escaping @Sendable (FakeCall) -> FakeAnswer) {
    self.configuration = configuration
    self.script = script
  }

  /// The calls so far, in order.
  var received: [FakeCall] { calls.withLock { $0 } }
  var wasShutDown: Bool { shutDown.withLock { $0 } }

  func invoke(_ event: Data, qualifier: String?, requestID: String?) -> InvocationRecord {
    let call = calls.withLock { calls -> FakeCall in
      let call = FakeCall(
        event: String(decoding: event, as: UTF8.self), number: calls.count + 1,
        qualifier: qualifier, configuration: configuration)
      calls.append(call)
      return call
    }
    let id = requestID ?? UUID().uuidString.lowercased()
    let cold = call.number == 1
    switch script(call) {
    case .result(let text, let logs, let duration):
      return Self.record(id, cold: cold, status: .success, result: text, logs: logs, duration)
    case .error(let type, let message, let logs):
      return Self.record(
        id, cold: cold, status: .error, errorType: type,
        result: Self.errorJSON(type, message, trace: ["  File \"x\", line 1, in handler"]),
        logs: logs, 5)
    case .timeout:
      let seconds = String(format: "%.2f", configuration.timeout)
      return Self.record(
        id, cold: cold, status: .timeout, errorType: "Sandbox.Timedout",
        result: Self.errorJSON(
          "Sandbox.Timedout", "\(id) Task timed out after \(seconds) seconds", trace: []),
        logs: "", configuration.timeout * 1000)
    case .initFailure(let type, let message):
      var record = Self.record(
        id, cold: true, status: .error, errorType: type,
        result: Self.errorJSON(type, message, trace: []), logs: "INIT failed\n", 1)
      record.initFailed = true
      return record
    }
  }

  func shutdown() { shutDown.withLock { $0 = true } }

  static func errorJSON(_ type: String, _ message: String, trace: [String]) -> String {
    let lines = trace.map { ExpectationChecker.quoted($0) }.joined(separator: ",")
    return "{\"errorType\":\(ExpectationChecker.quoted(type)),"
      + "\"errorMessage\":\(ExpectationChecker.quoted(message)),\"stackTrace\":[\(lines)]}"
  }

  static func record(
    _ id: String, cold: Bool, status: InvocationRecord.Status, errorType: String? = nil,
    result: String, logs: String, _ durationMs: Double
  ) -> InvocationRecord {
    InvocationRecord(
      requestID: id, environmentID: 1, cold: cold, initDurationMs: cold ? 10 : nil,
      durationMs: durationMs, billedDurationMs: Int(durationMs.rounded(.up)), memorySizeMB: 128,
      maxMemoryUsedMB: 30, status: status, statusCode: 200, errorType: errorType,
      result: Data(result.utf8), logs: "START RequestId: \(id)\n\(logs)END RequestId: \(id)\n",
      droppedLogBytes: 0, initSpan: nil, invokeSpan: 0...1)
  }
}

/// Makes fake functions that all follow `script`, and keeps them for the test to look at.
final class FakeFunctionMaker: GradedFunctionMaker {
  private let script: @Sendable (FakeCall) -> FakeAnswer
  private let made = Locked<[FakeFunction]>([])
  /// When set, `prepare` and `make` fail as a machine without the interpreter does.
  let missingInterpreter: Bool

  init(missingInterpreter: Bool = false, script: @escaping @Sendable (FakeCall) -> FakeAnswer) {
    self.missingInterpreter = missingInterpreter
    self.script = script
  }

  /// Every function made, in order.
  var functions: [FakeFunction] { made.withLock { $0 } }

  /// Every call on every function.
  var calls: [FakeCall] { functions.flatMap(\.received) }

  func prepare(_ runtime: LambdaRuntimeKind, searchPath: String?) throws {
    if missingInterpreter { throw Self.notFound }
  }

  func make(_ configuration: FunctionConfiguration) throws -> any GradedFunction {
    if missingInterpreter { throw Self.notFound }
    let function = FakeFunction(configuration: configuration, script: script)
    made.withLock { $0.append(function) }
    return function
  }

  static let notFound = LambdaRuntimeError.interpreterNotFound(
    program: "python3", runtime: "python", installHint: "install it")
}

/// Course's `Expectation`, named where Swift Testing's `Expectation` is not in scope.
typealias CaseExpectation = Expectation
