import SystemSupport

/// Reads an exercise's `spec.json`: graded cases and multi-invocation scenarios. Every key is
/// checked (an unknown one is an error with a "did you mean"), every value has its type checked,
/// and every problem is located at its line.
struct ExerciseSpecParser {
  let file: String
  var diagnostics: [Diagnostic] = []

  init(file: String) {
    self.file = file
  }

  static let caseKeys: Set<String> = [
    "name", "event", "template", "set", "expect", "function", "qualifier",
  ]
  static let expectKeys: Set<String> = [
    "statusCode", "headers", "body", "result", "errorType", "errorMessage",
    "errorMessageContains", "logContains", "logNotContains", "logJSON", "logLinesAreJSON",
    "maxDurationMs", "minDurationMs", "scratchFiles", "coldStart",
  ]
  static let scenarioKeys: Set<String> = [
    "name", "events", "repeat", "concurrency", "expect", "event", "template", "set", "function",
    "qualifier", "delivery",
  ]
  static let scenarioExpectKeys = Set([
    "coldStarts", "logOccurrences", "maxWarmDurationMs", "throttles", "each", "last",
    "scratchFiles",
  ]).union(deliveryExpectKeys)
  static let eventKeys: Set<String> = ["event", "template", "set"]
  /// Matchers allowed as a `body` value: `{"$gte": 1}`.
  static let matchers: Set<String> = ["$type", "$gte", "$lte", "$contains", "$length", "$exists"]
  static let typeNames: Set<String> = [
    "string", "number", "integer", "boolean", "object", "array", "null",
  ]

  mutating func parse(_ text: String) -> ([ExerciseCase], [Scenario]) {
    let root: JSONNode
    switch JSONParser.parse(text) {
    case .success(let node): root = node
    case .failure(let error):
      diagnostics.append(
        .error("spec.json is not valid JSON: \(error.message)", file: file, line: error.line))
      return ([], [])
    }
    guard root.members != nil else {
      error("spec.json must be an object with \"cases\" (and optional \"scenarios\")", root.line)
      return ([], [])
    }
    unknownKeys(root, allowed: ["cases", "scenarios"], in: "spec.json")
    var cases: [ExerciseCase] = []
    if let node = root["cases"], let list = node.array {
      for item in list { if let parsed = parseCase(item) { cases.append(parsed) } }
      if list.isEmpty { error("\"cases\" is empty; add at least one case", node.line) }
    } else if let node = root["cases"] {
      error("\"cases\" must be an array of cases, not \(node.kindName)", node.line)
    } else {
      error("spec.json needs a \"cases\" array with at least one case", root.line)
    }
    var scenarios: [Scenario] = []
    if let node = root["scenarios"] {
      if let list = node.array {
        for item in list { if let scenario = parseScenario(item) { scenarios.append(scenario) } }
      } else {
        error("\"scenarios\" must be an array, not \(node.kindName)", node.line)
      }
    }
    return (cases, scenarios)
  }

  mutating func error(_ message: String, _ line: Int) {
    diagnostics.append(.error(message, file: file, line: line))
  }

  mutating func warning(_ message: String, _ line: Int) {
    diagnostics.append(.warning(message, file: file, line: line))
  }

  /// An error for each key of `node` not in `allowed`, with the closest known key.
  mutating func unknownKeys(_ node: JSONNode, allowed: Set<String>, in place: String) {
    for member in node.members ?? [] where !allowed.contains(member.key) {
      let known = allowed.sorted().joined(separator: ", ")
      let guess =
        DidYouMean.closest(to: member.key, among: allowed.sorted())
        .map { "; did you mean \"\($0)\"?" } ?? ""
      error(
        "unknown key \"\(member.key)\" in \(place)\(guess) (known: \(known))", member.value.line)
    }
  }

  private mutating func name(_ node: JSONNode, _ kind: String) -> String? {
    guard let value = node["name"] else {
      error("every \(kind) needs a \"name\" string saying what it checks", node.line)
      return nil
    }
    guard let name = value.string, !name.isEmpty else {
      error("the \(kind)'s \"name\" must be a non-empty string", value.line)
      return nil
    }
    return name
  }

