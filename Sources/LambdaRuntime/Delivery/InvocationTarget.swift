import Foundation

/// What an invoker or poller calls: a function ARN, its timeout, and a synchronous invoke.
///
/// Built from a `LambdaFunction` in normal use; tests build one from a closure so the retry and
/// batching rules can be checked without starting a runtime.
public struct InvocationTarget: Sendable {
  /// `arn:aws:lambda:<region>:123456789012:function:<name>`.
  public var functionARN: String
  /// The function timeout in seconds (for the visibility-timeout warning).
  public var timeout: Double
  /// Runs one synchronous invocation of `event` with request id `requestID`.
  public var invoke: @Sendable (_ event: Data, _ requestID: String) -> InvocationRecord

  public init(
    functionARN: String, timeout: Double,
    invoke: @escaping @Sendable (_ event: Data, _ requestID: String) -> InvocationRecord
  ) {
    self.functionARN = functionARN
    self.timeout = timeout
    self.invoke = invoke
  }

  /// A target that invokes `function` on the local runtime.
  public init(function: LambdaFunction) {
    functionARN = function.configuration.functionARN
    timeout = function.configuration.timeout
    invoke = { event, requestID in function.invoke(event: event, requestID: requestID) }
  }
}
