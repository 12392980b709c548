import SystemSupport

/// Reads function settings: a case's `function` object in `spec.json`, or a learner's
/// `function.json` (handler, timeout, memory, environment, reservedConcurrency), with
/// `file:line` diagnostics for every unknown key or wrong value.
public struct FunctionSettingsReader {
  public let file: String
  /// Whether `handler` may be an object with a handler per language (specs), or only a string
  /// (a learner's file, which is for one language).
  let allowsLanguageHandlers: Bool
  public private(set) var diagnostics: [Diagnostic] = []

  public static let keys: Set<String> = [
    "handler", "timeout", "memory", "environment", "reservedConcurrency",
  ]

  public init(file: String, allowsLanguageHandlers: Bool = false) {
    self.file = file
    self.allowsLanguageHandlers = allowsLanguageHandlers
  }

  /// Parses the text of a `function.json`; diagnostics say what is wrong and where.
  public mutating func read(text: String) -> FunctionSettings {
    switch JSONParser.parse(text) {
    case .success(let node): return read(node)
    case .failure(let problem):
      error("\(fileName) is not valid JSON: \(problem.message)", problem.line)
      return FunctionSettings()
    }
  }

  private var fileName: String {
    file.split(separator: "/").last.map(String.init) ?? file
  }

  private mutating func error(_ message: String, _ line: Int) {
    diagnostics.append(.error(message, file: file, line: line))
  }

  /// Reads a settings object.
  mutating func read(_ node: JSONNode) -> FunctionSettings {
    var settings = FunctionSettings()
    settings.line = node.line
    guard let members = node.members else {
      error("function settings must be an object, not \(node.kindName)", node.line)
      return settings
    }
    for member in members where !FunctionSettingsReader.keys.contains(member.key) {
      let guess =
        DidYouMean.closest(
          to: member.key, among: FunctionSettingsReader.keys.sorted()
        ).map { "; did you mean \"\($0)\"?" } ?? ""
      error(
        "unknown function setting \"\(member.key)\"\(guess) (known: "
          + FunctionSettingsReader.keys.sorted().joined(separator: ", ") + ")", member.value.line)
    }
    if let handler = node["handler"] {
      readHandler(handler, into: &settings)
    }
    if let timeout = node["timeout"] {
      if let seconds = timeout.number, seconds >= 1, seconds <= 900 {
        settings.timeoutSeconds = seconds
      } else {
        error(
          "\"timeout\" must be seconds from 1 to 900, as in Lambda (got \(timeout.serialized()))",
          timeout.line)
      }
    }
    if let memory = node["memory"] {
      if let megabytes = memory.int, (128...10_240).contains(megabytes) {
        settings.memoryMB = megabytes
      } else {
        error(
          "\"memory\" must be MB from 128 to 10240, as in Lambda (got \(memory.serialized()))",
          memory.line)
      }
    }
    if let environment = node["environment"] {
      if let variables = environment.members {
        for member in variables {
          if case .null = member.value.value {
            settings.environment[member.key] = .some(nil)
          } else if let text = member.value.string {
            settings.environment[member.key] = text
          } else {
            error(
              "environment variable \"\(member.key)\" must be a string (Lambda stores text), "
                + "or null to remove it", member.value.line)
          }
        }
      } else {
        error("\"environment\" must be an object of \"NAME\": \"value\"", environment.line)
      }
    }
    if let reserved = node["reservedConcurrency"] {
      if let count = reserved.int, count >= 0, count <= 1000 {
        settings.reservedConcurrency = count
      } else {
        error(
          "\"reservedConcurrency\" must be a whole number from 0 to 1000 (got "
            + "\(reserved.serialized()))", reserved.line)
      }
    }
    return settings
  }

  private mutating func readHandler(_ node: JSONNode, into settings: inout FunctionSettings) {
    if let text = node.string {
      if text.contains(".") {
        settings.handler = text
      } else {
        error(
          "\"handler\" must look like module.function (e.g. lambda_function.lambda_handler)",
          node.line)
      }
      return
    }
    guard allowsLanguageHandlers, let members = node.members else {
      let form = allowsLanguageHandlers ? " or {\"python\": ..., \"node\": ...}" : ""
      error("\"handler\" must be a string such as \"index.handler\"\(form)", node.line)
      return
    }
    for member in members {
      guard let language = Language(rawValue: member.key) else {
        error(
          "unknown language \"\(member.key)\" in \"handler\"; use python or node",
          member.value.line)
        continue
      }
      if let text = member.value.string, text.contains(".") {
        settings.handlers[language] = text
      } else {
        error("the \(member.key) handler must look like module.function", member.value.line)
      }
    }
  }
}
