import Foundation
import HTTP
import LambdaRuntime
import SystemSupport

/// The Lambda API (2015-03-31, REST-JSON) over stored state and the local runtime.
///
/// Every operation runs under one lock (`locked`, over `Guarded`) except invocations, which
/// run outside it on their own `LambdaFunction` (one per function version, created at the first
/// invoke and shut down when the version's code or configuration changes).
final class LambdaService: Sendable {
  let store: LocalAWSStore
  let logs: LogStore
  let region: String
  let account = "123456789012"
  /// Told of each invocation that ran, when it ends.
  let onInvocation: (@Sendable (FinishedInvocation) -> Void)?
  /// Everything the operations change, behind the lock that owns it.
  let guarded: Locked<Guarded>
  /// The routes; set once by `init` (they call this instance's operations, so they can only be
  /// made once it exists) and copied out for each request.
  private let routes = Locked(HTTPRouter())

  /// The state the operations share.
  struct Guarded: Sendable {
    var state: LocalAWSState
    var runtimes: [String: LambdaFunction] = [:]
    /// Invocations running now, per function (for reserved concurrency).
    var inFlight: [String: Int] = [:]
    /// Log stream names by runtime instance and environment id.
    var streams: [String: String] = [:]
    /// Asynchronous invokers by function, qualifier and event invoke configuration.
    var asyncInvokers: [String: AsyncInvoker] = [:]
  }

  init(
    store: LocalAWSStore, logs: LogStore, region: String,
    onInvocation: (@Sendable (FinishedInvocation) -> Void)? = nil
  ) throws {
    self.onInvocation = onInvocation
    self.store = store
    self.logs = logs
    self.region = region
    guarded = Locked(Guarded(state: try store.load()))
    let router = makeRouter()
    routes.withLock { $0 = router }
  }

  /// Answers one Lambda API request.
  func handle(_ request: HTTPRequest) -> HTTPResponse {
    routes.withLock { $0 }.handle(request)
  }

  /// Stops every runtime environment.
  func shutdown() {
    let all = guarded.withLock { guarded -> [LambdaFunction] in
      let values = Array(guarded.runtimes.values)
      guarded.runtimes.removeAll()
      return values
    }
    for function in all { function.shutdown() }
  }

  typealias Operation = @Sendable (HTTPRequest, [String: String]) throws(AWSError) -> HTTPResponse

  private func makeRouter() -> HTTPRouter {
    var router = HTTPRouter(
      notFound: { request in
        AWSError(
          status: 404, type: "UnknownOperationException",
          message: "lambdalings serve has no Lambda operation at \(request.method) \(request.path)"
        ).restResponse
      },
      methodNotAllowed: { request in
        AWSError(
          status: 405, type: "UnknownOperationException",
          message: "\(request.method) is not a Lambda operation on \(request.path)"
        ).restResponse
      })
    let functions = "/2015-03-31/functions"
    let routes: [(String, String, String, Operation)] = [
      ("POST", functions, "CreateFunction", createFunction),
      ("GET", functions, "ListFunctions", listFunctions),
      ("GET", functions + "/{name}", "GetFunction", getFunction),
      ("DELETE", functions + "/{name}", "DeleteFunction", deleteFunction),
      ("GET", functions + "/{name}/configuration", "GetFunctionConfiguration", getConfiguration),
      (
        "PUT", functions + "/{name}/configuration", "UpdateFunctionConfiguration",
        updateConfiguration
      ),
      ("PUT", functions + "/{name}/code", "UpdateFunctionCode", updateCode),
      ("POST", functions + "/{name}/invocations", "Invoke", invoke),
      ("POST", functions + "/{name}/versions", "PublishVersion", publishVersion),
      ("GET", functions + "/{name}/versions", "ListVersionsByFunction", listVersions),
      ("POST", functions + "/{name}/aliases", "CreateAlias", createAlias),
      ("GET", functions + "/{name}/aliases", "ListAliases", listAliases),
      ("GET", functions + "/{name}/aliases/{alias}", "GetAlias", getAlias),
      ("PUT", functions + "/{name}/aliases/{alias}", "UpdateAlias", updateAlias),
      ("DELETE", functions + "/{name}/aliases/{alias}", "DeleteAlias", deleteAlias),
      ("PUT", "/2017-10-31/functions/{name}/concurrency", "PutFunctionConcurrency", putConcurrency),
      ("GET", "/2019-09-30/functions/{name}/concurrency", "GetFunctionConcurrency", getConcurrency),
      (
        "DELETE", "/2017-10-31/functions/{name}/concurrency", "DeleteFunctionConcurrency",
        deleteConcurrency
      ),
      (
        "PUT", "/2019-09-30/functions/{name}/provisioned-concurrency",
        "PutProvisionedConcurrencyConfig", putProvisioned
      ),
      (
        "GET", "/2019-09-30/functions/{name}/provisioned-concurrency",
        "GetProvisionedConcurrencyConfig", getProvisioned
      ),
      (
        "PUT", "/2019-09-25/functions/{name}/event-invoke-config", "PutFunctionEventInvokeConfig",
        putEventInvokeConfig
      ),
      (
        "POST", "/2019-09-25/functions/{name}/event-invoke-config",
        "UpdateFunctionEventInvokeConfig", putEventInvokeConfig
      ),
      (
        "GET", "/2019-09-25/functions/{name}/event-invoke-config", "GetFunctionEventInvokeConfig",
        getEventInvokeConfig
      ),
      ("GET", "/2016-08-19/account-settings", "GetAccountSettings", accountSettings),
      ("POST", functions + "/{name}/policy", "AddPermission", addPermission),
      ("GET", functions + "/{name}/policy", "GetPolicy", getPolicy),
      ("DELETE", functions + "/{name}/policy/{sid}", "RemovePermission", removePermission),
      (
        "DELETE", "/2019-09-30/functions/{name}/provisioned-concurrency",
        "DeleteProvisionedConcurrencyConfig", deleteProvisioned
      ),
      (
        "DELETE", "/2019-09-25/functions/{name}/event-invoke-config",
        "DeleteFunctionEventInvokeConfig", deleteEventInvokeConfig
      ),
    ]
    for (method, pattern, name, operation) in routes {
      router.add(method, pattern) { request, parameters in
        var response: HTTPResponse
        do {
          response = try operation(request, parameters)
        } catch {
          response = (error as? AWSError ?? .service("\(error)")).restResponse
        }
        response.headers.append((LocalAWSEndpoint.operationHeader, name))
        return response
      }
    }
    return router
  }

