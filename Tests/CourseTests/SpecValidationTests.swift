import Course
import Foundation
import Testing

/// Scenarios, case settings and function.json are validated as strictly as case keys.
@Suite struct SpecValidationTests {
  static func diagnostics(_ spec: String, extra: [String: String] = [:]) throws -> [String] {
    var files = extra
    files["exercises/hello/spec.json"] = spec
    return try TempCourse.valid(overriding: files).load().diagnostics
  }

  @Test func misspelledScenarioKeysSuggestTheRightOne() throws {
    let spec = """
      {
        "cases": [{"name": "ok", "event": {}, "expect": {"statusCode": 200}}],
        "scenarios": [
          {"name": "s", "event": {}, "repeat": 2,
           "expect": {"coldStart": 1, "logOccurences": {"x": 1}, "warmStarts": 2}}
        ]
      }
      """
    let found = try Self.diagnostics(spec)
    #expect(found.count == 3, "\(found)")
    #expect(
      found.contains { $0.contains("\"coldStart\"") && $0.contains("did you mean \"coldStarts\"") })
    #expect(
      found.contains {
        $0.contains("\"logOccurences\"") && $0.contains("did you mean \"logOccurrences\"")
      })
    #expect(found.contains { $0.contains("unknown key \"warmStarts\"") })
    #expect(found.allSatisfy { $0.hasPrefix("exercises/hello/spec.json:5: error:") })
  }

  @Test func anUnknownKeyIsReportedAtTheKeyNotAtItsValue() throws {
    let spec = """
      {
        "cases": [{"name": "ok", "event": {}, "expect": {"statusCode": 200},
                   "evnt":
                     {"a": 1}}]
      }
      """
    let found = try Self.diagnostics(spec)
    #expect(found.count == 1, "\(found)")
    #expect(
      found.first?.hasPrefix("exercises/hello/spec.json:3: error: unknown key \"evnt\"") == true)
  }

  @Test func wrongTypesAreErrorsAtTheirLine() throws {
    let spec = """
      {
        "cases": [
          {"name": "h", "event": {}, "expect": {"headers": [1]}},
          {"name": "b", "event": {}, "expect": {"body": 5}}
        ],
        "scenarios": [
          {"name": "r", "event": {}, "repeat": "many", "expect": {"coldStarts": 1}},
          {"name": "c", "event": {}, "concurrency": 0, "expect": {"throttles": -1}}
        ]
      }
      """
    let found = try Self.diagnostics(spec)
    #expect(
      found.contains {
        $0.hasPrefix("exercises/hello/spec.json:3: error: \"headers\" must be an object")
      })
    #expect(
      found.contains {
        $0.hasPrefix("exercises/hello/spec.json:4: error: \"body\" must be an object")
      })
    #expect(
      found.contains {
        $0.hasPrefix(
          "exercises/hello/spec.json:7: error: \"repeat\" must be a whole number from 1 to 1000, not \"many\""
        )
      })
    #expect(found.contains { $0.hasPrefix("exercises/hello/spec.json:8: error: \"concurrency\"") })
    #expect(
      found.contains {
        $0.hasPrefix("exercises/hello/spec.json:8: error: \"throttles\" must be a whole number")
      })
  }

  @Test func emptyExpectIsAWarning() throws {
    let spec = """
      {
        "cases": [{"name": "ok", "event": {}, "expect": {"statusCode": 200}}],
        "scenarios": [{"name": "empty", "event": {}, "expect": {}}]
      }
      """
    let found = try Self.diagnostics(spec)
    #expect(
      found == [
        "exercises/hello/spec.json:3: warning: \"expect\" of scenario \"empty\" is empty, so it"
          + " checks nothing; add a check"
      ])
  }

  @Test func caseSettingsQualifierAndMatchersAreChecked() throws {
    let spec = """
      {
        "cases": [
          {"name": "a", "event": {}, "qualifier": "x:y",
           "function": {"timout": 3, "memory": 64, "environment": {"A": 1}},
           "expect": {"body": {"n": {"$gt": 1}}, "logJSON": [], "scratchFiles": {"/etc/x": true}}}
        ]
      }
      """
    let found = try Self.diagnostics(spec)
    let expected = [
      "\"qualifier\" must be a version number or an alias",
      "unknown function setting \"timout\"; did you mean \"timeout\"?",
      "\"memory\" must be MB from 128 to 10240",
      "environment variable \"A\" must be a string",
      "unknown matcher \"$gt\"; did you mean \"$gte\"?",
      "\"logJSON\" must be a non-empty array of objects",
      "scratch file \"/etc/x\" must be a relative path",
    ]
    for text in expected {
      #expect(found.contains { $0.contains(text) }, "missing \(text) in \(found)")
    }
  }

  @Test func configFileMakesItAPartOfTheExerciseInEveryFolder() throws {
    let found = try Self.diagnostics(
      #"{"cases": [{"name": "ok", "event": {}, "expect": {"statusCode": 200}}]}"#,
      extra: [
        "exercises/hello/starter/python/function.json":
          "{\"handler\": \"lambda_function.x\",\n \"memroy\": 128}\n"
      ])
    #expect(found.contains { $0.contains("solution/python/function.json is missing") })
    #expect(
      found.contains {
        $0.hasPrefix(
          "exercises/hello/starter/python/function.json:2: error: unknown function setting \"memroy\""
        )
      })
  }

  @Test func functionSettingsReaderReadsALearnersFile() {
    var reader = FunctionSettingsReader(file: "ws/function.json")
    let settings = reader.read(
      text: #"{"handler": "app.main", "timeout": 5, "memory": 256, "environment": {"A": "b"}}"#)
    #expect(reader.diagnostics.isEmpty)
    #expect(settings.handler(for: .python) == "app.main")
    #expect(settings.timeoutSeconds == 5)
    #expect(settings.memoryMB == 256)
    #expect(settings.resolvedEnvironment == ["A": "b"])
    var broken = FunctionSettingsReader(file: "ws/function.json")
    _ = broken.read(text: "{\"handler\": }")
    #expect(
      broken.diagnostics.first?.description.hasPrefix(
        "ws/function.json:1: error: function.json is not valid JSON") == true)
  }

  @Test func laterSettingsWinAndNullRemovesAVariable() {
    var base = FunctionSettings()
    base.handlers = [.python: "a.b"]
    base.environment = ["KEEP": "1", "DROP": "2"]
    var learner = FunctionSettings()
    learner.handler = "c.d"
    learner.timeoutSeconds = 7
    var item = FunctionSettings()
    item.environment = ["DROP": String?.none]
    let merged = base.overridden(by: learner).overridden(by: item)
    #expect(merged.handler(for: .python) == "c.d")
    #expect(merged.timeoutSeconds == 7)
    #expect(merged.resolvedEnvironment == ["KEEP": "1"])
  }
}

