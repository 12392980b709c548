import Course
import Foundation
import JSON

// The one wording of grading results. Checks produce values; `GradeReportPrinter` (CLI),
// `check --json` and course validation's findings turn them into text through these.

extension GradeFailure {
  /// The failure as the learner reads it: what was checked, what was expected and what came
  /// back, e.g. `statusCode: expected 200, got 500`.
  public var sentence: String { kind.sentence }
}

extension GradeFailure.Kind {
  /// The sentence of this kind of failure.
  public var sentence: String {
    switch self {
    case .unexpectedError(let type, let message):
      return "expected a result, but the invocation failed with \(type ?? "error"): \(message)"
    case .missingError(_, let returned, let text):
      return "expected the invocation to fail, but it returned \(returned?.shortText() ?? text)"
    case .errorType(let expected, let actual):
      return "errorType: expected \(expected), got \(actual ?? "none")"
    case .errorMessage(let expected, let actual):
      return "errorMessage: expected \(quoted(expected)), got \(quoted(actual))"
    case .errorMessageContains(let expected, let actual):
      return "errorMessage: expected to contain \(quoted(expected)), got \(quoted(actual))"
    case .resultNotJSON(let text):
      return "the result is not JSON: \(text)"
    case .statusCode(let expected, let actual?, _):
      return "statusCode: expected \(expected), got \(actual.shortText())"
    case .statusCode(let expected, nil, let result):
      return "statusCode: expected \(expected), got no statusCode (the result is "
        + "\(result.shortText()))"
    case .header(let name, let expected, let actual):
      return "headers.\(name): expected \(quoted(expected)), got "
        + (actual.map(quoted) ?? "no such header")
    case .bodyNotJSON(let text):
      return "body: expected a JSON body, got \(quoted(text))"
    case .bodyField(let miss, let root):
      return miss.sentence + (root.map { " (\(Self.whatIsThere(miss.path, in: $0)))" } ?? "")
    case .result(let expected, let actual, let difference):
      // With matchers, the difference leads: it says in words what the value should be.
      if expected.containsMatcher, difference.path != "result" {
        return difference.sentence + " (the spec expects the result to be "
          + "\(expected.expectedText()))"
      }
      let text = "result: expected \(expected.expectedText()), got \(actual.shortText())"
      return difference.path == "result"
        ? text : text + " (first difference at \(difference.path))"
    case .duration(let bound, let limit, let actual):
      let side = bound == .atMost ? "at most" : "at least"
      return "duration: expected \(side) \(milliseconds(limit)) ms, got \(milliseconds(actual)) ms"
    case .coldStart(let expected, let actual):
      let word = { (cold: Bool) in cold ? "a cold start" : "a warm start" }
      return "coldStart: expected \(word(expected)), got \(word(actual))"
    case .noScratchFolder:
      return "scratchFiles: no scratch folder to look in"
    case .scratchFile(let path, let shouldExist, let files):
      let wanted = shouldExist ? "to exist" : "not to exist"
      return "scratchFiles.\(path): expected \(wanted) in /tmp; /tmp holds \(listing(files))"
    case .logMissing(let text):
      return "logs: expected to contain \(quoted(text)), but they do not"
    case .logPresent(let text, let line):
      return "logs: expected no \(quoted(text)), but this line has it: \(line)"
    case .logLineNotJSON(let line):
      return "logs: expected every line to be a JSON object, but this one is not: \(line)"
    case .logJSONNoLines(let index, let wanted):
      return "logJSON[\(index)]: expected a JSON log line with \(wanted.expectedText()), but the "
        + "function printed no JSON lines"
    case .logJSONField(_, let miss, let closest):
      return miss.sentence + " (closest log line: \(closest.shortText(limit: 160)))"
    case .eventNotBuilt(let scenario, let reason):
      return scenario
        ? "the scenario's events could not be built: \(reason)"
        : "the case's event could not be built: \(reason)"
    case .timedOut(let number, let timeout, let notRun):
      return "invocation \(number) timed out after \(String(format: "%.2f seconds", timeout)); "
        + "the other \(notRun) were not run"
    case .throttled(let number):
      return "invocation \(number) was throttled (TooManyRequestsException)"
    case .invocationFailed(let number, let type, let message):
      return "invocation \(number) failed with \(type ?? "error"): \(message)"
    case .each(let number, let inner):
      return "each (invocation \(number)): \(inner.sentence)"
    case .last(let inner):
      return "last invocation: \(inner.sentence)"
    case .scenarioCount(let counted, let expected, let actual, let invocations):
      let text = "\(counted.key): expected \(expected), got \(actual)"
      switch counted {
      case .logOccurrences: return text
      default:
        return text + " over \(invocations) " + (invocations == 1 ? "invocation" : "invocations")
      }
    case .warmDuration(let limit, let actual, let number, let slower, let warm):
      return "warm duration: expected at most \(milliseconds(limit)) ms, but invocation "
        + "\(number) took \(milliseconds(actual)) ms (slower: \(slower) of \(warm) warm "
        + (warm == 1 ? "invocation)" : "invocations)")
    case .deliveryNotStarted(let source, let reason):
      return "the \(source.rawValue) delivery could not start: \(reason)"
    case .deliveryCount(let counted, let expected, let actual, let source):
      let what = Self.deliveryUnit(counted, source)
      return "\(counted.key): expected \(expected) \(what), got \(actual)"
    case .recordCount(let target, let expected, let actual, let elsewhere):
      let others =
        elsewhere.isEmpty ? "" : " (records went to \(elsewhere.joined(separator: ", ")))"
      return "records.\(target): expected \(expected) record(s), got \(actual)\(others)"
    case .record(let miss):
      return miss.sentence
    case .noMessage(let body):
      return "receives \(quoted(body)): no message has this body"
    case .receives(let body, let expected, let actual):
      return "receives \(quoted(body)): expected \(expected) receive(s), got \(actual)"
    case .otherReceives(let body, let expected, let actual):
      return "receives \"*\": expected every other message received \(expected) time(s), but "
        + "\(quoted(body)) was received \(actual) time(s)"
    case .requestUnanswered(let request, let reason):
      return "\(request): no answer from the local API (\(reason))"
    case .requestStatus(let request, let expected, let actual, let body):
      return "\(request): status: expected \(expected), got \(actual) (body: \(body))"
    case .requestHeader(let request, let name, let expected, let actual):
      return "\(request): header \(name): expected \(expected), got "
        + (actual.map { "'\($0)'" } ?? "none")
    case .requestHeaderPresent(let request, let name, _):
      return "\(request): header \(name) should be absent"
    case .requestBodyNotJSON(let request, let body):
      return "\(request): body is not JSON: \(body)"
    case .requestBody(let request, let path, .notAnObject(let actual)):
      return "\(request): \(path): expected an object, got \(actual.compact())"
    case .requestBody(let request, let path, .missing):
      return "\(request): \(path): missing"
    case .requestBody(let request, let path, .different(let expected, let actual)):
      return "\(request): \(path): expected \(expected.compact()), got \(actual.compact())"
    case .starterTemplateCopied(let template, let destination):
      return "(the starter \(template) was copied to \(destination): edit that file)"
    case .apiNotServed(let reason):
      return reason
    case .invalidConfiguration(let reason):
      return "the function configuration is invalid: \(reason)"
    case .notRun(let reason):
      return "not run: \(reason.sentence)"
    case .deployment(let failure):
      return failure.sentence
    }
  }