  private mutating func parseCase(_ node: JSONNode) -> ExerciseCase? {
    guard node.members != nil else {
      error("a case must be an object, not \(node.kindName)", node.line)
      return nil
    }
    unknownKeys(node, allowed: ExerciseSpecParser.caseKeys, in: "a case")
    let name = name(node, "case")
    let event = parseEvent(node)
    var expect = Expectation()
    if let expectNode = node["expect"] {
      expect = parseExpectation(expectNode, in: "case \"\(name ?? "")\"")
    } else {
      error("case \"\(name ?? "")\" has no \"expect\"; say what the result must be", node.line)
    }
    let function = node["function"].map { parseFunction($0) } ?? FunctionSettings()
    let qualifier = parseQualifier(node)
    guard let name, let event else { return nil }
    return ExerciseCase(
      name: name, line: node.line, event: event, expect: expect, function: function,
      qualifier: qualifier, source: node.serialized())
  }

  private mutating func parseQualifier(_ node: JSONNode) -> String? {
    guard let value = node["qualifier"] else { return nil }
    guard let text = value.string, !text.isEmpty, !text.contains(":") else {
      error(
        "\"qualifier\" must be a version number or an alias name such as \"live\"", value.line)
      return nil
    }
    return text
  }

  private mutating func parseEvent(_ node: JSONNode) -> EventSource? {
    if let event = node["event"] {
      if node["template"] != nil {
        error("give either \"event\" or \"template\", not both", event.line)
      }
      if let set = node["set"] {
        error("\"set\" changes a template; with an inline \"event\", edit the event", set.line)
      }
      return .inline(event.serialized())
    }
    guard let template = node["template"] else {
      error(
        "needs an \"event\" (JSON) or a \"template\" (see 'lambdalings events list')", node.line)
      return nil
    }
    guard let name = template.string else {
      error("\"template\" must be a template name string, not \(template.kindName)", template.line)
      return nil
    }
    var overrides: [EventSource.Override] = []
    if let set = node["set"] {
      guard let members = set.members else {
        error("\"set\" must be an object of \"path\": value pairs", set.line)
        return nil
      }
      for member in members {
        let value = member.value.string ?? member.value.serialized()
        overrides.append(EventSource.Override(path: member.key, value: value))
      }
    }
    return .template(name: name, overrides: overrides)
  }

  private mutating func parseScenario(_ node: JSONNode) -> Scenario? {
    guard node.members != nil else {
      error("a scenario must be an object, not \(node.kindName)", node.line)
      return nil
    }
    unknownKeys(node, allowed: ExerciseSpecParser.scenarioKeys, in: "a scenario")
    let scenarioName = name(node, "scenario")
    var events: [EventSource] = []
    if let list = node["events"] {
      if node["event"] != nil || node["template"] != nil {
        error("give either \"events\" or one \"event\"/\"template\", not both", list.line)
      }
      if let items = list.array, !items.isEmpty {
        for item in items {
          guard item.members != nil else {
            error(
              "each of \"events\" must be an object with \"event\" or \"template\", not "
                + item.kindName, item.line)
            continue
          }
          unknownKeys(item, allowed: ExerciseSpecParser.eventKeys, in: "an item of \"events\"")
          if let event = parseEvent(item) { events.append(event) }
        }
      } else {
        error("\"events\" must be a non-empty array of {\"event\": ...} objects", list.line)
      }
    } else if let event = parseEvent(node) {
      events = [event]
    }
    var repeatCount = 1
    if let value = node["repeat"] {
      if let count = value.int, (1...1000).contains(count) {
        repeatCount = count
      } else {
        error(
          "\"repeat\" must be a whole number from 1 to 1000, not \(value.serialized())", value.line)
      }
    }
    var concurrency = 1
    if let value = node["concurrency"] {
      if let count = value.int, (1...100).contains(count) {
        concurrency = count
      } else {
        error(
          "\"concurrency\" must be a whole number from 1 to 100, not \(value.serialized())",
          value.line)
      }
    }
    events = Array(repeating: events, count: repeatCount).flatMap { $0 }
    guard let scenarioName else { return nil }
    var scenario = Scenario(
      name: scenarioName, line: node.line, events: events, concurrency: concurrency)
    if let delivery = node["delivery"] {
      scenario.delivery = parseDelivery(delivery, in: "scenario \"\(scenarioName)\"")
      if let concurrency = node["concurrency"] {
        error(
          "\"concurrency\" is for direct invokes; a \"delivery\" sets its own", concurrency.line)
      }
    }
    if let expect = node["expect"] {
      parseScenarioExpectation(expect, into: &scenario, deliveryGiven: node["delivery"] != nil)
    } else {
      error("scenario \"\(scenarioName)\" has no \"expect\"; say what must hold", node.line)
    }
    scenario.function = node["function"].map { parseFunction($0) } ?? FunctionSettings()
    scenario.qualifier = parseQualifier(node)
    scenario.source = node.serialized()
    return events.isEmpty ? nil : scenario
  }

