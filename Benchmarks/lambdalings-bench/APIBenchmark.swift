import APIGateway
import Foundation
import HTTP
import LambdaRuntime
import SystemSupport

/// Measures the API Gateway front: GET /hello on a warm function through HTTP keep-alive
/// connections, against the same function invoked in-process in the same run.
enum APIBenchmark {
  static func run(_ arguments: [String]) {
    do {
      try measure(quick: arguments.contains("--quick"))
    } catch {
      print("api: could not run: \(error)")
    }
  }

  static let handler = """
    import json

    def hello(event, context):
        name = (event.get("queryStringParameters") or {}).get("name", "World")
        return {"statusCode": 200, "headers": {"Content-Type": "application/json"},
                "body": json.dumps({"message": f"Hello, {name}!"})}
    """

  static let template = """
    service: hello-world
    provider:
      runtime: python3.12
      httpApi:
        cors: true
    functions:
      hello:
        handler: handler.hello
        events:
          - httpApi: GET /hello
    """

  private static func measure(quick: Bool) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("lambdalings-api-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try handler.write(
      to: folder.appendingPathComponent("handler.py"), atomically: true, encoding: .utf8)
    try template.write(
      to: folder.appendingPathComponent("serverless.yml"), atomically: true, encoding: .utf8)
    let loaded = try APITemplate.load(
      file: AbsolutePath(folder.path, relativeTo: .currentDirectory()).appending("serverless.yml"))
    let count = quick ? 500 : 3000
    print("# api benchmark (\(quick ? "quick" : "full") run, \(count) requests per measure)")

    // Baseline: the same function and event, invoked in-process.
    guard let definition = loaded.function(named: "hello") else { return }
    let function = try LambdaFunction(configuration: definition.configuration)
    defer { function.shutdown() }
    let table = RouteTable(loaded.routes)
    guard let match = table.match(method: "GET", path: "/hello") else { return }
    let request = GatewayRequest(
      method: "GET", path: "/hello", rawQuery: "name=Ada",
      headers: [("Host", "127.0.0.1"), ("User-Agent", "bench")])
    let event = Data(
      ProxyEvent.build(request, match: match, stage: "dev", binaryMediaTypes: []).compact().utf8)
    _ = function.invoke(event: event)
    var direct: [Double] = []
    let directStart = ProcessClock.now()
    for _ in 0..<count {
      let start = ProcessClock.now()
      _ = function.invoke(event: event)
      direct.append(ProcessClock.milliseconds(from: start, to: ProcessClock.now()))
    }
    let directRate =
      Double(count) / (ProcessClock.milliseconds(from: directStart, to: ProcessClock.now()) / 1000)

    // The gateway over HTTP, one keep-alive connection.
    let gateway = APIGateway(template: loaded)
    defer { gateway.shutdown() }
    let server = try HTTPServer(port: 0, limits: HTTPLimits(maxBodyBytes: APIGateway.maxBodyBytes))
    {
      request in gateway.handle(GatewayRequest(request)).0
    }
    defer { server.stop() }
    let client = try HTTPClient(port: server.port)
    for _ in 0..<20 { _ = client.send("GET", "/hello?name=Ada") }
    var viaHTTP: [Double] = []
    let httpStart = ProcessClock.now()
    for _ in 0..<count {
      let start = ProcessClock.now()
      guard let response = client.send("GET", "/hello?name=Ada"), response.status == 200 else {
        print("api: a request failed")
        return
      }
      viaHTTP.append(ProcessClock.milliseconds(from: start, to: ProcessClock.now()))
    }
    let httpRate =
      Double(count) / (ProcessClock.milliseconds(from: httpStart, to: ProcessClock.now()) / 1000)

    // Two keep-alive connections at once (two warm environments).
    let group = DispatchGroup()
    let parallelStart = ProcessClock.now()
    for _ in 0..<2 {
      group.enter()
      Thread {
        if let second = try? HTTPClient(port: server.port) {
          for _ in 0..<(count / 2) { _ = second.send("GET", "/hello?name=Ada") }
        }
        group.leave()
      }.start()
    }
    group.wait()
    let parallelRate =
      Double(count / 2 * 2)
      / (ProcessClock.milliseconds(from: parallelStart, to: ProcessClock.now()) / 1000)

    let directMedian = RuntimeBenchmark.median(direct)
    let httpMedian = RuntimeBenchmark.median(viaHTTP)
    print(
      "in-process invoke: median \(format(directMedian)) ms, p95 "
        + "\(format(RuntimeBenchmark.percentile(direct, 0.95))) ms, \(Int(directRate)) invokes/s")
    print(
      "GET /hello through the gateway (keep-alive): median \(format(httpMedian)) ms, p95 "
        + "\(format(RuntimeBenchmark.percentile(viaHTTP, 0.95))) ms, \(Int(httpRate)) req/s on 1 "
        + "connection, \(Int(parallelRate)) req/s on 2")
    print(
      "gateway latency / in-process: \(String(format: "%.2f", httpMedian / directMedian))x "
        + "(+\(format(httpMedian - directMedian)) ms); goals: >= 500 req/s, within 3x")
  }

  static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
