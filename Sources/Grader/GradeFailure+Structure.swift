import Course
import JSON

extension GradeFailure {
  /// Where the difference is, as a path into what the spec checks: `statusCode`,
  /// `body.items.0.id`, `headers.Content-Type`, `logJSON[0].level`, `each.3.body.id`, ...
  public var path: String { kind.path }

  /// A stable name of the kind of check (`statusCode`, `bodyField`, `scenarioCount`...), for
  /// tools that read `check --json`.
  public var name: String { kind.name }

  /// What the check wanted, as JSON; nil when the check is not about one value.
  public var expected: JSONValue? { kind.expected }

  /// What was there, as JSON; nil when nothing was (or the check is not about one value).
  public var actual: JSONValue? { kind.actual }

  /// The 1-based invocation of a scenario the failure is about, when it is about one.
  public var invocation: Int? { kind.invocation }
}

extension GradeFailure.Kind {
  var path: String {
    switch self {
    case .unexpectedError, .missingError, .errorType: return "errorType"
    case .errorMessage, .errorMessageContains: return "errorMessage"
    case .resultNotJSON: return "result"
    case .statusCode: return "statusCode"
    case .header(let name, _, _): return "headers.\(name)"
    case .bodyNotJSON: return "body"
    case .bodyField(let miss, _), .result(_, _, let miss), .logJSONField(_, let miss, _),
      .record(let miss):
      return miss.path
    case .duration: return "duration"
    case .coldStart: return "coldStart"
    case .noScratchFolder: return "scratchFiles"
    case .scratchFile(let path, _, _): return "scratchFiles.\(path)"
    case .logMissing, .logPresent: return "logs"
    case .logLineNotJSON: return "logLinesAreJSON"
    case .logJSONNoLines(let index, _): return "logJSON[\(index)]"
    case .eventNotBuilt(let scenario, _): return scenario ? "events" : "event"
    case .timedOut: return "invocations"
    case .throttled(let number), .invocationFailed(let number, _, _):
      return "invocations.\(number)"
    case .each(let number, let inner):
      return inner.path.isEmpty ? "each.\(number)" : "each.\(number).\(inner.path)"
    case .last(let inner): return inner.path.isEmpty ? "last" : "last.\(inner.path)"
    case .scenarioCount(let counted, _, _, _), .deliveryCount(let counted, _, _, _):
      return counted.key
    case .warmDuration: return "maxWarmDurationMs"
    case .deliveryNotStarted: return "delivery"
    case .recordCount(let target, _, _, _): return "records.\(target)"
    case .noMessage(let body), .receives(let body, _, _):
      return "receives \(ExpectationChecker.quoted(body))"
    case .otherReceives: return "receives \"*\""
    case .requestUnanswered, .requestStatus: return "status"
    case .requestHeader(_, let name, _, _), .requestHeaderPresent(_, let name, _):
      return "headers.\(name)"
    case .requestBodyNotJSON: return "body"
    case .requestBody(_, let path, _): return path
    case .starterTemplateCopied, .apiNotServed: return "template"
    case .invalidConfiguration: return "function"
    case .notRun: return ""
    case .deployment(let failure): return failure.path
    }
  }

  var name: String {
    switch self {
    case .unexpectedError: return "unexpectedError"
    case .missingError: return "missingError"
    case .errorType: return "errorType"
    case .errorMessage: return "errorMessage"
    case .errorMessageContains: return "errorMessageContains"
    case .resultNotJSON: return "resultNotJSON"
    case .statusCode: return "statusCode"
    case .header: return "header"
    case .bodyNotJSON: return "bodyNotJSON"
    case .bodyField: return "bodyField"
    case .result: return "result"
    case .duration: return "duration"
    case .coldStart: return "coldStart"
    case .noScratchFolder: return "noScratchFolder"
    case .scratchFile: return "scratchFile"
    case .logMissing: return "logContains"
    case .logPresent: return "logNotContains"
    case .logLineNotJSON: return "logLinesAreJSON"
    case .logJSONNoLines: return "logJSONNoLines"
    case .logJSONField: return "logJSON"
    case .eventNotBuilt: return "eventNotBuilt"
    case .timedOut: return "timedOut"
    case .throttled: return "throttled"
    case .invocationFailed: return "invocationFailed"
    case .each(_, let inner), .last(let inner): return inner.name
    case .scenarioCount: return "scenarioCount"
    case .warmDuration: return "warmDuration"
    case .deliveryNotStarted: return "deliveryNotStarted"
    case .deliveryCount: return "deliveryCount"
    case .recordCount: return "recordCount"
    case .record: return "record"
    case .noMessage: return "noMessage"
    case .receives: return "receives"
    case .otherReceives: return "otherReceives"
    case .requestUnanswered: return "requestUnanswered"
    case .requestStatus: return "requestStatus"
    case .requestHeader: return "requestHeader"
    case .requestHeaderPresent: return "requestHeaderPresent"
    case .requestBodyNotJSON: return "requestBodyNotJSON"
    case .requestBody: return "requestBody"
    case .starterTemplateCopied: return "starterTemplateCopied"
    case .apiNotServed: return "apiNotServed"
    case .invalidConfiguration: return "invalidConfiguration"
    case .notRun: return "notRun"
    case .deployment(let failure): return failure.name
    }
  }

