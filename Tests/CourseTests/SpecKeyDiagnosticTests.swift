import Testing

@testable import Course

/// One negative test for every key `spec.json` knows: a fixture with a wrong value (or a
/// misspelling, for keys that take any JSON) and a marker `⚑` on the line the diagnostic must
/// point to, as swift-format's `1️⃣` markers pin a finding. The marker is removed before parsing.
@Suite struct SpecKeyDiagnosticTests {
  /// A key in its place (`case`, `expect`, `scenario`, `delivery`...), a fixture and a piece of
  /// the one error message it must produce.
  struct Row: Sendable, CustomTestStringConvertible {
    var place: String
    var key: String
    var fixture: String
    var message: String
    var testDescription: String { "\(place) \(key)" }

    init(_ place: String, _ key: String, _ fixture: String, _ message: String) {
      self.place = place
      self.key = key
      self.fixture = fixture
      self.message = message
    }
  }

  /// The fixture without its marker, and the line the marker was on.
  static func unmarked(_ fixture: String) -> (text: String, line: Int?) {
    let lines = fixture.split(separator: "\n", omittingEmptySubsequences: false)
    let index = lines.firstIndex { $0.contains("⚑") }
    return (fixture.replacingOccurrences(of: "⚑", with: ""), index.map { $0 + 1 })
  }

  static func parse(_ text: String) -> [Diagnostic] {
    var parser = ExerciseSpecParser(file: "spec.json")
    _ = parser.parse(text)
    return parser.diagnostics
  }

  /// A spec whose one case has `members` (JSON members, one or more lines) after its name.
  static func inCase(_ members: String, name: String = "\"c\"") -> String {
    "{\n  \"cases\": [\n    {\n      \"name\": \(name),\n" + members + "\n    }\n  ]\n}"
  }

  /// A case whose `expect` holds `members`.
  static func inExpect(_ members: String) -> String {
    inCase("      \"event\": {},\n      \"expect\": {\n" + members + "\n      }")
  }

  /// A spec with one valid case and one scenario holding `members` after its name.
  static func inScenario(_ members: String, name: String = "\"s\"") -> String {
    """
    {
      "cases": [{"name": "c", "event": {}, "expect": {"statusCode": 200}}],
      "scenarios": [
        {
          "name": \(name),
    \(members)
        }
      ]
    }
    """
  }

  /// A direct-invoke scenario whose `expect` holds `members`.
  static func inScenarioExpect(_ members: String) -> String {
    inScenario("      \"event\": {},\n      \"expect\": {\n" + members + "\n      }")
  }

  /// A scenario with a `delivery` from `source` holding `members`, expecting `expect`.
  static func inDelivery(_ source: String, _ members: String, expect: String = "\"processed\": 1")
    -> String
  {
    inScenario(
      "      \"event\": {},\n      \"delivery\": {\n        \"source\": \"\(source)\",\n"
        + members + "\n      },\n      \"expect\": {" + expect + "}")
  }

  /// A case whose `body` expects the field `x` to match `matcher`.
  static func matcher(_ matcher: String) -> String {
    inExpect("        \"body\": {\n          \"x\": \(matcher) ⚑\n        }")
  }

  static let root: [Row] = [
    Row(
      "spec", "cases", "{\n  \"cases\": [] ⚑\n}", "\"cases\" is empty; add at least one case"),
    Row(
      "spec", "scenarios",
      "{\n  \"cases\": [{\"name\": \"c\", \"event\": {}, \"expect\": {}}],\n  \"scenarios\": 5 ⚑\n}",
      "\"scenarios\" must be an array, not a number"),
  ]

  static let caseRows: [Row] = [
    Row(
      "case", "name", inCase("      \"event\": {},\n      \"expect\": {}", name: "\"\" ⚑"),
      "the case's \"name\" must be a non-empty string"),
    Row(
      "case", "event",
      inCase("      \"event\": {}, ⚑\n      \"template\": \"sqs\",\n      \"expect\": {}"),
      "give either \"event\" or \"template\", not both"),
    Row(
      "case", "template", inCase("      \"template\": 5, ⚑\n      \"expect\": {}"),
      "\"template\" must be a template name string, not a number"),
    Row(
      "case", "set",
      inCase("      \"template\": \"sqs\",\n      \"set\": [1], ⚑\n      \"expect\": {}"),
      "\"set\" must be an object of \"path\": value pairs"),
    Row(
      "case", "expect", inCase("      \"event\": {},\n      \"expect\": 5 ⚑"),
      "\"expect\" must be an object"),
    Row(
      "case", "function",
      inCase("      \"event\": {},\n      \"expect\": {},\n      \"function\": [] ⚑"),
      "function settings must be an object, not an array"),
    Row(
      "case", "qualifier",
      inCase("      \"event\": {},\n      \"expect\": {},\n      \"qualifier\": \"a:b\" ⚑"),
      "\"qualifier\" must be a version number or an alias name"),
  ]

