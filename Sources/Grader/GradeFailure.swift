import Course
import JSON

/// One check that did not hold, as a value: what was checked, what was expected, what happened,
/// and where the check is written. The sentence a learner reads is made by whoever prints the
/// failure (the CLI's `GradeReportPrinter`); `check --json` carries the structure.
public struct GradeFailure: Sendable, Equatable {
  public var kind: Kind
  /// The exercise file that declares the check: `spec.json`, `api.json` or `deployment.json`.
  public var specFile: String
  /// The line of the check in `specFile`: 0 when the checker does not know it, and then the
  /// report fills in the line of the case or scenario (`GradeReport`). Expected values do not
  /// carry lines of their own since they became `JSONValue`s.
  public var line: Int

  public init(_ kind: Kind, specFile: String = "spec.json", line: Int = 0) {
    self.kind = kind
    self.specFile = specFile
    self.line = line
  }

  /// What a check found wrong. Values that are JSON (results, body fields, status codes as the
  /// handler returned them) stay JSON; texts stay texts.
  public indirect enum Kind: Sendable, Equatable {
    // MARK: Errors
    /// A result was expected, but the invocation failed.
    case unexpectedError(errorType: String?, message: String)
    /// An error was expected (of `expectedType` when named), but the invocation returned
    /// `returned` (nil when the result is not JSON; `text` is what came back).
    case missingError(expectedType: String?, returned: JSONValue?, text: String)
    case errorType(expected: String, actual: String?)
    case errorMessage(expected: String, actual: String)
    case errorMessageContains(expected: String, actual: String)

    // MARK: The result
    /// A check needs a JSON result and the handler returned other text.
    case resultNotJSON(text: String)
    /// `actual` is the result's `statusCode` (nil when it has none); `result` the whole result.
    case statusCode(expected: Int, actual: JSONValue?, result: JSONValue)
    /// A response header, matched by name case-insensitively; nil when it is missing.
    case header(name: String, expected: String, actual: String?)
    /// Body checks need a JSON body, and the body is this text.
    case bodyNotJSON(text: String)
    /// A `body` path; `lookedIn` is the body searched when the field is missing.
    case bodyField(ValueMismatch, lookedIn: JSONValue?)
    /// The whole result differs; `difference` is the first place.
    case result(expected: JSONValue, actual: JSONValue, difference: ValueMismatch)

    // MARK: Timing and files
    case duration(bound: Bound, limitMs: Double, actualMs: Double)
    case coldStart(expected: Bool, actual: Bool)
    case noScratchFolder
    /// A file that should (or should not) be in the function's `/tmp`; `files` is what is there.
    case scratchFile(path: String, shouldExist: Bool, files: [String])

    // MARK: Logs
    case logMissing(text: String)
    case logPresent(text: String, line: String)
    case logLineNotJSON(line: String)
    /// `logJSON[index]`: the function printed no JSON log line at all.
    case logJSONNoLines(index: Int, wanted: JSONValue)
    /// `logJSON[index]`: no line has every field; the closest line's first difference.
    case logJSONField(index: Int, ValueMismatch, closest: JSONValue)

    // MARK: Scenarios
    case eventNotBuilt(scenario: Bool, reason: String)
    /// Invocation `invocation` timed out, so the `notRun` later ones were not run.
    case timedOut(invocation: Int, timeoutSeconds: Double, notRun: Int)
    case throttled(invocation: Int)
    case invocationFailed(invocation: Int, errorType: String?, message: String)
    /// A scenario's `each` expectation failed on invocation `invocation`.
    case each(invocation: Int, Kind)
    /// A scenario's `last` expectation failed.
    case last(Kind)
    /// A scenario count (`coldStarts`, `throttles`, `logOccurrences`) over `invocations`.
    case scenarioCount(Counted, expected: Int, actual: Int, invocations: Int)
    /// A warm invocation took longer than `maxWarmDurationMs`: the first one (1-based), and
    /// how many of the warm ones did.
    case warmDuration(limitMs: Double, actualMs: Double, invocation: Int, slower: Int, warm: Int)

    // MARK: Deliveries
    case deliveryNotStarted(source: Delivery.Source, reason: String)
    /// A delivery count (`invocations`, `processed`, `failed`, `coldStarts`,
    /// `logOccurrences`).
    case deliveryCount(Counted, expected: Int, actual: Int, source: Delivery.Source)
    /// A destination or dead-letter queue received `actual` records; `elsewhere` names the
    /// other targets that received some.
    case recordCount(target: String, expected: Int, actual: Int, elsewhere: [String])
    /// A received record lacks what its pattern lists.
    case record(ValueMismatch)
    /// SQS: no message has this body.
    case noMessage(body: String)
    case receives(body: String, expected: Int, actual: Int)
    /// SQS `"*"`: a message not named was received `actual` times.
    case otherReceives(body: String, expected: Int, actual: Int)

    // MARK: HTTP requests (api.json)
    case requestUnanswered(request: String, reason: String)
    case requestStatus(request: String, expected: Int, actual: Int, body: String)
    case requestHeader(request: String, name: String, expected: String, actual: String?)
    case requestHeaderPresent(request: String, name: String, actual: String)
    case requestBodyNotJSON(request: String, body: String)
    case requestBody(request: String, path: String, APIBody)
    /// The starter template was copied next to the handler for this run.
    case starterTemplateCopied(template: String, destination: String)
    /// The API could not be served (the template's problems, a port).
    case apiNotServed(reason: String)

    // MARK: Setup and others
    case invalidConfiguration(reason: String)
    /// The case or scenario was not run (see `CaseResult.skipped`).
    case notRun(SkipReason)
    /// A check of `deployment.json` on what the learner deployed to `lambdalings serve`.
    case deployment(DeploymentFailure)
  }

