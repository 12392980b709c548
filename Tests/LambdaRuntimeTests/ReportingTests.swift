import Foundation
import Testing

@testable import LambdaRuntime

@Suite struct ReportingTests {
  private func record(
    id: String, environment: Int?, cold: Bool, status: InvocationRecord.Status = .success,
    duration: Double, start: Double, initMs: Double? = nil
  ) -> InvocationRecord {
    let initSpan = initMs.map { (start - $0)...start }
    return InvocationRecord(
      requestID: id, environmentID: environment, cold: cold, initDurationMs: initMs,
      durationMs: duration, billedDurationMs: Int(duration.rounded(.up)), memorySizeMB: 128,
      maxMemoryUsedMB: 20, status: status, statusCode: status == .throttled ? 429 : 200,
      errorType: status == .success ? nil : "X", result: Data("{\"ok\":true}".utf8),
      logs: "line\n", droppedLogBytes: 0, initSpan: initSpan,
      invokeSpan: start...(start + duration))
  }

  @Test func summaryCountsAndPercentiles() {
    var records: [InvocationRecord] = []
    for index in 1...20 {
      let initMs: Double? = index == 1 ? 12.5 : nil
      records.append(
        record(
          id: "r\(index)", environment: 1, cold: index == 1, duration: Double(index),
          start: Double(index * 30), initMs: initMs))
    }
    records.append(
      record(id: "t", environment: nil, cold: false, status: .throttled, duration: 0, start: 5))
    records.append(
      record(
        id: "e", environment: 2, cold: true, status: .error, duration: 40, start: 50, initMs: 20))
    let summary = InvocationSummary(records: records)
    #expect(summary.invocations == 22)
    #expect(summary.coldStarts == 2)
    #expect(summary.throttles == 1)
    #expect(summary.errors == 1)
    #expect(summary.environments == 2)
    #expect(summary.p50 == 11)
    #expect(summary.p95 == 20)
    #expect(summary.max == 40)
    #expect(summary.initDurations == [12.5, 20])
    #expect(summary.text.contains("cold starts   2\n"))
    #expect(summary.text.contains("p50 11.00 ms  p95 20.00 ms  max 40.00 ms"))
  }

  @Test func timelineDrawsOneLanePerEnvironment() {
    let records = [
      record(id: "a", environment: 1, cold: true, duration: 20, start: 50, initMs: 50),
      record(
        id: "b", environment: 2, cold: true, status: .error, duration: 10, start: 60, initMs: 40),
      record(id: "c", environment: 1, cold: false, duration: 20, start: 80),
      record(id: "t", environment: nil, cold: false, status: .throttled, duration: 0, start: 55),
    ]
    let environments = [
      LambdaFunction.EnvironmentSummary(id: 1, provisioned: false, initSpan: 0...50, processID: 1),
      LambdaFunction.EnvironmentSummary(id: 2, provisioned: false, initSpan: 20...60, processID: 2),
    ]
    let text = InvocationTimeline(records: records, environments: environments)
      .render(width: 60, glyphs: .ascii)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    #expect(lines[0].hasPrefix("env 1     ---"))
    #expect(lines[0].contains("#"))
    #expect(!lines[0].contains("x"))
    #expect(lines[1].hasPrefix("env 2     "))
    #expect(lines[1].contains("x"))
    #expect(lines[2].hasSuffix("100 ms"))
    #expect(lines[3].contains("1 throttled"))
    #expect(lines.prefix(3).allSatisfy { $0.count <= 60 })
  }

  @Test func jsonLineIsOneParsableObject() throws {
    let line = record(id: "abc", environment: 3, cold: true, duration: 1.5, start: 10, initMs: 5)
      .jsonLine()
    #expect(!line.contains("\n"))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    #expect(object["requestId"] as? String == "abc")
    #expect(object["environmentId"] as? Int == 3)
    #expect(object["cold"] as? Bool == true)
    #expect((object["result"] as? [String: Any])?["ok"] as? Bool == true)
    #expect(object["logs"] as? String == "line\n")
  }

  @Test func reportLineFieldsAndBilling() {
    let line = ReportLine.report(
      requestID: "id", durationMs: 12.344,
      billedMs: ReportLine.billed(durationMs: 12.344, initDurationMs: 180.51),
      memorySizeMB: 128, maxMemoryMB: 41, initDurationMs: 180.51)
    #expect(
      line == "REPORT RequestId: id\tDuration: 12.34 ms\tBilled Duration: 193 ms\t"
        + "Memory Size: 128 MB\tMax Memory Used: 41 MB\tInit Duration: 180.51 ms")
    #expect(ReportLine.billed(durationMs: 0.2, initDurationMs: nil) == 1)
    let timeout = ReportLine.report(
      requestID: "id", durationMs: 3000, billedMs: 3000, memorySizeMB: 128, maxMemoryMB: 41,
      initDurationMs: nil, status: "timeout")
    #expect(timeout.hasSuffix("\tMax Memory Used: 41 MB\tStatus: timeout"))
  }
}
