import JSON
import SystemSupport

/// Checks an exercise's `deployment.json` (the checks `lambdalings check` runs against what a
/// learner deployed to `lambdalings serve`) when the course loads, so that `validate` reports a
/// typo with its `file:line` instead of leaving it to the learner's first `check`. The keys
/// and their meaning are those `DeploymentCheck` (in Grader) runs; see docs/authoring.md.
public struct DeploymentSpecReader {
  public let file: String
  public private(set) var diagnostics: [Diagnostic] = []

  /// The keys of the file's top-level object.
  public static let topKeys: Set<String> = ["function", "checks"]
  /// The keys a check may have.
  public static let checkKeys: Set<String> = [
    "name", "language", "field", "equals", "atLeast", "invoked", "invoke", "resultContains",
    "alias", "publishedVersion",
  ]
  /// The key that says what kind a check is; exactly one per check.
  static let kinds = ["field", "invoked", "invoke", "alias"]

  public init(file: String) {
    self.file = file
  }

  private mutating func error(_ message: String, _ line: Int) {
    diagnostics.append(.error(message, file: file, line: line))
  }

  /// Reads the text of a `deployment.json`; `diagnostics` says what is wrong and where.
  public mutating func read(text: String) {
    switch JSONValue.Located.parse(text) {
    case .success(let node): read(node)
    case .failure(let problem):
      error("deployment.json is not valid JSON: \(problem.message)", problem.line)
    }
  }

  private mutating func read(_ root: JSONValue.Located) {
    guard let members = root.members else {
      error(
        "deployment.json must be an object with \"function\" and \"checks\", not "
          + root.typeName, root.line)
      return
    }
    unknownKeys(members, allowed: Self.topKeys, what: "key")
    if let function = root["function"] {
      if function.stringValue?.isEmpty ?? true {
        error(
          "\"function\" must be the name of the function the learner deploys, e.g. "
            + "\"hello-world\" (got \(function.compact()))", function.line)
      }
    } else {
      error("deployment.json needs \"function\": the name the learner deploys", root.line)
    }
    guard let checks = root["checks"] else {
      error("deployment.json needs \"checks\": a list of checks (see docs/authoring.md)", root.line)
      return
    }
    guard let list = checks.arrayValue, !list.isEmpty else {
      error("\"checks\" must be a non-empty list of check objects", checks.line)
      return
    }
    var names: [String: Int] = [:]
    for check in list {
      readCheck(check)
      if let name = check["name"]?.stringValue {
        if let first = names[name] {
          error("two checks are named \"\(name)\" (the other is on line \(first))", check.line)
        }
        names[name] = names[name] ?? check.line
      }
    }
  }

  private mutating func readCheck(_ check: JSONValue.Located) {
    guard let members = check.members else {
      error("a check must be an object, not \(check.typeName)", check.line)
      return
    }
    unknownKeys(members, allowed: Self.checkKeys, what: "check key")
    if let name = check["name"] {
      if name.stringValue?.isEmpty ?? true {
        error("a check's \"name\" must be non-empty text (learners see it)", name.line)
      }
    } else {
      error("this check has no \"name\"; learners see it as 'deployed: NAME'", check.line)
    }
    if let language = check["language"], language.stringValue != "python",
      language.stringValue != "node"
    {
      error(
        "\"language\" must be \"python\" or \"node\" (got \(language.compact()))",
        language.line)
    }
    let kinds = Self.kinds.filter { check[$0] != nil }
    guard kinds.count == 1, let kind = kinds.first else {
      error(
        kinds.isEmpty
          ? "this check has none of \"field\", \"invoked\", \"invoke\" or \"alias\"; add the one "
            + "that says what it checks"
          : "this check mixes " + kinds.map { "\"\($0)\"" }.joined(separator: " and ")
            + "; split it into one check each", check.line)
      return
    }
    let allowed: Set<String>
    switch kind {
    case "field":
      allowed = ["field", "equals", "atLeast"]
      readField(check)
    case "invoked":
      allowed = ["invoked"]
      if check["invoked"]?.boolValue != true {
        error("\"invoked\" must be true", check["invoked"]?.line ?? check.line)
      }
    case "invoke":
      allowed = ["invoke", "resultContains"]
      if let contains = check["resultContains"], contains.stringValue == nil {
        error("\"resultContains\" must be text to find in the result", contains.line)
      }
    default:
      allowed = ["alias", "publishedVersion"]
      if check["alias"]?.stringValue?.isEmpty ?? true {
        error("\"alias\" must be an alias name such as \"live\"", check["alias"]?.line ?? 0)
      }
      if let published = check["publishedVersion"], published.boolValue != true {
        error("\"publishedVersion\" must be true (or left out)", published.line)
      }
    }
    for member in members
    where Self.checkKeys.contains(member.key) && !["name", "language"].contains(member.key)
      && !allowed.contains(member.key)
    {
      error(
        "\"\(member.key)\" does not belong in a \"\(kind)\" check (it takes "
          + allowed.sorted().map { "\"\($0)\"" }.joined(separator: ", ") + ")", member.value.line)
    }
  }

  private mutating func readField(_ check: JSONValue.Located) {
    guard let field = check["field"], let path = field.stringValue, !path.isEmpty else {
      error(
        "\"field\" must be a configuration path such as \"MemorySize\" or "
          + "\"Environment.Variables.STAGE\"", check["field"]?.line ?? check.line)
      return
    }
    let hasEquals = check["equals"] != nil
    let atLeast = check["atLeast"]
    if hasEquals == (atLeast != nil) {
      error(
        "the \"field\" check on \(path) needs exactly one of \"equals\" or \"atLeast\"",
        check.line)
    }
    if let atLeast, atLeast.intValue == nil {
      error(
        "\"atLeast\" must be a whole number (got \(atLeast.compact()))", atLeast.line)
    }
  }

  private mutating func unknownKeys(
    _ members: [JSONValue.Located.Member], allowed: Set<String>, what: String
  ) {
    for member in members where !allowed.contains(member.key) {
      let guess =
        DidYouMean.closest(to: member.key, among: allowed.sorted())
        .map { "; did you mean \"\($0)\"?" } ?? ""
      error(
        "unknown \(what) \"\(member.key)\"\(guess) (known: "
          + allowed.sorted().joined(separator: ", ") + ")", member.keyPosition.line)
    }
  }
}
