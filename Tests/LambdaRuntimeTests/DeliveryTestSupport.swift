import Foundation
import JSON
import SystemSupport

@testable import LambdaRuntime

/// A scripted function for the delivery tests: every call is recorded, and `respond` decides
/// the outcome, so retry and batching rules run without starting a runtime.
final class ScriptedFunction: Sendable {
  struct Call {
    var event: Data
    var requestID: String
    var at: Double
    var text: String { String(decoding: event, as: UTF8.self) }
    var json: JSONValue? { JSONValue.parse(text) }
  }

  private let recorded = Locked<[Call]>([])
  /// Every call so far, in order.
  var calls: [Call] { recorded.withLock { $0 } }
  let clock: VirtualClock
  let respond: @Sendable (_ event: JSONValue?, _ callNumber: Int) -> InvocationRecord.Status
  let result: @Sendable (_ event: JSONValue?) -> String
  let durationMs: Double

  init(
    clock: VirtualClock, durationMs: Double = 10,
    result: @escaping @Sendable (_ event: JSONValue?) -> String = { _ in "null" },
    respond:
      @escaping @Sendable (_ event: JSONValue?, _ callNumber: Int) ->
      InvocationRecord.Status
  ) {
    self.clock = clock
    self.durationMs = durationMs
    self.result = result
    self.respond = respond
  }

  var target: InvocationTarget {
    InvocationTarget(
      functionARN: "arn:aws:lambda:us-east-1:123456789012:function:scripted", timeout: 3
    ) { [self] event, requestID in
      let number = recorded.withLock { calls -> Int in
        calls.append(Call(event: event, requestID: requestID, at: clock.now))
        return calls.count
      }
      let json = JSONValue.parse(String(decoding: event, as: UTF8.self))
      let status = respond(json, number)
      return ScriptedFunction.record(
        requestID: requestID, status: status, durationMs: durationMs,
        result: status == .success ? result(json) : nil)
    }
  }

  /// A record shaped as the runtime makes them.
  static func record(
    requestID: String, status: InvocationRecord.Status, durationMs: Double = 10,
    result: String? = nil
  ) -> InvocationRecord {
    let errorType: String?
    let body: String
    let code: Int
    switch status {
    case .success:
      errorType = nil
      body = result ?? "null"
      code = 200
    case .throttled:
      errorType = "TooManyRequestsException"
      body = #"{"errorMessage":"Rate Exceeded.","errorType":"TooManyRequestsException"}"#
      code = 429
    case .timeout:
      errorType = "Sandbox.Timedout"
      body =
        #"{"errorMessage":"RequestId: \#(requestID) Error: Task timed out after 3.00 seconds","#
        + #""errorType":"Sandbox.Timedout"}"#
      code = 200
    default:
      errorType = "ValueError"
      body = #"{"errorMessage": "boom", "errorType": "ValueError", "stackTrace": []}"#
      code = 200
    }
    return InvocationRecord(
      requestID: requestID, environmentID: status == .throttled ? nil : 1, cold: false,
      initDurationMs: nil, durationMs: status == .throttled ? 0 : durationMs,
      billedDurationMs: Int(durationMs.rounded(.up)), memorySizeMB: 128, maxMemoryUsedMB: 40,
      status: status, statusCode: code, errorType: errorType, result: Data(body.utf8), logs: "",
      droppedLogBytes: 0, initSpan: nil, invokeSpan: 0...durationMs)
  }
}

/// Parses JSON text in tests (a failed parse is `null`, which every expectation then rejects).
func json(_ text: String) -> JSONValue {
  JSONValue.parse(text) ?? .null
}

/// The member names of an object, in order.
func keys(_ value: JSONValue?) -> [String] {
  value?.objectMembers?.map(\.0) ?? []
}