  static let functionRows: [Row] = [
    Row(
      "function", "handler",
      inCase(
        "      \"event\": {},\n      \"expect\": {},\n      \"function\": {\"handler\": {\n"
          + "        \"ruby\": \"a.b\" ⚑\n      }}"),
      "unknown language \"ruby\" in \"handler\""),
    Row(
      "function", "timeout",
      inCase(
        "      \"event\": {},\n      \"expect\": {},\n      \"function\": {\n        \"timeout\": 901 ⚑\n      }"
      ),
      "\"timeout\" must be seconds from 1 to 900"),
    Row(
      "function", "memory",
      inCase(
        "      \"event\": {},\n      \"expect\": {},\n      \"function\": {\n        \"memory\": 64 ⚑\n      }"
      ),
      "\"memory\" must be MB from 128 to 10240"),
    Row(
      "function", "environment",
      inCase(
        "      \"event\": {},\n      \"expect\": {},\n      \"function\": {\"environment\": {\n"
          + "        \"A\": 1 ⚑\n      }}"),
      "environment variable \"A\" must be a string"),
    Row(
      "function", "reservedConcurrency",
      inCase(
        "      \"event\": {},\n      \"expect\": {},\n      \"function\": {\n"
          + "        \"reservedConcurrency\": -1 ⚑\n      }"),
      "\"reservedConcurrency\" must be a whole number from 0 to 1000"),
  ]

  static let expectRows: [Row] = [
    Row(
      "expect", "statusCode", inExpect("        \"statusCode\": \"200\" ⚑"),
      "\"statusCode\" must be a whole number"),
    Row(
      "expect", "headers", inExpect("        \"headers\": [1] ⚑"), "\"headers\" must be an object"),
    Row("expect", "body", inExpect("        \"body\": 5 ⚑"), "\"body\" must be an object"),
    Row("expect", "result", inExpect("        \"results\": 1 ⚑"), "did you mean \"result\"?"),
    Row(
      "expect", "errorType", inExpect("        \"errorType\": 5 ⚑"),
      "\"errorType\" must be a string"),
    Row(
      "expect", "errorMessage", inExpect("        \"errorMessage\": [] ⚑"),
      "\"errorMessage\" must be a string"),
    Row(
      "expect", "errorMessageContains", inExpect("        \"errorMessageContains\": {} ⚑"),
      "\"errorMessageContains\" must be a string"),
    Row(
      "expect", "logContains", inExpect("        \"logContains\": \"x\" ⚑"),
      "\"logContains\" must be an array of strings"),
    Row(
      "expect", "logNotContains", inExpect("        \"logNotContains\": [1] ⚑"),
      "\"logNotContains\" must be an array of strings"),
    Row(
      "expect", "logJSON", inExpect("        \"logJSON\": [] ⚑"),
      "\"logJSON\" must be a non-empty array"),
    Row(
      "expect", "logLinesAreJSON", inExpect("        \"logLinesAreJSON\": \"yes\" ⚑"),
      "\"logLinesAreJSON\" must be true or false"),
    Row(
      "expect", "maxDurationMs", inExpect("        \"maxDurationMs\": -1 ⚑"),
      "\"maxDurationMs\" must be a number of milliseconds"),
    Row(
      "expect", "minDurationMs", inExpect("        \"minDurationMs\": \"1\" ⚑"),
      "\"minDurationMs\" must be a number of milliseconds"),
    Row(
      "expect", "scratchFiles",
      inExpect("        \"scratchFiles\": {\n          \"../x\": true ⚑\n        }"),
      "must be a relative path inside the scratch folder"),
    Row(
      "expect", "coldStart", inExpect("        \"coldStart\": 1 ⚑"),
      "\"coldStart\" must be true or false"),
  ]

