import Foundation
import JSON

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Parsing and writing a ~6 MB event (a Kinesis-style batch: long strings with escapes and
/// non-ASCII text, many integers, decimals and exponents) with the `JSON` module, against
/// Foundation's `JSONSerialization` on the same bytes in the same run. Runs are interleaved;
/// medians of CPU time of this thread (the machine is shared, so wall time mostly measures
/// waiting for a core); wall medians are printed too.
enum JSONBenchmark {
  static func run(_ arguments: [String]) {
    let runs = Int(ProcessInfo.processInfo.environment["BENCH_RUNS"] ?? "") ?? 9
    let event = makeEvent()
    let data = Data(event.utf8)
    let megabytes = Double(data.count) / 1_000_000
    print("json: \(String(format: "%.2f", megabytes)) MB event, \(runs) interleaved runs")
    guard let parsed = try? JSONValue(parsing: data),
      let foundation = try? JSONSerialization.jsonObject(with: data)
    else {
      print("json: the generated event does not parse")
      return
    }
    // Both sides must read the same thing, or the comparison means nothing.
    let ours = try? JSONSerialization.jsonObject(with: Data(parsed.compactBytes()))
    guard (ours as? NSDictionary)?.isEqual(foundation as? NSDictionary) == true else {
      print("json: our output and Foundation's reading differ")
      return
    }
    var samples: [String: (cpu: [Double], wall: [Double])] = [:]
    func time(_ name: String, _ body: () -> Void) {
      let wall = ProcessInfo.processInfo.systemUptime
      let cpu = threadCPUTime()
      body()
      samples[name, default: ([], [])].cpu.append(threadCPUTime() - cpu)
      samples[name, default: ([], [])].wall.append(ProcessInfo.processInfo.systemUptime - wall)
    }
    for _ in 0..<runs {
      time("parse JSON") { _ = try? JSONValue(parsing: data) }
      time("parse Foundation") { _ = try? JSONSerialization.jsonObject(with: data) }
      time("write JSON") { _ = parsed.compactBytes() }
      time("write Foundation") { _ = try? JSONSerialization.data(withJSONObject: foundation) }
      time("validate JSON") { _ = JSONValue.syntaxError(in: data) }
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] * 1000 }
    func row(_ name: String, against baseline: String?) {
      guard let sample = samples[name] else { return }
      let cpu = median(sample.cpu)
      var line =
        "  " + name.padding(toLength: 17, withPad: " ", startingAt: 0)
        + String(
          format: "CPU %7.1f ms (wall %7.1f ms), %6.1f MB/s", cpu, median(sample.wall),
          megabytes / (cpu / 1000))
      if let baseline, let base = samples[baseline] {
        line += String(format: ", %.2fx the time of %@", cpu / median(base.cpu), baseline)
      }
      print(line)
    }
    row("parse Foundation", against: nil)
    row("parse JSON", against: "parse Foundation")
    row("validate JSON", against: "parse Foundation")
    row("write Foundation", against: nil)
    row("write JSON", against: "write Foundation")
  }

  /// CPU time of the calling thread, in seconds.
  static func threadCPUTime() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }

  /// A Kinesis-style batch of about 6 MB, the Invoke API's payload limit. Deterministic.
  static func makeEvent(targetBytes: Int = 6_000_000) -> String {
    var records: [JSONValue] = []
    var size = 0
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return seed >> 33
    }
    let words = [
      "order", "shipped", "Zürich", "naïve", "日本語", "emoji 😀", "quote \"x\"", "tab\there",
      "line\nbreak", "back\\slash", "plain", "lambda", "kinesis", "payload",
    ]
    while size < targetBytes - 4_000 {
      let index = records.count
      let text = (0..<120).map { _ in words[Int(next() % UInt64(words.count))] }
        .joined(separator: " ")
      let numbers: [JSONValue] = (0..<40).map { position in
        switch position % 4 {
        case 0: return .int(Int(next() % 1_000_000))
        case 1: return .number("\(next() % 10_000).\(next() % 1_000)")
        case 2: return .number("-\(next() % 100)e-\(next() % 20)")
        default: return .number("\(next())\(next())")
        }
      }
      let record: JSONValue = [
        "kinesis": [
          "kinesisSchemaVersion": "1.0", "partitionKey": .string("key-\(index % 97)"),
          "sequenceNumber": .string(
            "49590338271490256608559692538361571095921575989136588\(index)"),
          "data": .string(text), "approximateArrivalTimestamp": .number("1545084650.987"),
          "metrics": .array(numbers),
        ],
        "eventSource": "aws:kinesis", "eventVersion": "1.0",
        "eventID": .string("shardId-000000000006:4959033827149025660855969253836157109\(index)"),
        "eventName": "aws:kinesis:record", "awsRegion": "us-east-1",
        "invokeIdentityArn": "arn:aws:iam::123456789012:role/lambda-role",
        "eventSourceARN": "arn:aws:kinesis:us-east-1:123456789012:stream/lambda-stream",
      ]
      size += record.compact().utf8.count + 1
      records.append(record)
    }
    return JSONValue.object([("Records", .array(records))]).compact()
  }
}
