import Foundation
import LambdaRuntime
import SystemSupport

/// Measures the local Lambda runtime against baselines run in the same invocation:
/// (a) warm round trip of a no-op Python handler, (b) cold start vs a bare `python3 -S`,
/// (c) invocations per second at concurrency 1 and 2, (d) python-lambda-local.
enum RuntimeBenchmark {
  static func run(_ arguments: [String]) {
    do {
      try measure(quick: arguments.contains("--quick"))
    } catch {
      print("runtime: could not run: \(error)")
    }
  }

  private static func measure(quick: Bool) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("lambdalings-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let handler = "def handler(event, context):\n    return None\n"
    try handler.write(
      to: folder.appendingPathComponent("noop.py"), atomically: true, encoding: .utf8)
    try "{}".write(
      to: folder.appendingPathComponent("event.json"), atomically: true, encoding: .utf8)
    guard let python = try Interpreter.resolve(.python) else { return }
    let configuration = FunctionConfiguration(
      name: "noop", codePath: AbsolutePath(folder.path, relativeTo: .currentDirectory()),
      handler: "noop.handler", runtime: .python)
    let event = Data("{}".utf8)
    print("# runtime benchmark (\(quick ? "quick" : "full") run)")
    print("python: \(python.path) (\(python.version))")

    // (a) warm round trip
    let warmCount = quick ? 300 : 3000
    let function = try LambdaFunction(configuration: configuration)
    _ = function.invoke(event: event)
    var warm: [Double] = []
    for _ in 0..<warmCount {
      let start = ProcessClock.now()
      let record = function.invoke(event: event)
      warm.append(ProcessClock.milliseconds(from: start, to: ProcessClock.now()))
      guard record.status == .success else { throw BenchError.failed(record.resultText) }
    }
    let handlerOwn = try handlerTime(python: python.path.string, folder: folder.path)
    let warmMedian = median(warm)
    print(
      "(a) warm round trip: median \(f3(warmMedian)) ms, p95 \(f3(percentile(warm, 0.95))) ms; "
        + "handler's own time \(f3(handlerOwn)) ms; overhead \(f3(warmMedian - handlerOwn)) ms "
        + "(goal < 1 ms)")

    // (c) throughput at concurrency 1 and 2: alternating rounds, median round
    let rounds = quick ? 3 : 7
    let perRound = quick ? 300 : 1000
    var rates1: [Double] = []
    var rates2: [Double] = []
    for _ in 0..<rounds {
      rates1.append(throughput(function, threads: 1, total: perRound, event: event))
      rates2.append(throughput(function, threads: 2, total: perRound, event: event))
    }
    let perSecond1 = median(rates1)
    let perSecond2 = median(rates2)
    function.shutdown()
    print(
      "(c) throughput (median of \(rounds) rounds of \(perRound)): \(Int(perSecond1))/s at "
        + "concurrency 1, \(Int(perSecond2))/s at concurrency 2 (goal >= 1000/s)")

    // (b) cold start vs bare interpreter, interleaved
    let coldCount = quick ? 8 : 30
    var cold: [Double] = []
    var bare: [Double] = []
    var coldInit: [Double] = []
    for _ in 0..<coldCount {
      bare.append(try spawnTime(python.path.string, ["-S", "-c", "pass"]))
      let start = ProcessClock.now()
      let fresh = try LambdaFunction(configuration: configuration)
      let record = fresh.invoke(event: event)
      cold.append(ProcessClock.milliseconds(from: start, to: ProcessClock.now()))
      coldInit.append(record.initDurationMs ?? 0)
      fresh.shutdown()
    }
    print(
      "(b) cold start to first result: median \(f3(median(cold))) ms (Init Duration median "
        + "\(f3(median(coldInit))) ms) vs bare `python3 -S -c pass` \(f3(median(bare))) ms: "
        + "+\(f3(median(cold) - median(bare))) ms, ratio \(f2(median(cold) / median(bare))) "
        + "(goal within 10 ms)")

    // (d) python-lambda-local on the same handler and event
    let pll = try PythonLambdaLocal.measure(
      python: python, folder: folder.path, runs: quick ? 3 : 10)
    if let pll {
      print(
        "(d) python-lambda-local: median \(f3(pll)) ms per call (always cold) vs our cold "
          + "\(f3(median(cold))) ms (\(f2(pll / median(cold)))x) and warm \(f3(warmMedian)) ms "
          + "(\(Int(pll / warmMedian))x)")
    } else {
      print("(d) python-lambda-local: not installed (pip install python-lambda-local); skipped")
    }
  }

  /// Invocations per second with `threads` callers sharing `total` invocations.
  private static func throughput(
    _ function: LambdaFunction, threads: Int, total: Int, event: Data
  ) -> Double {
    let group = DispatchGroup()
    let start = ProcessClock.now()
    for _ in 0..<threads {
      group.enter()
      Thread {
        for _ in 0..<(total / threads) { _ = function.invoke(event: event) }
        group.leave()
      }.start()
    }
    group.wait()
    let seconds = ProcessClock.milliseconds(from: start, to: ProcessClock.now()) / 1000
    return Double(total / threads * threads) / seconds
  }

  /// Milliseconds to spawn a program and wait for its exit.
  static func spawnTime(_ executable: String, _ arguments: [String]) throws -> Double {
    let start = ProcessClock.now()
    let handle = try ProcessHandle.launch(
      executable: executable, arguments: arguments,
      environment: ProcessInfo.processInfo.environment)
    _ = handle.waitForExit(until: start + 60_000_000_000)
    let elapsed = ProcessClock.milliseconds(from: start, to: ProcessClock.now())
    handle.killGroup()
    return elapsed
  }

  /// The no-op handler's own time per call, measured inside Python.
  private static func handlerTime(python: String, folder: String) throws -> Double {
    let script =
      "import sys,time;sys.path.insert(0,sys.argv[1]);import noop;n=100000;"
      + "s=time.perf_counter();[noop.handler({},None) for _ in range(n)];"
      + "print((time.perf_counter()-s)/n*1000)"
    let handle = try ProcessHandle.launch(
      executable: python, arguments: ["-S", "-c", script, folder], environment: [:])
    _ = handle.waitForExit(until: ProcessClock.now() + 60_000_000_000)
    return Double(handle.takeOutput().text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
  }

  static func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

  static func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction + 0.5))]
  }

  static func f2(_ value: Double) -> String { String(format: "%.2f", value) }
  static func f3(_ value: Double) -> String { String(format: "%.3f", value) }

  enum BenchError: Error { case failed(String) }
}

/// Runs python-lambda-local (PyPI), which starts a fresh interpreter for every call.
extension RuntimeBenchmark {
  enum PythonLambdaLocal {
    /// Median milliseconds per call, or nil when it is not installed.
    static func measure(python: Interpreter, folder: String, runs: Int) throws -> Double? {
      let besideInterpreter = python.path.parent.appending("python-lambda-local").string
      let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? ""
      let script =
        FileManager.default.isExecutableFile(atPath: besideInterpreter)
        ? besideInterpreter : Interpreter.find("python-lambda-local", in: searchPath)
      guard let script else { return nil }
      var times: [Double] = []
      for _ in 0..<runs {
        times.append(
          try RuntimeBenchmark.spawnTime(
            python.path.string,
            [script, "-f", "handler", "\(folder)/noop.py", "\(folder)/event.json"]))
      }
      return RuntimeBenchmark.median(times)
    }
  }
}
