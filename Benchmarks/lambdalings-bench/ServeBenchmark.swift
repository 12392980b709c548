import Foundation
import HTTP
import JSON
import LambdaRuntime
import LocalAWS
import SystemSupport

/// Warm `Invoke` through `serve`'s HTTP endpoint (one keep-alive connection, the AWS CLI's
/// request shape) against the runtime's own warm invoke of the same handler, interleaved in
/// rounds in the same run: median latency, the overhead between them, and requests per second.
enum ServeBenchmark {
  static func run(_ arguments: [String]) {
    do {
      try measure(quick: arguments.contains("--quick"))
    } catch {
      print("serve: could not run: \(error)")
    }
  }

  private static func measure(quick: Bool) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("lambdalings-serve-bench-\(UUID().uuidString)")
    let code = folder.appendingPathComponent("code")
    try FileManager.default.createDirectory(at: code, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let handler = "def handler(event, context):\n    return {\"ok\": True}\n"
    try handler.write(to: code.appendingPathComponent("noop.py"), atomically: true, encoding: .utf8)
    let zipPath = folder.appendingPathComponent("function.zip").path
    let zipper = Process()
    zipper.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    zipper.arguments = [
      "python3", "-c",
      "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)\n"
        + "z.write(sys.argv[1], 'noop.py')\nz.close()",
      code.appendingPathComponent("noop.py").path, zipPath,
    ]
    try zipper.run()
    zipper.waitUntilExit()
    let zip = try Data(contentsOf: URL(fileURLWithPath: zipPath))

    let endpoint = try LocalAWSEndpoint(
      folder: AbsolutePath(
        folder.appendingPathComponent("state").path, relativeTo: .currentDirectory()))
    let server = try HTTPServer(
      port: 0, limits: LocalAWSEndpoint.limits, handler: { endpoint.handle($0) })
    defer {
      server.stop()
      endpoint.shutdown()
    }
    let client = try HTTPClient(port: server.port)
    let create: JSONValue = [
      "FunctionName": "bench", "Runtime": "python3.12", "Role": "arn:aws:iam::1:role/r",
      "Handler": "noop.handler", "Code": ["ZipFile": .string(zip.base64EncodedString())],
    ]
    let created = client.send("POST", "/2015-03-31/functions", body: create.compactBytes())
    guard created?.status == 201 else {
      print("serve: create failed: \(String(decoding: created?.body ?? [], as: UTF8.self))")
      return
    }
    let direct = try LambdaFunction(
      configuration: FunctionConfiguration(
        name: "bench", codePath: AbsolutePath(code.path, relativeTo: .currentDirectory()),
        handler: "noop.handler", runtime: .python))
    defer { direct.shutdown() }
    let headers: [(name: String, value: String)] = [
      ("Content-Type", "application/json"), ("X-Amz-Invocation-Type", "RequestResponse"),
      ("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/lambda/aws4_request"),
    ]
    let path = "/2015-03-31/functions/bench/invocations"
    let event = Data("{}".utf8)
    // Warm both.
    for _ in 0..<20 {
      _ = client.send("POST", path, headers: headers, body: Array("{}".utf8))
      _ = direct.invoke(event: event)
    }
    let rounds = quick ? 3 : 7
    let perRound = quick ? 300 : 1000
    var viaHTTP: [Double] = []
    var viaRuntime: [Double] = []
    var rates: [Double] = []
    var directRates: [Double] = []
    for _ in 0..<rounds {
      let roundStart = ProcessClock.now()
      for _ in 0..<perRound {
        let start = ProcessClock.now()
        guard client.send("POST", path, headers: headers, body: Array("{}".utf8))?.status == 200
        else {
          print("serve: an invoke failed")
          return
        }
        viaHTTP.append(ProcessClock.milliseconds(from: start, to: ProcessClock.now()))
      }
      rates.append(
        Double(perRound)
          / (ProcessClock.milliseconds(from: roundStart, to: ProcessClock.now()) / 1000))
      let directStart = ProcessClock.now()
      for _ in 0..<perRound {
        let start = ProcessClock.now()
        _ = direct.invoke(event: event)
        viaRuntime.append(ProcessClock.milliseconds(from: start, to: ProcessClock.now()))
      }
      directRates.append(
        Double(perRound)
          / (ProcessClock.milliseconds(from: directStart, to: ProcessClock.now()) / 1000))
    }
    let httpMedian = median(viaHTTP)
    let runtimeMedian = median(viaRuntime)
    print("# serve benchmark (\(quick ? "quick" : "full") run, \(rounds) rounds of \(perRound))")
    print(
      "warm Invoke through HTTP (keep-alive): median \(f3(httpMedian)) ms, p95 "
        + "\(f3(percentile(viaHTTP, 0.95))) ms, \(Int(median(rates))) req/s")
    print(
      "runtime's own warm invoke: median \(f3(runtimeMedian)) ms, \(Int(median(directRates)))/s")
    print(
      "HTTP endpoint overhead: \(f3(httpMedian - runtimeMedian)) ms per invoke (goal < 2 ms; "
        + "throughput goal >= 500 req/s)")
  }

  private static func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

  private static func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
  }

  private static func f3(_ value: Double) -> String { String(format: "%.3f", value) }
}
