import Foundation
import HTTP
import LambdaRuntime
import SystemSupport

/// The local API Gateway: routes requests to the template's functions on the local runtime,
/// with the events, responses, errors, timeouts and CORS of API Gateway. Thread-safe; each
/// function keeps its warm environments between requests until `shutdown`.
public final class APIGateway: Sendable {
  /// What happened to one request, for the server's log line.
  public struct Exchange: Sendable, Equatable {
    public var method: String
    public var path: String
    public var status: Int
    public var milliseconds: Double
    /// The function that ran (nil when the gateway answered alone).
    public var function: String?
    public var cold: Bool?
    /// Why the gateway answered with an error, when it did.
    public var reason: String?
    /// The invocation's log lines (START, the function's output, END, REPORT), when the
    /// function ran and finished within the integration timeout.
    public var logs: String?

    /// `GET /hello 200 3.1 ms hello warm`.
    public var logLine: String {
      var line = "\(method) \(path) \(status) " + String(format: "%.1f ms", milliseconds)
      if let function { line += " \(function)" + (cold.map { $0 ? " cold" : " warm" } ?? "") }
      if let reason { line += " (\(reason))" }
      return line
    }
  }

  /// API Gateway's payload limit: 10 MB.
  public static let maxBodyBytes = 10 * 1024 * 1024

  public let template: APITemplate
  let table: RouteTable
  /// Each function's runtime pool, by the template's function name, created on first use.
  let functions = Locked<[String: LambdaFunction]>([:])
  /// Called with the function name and the record of an invocation that finished after the
  /// gateway had already answered (integration timeout), so its logs are not lost.
  let lateInvocation: (@Sendable (String, InvocationRecord) -> Void)?

  public init(
    template: APITemplate, lateInvocation: (@Sendable (String, InvocationRecord) -> Void)? = nil
  ) {
    self.template = template
    table = RouteTable(template.routes)
    self.lateInvocation = lateInvocation
  }

  deinit { shutdown() }

  /// Stops every function environment; later requests start cold ones.
  public func shutdown() {
    let running = functions.withLock { functions -> [LambdaFunction] in
      let all = Array(functions.values)
      functions.removeAll()
      return all
    }
    for function in running { function.shutdown() }
  }

  /// The answer to one request (the caller says whether its body went over the limit).
  public func handle(_ request: GatewayRequest, bodyTooLarge: Bool = false) -> (
    HTTPResponse, Exchange
  ) {
    let started = Date()
    var exchange = Exchange(
      method: request.method, path: request.path, status: 0, milliseconds: 0)
    let response = answer(request, bodyTooLarge: bodyTooLarge, exchange: &exchange)
    exchange.status = response.status
    exchange.milliseconds = Date().timeIntervalSince(started) * 1000
    return (response, exchange)
  }

  var hasHTTPAPI: Bool { template.routes.contains { $0.api == .http } }

