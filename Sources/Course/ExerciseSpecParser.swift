/// Reads an exercise's `spec.json`: graded cases and multi-invocation scenarios.
struct ExerciseSpecParser {
  let file: String
  var diagnostics: [Diagnostic] = []

  init(file: String) {
    self.file = file
  }

  static let caseKeys: Set<String> = ["name", "event", "template", "set", "expect"]
  static let expectKeys: Set<String> = [
    "statusCode", "headers", "body", "result", "errorType", "errorMessageContains", "logContains",
    "maxDurationMs",
  ]
  static let scenarioKeys: Set<String> = [
    "name", "events", "repeat", "concurrency", "expect", "event", "template", "set",
  ]

  mutating func parse(_ text: String) -> ([ExerciseCase], [Scenario]) {
    let root: JSONNode
    switch JSONParser.parse(text) {
    case .success(let node): root = node
    case .failure(let error):
      diagnostics.append(
        .error(
          "spec.json is not valid JSON: \(error.message)", file: file,
          line: error.line))
      return ([], [])
    }
    guard root.members != nil else {
      error("spec.json must be an object with \"cases\" (and optional \"scenarios\")", root.line)
      return ([], [])
    }
    unknownKeys(root, allowed: ["cases", "scenarios"])
    var cases: [ExerciseCase] = []
    if let list = root["cases"]?.array {
      for node in list { if let item = parseCase(node) { cases.append(item) } }
    } else {
      error("spec.json needs a \"cases\" array with at least one case", root["cases"]?.line ?? 1)
    }
    if cases.isEmpty && root["cases"]?.array != nil {
      error("\"cases\" is empty; add at least one case", root["cases"]?.line ?? 1)
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

  private mutating func error(_ message: String, _ line: Int) {
    diagnostics.append(.error(message, file: file, line: line))
  }

  private mutating func unknownKeys(_ node: JSONNode, allowed: Set<String>) {
    for member in node.members ?? [] where !allowed.contains(member.key) {
      let known = allowed.sorted().joined(separator: ", ")
      error("unknown key \"\(member.key)\" (known: \(known))", member.value.line)
    }
  }

  private mutating func name(_ node: JSONNode, _ kind: String) -> String? {
    guard let name = node["name"]?.string, !name.isEmpty else {
      error("every \(kind) needs a \"name\" string saying what it checks", node.line)
      return nil
    }
    return name
  }

  private mutating func parseCase(_ node: JSONNode) -> ExerciseCase? {
    guard node.members != nil else {
      error("a case must be an object, not \(node.kindName)", node.line)
      return nil
    }
    unknownKeys(node, allowed: ExerciseSpecParser.caseKeys)
    let name = name(node, "case")
    let event = parseEvent(node)
    var expect = Expectation()
    if let expectNode = node["expect"] {
      expect = parseExpectation(expectNode)
    } else {
      error("case \"\(name ?? "")\" has no \"expect\"; say what the result must be", node.line)
    }
    guard let name, let event else { return nil }
    return ExerciseCase(name: name, line: node.line, event: event, expect: expect)
  }

  private mutating func parseEvent(_ node: JSONNode) -> EventSource? {
    if let event = node["event"] {
      if node["template"] != nil {
        error("give either \"event\" or \"template\", not both", event.line)
      }
      return .inline(event.serialized())
    }
    guard let template = node["template"] else {
      error(
        "needs an \"event\" (JSON) or a \"template\" (see 'lambdalings events list')", node.line)
      return nil
    }
    guard let name = template.string else {
      error("\"template\" must be a template name string", template.line)
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

  private mutating func parseExpectation(_ node: JSONNode) -> Expectation {
    var expect = Expectation()
    guard node.members != nil else {
      error("\"expect\" must be an object, not \(node.kindName)", node.line)
      return expect
    }
    unknownKeys(node, allowed: ExerciseSpecParser.expectKeys)
    if let status = node["statusCode"] {
      expect.statusCode = status.int
      if status.int == nil { error("\"statusCode\" must be a whole number", status.line) }
    }
    for member in node["headers"]?.members ?? [] {
      if let value = member.value.string {
        expect.headers[member.key] = value
      } else {
        error("header \"\(member.key)\" must be a string", member.value.line)
      }
    }
    for member in node["body"]?.members ?? [] { expect.bodyFields[member.key] = member.value }
    expect.result = node["result"]
    expect.errorType = string(node, "errorType")
    expect.errorMessageContains = string(node, "errorMessageContains")
    if let logs = node["logContains"] {
      expect.logContains = (logs.array ?? []).compactMap(\.string)
      if logs.array == nil { error("\"logContains\" must be an array of strings", logs.line) }
    }
    if let bound = node["maxDurationMs"] {
      expect.maxDurationMs = bound.number
      if bound.number == nil { error("\"maxDurationMs\" must be a number", bound.line) }
    }
    return expect
  }

  private mutating func string(_ node: JSONNode, _ key: String) -> String? {
    guard let value = node[key] else { return nil }
    if value.string == nil { error("\"\(key)\" must be a string", value.line) }
    return value.string
  }

  private mutating func parseScenario(_ node: JSONNode) -> Scenario? {
    unknownKeys(node, allowed: ExerciseSpecParser.scenarioKeys)
    guard let name = name(node, "scenario") else { return nil }
    var events: [EventSource] = []
    if let list = node["events"]?.array {
      for item in list { if let event = parseEvent(item) { events.append(event) } }
    } else if let event = parseEvent(node) {
      events = [event]
    }
    let repeatCount = node["repeat"]?.int ?? 1
    if repeatCount < 1 || repeatCount > 1000 {
      error("\"repeat\" must be from 1 to 1000", node["repeat"]?.line ?? node.line)
    }
    events = Array(repeating: events, count: max(1, min(repeatCount, 1000))).flatMap { $0 }
    let expect = node["expect"]
    var occurrences: [String: Int] = [:]
    for member in expect?["logOccurrences"]?.members ?? [] {
      occurrences[member.key] = member.value.int
    }
    return Scenario(
      name: name, line: node.line, events: events, concurrency: node["concurrency"]?.int ?? 1,
      expectedColdStarts: expect?["coldStarts"]?.int, logOccurrences: occurrences)
  }
}
