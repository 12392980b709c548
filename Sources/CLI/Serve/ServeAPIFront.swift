import APIGateway
import Foundation
import HTTP
import LambdaRuntime
import SystemSupport

/// The API Gateway front of `serve`: the routes of a `serverless.yml` or SAM template on their
/// own port, a route table at start, one log line per request, and a reload whenever the
/// template or a handler file changes (a broken edit is reported and the last good template
/// keeps serving; the gateway it replaces shuts its functions down once its requests finish).
final class ServeAPIFront: Sendable {
  /// The default API port, as `sam local start-api` uses.
  static let defaultPort = 3000

  let server: HTTPServer
  let templateFile: AbsolutePath
  let stage: String?
  let out: OutputWriter
  let quiet: Bool
  private let state: Locked<State>
  /// The way from gateways (their late invocations) back to this front.
  private let reference: Locked<FrontReference>

  /// The gateway being served, the files watched (checked every 0.3 s by a thread of its own),
  /// and the requests in flight per gateway (a replaced one stays in `retired` until its last
  /// request has its answer).
  private struct State: Sendable {
    var gateway: APIGateway
    var watched: [AbsolutePath: Date] = [:]
    var inFlight: [ObjectIdentifier: Int] = [:]
    var retired: [ObjectIdentifier: APIGateway] = [:]
    /// Set by `stop`: the watcher thread ends.
    var stopped = false
  }

