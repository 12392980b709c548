/// The configuration of one version of a function ($LATEST or a published number), as stored.
public struct VersionState: Codable, Sendable, Equatable {
  public var runtime: String
  public var handler: String
  public var role: String
  public var description: String
  public var timeout: Int
  public var memorySize: Int
  public var ephemeralStorage: Int
  public var environment: [String: String]
  /// Base64 SHA-256 of the zip, as Lambda reports `CodeSha256`.
  public var codeSha256: String
  /// The folder name of the extracted code under `code/`.
  public var codeID: String
  public var codeSize: Int
  public var lastModified: String
  public var revisionID: String
  /// `LoggingConfig`; nil is Lambda's default, plain text to `/aws/lambda/NAME`.
  public var logging: LoggingState?
}

/// The log format and levels of `LoggingConfig`. Levels apply to the JSON format only.
public struct LoggingState: Codable, Sendable, Equatable {
  /// "Text" or "JSON".
  public var logFormat: String
  /// TRACE, DEBUG, INFO, WARN, ERROR or FATAL (JSON only; Lambda's default is INFO).
  public var applicationLogLevel: String?
  /// DEBUG, INFO or WARN (JSON only; Lambda's default is INFO).
  public var systemLogLevel: String?

  public var isJSON: Bool { logFormat == "JSON" }
}

extension VersionState {
  /// The function's variables plus what Lambda sets for the JSON log format, which the
  /// runtime's logger reads.
  var runtimeEnvironment: [String: String] {
    var variables = environment
    if let logging, logging.isJSON {
      variables["AWS_LAMBDA_LOG_FORMAT"] = "JSON"
      variables["AWS_LAMBDA_LOG_LEVEL"] = logging.applicationLogLevel ?? "INFO"
    }
    return variables
  }

  /// The same code and configuration: only the revision, time and description may differ.
  func sameContent(as other: VersionState) -> Bool {
    var mine = self
    mine.revisionID = other.revisionID
    mine.lastModified = other.lastModified
    mine.description = other.description
    return mine == other
  }
}

/// An alias: a name pointing at a published version.
public struct AliasState: Codable, Sendable, Equatable {
  public var functionVersion: String
  public var description: String
  public var revisionID: String
  /// Weighted routing: another published version and the share of calls it gets (0-1).
  public var additionalWeights: [String: Double]?
}

/// Everything stored about one function.
public struct FunctionState: Codable, Sendable, Equatable {
  public var name: String
  public var latest: VersionState
  /// Published versions by number ("1", "2", ...).
  public var versions: [String: VersionState]
  public var lastVersion: Int
  public var aliases: [String: AliasState]
  public var reservedConcurrency: Int?
  /// Provisioned concurrency by qualifier (version number or alias).
  public var provisioned: [String: Int]
  /// `PutFunctionEventInvokeConfig` documents by qualifier, as JSON text.
  public var eventInvokeConfigs: [String: String]
  /// Resource-based policy statements (`AddPermission`) by statement id, as JSON text.
  public var permissions: [String: String]?

  /// The version a qualifier names: nil or `$LATEST`, a number, or an alias.
  public func resolve(_ qualifier: String?) -> (version: String, state: VersionState)? {
    guard let qualifier, qualifier != "$LATEST" else { return ("$LATEST", latest) }
    if let state = versions[qualifier] { return (qualifier, state) }
    if let alias = aliases[qualifier] {
      var chosen = alias.functionVersion
      // Weighted alias: the additional version gets its share of the calls.
      if let (other, weight) = alias.additionalWeights?.first, Double.random(in: 0..<1) < weight {
        chosen = other
      }
      if let state = versions[chosen] { return (chosen, state) }
    }
    return nil
  }
}

/// The whole stored state of `serve`: `{ "version": 1, "functions": {...} }`.
public struct LocalAWSState: Codable, Sendable, Equatable {
  public var version = 1
  public var functions: [String: FunctionState] = [:]

  public init() {}
}
