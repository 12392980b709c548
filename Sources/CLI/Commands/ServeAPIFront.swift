import APIGateway
import Foundation
import HTTP

/// The API Gateway front of `serve`: the routes of a `serverless.yml` or SAM template on their
/// own port, a route table at start, one log line per request, and a reload whenever the
/// template or a handler file changes (a broken edit is reported and the last good template
/// keeps serving).
final class ServeAPIFront: @unchecked Sendable {
  /// The default API port, as `sam local start-api` uses.
  static let defaultPort = 3000

  let server: HTTPServer
  let templateFile: String
  let stage: String?
  let out: OutputWriter
  let quiet: Bool
  private let lock = NSLock()
  private var gateway: APIGateway
  private var watched: [String: Date] = [:]
  private var watcher: DispatchSourceTimer?

  /// The template to serve: `--template FILE`, else one in the current folder, else nil.
  static func templateFile(flag: String?, currentDirectory: String) throws -> String? {
    if let flag {
      let path = flag.hasPrefix("/") ? flag : currentDirectory + "/" + flag
      guard FileManager.default.fileExists(atPath: path) else {
        throw CLIError.usage(
          "--template \(flag): no such file; give the path of a serverless.yml or template.yaml")
      }
      return (path as NSString).standardizingPath
    }
    return APITemplate.find(in: currentDirectory)
  }

  /// Loads the template (content errors exit 2 with file:line:column) and starts listening.
  init(
    templateFile: String, host: String, port: Int, stage: String?, out: OutputWriter,
    quiet: Bool
  ) throws {
    self.templateFile = templateFile
    self.stage = stage
    self.out = out
    self.quiet = quiet
    gateway = APIGateway(template: try Self.load(templateFile, stage: stage))
    let limits = HTTPLimits(
      maxBodyBytes: APIGateway.maxBodyBytes, maxDiscardBytes: 64 * 1024 * 1024)
    let box = GatewayBox()
    do {
      server = try HTTPServer(
        host: host, port: UInt16(port), limits: limits,
        malformed: { _ in .json(400, #"{"message":"Bad Request"}"#) },
        handler: { request in box.front?.handle(request) ?? .json(503, "{}") })
    } catch let error as HTTPSocketError {
      throw CLIError.content("serve could not listen for the API on \(host):\(port): \(error)")
    }
    box.front = self
    watched = watchList()
    startWatching()
  }

  static func load(_ file: String, stage: String?) throws -> APITemplate {
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
    let current = lock.withLock { gateway }
    let (response, exchange) = current.handle(
      GatewayRequest(request), bodyTooLarge: request.bodyTooLarge)
    if !quiet { out.line("api: " + exchange.logLine) }
    return response
  }

  /// The banner lines: URL and route table.
  func printRoutes() {
    let current = lock.withLock { gateway }
    let url = "http://\(server.host):\(server.port)"
    let styler = out.styler
    let template = current.template
    out.line(
      "API Gateway for \(template.kind.rawValue) \(template.file) on "
        + styler.apply(url, .emphasis))
    for line in current.routeTableLines(baseURL: url) { out.line("  " + line) }
    if let first = template.routes.first(where: { $0.path != "$default" && $0.method != "ANY" }) {
      let path = first.path.replacingOccurrences(of: "{", with: "").replacingOccurrences(
        of: "}", with: "")
      out.line("Try: " + styler.apply("curl -i -X \(first.method) \(url)\(path)", .command))
    }
    for note in template.notes { out.line("note: \(note)") }
  }

  /// Stops the server, the watcher and every function environment.
  func stop() {
    lock.withLock {
      watcher?.cancel()
      watcher = nil
    }
    server.stop()
    lock.withLock { gateway }.shutdown()
  }

  // MARK: Reloading

  /// The template and handler files with their modification dates.
  func watchList() -> [String: Date] {
    var files = [templateFile]
    files += lock.withLock { gateway.template.functions.map(\.handlerFile) }
    var result: [String: Date] = [:]
    for file in files {
      let date =
        (try? FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date)
        ?? .distantPast
      result[file] = date
    }
    return result
  }

  func startWatching() {
    let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
    timer.schedule(deadline: .now() + 0.3, repeating: 0.3)
    timer.setEventHandler { [weak self] in self?.checkForChanges() }
    timer.resume()
    lock.withLock { watcher = timer }
  }

  func checkForChanges() {
    let now = watchList()
    let changed = now.filter { watched[$0.key] != $0.value }.map(\.key).sorted()
    guard !changed.isEmpty else { return }
    let names = changed.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
    do {
      let template = try APITemplate.load(file: templateFile, stage: stage)
      let old = lock.withLock { () -> APIGateway in
        let previous = gateway
        gateway = APIGateway(template: template)
        return previous
      }
      old.shutdown()
      watched = watchList()
      out.line("api: \(names) changed; reloaded (functions start cold)")
      printRoutes()
    } catch {
      watched = now
      out.line(
        "api: \(names) changed, but the template has problems; still serving the last "
          + "good version:")
      for problem in Self.shortened(error).problems { out.line("  \(problem)") }
    }
  }
}

/// Lets the server's handler reach the front once it exists.
private final class GatewayBox: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: ServeAPIFront?
  var front: ServeAPIFront? {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}
