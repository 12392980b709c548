import Foundation
import HTTP
import Testing

/// A real browser calls the served API from a page on another origin: headless Chromium shows
/// the greeting when CORS is configured and is blocked when it is not, on an HTTP API and on a
/// REST API. The served API's log shows what reached it, so a block is told apart from a
/// server that was never reached. Each case leaves a screenshot (its path is printed).
@Suite(.serialized) struct ServeAPIBrowserTests {
  /// Debian's `chromium` (installed by .ci/run), if present.
  static let chromium: String? = ClientTools.locate(
    ["chromium", "chromium-browser", "google-chrome"], for: "the browser tests")

  /// Whether the browser tests run: Chromium and python3 are here, or CI requires them (and a
  /// missing one then fails the test).
  static var available: Bool { (chromium != nil && Curl.python3) || ClientTools.required }

  /// Screenshots are kept after the test (everything else is removed).
  static let artefacts: String = {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("lambdalings-browser-\(UUID().uuidString.prefix(8))").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }()

  /// `hello` leaves CORS to the gateway; `hello_cors` adds the header itself, as a REST API's
  /// proxy integration needs.
  static let handler = """
    import json

    def answer(event, headers):
        name = (event.get("queryStringParameters") or {}).get("name", "World")
        return {"statusCode": 200, "headers": {"Content-Type": "application/json", **headers},
                "body": json.dumps({"message": f"Hello, {name}!"})}

    def hello(event, context):
        return answer(event, {})

    def hello_cors(event, context):
        return answer(event, {"Access-Control-Allow-Origin": "*"})
    """