  static let matcherRows: [Row] = [
    Row("matcher", "$type", matcher("{\"$type\": \"text\"}"), "\"$type\" takes one of"),
    Row("matcher", "$gte", matcher("{\"$gte\": \"1\"}"), "\"$gte\" takes a number"),
    Row("matcher", "$lte", matcher("{\"$lte\": null}"), "\"$lte\" takes a number"),
    Row("matcher", "$contains", matcher("{\"$contains\": 1}"), "\"$contains\" takes a string"),
    Row("matcher", "$length", matcher("{\"$length\": 1.5}"), "\"$length\" takes a whole number"),
    Row("matcher", "$exists", matcher("{\"$exists\": \"yes\"}"), "\"$exists\" takes true or false"),
  ]

  static let scenarioRows: [Row] = [
    Row(
      "scenario", "name",
      inScenario("      \"event\": {},\n      \"expect\": {\"coldStarts\": 1}", name: "5 ⚑"),
      "the scenario's \"name\" must be a non-empty string"),
    Row(
      "scenario", "events",
      inScenario("      \"events\": [], ⚑\n      \"expect\": {\"coldStarts\": 1}"),
      "\"events\" must be a non-empty array"),
    Row(
      "scenario", "repeat",
      inScenario(
        "      \"event\": {},\n      \"repeat\": 0, ⚑\n      \"expect\": {\"coldStarts\": 1}"),
      "\"repeat\" must be a whole number from 1 to 1000, not 0"),
    Row(
      "scenario", "concurrency",
      inScenario(
        "      \"event\": {},\n      \"concurrency\": 101, ⚑\n      \"expect\": {\"coldStarts\": 1}"
      ),
      "\"concurrency\" must be a whole number from 1 to 100, not 101"),
    Row(
      "scenario", "expect", inScenario("      \"event\": {},\n      \"expect\": [] ⚑"),
      "\"expect\" must be an object, not an array"),
    Row(
      "scenario", "event",
      inScenario(
        "      \"events\": [{\"event\": {}}], ⚑\n      \"event\": {},\n      \"expect\": {\"coldStarts\": 1}"
      ),
      "give either \"events\" or one \"event\"/\"template\", not both"),
    Row(
      "scenario", "template",
      inScenario("      \"template\": false, ⚑\n      \"expect\": {\"coldStarts\": 1}"),
      "\"template\" must be a template name string, not a boolean"),
    Row(
      "scenario", "set",
      inScenario(
        "      \"event\": {},\n      \"set\": {\"a\": 1}, ⚑\n      \"expect\": {\"coldStarts\": 1}"),
      "\"set\" changes a template; with an inline \"event\", edit the event"),
    Row(
      "scenario", "function",
      inScenario(
        "      \"event\": {},\n      \"expect\": {\"coldStarts\": 1},\n      \"function\": {\n        \"memroy\": 256 ⚑\n      }"
      ),
      "unknown function setting \"memroy\"; did you mean \"memory\"?"),
    Row(
      "scenario", "qualifier",
      inScenario(
        "      \"event\": {},\n      \"expect\": {\"coldStarts\": 1},\n      \"qualifier\": \"\" ⚑"),
      "\"qualifier\" must be a version number or an alias name"),
    Row(
      "scenario", "delivery",
      inScenario(
        "      \"event\": {},\n      \"delivery\": \"sqs\", ⚑\n      \"expect\": {\"processed\": 1}"
      ),
      "\"delivery\" of scenario \"s\" must be an object with a \"source\""),
  ]

  /// `concurrency` next to a `delivery`, which sets its own.
  static let deliveryConcurrency = Row(
    "scenario", "concurrency",
    inScenario(
      "      \"event\": {},\n      \"concurrency\": 2, ⚑\n      \"delivery\": {\"source\": \"sqs\"},\n"
        + "      \"expect\": {\"processed\": 1}"),
    "\"concurrency\" is for direct invokes; a \"delivery\" sets its own")

  static let eventRows: [Row] = [
    Row(
      "events item", "event",
      inScenario(
        "      \"events\": [\n        {\"event\": {}, \"template\": \"sqs\"} ⚑\n      ],\n      \"expect\": {\"coldStarts\": 1}"
      ),
      "give either \"event\" or \"template\", not both"),
    Row(
      "events item", "template",
      inScenario(
        "      \"events\": [\n        {\"template\": 1} ⚑\n      ],\n      \"expect\": {\"coldStarts\": 1}"
      ),
      "\"template\" must be a template name string, not a number"),
    Row(
      "events item", "set",
      inScenario(
        "      \"events\": [\n        {\"template\": \"sqs\", \"set\": \"a\"} ⚑\n      ],\n      \"expect\": {\"coldStarts\": 1}"
      ),
      "\"set\" must be an object of \"path\": value pairs"),
  ]