  var expected: JSONValue? {
    switch self {
    case .unexpectedError: return nil
    case .missingError(let type, _, _): return type.map(JSONValue.text)
    case .errorType(let expected, _): return .text(expected)
    case .errorMessage(let expected, _), .errorMessageContains(let expected, _):
      return .text(expected)
    case .statusCode(let expected, _, _): return .integer(expected)
    case .header(_, let expected, _): return .text(expected)
    case .bodyField(let miss, _), .result(_, _, let miss), .logJSONField(_, let miss, _),
      .record(let miss):
      return miss.rule.pattern
    case .duration(_, let limit, _), .warmDuration(let limit, _, _, _, _): return .decimal(limit)
    case .coldStart(let expected, _): return .flag(expected)
    case .scratchFile(_, let shouldExist, _): return .flag(shouldExist)
    case .logMissing(let text): return .text(text)
    case .logJSONNoLines(_, let wanted): return wanted
    case .timedOut(let number, _, let notRun): return .integer(number + notRun)
    case .each(_, let inner), .last(let inner): return inner.expected
    case .scenarioCount(_, let expected, _, _), .deliveryCount(_, let expected, _, _),
      .recordCount(_, let expected, _, _), .receives(_, let expected, _),
      .otherReceives(_, let expected, _):
      return .integer(expected)
    case .requestStatus(_, let expected, _, _): return .integer(expected)
    case .requestHeader(_, _, let expected, _): return .text(expected)
    case .requestBody(_, _, .different(let expected, _)): return expected
    case .deployment(let failure): return failure.expected
    default: return nil
    }
  }

  var actual: JSONValue? {
    switch self {
    case .unexpectedError(let type, let message), .invocationFailed(_, let type, let message):
      return .errorObject(type, message)
    case .missingError(_, let returned, let text): return returned ?? .text(text)
    case .errorType(_, let actual): return actual.map(JSONValue.text)
    case .errorMessage(_, let actual), .errorMessageContains(_, let actual): return .text(actual)
    case .resultNotJSON(let text), .bodyNotJSON(let text): return .text(text)
    case .statusCode(_, let actual, _): return actual
    case .header(_, _, let actual): return actual.map(JSONValue.text)
    case .bodyField(let miss, _), .result(_, _, let miss), .logJSONField(_, let miss, _),
      .record(let miss):
      return miss.actual
    case .duration(_, _, let actual), .warmDuration(_, let actual, _, _, _): return .decimal(actual)
    case .coldStart(_, let actual): return .flag(actual)
    case .scratchFile(_, let shouldExist, _): return .flag(!shouldExist)
    case .logPresent(_, let line), .logLineNotJSON(let line): return .text(line)
    case .timedOut(let number, _, _): return .integer(number)
    case .each(_, let inner), .last(let inner): return inner.actual
    case .scenarioCount(_, _, let actual, _), .deliveryCount(_, _, let actual, _),
      .recordCount(_, _, let actual, _), .receives(_, _, let actual),
      .otherReceives(_, _, let actual):
      return .integer(actual)
    case .requestStatus(_, _, let actual, _): return .integer(actual)
    case .requestHeader(_, _, _, let actual): return actual.map(JSONValue.text)
    case .requestHeaderPresent(_, _, let actual): return .text(actual)
    case .requestBodyNotJSON(_, let body): return .text(body)
    case .requestUnanswered(_, let reason): return .text(reason)
    case .requestBody(_, _, .notAnObject(let actual)),
      .requestBody(_, _, .different(_, let actual)):
      return actual
    case .deployment(let failure): return failure.actual
    default: return nil
    }
  }

  var invocation: Int? {
    switch self {
    case .timedOut(let number, _, _), .throttled(let number), .invocationFailed(let number, _, _),
      .each(let number, _), .warmDuration(_, _, let number, _, _):
      return number
    default: return nil
    }
  }
}