  func answer(_ request: GatewayRequest, bodyTooLarge: Bool, exchange: inout Exchange)
    -> HTTPResponse
  {
    if bodyTooLarge || request.body.count > Self.maxBodyBytes {
      exchange.reason = "body over 10 MB"
      return .json(413, #"{"message":"Request Entity Too Large"}"#)
    }
    if CORSPolicy.isPreflight(request) {
      let candidates = table.routes(forPath: request.path)
      if let cors = candidates.compactMap(\.cors).first {
        exchange.reason = "CORS preflight"
        return CORSPolicy.preflight(request, cors: cors, routeMethods: candidates.map(\.method))
      }
    }
    guard let match = table.match(method: request.method, path: request.path) else {
      exchange.reason = "no route"
      return hasHTTPAPI
        ? .json(404, #"{"message":"Not Found"}"#)
        : .json(403, #"{"message":"Missing Authentication Token"}"#)
    }
    let route = match.route
    exchange.function = route.function
    var response = invoke(request, match: match, exchange: &exchange)
    if route.api == .http, let cors = route.cors {
      response = CORSPolicy.decorate(response, request: request, cors: cors)
    }
    return response
  }

  /// Runs the route's function on the event and maps its result.
  func invoke(_ request: GatewayRequest, match: RouteTable.Match, exchange: inout Exchange)
    -> HTTPResponse
  {
    let route = match.route
    let function: LambdaFunction
    do {
      function = try self.function(named: route.function)
    } catch {
      exchange.reason = "\(error)"
      return ProxyResult.internalError(route.api)
    }
    let event = ProxyEvent.build(
      request, match: match, stage: template.stage, binaryMediaTypes: template.binaryMediaTypes)
    let payload = Data(event.compact().utf8)
    let record: InvocationRecord
    if function.configuration.timeout <= route.integrationTimeout {
      record = function.invoke(event: payload)
    } else {
      // The function may outlive the integration: the gateway gives up first.
      // Whoever comes second (the waiting request, or the invocation finishing after the
      // gateway gave up) owns the record; a late one goes to `lateInvocation`.
      let result = Locked<(record: InvocationRecord?, abandoned: Bool)>((nil, false))
      let late = lateInvocation
      let name = route.function
      DispatchQueue.global().async {
        let finished = function.invoke(event: payload)
        let abandoned = result.withLock { state -> Bool in
          state.record = finished
          return state.abandoned
        }
        if abandoned { late?(name, finished) }
      }
      let deadline = ProcessClock.now() + UInt64(route.integrationTimeout * 1_000_000_000)
      let finished =
        result.wait(until: deadline) { $0.record }
        ?? result.withLock { state -> InvocationRecord? in
          if state.record == nil { state.abandoned = true }
          return state.record
        }
      guard let finished else {
        exchange.reason =
          "integration timeout: no answer within \(Self.seconds(route.integrationTimeout)) s"
        return ProxyResult.timedOut(route.api)
      }
      record = finished
    }
    exchange.cold = record.cold
    exchange.logs = record.logs
    let (response, reason) = ProxyResult.response(for: record, route: route)
    exchange.reason = reason
    return response
  }

  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }

  /// The function's runtime pool, created on first use.
  func function(named name: String) throws -> LambdaFunction {
    try functions.withLock { functions in
      if let existing = functions[name] { return existing }
      guard let definition = template.function(named: name) else {
        throw LambdaRuntimeError.invalidConfiguration("no function \(name) in the template")
      }
      let function = try LambdaFunction(configuration: definition.configuration)
      functions[name] = function
      return function
    }
  }

  /// The route table (method, path, function, API and payload version), one route a line, or
  /// two lines a route when the table is wider than `width` columns.
  public func routeTableLines(width: Int = .max) -> [String] {
    let routes = template.routes
    let methodWidth = max(6, routes.map(\.method.count).max() ?? 0)
    let pathWidth = max(4, routes.map(\.path.count).max() ?? 0)
    let functionWidth = max(8, routes.map(\.function.count).max() ?? 0)
    func pad(_ text: String, _ width: Int) -> String {
      text + String(repeating: " ", count: max(0, width - text.count))
    }
    func api(_ route: APIRoute) -> String {
      (route.api == .rest ? "REST" : "HTTP") + (route.cors != nil ? " (CORS)" : "")
    }
    let tableWidth = methodWidth + pathWidth + functionWidth + 11 + 7 + 8
    guard tableWidth <= width else {
      return routes.flatMap { route in
        [
          "\(route.method) \(route.path) -> \(route.function)",
          "  " + (route.api == .rest ? "REST API" : "HTTP API")
            + (route.cors != nil ? ", CORS" : "") + ", payload \(route.payloadVersion)",
        ]
      }
    }
    return [
      pad("METHOD", methodWidth) + "  " + pad("PATH", pathWidth) + "  "
        + pad("FUNCTION", functionWidth) + "  API          PAYLOAD"
    ]
      + routes.map { route in
        pad(route.method, methodWidth) + "  " + pad(route.path, pathWidth) + "  "
          + pad(route.function, functionWidth) + "  " + pad(api(route), 11) + "  "
          + route.payloadVersion
      }
  }
}