  // MARK: - Shared helpers

  /// `name`, `name:qualifier`, `123456789012:function:name[:q]` or a full ARN.
  func parseName(_ raw: String, qualifier: String? = nil) throws(AWSError) -> (
    name: String, qualifier: String?
  ) {
    var parts = raw.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    if parts.first == "arn" {
      guard parts.count >= 7, parts[2] == "lambda", parts[5] == "function" else {
        throw .invalid("\(raw) is not a Lambda function ARN")
      }
      parts = Array(parts[6...])
    } else if parts.count >= 3, parts[1] == "function" {
      parts = Array(parts[2...])
    }
    guard parts.count <= 2, let name = parts.first, LambdaService.isValidName(name) else {
      throw .invalid(
        "Function name '\(raw)' is not valid: use 1-64 letters, digits, hyphens or underscores")
    }
    let inName = parts.count == 2 ? parts[1] : nil
    if let inName, let qualifier, inName != qualifier {
      throw .invalid(
        "The derived qualifier from the function name does not match the specified qualifier.")
    }
    return (name, qualifier ?? inName)
  }

  static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 64
      && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
  }

  func functionARN(_ name: String, qualifier: String? = nil) -> String {
    "arn:aws:lambda:\(region):\(account):function:\(name)" + (qualifier.map { ":\($0)" } ?? "")
  }

  /// The stored function, from inside `locked`.
  func existing(
    _ name: String, qualifier: String? = nil, in guarded: Guarded
  ) throws(AWSError) -> FunctionState {
    guard let function = guarded.state.functions[name] else {
      throw .notFound("Function not found: \(functionARN(name, qualifier: qualifier))")
    }
    return function
  }

  /// Saves the state, from inside `locked`; a failed write is a ServiceException and the
  /// change is undone.
  func commit(_ previous: LocalAWSState, to guarded: inout Guarded) throws(AWSError) {
    do {
      try store.save(guarded.state)
    } catch {
      guarded.state = previous
      throw .service("Could not save serve state under \(store.folder): \(error)")
    }
  }

  static func json(_ status: Int, _ object: [String: Any]) -> HTTPResponse {
    HTTPResponse(
      status: status, headers: [("Content-Type", "application/json")],
      body: JSONBody.encode(object))
  }

  static func timestamp(_ date: Date = Date()) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSZ"
    return formatter.string(from: date)
  }

  static func revision() -> String { UUID().uuidString.lowercased() }
}

extension LambdaService {
  /// Runs `body` with the shared state under its lock, keeping its typed error.
  func locked<Value>(_ body: (inout Guarded) throws(AWSError) -> Value) throws(AWSError) -> Value {
    let outcome = guarded.withLock { guarded in
      Result { () throws(AWSError) -> Value in try body(&guarded) }
    }
    return try outcome.get()
  }
}