  /// Which side of a duration bound was crossed.
  public enum Bound: String, Sendable, Equatable {
    case atMost
    case atLeast
  }

  /// What a scenario or delivery counts.
  public enum Counted: Sendable, Equatable {
    case invocations
    case processed
    case failed
    case coldStarts
    case throttles
    case logOccurrences(String)
  }

  /// How an API response body differs from `json`.
  public enum APIBody: Sendable, Equatable {
    case notAnObject(actual: JSONValue)
    case missing
    case different(expected: JSONValue, actual: JSONValue)
  }
}

/// What a `deployment.json` check found wrong with what the learner deployed to
/// `lambdalings serve` (or with the spec itself).
public enum DeploymentFailure: Sendable, Equatable {
  /// The spec cannot be used. `line` and `reason` say where and why when the JSON is broken
  /// (0 and nil when it is valid JSON of the wrong shape, or cannot be read).
  case invalidSpec(file: String, line: Int, reason: String?)
  /// `serve`'s stored state could not be read; `reason` names the file and what to do.
  case stateUnreadable(reason: String)
  /// No function of that name in the state folder.
  case notDeployed(function: String, stateFolder: String)
  /// A configuration `field` differs from the spec's `equals`; `actual` is nil when the
  /// function has no such field.
  case field(path: String, expected: JSONValue, actual: JSONValue?)
  /// A configuration `field` is not a whole number of at least `minimum` (`atLeast`).
  case belowMinimum(path: String, minimum: Int, actual: JSONValue?)
  /// The function's log group has no invocation.
  case neverInvoked(logGroup: String)
  case aliasMissing(alias: String, function: String)
  /// The alias points at `version`, which is not one of the `published` versions.
  case aliasNotPublished(alias: String, version: String, published: [String])
  /// The deployed runtime has no local runtime, so the code cannot be invoked here.
  case runtimeNotLocal(runtime: String)
  /// Invoking the deployed code returned an error; `result` is the error payload as text.
  case codeFailed(result: String)
  /// The deployed code's `result` (as text) lacks `text` (`resultContains`).
  case resultLacks(text: String, result: String)
  /// The deployed code could not be started at all.
  case codeDidNotStart(reason: String)
  /// A check with none of the keys that say what it checks.
  case unknownCheck(JSONValue)
}

/// Why a case or scenario was not run.
public enum SkipReason: Sendable, Equatable {
  /// An earlier case on the same function timed out, and this one would wait as long.
  case earlierTimeout(caseName: String, line: Int, timeoutSeconds: Double)
  /// The function does not start: its INIT failed (with `errorType`, when known).
  case doesNotStart(errorType: String?)
  /// The handler the configuration names is not in the learner's file.
  case handlerNotFound(handler: String)
}

/// One JSON value that does not satisfy what was expected at `path` (`body.items.0.id`).
public struct ValueMismatch: Sendable, Equatable {
  public var path: String
  public var rule: ValueRule
  /// What was there; nil when nothing was.
  public var actual: JSONValue?

  public init(path: String, rule: ValueRule, actual: JSONValue?) {
    self.path = path
    self.rule = rule
    self.actual = actual
  }
}

/// What a JSON value must be: a value, or one of the spec's matchers (`{"$gte": 1}`).
public enum ValueRule: Sendable, Equatable {
  case equal(JSONValue)
  /// An object member that should not be there (objects match exactly), or `$exists: false`.
  case noField
  /// An array item beyond the expected length.
  case noItem
  /// `$exists: true`.
  case present
  /// `$type`: `string`, `integer`, ...
  case type(String)
  case atLeast(JSONValue)
  case atMost(JSONValue)
  case length(Int)
  case contains(JSONValue)
  case unknownMatcher(String)
}
