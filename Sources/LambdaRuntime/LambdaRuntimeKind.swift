/// The runtimes an execution environment can run.
public enum LambdaRuntimeKind: String, Sendable, CaseIterable, Codable {
  /// CPython 3 through the bundled Python bootstrap.
  case python
  /// Node.js through the bundled Node bootstrap (CommonJS and ES modules).
  case nodejs
  /// An executable named `bootstrap` in the code folder (custom runtimes, runtime interface
  /// clients).
  case provided

  /// Parses `python`, `python3.12`, `nodejs`, `nodejs20.x`, `node`, `provided`,
  /// `provided.al2023`.
  public init?(name: String) {
    let lowered = name.lowercased()
    if lowered.hasPrefix("python") {
      self = .python
    } else if lowered.hasPrefix("node") {
      self = .nodejs
    } else if lowered.hasPrefix("provided") {
      self = .provided
    } else {
      return nil
    }
  }

  /// The handler AWS uses when none is given.
  public var defaultHandler: String {
    switch self {
    case .python: return "lambda_function.lambda_handler"
    case .nodejs: return "index.handler"
    case .provided: return "bootstrap"
    }
  }

  /// The runtime a handler file implies from its extension, if any.
  public static func inferred(fromFileName name: String) -> LambdaRuntimeKind? {
    if name.hasSuffix(".py") { return .python }
    if name.hasSuffix(".js") || name.hasSuffix(".mjs") || name.hasSuffix(".cjs") {
      return .nodejs
    }
    if name == "bootstrap" { return .provided }
    return nil
  }
}