extension DeploymentFailure {
  /// The spec key or configuration field the failure is about: `MemorySize`,
  /// `Environment.Variables.STAGE`, `invoked`, `alias`, `resultContains`...; "" for the
  /// spec or the state as a whole.
  var path: String {
    switch self {
    case .invalidSpec, .stateUnreadable, .unknownCheck: return ""
    case .notDeployed: return "function"
    case .field(let path, _, _), .belowMinimum(let path, _, _): return path
    case .neverInvoked: return "invoked"
    case .aliasMissing: return "alias"
    case .aliasNotPublished: return "publishedVersion"
    case .runtimeNotLocal: return "Runtime"
    case .codeFailed, .codeDidNotStart: return "invoke"
    case .resultLacks: return "resultContains"
    }
  }

  var name: String {
    switch self {
    case .invalidSpec: return "invalidDeploymentSpec"
    case .stateUnreadable: return "serveStateUnreadable"
    case .notDeployed: return "notDeployed"
    case .field: return "deployedField"
    case .belowMinimum: return "deployedFieldAtLeast"
    case .neverInvoked: return "neverInvoked"
    case .aliasMissing: return "aliasMissing"
    case .aliasNotPublished: return "aliasNotPublished"
    case .runtimeNotLocal: return "runtimeNotLocal"
    case .codeFailed: return "deployedCodeFailed"
    case .resultLacks: return "deployedResultContains"
    case .codeDidNotStart: return "deployedCodeNotStarted"
    case .unknownCheck: return "unknownDeploymentCheck"
    }
  }

  /// The function name for `notDeployed`; `{"$gte": N}` for a minimum; the published
  /// versions an alias may point at for `aliasNotPublished`.
  var expected: JSONValue? {
    switch self {
    case .notDeployed(let function, _): return .text(function)
    case .field(_, let expected, _): return expected
    case .belowMinimum(_, let minimum, _): return .matcher("$gte", .integer(minimum))
    case .neverInvoked: return .flag(true)
    case .aliasMissing(let alias, _): return .text(alias)
    case .aliasNotPublished(_, _, let published): return .array(published.map(JSONValue.text))
    case .resultLacks(let text, _): return .text(text)
    default: return nil
    }
  }

  /// The deployed value; the deployed code's result as JSON (text when it is not JSON); the
  /// check itself for `unknownCheck`.
  var actual: JSONValue? {
    switch self {
    case .field(_, _, let actual), .belowMinimum(_, _, let actual): return actual
    case .neverInvoked: return .flag(false)
    case .aliasNotPublished(_, let version, _): return .text(version)
    case .runtimeNotLocal(let runtime): return .text(runtime)
    case .codeFailed(let result), .resultLacks(_, let result):
      return JSONValue.parse(result) ?? .text(result)
    case .unknownCheck(let check): return check
    default: return nil
    }
  }
}

extension GradeFailure.Counted {
  /// The spec's key for the count: `coldStarts`, `logOccurrences "charging o-1"`, ...
  public var key: String {
    switch self {
    case .invocations: return "invocations"
    case .processed: return "processed"
    case .failed: return "failed"
    case .coldStarts: return "coldStarts"
    case .throttles: return "throttles"
    case .logOccurrences(let text): return "logOccurrences \(ExpectationChecker.quoted(text))"
    }
  }
}

extension ValueRule {
  /// The rule as the spec writes it: the value, or a matcher object such as `{"$gte":1}`.
  public var pattern: JSONValue? {
    switch self {
    case .equal(let value): return value
    case .noField, .noItem: return .matcher("$exists", .flag(false))
    case .present: return .matcher("$exists", .flag(true))
    case .type(let name): return .matcher("$type", .text(name))
    case .atLeast(let bound): return .matcher("$gte", bound)
    case .atMost(let bound): return .matcher("$lte", bound)
    case .length(let count): return .matcher("$length", .integer(count))
    case .contains(let text): return .matcher("$contains", text)
    case .unknownMatcher: return nil
    }
  }
}

extension JSONValue {
  static func text(_ value: String) -> JSONValue { .string(value) }
  static func flag(_ value: Bool) -> JSONValue { .bool(value) }
  static func integer(_ value: Int) -> JSONValue {
    .int(value)
  }
  static func decimal(_ value: Double) -> JSONValue {
    .number(ExpectationChecker.format(value))
  }

  /// `{"name": argument}`.
  static func matcher(_ name: String, _ argument: JSONValue) -> JSONValue {
    object([(name, argument)])
  }

  /// `{"errorType": ..., "errorMessage": ...}` (without the type when there is none).
  static func errorObject(_ type: String?, _ message: String) -> JSONValue {
    object(
      (type.map { [("errorType", JSONValue.text($0))] } ?? []) + [("errorMessage", .text(message))])
  }

  /// An object of `members` in order.
  static func object(_ members: [(String, JSONValue)]) -> JSONValue {
    let labelled: [(key: String, value: JSONValue)] = members.map { (key: $0.0, value: $0.1) }
    return JSONValue.object(labelled)
  }
}