  /// The template to serve: `--template FILE` (or the one in a folder it names), else one in
  /// the current folder, else nil.
  static func templateFile(flag: String?, currentDirectory: AbsolutePath) throws -> AbsolutePath? {
    if let flag {
      let path = AbsolutePath(flag, relativeTo: currentDirectory)
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path.string, isDirectory: &isFolder) else {
        throw CLIError.usage(
          "--template \(flag): no such file; give the path of a serverless.yml or template.yaml")
      }
      guard isFolder.boolValue else { return path }
      // A folder: the template in it, as serve finds one in the current folder.
      guard let found = APITemplate.find(in: path) else {
        throw CLIError.usage(
          "--template \(flag) is a folder with no serverless.yml or template.yaml in it; give the"
            + " path of the template file")
      }
      return found
    }
    return APITemplate.find(in: currentDirectory)
  }

  /// Loads the template (content errors exit 2 with file:line:column) and starts listening.
  init(
    templateFile: AbsolutePath, host: String, port: Int, stage: String?, out: OutputWriter,
    quiet: Bool
  ) throws {
    self.templateFile = templateFile
    self.stage = stage
    self.out = out
    self.quiet = quiet
    // The server and the gateways reach the front before `self` is complete: through this cell.
    let front = Locked(FrontReference())
    reference = front
    state = Locked(
      State(
        gateway: Self.gateway(try Self.load(templateFile, stage: stage), front: front, quiet: quiet)
      ))
    let limits = HTTPLimits(
      maxBodyBytes: APIGateway.maxBodyBytes, maxDiscardBytes: 64 * 1024 * 1024)
    do {
      server = try HTTPServer(
        host: host, port: UInt16(port), limits: limits,
        malformed: { _ in .json(400, #"{"message":"Bad Request"}"#) },
        handler: { request in
          front.withLock { $0.front }?.handle(request) ?? .json(503, #"{"message":"Starting"}"#)
        })
    } catch let error as HTTPSocketError {
      throw ServeCommand.listenFailure(
        error, what: "the API Gateway front", host: host, port: port, flag: "--api-port")
    }
    front.withLock { $0.front = self }
    let files = watchList()
    state.withLock { $0.watched = files }
    startWatching()
  }

  static func load(_ file: AbsolutePath, stage: String?) throws -> APITemplate {
    do {
      return try APITemplate.load(file: file, stage: stage)
    } catch {
      throw CLIError.content(
        shortened(error).description + "\nFix the template and run 'lambdalings serve' again.")
    }
  }

  /// The problems with paths relative to the current folder when they are inside it.
  static func shortened(_ error: TemplateError) -> TemplateError {
    let folder = FileManager.default.currentDirectoryPath + "/"
    return TemplateError(
      error.problems.map { problem in
        var copy = problem
        if copy.file.hasPrefix(folder) { copy.file = String(copy.file.dropFirst(folder.count)) }
        return copy
      })
  }

  /// Answers one request on the API port.
  func handle(_ request: HTTPRequest) -> HTTPResponse {
    let current = state.withLock { state -> APIGateway in
      state.inFlight[ObjectIdentifier(state.gateway), default: 0] += 1
      return state.gateway
    }
    let (response, exchange) = current.handle(
      GatewayRequest(request), bodyTooLarge: request.bodyTooLarge)
    finished(current)
    if !quiet { out.write(logBlock(exchange)) }
    return response
  }

  /// The request line (`api: GET /hello 200 3.1 ms hello warm`) with the invocation's log
  /// lines under it, as one block.
  func logBlock(_ exchange: APIGateway.Exchange) -> String {
    let styler = out.styler
    let line = fitted("api: " + exchange.logLine)
    let heading = InvocationLogBlock.role(status: exchange.status).map { styler.apply(line, $0) }
    return InvocationLogBlock.text(heading: heading ?? line, logs: exchange.logs, styler: styler)
  }

  /// The log lines of an invocation that ended after its request had been answered with an
  /// integration timeout.
  func lateLogBlock(function: String, record: InvocationRecord) -> String {
    InvocationLogBlock.text(
      heading: fitted("api: \(function) finished after its request timed out"),
      logs: record.logs, styler: out.styler)
  }

  /// Lines wrapped to the terminal as `OutputWriter.line` would (unchanged off a terminal).
  private func fitted(_ text: String) -> String { out.fitted(text) }

  /// A gateway for `template` whose late invocations are logged here.
  private static func gateway(
    _ template: APITemplate, front: Locked<FrontReference>, quiet: Bool
  ) -> APIGateway {
    APIGateway(template: template) { function, record in
      guard !quiet, let front = front.withLock({ $0.front }) else { return }
      front.out.write(front.lateLogBlock(function: function, record: record))
    }
  }

  /// One request on `gateway` is over; a replaced gateway shuts down after its last one.
  private func finished(_ gateway: APIGateway) {
    let id = ObjectIdentifier(gateway)
    let drained = state.withLock { state -> APIGateway? in
      let left = (state.inFlight[id] ?? 1) - 1
      state.inFlight[id] = left > 0 ? left : nil
      return left > 0 ? nil : state.retired.removeValue(forKey: id)
    }
    drained?.shutdown()
  }

  /// Serves `template` from now on; the old gateway shuts down once its requests are answered.
  private func replace(with template: APITemplate) {
    let idle = state.withLock { state -> APIGateway? in
      let previous = state.gateway
      state.gateway = Self.gateway(template, front: reference, quiet: quiet)
      let id = ObjectIdentifier(previous)
      guard state.inFlight[id] == nil else {
        state.retired[id] = previous
        return nil
      }
      return previous
    }
    idle?.shutdown()
  }

  /// The banner lines: URL and route table.
  func printRoutes() {
    let current = state.withLock { $0.gateway }
    let url = "http://\(server.host):\(server.port)"
    let styler = out.styler
    let template = current.template
    // The file as the learner would type it: relative to the current folder when inside it.
    let file = template.file.relative(to: .currentDirectory()) ?? template.file.string
    let source = file == template.kind.rawValue ? file : "\(template.kind.rawValue) \(file)"
    out.line("API Gateway for \(source) on " + styler.apply(url, .emphasis))
    let width = out.settings.isTTY ? out.settings.width - 2 : .max
    for line in current.routeTableLines(width: width) { out.line("  " + line) }
    if let example = Self.tryCommand(template.routes, url: url) {
      // Not wrapped: a command copies whole (the terminal folds it if it must).
      out.write("Try: " + styler.apply(example.command, .command) + "\n")
      if let note = example.note { out.line("     " + note) }
    }
    for note in template.notes { out.line("note: \(note)") }
  }

  /// A curl command for one route (a GET one when there is one), with an `Origin` header when
  /// the route has CORS, since API Gateway adds CORS headers only to requests that carry one.
  static func tryCommand(_ routes: [APIRoute], url: String) -> (command: String, note: String?)? {
    let candidates = routes.filter { $0.path != "$default" && $0.method != "ANY" }
    guard let route = candidates.first(where: { $0.method == "GET" }) ?? candidates.first else {
      return nil
    }
    let path = route.path.replacingOccurrences(of: "{", with: "").replacingOccurrences(
      of: "+}", with: ""
    ).replacingOccurrences(of: "}", with: "")
    var command = "curl -i " + (route.method == "GET" ? "" : "-X \(route.method) ")
    command += "\(url)\(path)"
    // A REST API leaves the response's CORS headers to the function; an HTTP API adds them.
    guard route.api == .http, let cors = route.cors else { return (command, nil) }
    let origin = cors.allowOrigins.first { $0 != "*" } ?? "http://localhost:8080"
    command += " -H 'Origin: \(origin)'"
    return (command, "(CORS headers come only with an Origin header, as a browser sends it)")
  }

  /// Stops the server, the watcher and every function environment.
  func stop() {
    server.stop()
    let gateways = state.withLock { state -> [APIGateway] in
      state.stopped = true
      let all = [state.gateway] + Array(state.retired.values)
      state.retired.removeAll()
      return all
    }
    for gateway in gateways { gateway.shutdown() }
  }

  // MARK: Reloading

  /// The template and the functions' source files with their modification dates.
  func watchList() -> [AbsolutePath: Date] {
    // The template file always (even while a broken edit keeps the last good version).
    let files = [templateFile] + state.withLock { $0.gateway.template.watchedFiles() }
    var result: [AbsolutePath: Date] = [:]
    for file in files {
      let date =
        (try? FileManager.default.attributesOfItem(atPath: file.string)[.modificationDate]
          as? Date)
        ?? .distantPast
      result[file] = date
    }
    return result
  }

  /// Checks the watched files every 0.3 s on a thread of its own until `stop`.
  func startWatching() {
    Thread { [weak self] in
      while let front = self, !front.sleepUnlessStopped(seconds: 0.3) {
        front.checkForChanges()
      }
    }.start()
  }

  /// Waits `seconds`, returning early with true once `stop` was called.
  private func sleepUnlessStopped(seconds: Double) -> Bool {
    let deadline = ProcessClock.now() + UInt64(seconds * 1_000_000_000)
    return state.wait(until: deadline) { $0.stopped ? true : nil } ?? false
  }

  /// Reloads when a watched file changed (runs on the watcher thread, one call at a time).
  func checkForChanges() {
    let now = watchList()
    let before = state.withLock { $0.watched }
    // Files that changed, appeared or went away.
    let changed = Set(now.keys).union(before.keys).filter { now[$0] != before[$0] }.sorted()
    guard !changed.isEmpty else { return }
    let names = changed.map(\.name).joined(separator: ", ")
    do {
      replace(with: try APITemplate.load(file: templateFile, stage: stage))
      let files = watchList()
      state.withLock { $0.watched = files }
      out.line("api: \(names) changed; reloaded (functions start cold)")
      printRoutes()
    } catch {
      state.withLock { $0.watched = now }
      out.line(
        "api: \(names) changed, but the template has problems; still serving the last "
          + "good version:")
      for problem in Self.shortened(error).problems { out.line("  \(problem)") }
    }
  }
}

/// A weak way from the HTTP server's handler back to the front it serves.
private struct FrontReference: Sendable {
  weak var front: ServeAPIFront?
}
