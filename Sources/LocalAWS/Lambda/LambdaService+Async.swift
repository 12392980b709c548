import Foundation
import HTTP
import JSON
import LambdaRuntime

/// `InvocationType: Event` through LambdaRuntime's `AsyncInvoker`: the same retries, event age
/// and destinations as `lambdalings invoke --invocation-type Event`, with the function's
/// `PutFunctionEventInvokeConfig` settings. Retries run on a virtual clock, so the minutes AWS
/// waits between attempts pass at once. Records sent to destinations and dead-letter queues
/// are written to the log group `/lambdalings/destinations`, one stream per target
/// (`sqs:failed`), where `aws logs filter-log-events` reads them.
extension LambdaService {
  /// The log group destination records are written to.
  static let destinationLogGroup = "/lambdalings/destinations"

  /// Queues an event; answers 202 with the request id every attempt will carry.
  func invokeAsync(_ request: HTTPRequest, name: String, qualifier: String?, version: String)
    throws(AWSError) -> HTTPResponse
  {
    let invoker = try asyncInvoker(name: name, qualifier: qualifier)
    let answer = invoker.submit(Data(request.body))
    guard let requestID = answer.requestID else {
      throw AWSError(
        status: answer.statusCode, type: answer.errorType ?? "InvalidRequestContentException",
        message: JSONValue.parse(answer.body)?["errorMessage"]?.stringValue ?? answer.body)
    }
    return HTTPResponse(
      status: 202, headers: [("X-Amz-Executed-Version", version), ("x-amzn-RequestId", requestID)])
  }

  /// The invoker for a function and qualifier, made on first use and again whenever its
  /// event invoke configuration changes (older invokers finish the events they hold).
  private func asyncInvoker(name: String, qualifier: String?) throws(AWSError) -> AsyncInvoker {
    let key = qualifier ?? "$LATEST"
    let stored = try locked { (guarded: inout Guarded) throws(AWSError) -> String in
      try existing(name, qualifier: qualifier, in: guarded).eventInvokeConfigs[key] ?? ""
    }
    let cacheKey = "\(name)|\(key)|\(stored)"
    if let known = guarded.withLock({ guarded in guarded.asyncInvokers[cacheKey] }) { return known }
    let configuration = try Self.asyncConfiguration(stored)
    let target = InvocationTarget(
      functionARN: functionARN(name, qualifier: qualifier), timeout: 3
    ) { [self] event, requestID in
      attempt(name: name, qualifier: qualifier, event: event, requestID: requestID)
    }
    let logs = self.logs
    let log = DeliveryLog { entry in
      guard entry.kind == .destination || entry.kind == .deadLetter,
        let target = entry.target, let payload = entry.payload
      else { return }
      logs.append(
        group: LambdaService.destinationLogGroup, stream: target, lines: [payload.compact()])
    }
    do {
      let invoker = try AsyncInvoker(
        target: target, configuration: configuration, log: log, runsInBackground: true)
      return guarded.withLock { guarded in
        if let raced = guarded.asyncInvokers[cacheKey] { return raced }
        guarded.asyncInvokers[cacheKey] = invoker
        return invoker
      }
    } catch {
      throw .invalid("The function's event invoke configuration is invalid: \(error)")
    }
  }

  /// One attempt: the current runtime of the version, its concurrency slot, its logs.
  private func attempt(name: String, qualifier: String?, event: Data, requestID: String)
    -> InvocationRecord
  {
    let function: LambdaFunction
    let version: String
    do {
      (function, version) = try runtime(name, qualifier: qualifier)
    } catch {
      return .refused(
        requestID: requestID, statusCode: error.status, errorType: error.type,
        message: error.message)
    }
    do {
      try acquireSlot(name)
    } catch {
      return .refused(
        requestID: requestID, statusCode: 429, errorType: "TooManyRequestsException",
        message: error.message)
    }
    defer { releaseSlot(name) }
    let record = function.invoke(event: event, requestID: requestID)
    self.record(record, name: name, version: version, function: function, asynchronous: true)
    return record
  }

  /// `PutFunctionEventInvokeConfig` JSON as the invoker's settings.
  static func asyncConfiguration(_ stored: String) throws(AWSError) -> AsyncInvokeConfiguration {
    var configuration = AsyncInvokeConfiguration()
    guard !stored.isEmpty, let document = JSONValue.parse(stored) else { return configuration }
    if let retries = whole(document["MaximumRetryAttempts"]) {
      configuration.maximumRetryAttempts = retries
    }
    if let age = whole(document["MaximumEventAgeInSeconds"]) {
      configuration.maximumEventAgeInSeconds = age
    }
    let destinations = document["DestinationConfig"]
    do {
      if let arn = destinations?["OnSuccess"]?["Destination"]?.stringValue {
        configuration.onSuccess = try DestinationTarget.parse(arn, role: .onSuccess)
      }
      if let arn = destinations?["OnFailure"]?["Destination"]?.stringValue {
        configuration.onFailure = try DestinationTarget.parse(arn, role: .onFailure)
      }
    } catch {
      throw .invalid("The event invoke configuration has a destination Lambda cannot use: \(error)")
    }
    return configuration
  }

  private static func whole(_ value: JSONValue?) -> Int? {
    guard case .number(let text)? = value else { return nil }
    return Int(text)
  }
}