/// The `delivery` object of a scenario and its `expect` keys.
@Suite struct DeliverySpecValidationTests {
  @Test func aValidDeliveryScenarioLoadsWithItsSettings() throws {
    let spec = """
      {
        "cases": [{"name": "ok", "event": {}, "expect": {"statusCode": 200}}],
        "scenarios": [
          {"name": "s", "event": ["1", "2"],
           "delivery": {"source": "sqs", "batchSize": 5, "reportBatchItemFailures": true,
                        "maxReceiveCount": 3},
           "expect": {"processed": 1, "failed": 1, "receives": {"2": 3, "*": 1},
                      "records": {"sqs:my-queue-dlq": [{"body": "2"}]}}}
        ]
      }
      """
    let course = try TempCourse.valid(overriding: ["exercises/hello/spec.json": spec]).load()
    #expect(course.diagnostics.isEmpty, "\(course.diagnostics)")
    let scenario = try #require(course.course.exercise("hello")?.scenarios.first)
    let delivery = try #require(scenario.delivery)
    #expect(delivery.source == .sqs)
    #expect(delivery.batchSize == 5 && delivery.maxReceiveCount == 3)
    #expect(delivery.reportBatchItemFailures)
    #expect(scenario.deliveryExpect.processed == 1 && scenario.deliveryExpect.failed == 1)
    #expect(scenario.deliveryExpect.receives == ["2": 3, "*": 1])
    #expect(scenario.deliveryExpect.records.map(\.target) == ["sqs:my-queue-dlq"])
  }

  @Test func badDeliverySettingsAreErrorsAtTheirLine() throws {
    let spec = """
      {
        "cases": [{"name": "ok", "event": {}, "expect": {"statusCode": 200}}],
        "scenarios": [
          {"name": "a", "event": {}, "delivery": {"source": "kafka"}, "expect": {"invocations": 1}},
          {"name": "b", "event": [], "delivery": {"source": "sqs", "batchSize": 20000},
           "expect": {"processed": 0}},
          {"name": "c", "event": [], "delivery": {"source": "sqs", "fifo": true, "batchSize": 11},
           "expect": {"processed": 0}},
          {"name": "d", "event": {}, "delivery": {"source": "async", "retries": 3,
           "onFailure": "kafka:orders", "bisect": true}, "expect": {"processed": 0}},
          {"name": "e", "event": {}, "repeat": 2, "expect": {"invocations": 2}},
          {"name": "f", "event": {}, "delivery": {"source": "async"},
           "expect": {"each": {"statusCode": 200}, "receives": {"x": 1}}}
        ]
      }
      """
    let found = try SpecValidationTests.diagnostics(spec)
    let file = "exercises/hello/spec.json"
    let expected = [
      "\(file):4: error: \"delivery\" of scenario \"a\" needs a \"source\": one of \"async\"",
      "\(file):5: error: \"batchSize\" must be a whole number from 1 to 10000, not 20000",
      "\(file):7: error: \"batchSize\" must be a whole number from 1 to 10 for a FIFO queue, not 11",
      "\(file):9: error: \"retries\" must be a whole number from 0 to 2, not 3",
      "\(file):10: error: \"kafka:orders\" is not a destination",
      "\(file):10: error: unknown key \"bisect\" in the \"delivery\" of scenario \"d\" (source \"async\")",
      "\(file):11: error: \"invocations\" in the \"expect\" of scenario \"e\" needs a \"delivery\"",
      "\(file):13: error: \"each\" checks direct invokes",
      "\(file):13: error: \"receives\" counts SQS receives",
    ]
    for prefix in expected {
      #expect(
        found.contains { $0.hasPrefix(prefix) }, "\(prefix)\n\(found.joined(separator: "\n"))")
    }
    #expect(found.count == expected.count, "\(found.joined(separator: "\n"))")
  }
}