  /// `message(s) processed`, `invocation(s)`, `cold start(s)`...
  private static func deliveryUnit(_ counted: GradeFailure.Counted, _ source: Delivery.Source)
    -> String
  {
    let unit = source == .async ? "event(s)" : source == .sqs ? "message(s)" : "record(s)"
    switch counted {
    case .invocations: return "invocation(s)"
    case .processed: return "\(unit) processed"
    case .failed: return "\(unit) failed"
    case .coldStarts: return "cold start(s)"
    case .throttles: return "throttle(s)"
    case .logOccurrences: return "occurrence(s)"
    }
  }
}

extension SkipReason {
  /// Why the check was not run, e.g. `the function does not start (Runtime.ImportModuleError,
  /// see above)`.
  public var sentence: String {
    switch self {
    case .earlierTimeout(let name, let line, let timeout):
      return "case '\(name)' (spec.json:\(line)) timed out after "
        + "\(String(format: "%.2f seconds", timeout)); the later cases would wait as long"
    case .doesNotStart(let type?):
      return "the function does not start (\(type), see above)"
    case .doesNotStart(nil):
      return "the function did not start"
    case .handlerNotFound(let handler):
      return "the handler '\(handler)' is not found in your file (see above)"
    }
  }
}

extension DeploymentFailure {
  /// What is wrong with the deployment and what to do, e.g. `MemorySize: expected 256, got
  /// 128` or `no alias live on hello-world; create it with aws lambda create-alias`.
  public var sentence: String {
    switch self {
    case .invalidSpec(let file, let line, let reason):
      let place = line > 0 ? "\(file):\(line)" : file
      return "\(place) is not a valid deployment spec (function + checks)"
        + (reason.map { ": \($0)" } ?? "")
    case .stateUnreadable(let reason):
      return reason
    case .notDeployed(let function, let folder):
      return "no function named \(function) in \(folder); start 'lambdalings serve' in this "
        + "workspace and create it with the AWS CLI (--endpoint-url)"
    case .field(let path, let expected, let actual):
      return "\(path): expected \(Self.describe(expected)), got \(Self.describe(actual))"
    case .belowMinimum(let path, let minimum, let actual):
      return "\(path): expected at least \(minimum), got \(Self.describe(actual))"
    case .neverInvoked(let group):
      return "no invocation in \(group) yet; run aws lambda invoke"
    case .aliasMissing(let alias, let function):
      return "no alias \(alias) on \(function); create it with aws lambda create-alias"
    case .aliasNotPublished(let alias, let version, _):
      return "alias \(alias) points at \(version), not a published version"
    case .runtimeNotLocal(let runtime):
      return "runtime \(runtime) cannot run locally"
    case .codeFailed(let result):
      return "the deployed code failed: \(result)"
    case .resultLacks(let text, let result):
      return "the result \(result) does not contain \(text)"
    case .codeDidNotStart(let reason):
      return "the deployed code could not start: \(reason)"
    case .unknownCheck(let check):
      return "unknown check \(check.compact())"
    }
  }

