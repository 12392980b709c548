import Testing

@testable import LocalAWS

/// The Logs Insights subset on the queries chapter 8 teaches.
@Suite struct InsightsQueryTests {
  private func records() -> [InsightsQuery.Record] {
    let lines = [
      (1_000, "START RequestId: a Version: $LATEST"),
      (1_001, #"{"level": "ERROR", "message": "boom", "requestId": "a"}"#),
      (
        1_002,
        "REPORT RequestId: a\tDuration: 12.50 ms\tBilled Duration: 13 ms\tMemory Size: 256 MB"
          + "\tMax Memory Used: 40 MB\tInit Duration: 80.00 ms"
      ),
      (2_000, "START RequestId: b Version: $LATEST"),
      (
        2_002,
        "REPORT RequestId: b\tDuration: 2.00 ms\tBilled Duration: 2 ms\tMemory Size: 256 MB"
          + "\tMax Memory Used: 41 MB"
      ),
    ]
    return lines.map { time, message in
      InsightsQuery.record(
        LogStore.Event(timestamp: Int64(time), ingestionTime: Int64(time), message: message),
        stream: "s", group: "/aws/lambda/f")
    }
  }

  private func run(_ text: String) throws -> [[String: String]] {
    try InsightsQuery(text).run(records()).map { row in
      Dictionary(row, uniquingKeysWith: { first, _ in first })
    }
  }

  @Test func slowestInvocations() throws {
    let rows = try run(
      #"filter @type = "REPORT" | fields @requestId, @duration | sort @duration desc | limit 1"#)
    #expect(rows == [["@requestId": "a", "@duration": "12.5"]])
  }

  @Test func coldStartsCountedWithIspresent() throws {
    let rows = try run(
      #"filter @type = "REPORT" and ispresent(@initDuration) | stats count(*) as coldStarts, avg(@initDuration) as avgInit"#
    )
    #expect(rows == [["coldStarts": "1", "avgInit": "80"]])
  }

  @Test func memoryInMegabytesAndJSONFields() throws {
    let memory = try run(
      #"filter @type = "REPORT" | stats max(@maxMemoryUsed / 1000 / 1000) as peakMB, max(@memorySize / 1000 / 1000) as sizeMB"#
    )
    #expect(memory == [["peakMB": "41", "sizeMB": "256"]])
    let errors = try run(#"fields @timestamp, message, requestId | filter level = "ERROR""#)
    #expect(errors.count == 1)
    #expect(errors.first?["message"] == "boom")
    let liked = try run(#"filter @message like /Init Duration/ | stats count(*) as n"#)
    #expect(liked == [["n": "1"]])
  }

  @Test func groupsByField() throws {
    let rows = try run(#"filter ispresent(@type) | stats count(*) as n by @type | sort n desc"#)
    #expect(rows.count == 2)
    #expect(Set(rows.compactMap { $0["@type"] }) == ["START", "REPORT"])
  }

  @Test func badQueriesAreMalformedQueryExceptions() {
    for text in ["parse @message 'x'", "limit zero", "filter (a = 1", "stats median(x)"] {
      #expect(throws: AWSError.self, "\(text)") { _ = try InsightsQuery(text) }
    }
  }
}