  static let scenarioExpectRows: [Row] = [
    Row(
      "scenario expect", "coldStarts", inScenarioExpect("        \"coldStarts\": -1 ⚑"),
      "\"coldStarts\" must be a whole number"),
    Row(
      "scenario expect", "logOccurrences",
      inScenarioExpect("        \"logOccurrences\": {\n          \"START\": \"many\" ⚑\n        }"),
      "\"logOccurrences\" counts must be whole numbers"),
    Row(
      "scenario expect", "maxWarmDurationMs",
      inScenarioExpect("        \"maxWarmDurationMs\": \"fast\" ⚑"),
      "\"maxWarmDurationMs\" must be a number of milliseconds"),
    Row(
      "scenario expect", "throttles", inScenarioExpect("        \"throttles\": 1.5 ⚑"),
      "\"throttles\" must be a whole number"),
    Row(
      "scenario expect", "each",
      inScenarioExpect("        \"each\": {\n          \"statusCod\": 200 ⚑\n        }"),
      "did you mean \"statusCode\"?"),
    Row(
      "scenario expect", "last",
      inScenarioExpect("        \"last\": {\n          \"coldStart\": \"no\" ⚑\n        }"),
      "\"coldStart\" must be true or false"),
    Row(
      "scenario expect", "scratchFiles", inScenarioExpect("        \"scratchFiles\": [] ⚑"),
      "\"scratchFiles\" must be an object of \"path\": true"),
    Row(
      "scenario expect", "invocations", inScenarioExpect("        \"invocations\": 2 ⚑"),
      "\"invocations\" in the \"expect\" of scenario \"s\" needs a \"delivery\""),
    Row(
      "scenario expect", "processed",
      inDelivery(
        "sqs", "        \"batchSize\": 1", expect: "\n        \"processed\": -1 ⚑\n      "),
      "\"processed\" must be a whole number"),
    Row(
      "scenario expect", "failed",
      inDelivery(
        "sqs", "        \"batchSize\": 1", expect: "\n        \"failed\": \"1\" ⚑\n      "),
      "\"failed\" must be a whole number"),
    Row(
      "scenario expect", "records",
      inDelivery(
        "async", "        \"retries\": 0",
        expect: "\n        \"records\": {\n          \"queue:x\": [] ⚑\n        }\n      "),
      "\"queue:x\" is not a destination"),
    Row(
      "scenario expect", "receives",
      inDelivery(
        "async", "        \"retries\": 0", expect: "\n        \"receives\": {\"m\": 1} ⚑\n      "),
      "\"receives\" counts SQS receives; it needs \"source\": \"sqs\""),
  ]

  static let deliveryRows: [Row] = [
    Row(
      "delivery", "source",
      inScenario(
        "      \"event\": {},\n      \"delivery\": {\n        \"source\": \"sns\" ⚑\n      },\n      \"expect\": {\"processed\": 1}"
      ),
      "needs a \"source\": one of"),
    Row(
      "delivery", "retries", inDelivery("async", "        \"retries\": 3 ⚑"),
      "\"retries\" must be a whole number from 0 to 2, not 3"),
    Row(
      "delivery", "maxEventAge", inDelivery("async", "        \"maxEventAge\": 59 ⚑"),
      "\"maxEventAge\" must be a whole number from 60 to 21600 seconds, not 59"),
    Row(
      "delivery", "onSuccess", inDelivery("async", "        \"onSuccess\": 5 ⚑"),
      "\"onSuccess\" must be a \"TYPE:NAME\" string"),
    Row(
      "delivery", "onFailure", inDelivery("async", "        \"onFailure\": \"sqs\" ⚑"),
      "\"sqs\" is not a destination"),
    Row(
      "delivery", "dlq", inDelivery("async", "        \"dlq\": \"ftp:x\" ⚑"),
      "\"ftp:x\" is not a destination"),
    Row(
      "delivery", "duplicates", inDelivery("async", "        \"duplicates\": 1.5 ⚑"),
      "\"duplicates\" must be a number from 0 to 1"),
    Row(
      "delivery", "seed", inDelivery("async", "        \"seed\": -1 ⚑"),
      "\"seed\" must be a whole number from 0 or more"),
    Row(
      "delivery", "batchSize",
      inDelivery("sqs", "        \"fifo\": true,\n        \"batchSize\": 11 ⚑"),
      "\"batchSize\" must be a whole number from 1 to 10 for a FIFO queue"),
    Row(
      "delivery", "batchWindow", inDelivery("sqs", "        \"batchWindow\": 301 ⚑"),
      "\"batchWindow\" must be a number from 0 to 300 seconds"),
    Row(
      "delivery", "reportBatchItemFailures",
      inDelivery("sqs", "        \"reportBatchItemFailures\": \"yes\" ⚑"),
      "\"reportBatchItemFailures\" must be true or false"),
    Row(
      "delivery", "visibilityTimeout", inDelivery("sqs", "        \"visibilityTimeout\": 43201 ⚑"),
      "\"visibilityTimeout\" must be a number from 0 to 43200 seconds"),
    Row(
      "delivery", "maxReceiveCount", inDelivery("sqs", "        \"maxReceiveCount\": 0 ⚑"),
      "\"maxReceiveCount\" must be a whole number from 1 to 1000"),
    Row(
      "delivery", "fifo", inDelivery("sqs", "        \"fifo\": 1 ⚑"),
      "\"fifo\" must be true or false"),
    Row(
      "delivery", "bisect", inDelivery("kinesis", "        \"bisect\": \"on\" ⚑"),
      "\"bisect\" must be true or false"),
    Row(
      "delivery", "maxRecordAge", inDelivery("dynamodb", "        \"maxRecordAge\": 30 ⚑"),
      "\"maxRecordAge\" must be -1 or 60 to 604800 seconds, not 30"),
    Row(
      "delivery", "shards", inDelivery("kinesis", "        \"shards\": 17 ⚑"),
      "\"shards\" must be a whole number from 1 to 16"),
    Row(
      "delivery", "unknown for its source", inDelivery("sqs", "        \"bisect\": true ⚑"),
      "unknown key \"bisect\" in the \"delivery\""),
  ]