  private mutating func parseScenarioExpectation(
    _ node: JSONNode, into scenario: inout Scenario, deliveryGiven: Bool
  ) {
    guard let members = node.members else {
      error("\"expect\" must be an object, not \(node.kindName)", node.line)
      return
    }
    let place = "scenario \"\(scenario.name)\""
    if members.isEmpty {
      warning("\"expect\" of \(place) is empty, so it checks nothing; add a check", node.line)
    }
    unknownKeys(
      node, allowed: ExerciseSpecParser.scenarioExpectKeys, in: "the \"expect\" of \(place)")
    parseDeliveryExpectation(node, into: &scenario, place: place, deliveryGiven: deliveryGiven)
    scenario.expectedColdStarts = count(node, "coldStarts")
    scenario.throttles = count(node, "throttles")
    scenario.maxWarmDurationMs = milliseconds(node, "maxWarmDurationMs")
    if let occurrences = node["logOccurrences"] {
      if let list = occurrences.members {
        for member in list {
          if let value = member.value.int, value >= 0 {
            scenario.logOccurrences[member.key] = value
          } else {
            error(
              "\"logOccurrences\" counts must be whole numbers (\"\(member.key)\" has "
                + "\(member.value.serialized()))", member.value.line)
          }
        }
      } else {
        error("\"logOccurrences\" must be an object of \"text\": count", occurrences.line)
      }
    }
    if let each = node["each"] {
      scenario.each = parseExpectation(each, in: "\"each\" of \(place)")
    }
    if let last = node["last"] {
      scenario.last = parseExpectation(last, in: "\"last\" of \(place)")
    }
    scenario.scratchFiles = scratchFiles(node)
  }

  /// A whole number of at least 0 under `key`, or an error.
  mutating func count(_ node: JSONNode, _ key: String) -> Int? {
    guard let value = node[key] else { return nil }
    guard let number = value.int, number >= 0 else {
      error("\"\(key)\" must be a whole number, not \(value.serialized())", value.line)
      return nil
    }
    return number
  }

  /// A non-negative number of milliseconds under `key`, or an error.
  mutating func milliseconds(_ node: JSONNode, _ key: String) -> Double? {
    guard let value = node[key] else { return nil }
    guard let number = value.number, number >= 0 else {
      error("\"\(key)\" must be a number of milliseconds, not \(value.serialized())", value.line)
      return nil
    }
    return number
  }

  mutating func string(_ node: JSONNode, _ key: String) -> String? {
    guard let value = node[key] else { return nil }
    if value.string == nil {
      error("\"\(key)\" must be a string, not \(value.kindName)", value.line)
    }
    return value.string
  }

  /// An array of strings under `key`, or an error.
  mutating func strings(_ node: JSONNode, _ key: String) -> [String] {
    guard let value = node[key] else { return [] }
    guard let items = value.array, items.allSatisfy({ $0.string != nil }) else {
      error("\"\(key)\" must be an array of strings", value.line)
      return []
    }
    return items.compactMap(\.string)
  }

  mutating func scratchFiles(_ node: JSONNode) -> [String: Bool] {
    guard let value = node["scratchFiles"] else { return [:] }
    guard let members = value.members else {
      error(
        "\"scratchFiles\" must be an object of \"path\": true (must exist) or false (must not)",
        value.line)
      return [:]
    }
    var result: [String: Bool] = [:]
    for member in members {
      if member.key.isEmpty || member.key.hasPrefix("/") || member.key.contains("..") {
        error(
          "scratch file \"\(member.key)\" must be a relative path inside the scratch folder",
          member.value.line)
      } else if let flag = member.value.bool {
        result[member.key] = flag
      } else {
        error("scratch file \"\(member.key)\" must map to true or false", member.value.line)
      }
    }
    return result
  }
}