  /// One page load: the API the template declares and how the page calls it.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var template: String
    /// Send an `Authorization` header, which makes the browser ask with a preflight first.
    var preflight: Bool
    /// What the page shows: the greeting or a blocked call.
    var greets: Bool
    /// Lines the served API must log (the requests that reached it).
    var logged: [String]
    /// Lines it must not log (requests the browser never sent).
    var notLogged: [String] = []
    var testDescription: String { name }
  }

  static func httpAPI(cors: Bool) -> String {
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

  static func restAPI(handler: String) -> String {
    """
    service: hello-world
    provider:
      runtime: python3.12
    functions:
      hello:
        handler: app.\(handler)
        events:
          - http:
              path: hello
              method: get
              cors: true
    """
  }

  static let cases: [Case] = [
    Case(
      name: "http-api-cors", template: httpAPI(cors: true), preflight: true, greets: true,
      logged: ["api: OPTIONS /hello 204", "api: GET /hello 200"]),
    Case(
      name: "http-api-no-cors-preflight", template: httpAPI(cors: false), preflight: true,
      greets: false, logged: ["api: OPTIONS /hello 404"], notLogged: ["api: GET /hello"]),
    // Without a preflight the request runs the function; the browser only hides the answer.
    Case(
      name: "http-api-no-cors-simple-get", template: httpAPI(cors: false), preflight: false,
      greets: false, logged: ["api: GET /hello 200"], notLogged: ["api: OPTIONS"]),
    Case(
      name: "rest-api-cors-function-header", template: restAPI(handler: "hello_cors"),
      preflight: true, greets: true, logged: ["api: OPTIONS /hello 204", "api: GET /hello 200"]),
    // A REST API answers the preflight, but the function's own answer lacks the header.
    Case(
      name: "rest-api-cors-no-function-header", template: restAPI(handler: "hello"),
      preflight: true, greets: false, logged: ["api: OPTIONS /hello 204", "api: GET /hello 200"]),
  ]

  /// The page: fetches the API and writes what happened into the document.
  static func page(api: String, preflight: Bool) -> String {
    let options = preflight ? #", {headers: {"Authorization": "Bearer demo"}}"# : ""
    return """
      <!doctype html>
      <html><head><meta charset="utf-8"><title>pending</title></head>
      <body style="font: 28px sans-serif; padding: 2em">
      <p>Page origin: <b id="origin"></b><br>API: \(api)</p>
      <p id="result">pending</p>
      <script>
      document.getElementById("origin").textContent = location.origin;
      fetch("\(api)/hello?name=Browser"\(options))
        .then(r => r.json())
        .then(j => { document.getElementById("result").textContent = "GREETING: " + j.message; })
        .catch(e => { document.getElementById("result").textContent = "BLOCKED: " + e; });
      </script>
      </body></html>
      """
  }

  /// Runs chromium headless with `arguments` and a 60 s bound; returns stdout.
  func chromium(_ arguments: [String], profile: String) throws -> String {
    let executable = try #require(Self.chromium, ClientTools.missing("chromium"))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments =
      [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--user-data-dir=" + profile, "--window-size=900,400",
        "--virtual-time-budget=8000",
      ] + arguments
    // Output goes to a file, not a pipe: chromium's helper processes inherit its standard
    // output, and a pipe would not reach end-of-file while one of them lingers.
    let outputPath = profile + ".out"
    guard FileManager.default.createFile(atPath: outputPath, contents: nil),
      let output = FileHandle(forWritingAtPath: outputPath)
    else {
      throw BrowserTestError.cannotWrite(outputPath)
    }
    defer { try? output.close() }
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let pid = process.processIdentifier
    let timer = DispatchSource.makeTimerSource()
    timer.schedule(deadline: .now() + 60)
    timer.setEventHandler {
      if process.isRunning {
        kill(-pid, SIGKILL)  // its group, helpers included, when it has one of its own
        kill(pid, SIGKILL)
      }
    }
    timer.resume()
    process.waitUntilExit()
    timer.cancel()
    let data = FileManager.default.contents(atPath: outputPath) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  /// The text of `<p id="result">` in the dumped DOM.
  static func result(in dom: String) -> String? {
    guard let start = dom.range(of: "<p id=\"result\">"),
      let end = dom[start.upperBound...].range(of: "</p>")
    else { return nil }
    return String(dom[start.upperBound..<end.lowerBound])
  }

  @Test(.enabled(if: available), .timeLimit(.minutes(6)), arguments: cases)
  func pageOnAnotherOrigin(_ example: Case) throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    for (name, text) in ["serverless.yml": example.template, "app.py": Self.handler] {
      try text.write(toFile: runner.directory + "/" + name, atomically: true, encoding: .utf8)
    }
    let serve = try ServeAPIProcess(runner)
    defer { serve.stop() }
    let html = Array(Self.page(api: serve.baseURL, preflight: example.preflight).utf8)
    // The page's own origin: another port on 127.0.0.1.
    let pages = try HTTPServer(port: 0) { _ in
      HTTPResponse(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")], body: html)
    }
    defer { pages.stop() }
    let pageURL = "http://127.0.0.1:\(pages.port)/"
    let dom = try chromium(["--dump-dom", pageURL], profile: runner.directory + "/profile1")
    let shot = Self.artefacts + "/\(example.name).png"
    _ = try chromium(["--screenshot=" + shot, pageURL], profile: runner.directory + "/profile2")
    #expect(FileManager.default.fileExists(atPath: shot), "no screenshot at \(shot)")
    print("browser screenshot (\(example.name)): \(shot)")

    let shown = Self.result(in: dom)
    if example.greets {
      #expect(shown == "GREETING: Hello, Browser!", "\(dom)")
    } else {
      #expect(shown?.hasPrefix("BLOCKED: TypeError") == true, "\(dom)")
    }
    for line in example.logged {
      #expect(serve.waitForOutput(line), "expected '\(line)' in:\n\(serve.stdout)")
    }
    for line in example.notLogged {
      #expect(!serve.stdout.contains(line), "unexpected '\(line)' in:\n\(serve.stdout)")
    }
  }
}

enum BrowserTestError: Error {
  case cannotWrite(String)
}
