import Foundation
import HTTP
import JSON
import LambdaRuntime

/// Invoke: RequestResponse, Event (202, run in the background) and DryRun (204).
extension LambdaService {
  func invoke(_ request: HTTPRequest, _ parameters: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    let type = request.header("X-Amz-Invocation-Type") ?? "RequestResponse"
    let limit =
      type == "Event" ? LambdaLimits.maxAsyncPayloadBytes : LambdaLimits.maxSyncPayloadBytes
    if request.bodyTooLarge || request.body.count > limit {
      throw .tooLarge("Invoke", limit: limit)
    }
    let (name, qualifier) = try parseName(
      parameters["name"] ?? "", qualifier: request.query("Qualifier"))
    let (function, version) = try runtime(name, qualifier: qualifier)
    switch type {
    case "DryRun":
      return HTTPResponse(status: 204, headers: [("X-Amz-Executed-Version", version)])
    case "Event":
      return try invokeAsync(request, name: name, qualifier: qualifier, version: version)
    case "RequestResponse":
      break
    default:
      throw .invalid("InvocationType must be RequestResponse, Event or DryRun, not \(type)")
    }
    if request.body.isEmpty == false, JSONValue.syntaxError(in: request.body) != nil {
      throw AWSError(
        status: 400, type: "InvalidRequestContentException",
        message: "Could not parse request body into json: the payload is not valid JSON")
    }
    try acquireSlot(name)
    defer { releaseSlot(name) }
    let record = function.invoke(
      event: Data(request.body), clientContext: request.header("X-Amz-Client-Context"))
    switch record.status {
    case .throttled:
      throw .throttled(reason: "ReservedFunctionConcurrentInvocationLimitExceeded")
    case .rejected:
      throw AWSError(
        status: record.statusCode, type: record.errorType ?? "InvalidRequestContentException",
        message: record.resultText)
    default:
      break
    }
    let logs = self.record(record, name: name, version: version, function: function)
    var headers: [(name: String, value: String)] = [
      ("Content-Type", "application/json"), ("X-Amz-Executed-Version", version),
      ("x-amzn-RequestId", record.requestID),
    ]
    if record.isError { headers.append(("X-Amz-Function-Error", "Unhandled")) }
    if request.header("X-Amz-Log-Type") == "Tail" {
      let bytes = Array(logs.utf8)
      let tail = bytes.count > 4096 ? Array(bytes[(bytes.count - 4096)...]) : bytes
      headers.append(("X-Amz-Log-Result", Data(tail).base64EncodedString()))
    }
    return HTTPResponse(status: 200, headers: headers, body: [UInt8](record.result))
  }

  /// The runtime of the version a qualifier names, created on first use.
  func runtime(_ name: String, qualifier: String?) throws(AWSError) -> (LambdaFunction, String) {
    try locked { (guarded: inout Guarded) throws(AWSError) -> (LambdaFunction, String) in
      let stored = try existing(name, qualifier: qualifier, in: guarded)
      guard let (version, versionState) = stored.resolve(qualifier) else {
        throw .notFound("Function not found: \(functionARN(name, qualifier: qualifier))")
      }
      let key = name + "|" + version
      if let running = guarded.runtimes[key] { return (running, version) }
      guard var configuration = store.localConfiguration(name: name, version: versionState)
      else {
        throw .invalid("Runtime \(versionState.runtime) cannot run locally")
      }
      let aliases = stored.aliases.filter { $0.value.functionVersion == version }.map(\.key)
      configuration.provisionedConcurrency =
        ([version] + aliases).compactMap { stored.provisioned[$0] }.max() ?? 0
      configuration.region = region
      configuration.version = version
      do {
        let function = try LambdaFunction(configuration: configuration)
        guarded.runtimes[key] = function
        return (function, version)
      } catch {
        throw .service("The function could not start: \(error)")
      }
    }
  }

  /// Writes an invocation's log lines to `/aws/lambda/NAME`, one stream per environment, and
  /// tells `onInvocation`. Returns the logs as the invocation's caller sees them.
  @discardableResult
  func record(
    _ record: InvocationRecord, name: String, version: String, function: LambdaFunction,
    asynchronous: Bool = false
  ) -> String {
    let logs =
      version == "$LATEST"
      ? record.logs
      : record.logs.replacingOccurrences(of: "Version: $LATEST", with: "Version: \(version)")
    let environment = record.environmentID ?? 0
    let key = "\(ObjectIdentifier(function).hashValue)|\(environment)"
    let stream = guarded.withLock { guarded -> String in
      if let known = guarded.streams[key] { return known }
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.timeZone = TimeZone(identifier: "UTC")
      formatter.dateFormat = "yyyy/MM/dd"
      let id = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
      let name = "\(formatter.string(from: Date()))/[\(version)]\(id)"
      guarded.streams[key] = name
      return name
    }
    var lines = logs.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    if lines.count > 10_000 { lines = Array(lines.suffix(10_000)) }
    logs.isEmpty ? () : self.logs.append(group: "/aws/lambda/\(name)", stream: stream, lines: lines)
    onInvocation?(
      FinishedInvocation(
        function: name, version: version, requestID: record.requestID, errorType: record.errorType,
        asynchronous: asynchronous, logs: logs))
    return logs
  }

  /// Takes one of the function's reserved-concurrency slots, shared by all its versions and
  /// aliases as on AWS; throws the 429 AWS answers when none is free.
  func acquireSlot(_ name: String) throws(AWSError) {
    try locked { (guarded: inout Guarded) throws(AWSError) in
      let current = guarded.inFlight[name, default: 0]
      if let limit = guarded.state.functions[name]?.reservedConcurrency, current >= limit {
        throw .throttled(reason: "ReservedFunctionConcurrentInvocationLimitExceeded")
      }
      guarded.inFlight[name] = current + 1
    }
  }

  /// Gives a slot back.
  func releaseSlot(_ name: String) {
    guarded.withLock { $0.inFlight[name] = max(0, $0.inFlight[name, default: 1] - 1) }
  }
}
