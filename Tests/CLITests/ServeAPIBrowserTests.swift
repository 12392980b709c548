import Foundation
import HTTP
import Testing

/// A real browser calls the served API from a page on another origin: headless Chromium shows
/// the greeting when CORS is configured and is blocked when it is not. Each case leaves a
/// screenshot (its path is printed).
@Suite(.serialized) struct ServeAPIBrowserTests {
  /// Debian's `chromium` (installed by .ci/run), if present.
  static let chromium: String? = {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      let search = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
      for folder in search.split(separator: ":") {
        let path = String(folder) + "/" + name
        if FileManager.default.isExecutableFile(atPath: path) { return path }
      }
    }
    print("skipping the browser tests: chromium is not on PATH (.ci/run installs it)")
    return nil
  }()

  static var available: Bool { chromium != nil && Curl.python3 }

  /// Screenshots are kept after the test (everything else is removed).
  static let artefacts: String = {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("lambdalings-browser-\(UUID().uuidString.prefix(8))").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }()

  static let handler = """
    import json

    def hello(event, context):
        name = (event.get("queryStringParameters") or {}).get("name", "World")
        return {"statusCode": 200, "headers": {"Content-Type": "application/json"},
                "body": json.dumps({"message": f"Hello, {name}!"})}
    """

  static func template(cors: Bool) -> String {
    """
    service: hello-world
    provider:
      runtime: python3.12
    \(cors ? "  httpApi:\n    cors: true\n" : "")functions:
      hello:
        handler: app.hello
        events:
          - httpApi: GET /hello
    """
  }

  /// The page: fetches the API (with an Authorization header, so the browser sends a
  /// preflight first) and writes what happened into the document.
  static func page(api: String) -> String {
    """
    <!doctype html>
    <html><head><meta charset="utf-8"><title>pending</title></head>
    <body style="font: 28px sans-serif; padding: 2em">
    <p>Page origin: <b id="origin"></b><br>API: \(api)</p>
    <p id="result">pending</p>
    <script>
    document.getElementById("origin").textContent = location.origin;
    fetch("\(api)/hello?name=Browser", {headers: {"Authorization": "Bearer demo"}})
      .then(r => r.json())
      .then(j => { document.getElementById("result").textContent = "GREETING: " + j.message; })
      .catch(e => { document.getElementById("result").textContent = "BLOCKED: " + e; });
    </script>
    </body></html>
    """
  }

  /// Runs chromium headless with `arguments` and a 60 s bound; returns stdout.
  func chromium(_ arguments: [String], profile: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.chromium ?? "/usr/bin/chromium")
    process.arguments =
      [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--user-data-dir=" + profile, "--window-size=900,400",
        "--virtual-time-budget=8000",
      ] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let timer = DispatchSource.makeTimerSource()
    timer.schedule(deadline: .now() + 60)
    timer.setEventHandler { if process.isRunning { process.terminate() } }
    timer.resume()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    timer.cancel()
    return String(decoding: data, as: UTF8.self)
  }

  func runCase(cors: Bool) throws -> String {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    for (name, text) in ["serverless.yml": Self.template(cors: cors), "app.py": Self.handler] {
      try text.write(toFile: runner.directory + "/" + name, atomically: true, encoding: .utf8)
    }
    let serve = try ServeAPIProcess(runner)
    defer { serve.stop() }
    let html = Array(Self.page(api: serve.baseURL).utf8)
    // The page's own origin: another port on 127.0.0.1.
    let pages = try HTTPServer(port: 0) { _ in
      HTTPResponse(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")], body: html)
    }
    defer { pages.stop() }
    let pageURL = "http://127.0.0.1:\(pages.port)/"
    let dom = try chromium(["--dump-dom", pageURL], profile: runner.directory + "/profile1")
    let shot = Self.artefacts + "/cors-\(cors ? "on" : "off").png"
    _ = try chromium(["--screenshot=" + shot, pageURL], profile: runner.directory + "/profile2")
    #expect(FileManager.default.fileExists(atPath: shot), "no screenshot at \(shot)")
    print("browser screenshot (CORS \(cors ? "configured" : "not configured")): \(shot)")
    if cors {
      #expect(serve.waitForOutput("api: OPTIONS /hello 204"), "\(serve.stdout)")
    }
    return dom
  }

  /// The text of `<p id="result">` in the dumped DOM.
  static func result(in dom: String) -> String? {
    guard let start = dom.range(of: "<p id=\"result\">"),
      let end = dom[start.upperBound...].range(of: "</p>")
    else { return nil }
    return String(dom[start.upperBound..<end.lowerBound])
  }

  @Test(.enabled(if: available), .timeLimit(.minutes(3)))
  func pageOnAnotherOriginSeesTheGreetingWithCORS() throws {
    let dom = try runCase(cors: true)
    #expect(Self.result(in: dom) == "GREETING: Hello, Browser!", "\(dom)")
  }

  @Test(.enabled(if: available), .timeLimit(.minutes(3)))
  func browserBlocksTheCallWithoutCORS() throws {
    let dom = try runCase(cors: false)
    #expect(Self.result(in: dom)?.hasPrefix("BLOCKED: TypeError") == true, "\(dom)")
  }
}