  /// A configuration value as these sentences show it: text in plain quotes (not escaped),
  /// whole numbers without a fraction, other values as compact JSON; `nothing` for none.
  private static func describe(_ value: JSONValue?) -> String {
    switch value {
    case nil: return "nothing"
    case .string(let text)?: return "\"\(text)\""
    case .number(let text)?: return value?.intValue.map(String.init) ?? text
    case let other?: return other.compact()
    }
  }
}

extension ValueMismatch {
  /// `body.items.0.id: expected "a-1", got nothing`, `body: expected an object, got the string
  /// "hi"`: the actual value is named with its kind when a matcher wanted a kind, or when the
  /// expected value is of another kind.
  public var sentence: String {
    "\(path): expected \(rule.sentence), got \(actualText)"
  }

  private var actualText: String {
    guard let actual else { return "nothing" }
    switch rule {
    case .equal(let expected) where expected.kind == actual.kind && !expected.containsMatcher:
      return actual.shortText()
    case .noField, .noItem, .present, .unknownMatcher:
      return actual.shortText()
    default:
      return actual.typedText()
    }
  }
}

extension JSONValue {
  /// The kind of value, to tell when an expected and an actual value differ in kind.
  fileprivate var kind: Int {
    switch self {
    case .null: return 0
    case .bool: return 1
    case .number: return 2
    case .string: return 3
    case .array: return 4
    case .object: return 5
    }
  }
}

extension ValueRule {
  /// What the rule wants, in words: `"Ada"`, `an object`, `a number of at least 1`, `no such
  /// field`... (never a matcher's raw syntax).
  public var sentence: String {
    switch self {
    case .equal(let value): return value.expectedText()
    case .noField: return "no such field"
    case .noItem: return "no such item"
    case .present: return "a value"
    case .type(let name): return Self.typePhrase(name)
    case .atLeast(let bound): return "a number of at least \(bound.compact())"
    case .atMost(let bound): return "a number of at most \(bound.compact())"
    case .length(let count):
      return "an array of \(count) " + (count == 1 ? "item" : "items") + " or a string of "
        + "\(count) " + (count == 1 ? "character" : "characters")
    case .contains(let text): return "a string containing \(text.compact())"
    case .unknownMatcher(let name):
      return "a value checked by \(name), which is not a matcher lambdalings knows (the spec "
        + "can use $exists, $type, $gte, $lte, $length and $contains)"
    }
  }
}

/// `"text"` with JSON escapes, as spec values are quoted in messages.
private func quoted(_ text: String) -> String {
  JSONValue.quote(text)
}

/// `250.00`.
private func milliseconds(_ value: Double) -> String {
  String(format: "%.2f", value)
}

/// The first files of a scratch folder: `a.txt, b.txt`, `no files`, or the first eight and
/// how many there are.
private func listing(_ files: [String]) -> String {
  if files.isEmpty { return "no files" }
  let shown = files.prefix(8).joined(separator: ", ")
  return files.count > 8 ? "\(shown), ... (\(files.count) files)" : shown
}

extension GradeFailure.Kind {
  /// Why `path` (`body.objects.1.bucket`) found nothing in `body`, from the deepest part of it
  /// that exists: `body.objects has 1 item`, `body.objects.0 has only "key"`, `body.objects is
  /// the string "x"`. Short, so a check with many missing fields stays readable.
  static func whatIsThere(_ path: String, in body: JSONValue) -> String {
    var segments = path.split(separator: ".", omittingEmptySubsequences: false)
    if segments.first == "body" { segments.removeFirst() }
    let (current, rest) = body.deepest(along: segments)
    let walked = (["body"] + segments.dropLast(rest.count).map(String.init)).joined(separator: ".")
    if let items = current.arrayValue {
      return "\(walked) has \(items.count) item\(items.count == 1 ? "" : "s")"
    }
    if let members = current.objectMembers {
      guard !members.isEmpty else { return "\(walked) is an empty object" }
      let names = members.prefix(6).map { "\"\($0.key)\"" }
      let more = members.count > 6 ? " and \(members.count - 6) more" : ""
      return "\(walked) has only \(names.joined(separator: ", "))\(more)"
    }
    return "\(walked) is \(current.typedText(limit: 60))"
  }
}
