import Foundation
import LambdaRuntime

/// A function the grader invokes: the seam between the grading logic (cases, scenarios,
/// deliveries, what is checked and skipped) and what runs the handler. The real one is
/// LambdaRuntime's `LambdaFunction`; tests put an in-memory fake behind it, so the grading
/// logic is tested without python3 or node.
public protocol GradedFunction: AnyObject, Sendable {
  /// The configuration the function runs with (its ARN, timeout, handler...).
  var configuration: FunctionConfiguration { get }
  /// One synchronous invocation; never throws (errors, timeouts and throttles are records).
  /// `requestID` keeps one id across the retries of one asynchronous event.
  func invoke(_ event: Data, qualifier: String?, requestID: String?) -> InvocationRecord
  /// Stops every environment of the function.
  func shutdown()
}

/// Makes the functions of a grading run.
public protocol GradedFunctionMaker: Sendable {
  /// Finds what every function of `runtime` needs (the interpreter on `searchPath`) once,
  /// before functions are made on several threads at once; throws when it is missing.
  func prepare(_ runtime: LambdaRuntimeKind, searchPath: String?) throws
  /// A function for `configuration`; throws when it cannot be made.
  func make(_ configuration: FunctionConfiguration) throws -> any GradedFunction
}

extension LambdaFunction: GradedFunction {
  public func invoke(_ event: Data, qualifier: String?, requestID: String?) -> InvocationRecord {
    invoke(event: event, clientContext: nil, qualifier: qualifier, requestID: requestID)
  }
}

/// The real maker: functions on the embedded Lambda runtime, running the learner's handler in
/// python3 or node.
public struct RuntimeFunctionMaker: GradedFunctionMaker {
  public init() {}

  public func prepare(_ runtime: LambdaRuntimeKind, searchPath: String?) throws {
    _ = try Interpreter.resolve(runtime, path: searchPath)
  }

  public func make(_ configuration: FunctionConfiguration) throws -> any GradedFunction {
    try LambdaFunction(configuration: configuration)
  }
}
