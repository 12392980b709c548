import JSON
import SystemSupport

extension ExerciseSpecParser {
  /// A case's `expect` (also a scenario's `each` and `last`), every key and type checked.
  mutating func parseExpectation(_ node: JSONValue.Located, in place: String) -> Expectation {
    var expect = Expectation()
    guard let members = node.members else {
      error("\"expect\" must be an object, not \(node.typeName)", node.line)
      return expect
    }
    if members.isEmpty {
      warning("the \"expect\" of \(place) is empty, so it checks nothing; add a check", node.line)
    }
    unknownKeys(node, allowed: ExerciseSpecParser.expectKeys, in: "the \"expect\" of \(place)")
    if let status = node["statusCode"] {
      expect.statusCode = status.intValue
      if status.intValue == nil {
        error("\"statusCode\" must be a whole number, not \(status.compact())", status.line)
      }
    }
    if let headers = node["headers"] {
      if let list = headers.members {
        for member in list {
          if let value = member.value.stringValue {
            expect.headers[member.key] = value
          } else {
            error("header \"\(member.key)\" must be a string", member.value.line)
          }
        }
      } else {
        error("\"headers\" must be an object of \"Name\": \"value\"", headers.line)
      }
    }
    if let body = node["body"] {
      if let list = body.members {
        for member in list {
          checkMatcher(member.value)
          expect.bodyFields[member.key] = member.value.value
        }
      } else {
        error(
          "\"body\" must be an object of \"dotted.path\": expected value, not \(body.typeName)",
          body.line)
      }
    }
    expect.result = node["result"]?.value
    expect.errorType = string(node, "errorType")
    expect.errorMessage = string(node, "errorMessage")
    expect.errorMessageContains = string(node, "errorMessageContains")
    expect.logContains = strings(node, "logContains")
    expect.logNotContains = strings(node, "logNotContains")
    if let logJSON = node["logJSON"] {
      if let items = logJSON.arrayValue, !items.isEmpty, items.allSatisfy({ $0.members != nil }) {
        expect.logJSON = items.map(\.value)
        for item in items { for member in item.members ?? [] { checkMatcher(member.value) } }
      } else {
        error(
          "\"logJSON\" must be a non-empty array of objects, each the fields one log line must have",
          logJSON.line)
      }
    }
    if let flag = node["logLinesAreJSON"] {
      if let value = flag.boolValue {
        expect.logLinesAreJSON = value
      } else {
        error("\"logLinesAreJSON\" must be true or false", flag.line)
      }
    }
    expect.maxDurationMs = milliseconds(node, "maxDurationMs")
    expect.minDurationMs = milliseconds(node, "minDurationMs")
    expect.scratchFiles = scratchFiles(node)
    if let cold = node["coldStart"] {
      if let value = cold.boolValue {
        expect.coldStart = value
      } else {
        error("\"coldStart\" must be true or false", cold.line)
      }
    }
    return expect
  }

  /// Checks a matcher object such as `{"$gte": 1}` used as an expected value.
  mutating func checkMatcher(_ value: JSONValue.Located) {
    guard let members = value.members, let first = members.first, first.key.hasPrefix("$")
    else { return }
    guard members.count == 1 else {
      error("a matcher object has exactly one \"$...\" key", value.line)
      return
    }
    let known = ExerciseSpecParser.matchers
    guard known.contains(first.key) else {
      let guess =
        DidYouMean.closest(to: first.key, among: known.sorted())
        .map { "; did you mean \"\($0)\"?" } ?? ""
      error(
        "unknown matcher \"\(first.key)\"\(guess) (known: \(known.sorted().joined(separator: ", ")))",
        first.value.line)
      return
    }
    let argument = first.value
    switch first.key {
    case "$type":
      if argument.stringValue.map(ExerciseSpecParser.typeNames.contains) != true {
        error(
          "\"$type\" takes one of \(ExerciseSpecParser.typeNames.sorted().joined(separator: ", "))",
          argument.line)
      }
    case "$gte", "$lte":
      if argument.doubleValue == nil { error("\"\(first.key)\" takes a number", argument.line) }
    case "$length":
      if argument.intValue == nil { error("\"$length\" takes a whole number", argument.line) }
    case "$contains":
      if argument.stringValue == nil { error("\"$contains\" takes a string", argument.line) }
    default:
      if argument.boolValue == nil { error("\"$exists\" takes true or false", argument.line) }
    }
  }

  /// The `function` object of a case or scenario.
  mutating func parseFunction(_ node: JSONValue.Located) -> FunctionSettings {
    var reader = FunctionSettingsReader(file: file, allowsLanguageHandlers: true)
    let settings = reader.read(node)
    diagnostics += reader.diagnostics
    return settings
  }
}