  static let rows =
    root + caseRows + functionRows + expectRows + matcherRows + scenarioRows
    + [deliveryConcurrency] + eventRows
    + scenarioExpectRows + deliveryRows

  @Test(arguments: rows) func eachKeyHasADiagnosticAtItsLine(_ row: Row) throws {
    let (text, marked) = Self.unmarked(row.fixture)
    let line = try #require(marked, "the fixture has no ⚑ marker")
    let found = Self.parse(text).filter { $0.severity == .error }
    let matching = found.filter { $0.message.contains(row.message) }
    #expect(matching.count == 1, "\(found.map(\.description))")
    #expect(matching.first?.line == line, "\(found.map(\.description))")
    // Nothing else is wrong with the fixture: its one mistake gives one error.
    #expect(found.count == 1, "\(found.map(\.description))")
  }

  /// Every key the parser knows has a row above, so a new key cannot come without its test.
  @Test func everyKeyHasARow() {
    func keys(_ places: String...) -> Set<String> {
      Set(Self.rows.filter { places.contains($0.place) }.map(\.key))
    }
    #expect(keys("spec") == ["cases", "scenarios"])
    #expect(ExerciseSpecParser.caseKeys.subtracting(keys("case")).isEmpty)
    #expect(FunctionSettingsReader.keys.subtracting(keys("function")).isEmpty)
    #expect(ExerciseSpecParser.expectKeys.subtracting(keys("expect")).isEmpty)
    #expect(ExerciseSpecParser.matchers.subtracting(keys("matcher")).isEmpty)
    #expect(ExerciseSpecParser.scenarioKeys.subtracting(keys("scenario")).isEmpty)
    #expect(ExerciseSpecParser.eventKeys.subtracting(keys("events item")).isEmpty)
    #expect(ExerciseSpecParser.scenarioExpectKeys.subtracting(keys("scenario expect")).isEmpty)
    let delivery = Delivery.Source.allCases.reduce(into: Set(["source"])) {
      $0.formUnion(ExerciseSpecParser.deliveryKeys($1))
    }
    #expect(delivery.subtracting(keys("delivery")).isEmpty)
  }

  /// The fixtures are right apart from their one mistake: without the marked line's problem
  /// the base documents parse cleanly.
  @Test func baseFixturesAreValid() {
    #expect(Self.parse(Self.inExpect("        \"statusCode\": 200")).isEmpty)
    #expect(Self.parse(Self.inScenarioExpect("        \"coldStarts\": 1")).isEmpty)
    #expect(Self.parse(Self.inDelivery("sqs", "        \"batchSize\": 1")).isEmpty)
    #expect(Self.parse(Self.unmarked(Self.matcher("{\"$gte\": 1}")).text).isEmpty)
  }
}
