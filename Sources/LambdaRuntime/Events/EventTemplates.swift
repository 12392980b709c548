import Foundation
import JSON

/// The catalogue of sample events shaped exactly like the ones AWS services send to Lambda.
///
/// `generate` builds one, applies `--set path=value` overrides and convenience parameters, and
/// returns pretty JSON whose fields come in the order the AWS documentation shows them.
/// Sample ids and timestamps are fixed, so the same request always gives the same bytes.
public enum EventTemplates {
  /// Every template, in the order `lambdalings events list` shows them.
  public static let all: [EventTemplate] = [
    apiGatewayREST, apiGatewayHTTP, s3Put, s3Delete, dynamoDBInsert, dynamoDBModify,
    dynamoDBRemove, sqs, sns, eventBridgeScheduled, eventBridgeCustom, cloudWatchLogs,
  ]

  /// The template called `name`, or an error naming the closest one.
  public static func template(named name: String) throws -> EventTemplate {
    if let found = all.first(where: { $0.name == name }) { return found }
    let names = all.map(\.name)
    throw EventTemplateError.unknownTemplate(
      name: name, suggestion: EventTemplateError.closest(to: name, among: names), available: names)
  }

  /// The event `name` as pretty JSON followed by a newline.
  ///
  /// - Parameters:
  ///   - overrides: `(path, value)` pairs from `--set path=value`. A path equal to one of the
  ///     template's parameter names sets that parameter (a plain string); any other path is a
  ///     dotted field path such as `Records.0.s3.object.key`, and its value is parsed as JSON
  ///     when it is valid JSON, else taken as a string; a number or boolean replacing a string
  ///     field stays text, as AWS sends it (write `'"42"'` to force text anywhere).
  ///   - count: records, messages or log events, for templates that batch.
  public static func generate(
    name: String, overrides: [(path: String, value: String)] = [], count: Int? = nil
  ) throws -> Data {
    Data((try event(name: name, overrides: overrides, count: count).prettyPrinted() + "\n").utf8)
  }

  /// The event `name` as a JSON value; see `generate`.
  public static func event(
    name: String, overrides: [(path: String, value: String)] = [], count: Int? = nil
  ) throws -> JSONValue {
    let template = try template(named: name)
    let resolvedCount = try resolveCount(count, for: template)
    var parameters: [String: String] = [:]
    for parameter in template.parameters { parameters[parameter.name] = parameter.defaultValue }
    var paths: [(text: String, segments: [String], value: String)] = []
    for override in overrides {
      if let parameter = template.parameters.first(where: { $0.name == override.path }) {
        if parameter.isInteger, Int(override.value) == nil {
          throw EventTemplateError.invalidParameter(
            template: template.name, name: parameter.name, value: override.value,
            expected: "a whole number")
        }
        parameters[override.path] = override.value
      } else {
        paths.append((override.path, JSONValue.pathSegments(override.path), override.value))
      }
    }
    let input = EventInput(
      parameters: parameters, count: resolvedCount, overriddenPaths: paths.map(\.segments))
    var value = template.build(input)
    for path in paths {
      try checkTopLevel(path.segments, path: path.text, of: value, template: template)
      var parsed = parseValue(path.value)
      // A field AWS sends as text keeps being text: `ApproximateReceiveCount=3` stays "3".
      if case .string = value.value(at: path.text), parsed.isScalarNumberOrBool {
        parsed = .string(path.value)
      }
      parsed = template.adjust(path.segments, parsed)
      value = try value.setting(path: path.text, to: parsed)
    }
    return template.finish(value, input)
  }

  /// Splits a `path=value` argument at its first `=`.
  public static func parseOverride(_ text: String) throws -> (path: String, value: String) {
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
      throw EventTemplateError.malformedOverride(text)
    }
    return (String(text[..<equals]), String(text[text.index(after: equals)...]))
  }

  /// A `--set` value: JSON when it parses as JSON, else the text itself as a string.
  public static func parseValue(_ text: String) -> JSONValue {
    JSONValue.parse(text) ?? .string(text)
  }

  private static func resolveCount(_ count: Int?, for template: EventTemplate) throws -> Int {
    guard let shape = template.count else {
      if count != nil { throw EventTemplateError.countNotSupported(template: template.name) }
      return 1
    }
    let value = count ?? shape.defaultValue
    guard shape.range.contains(value) else {
      throw EventTemplateError.countOutOfRange(
        template: template.name, count: value, range: shape.range, noun: shape.noun)
    }
    return value
  }

  /// Rejects a top-level name that is neither a field nor a parameter: almost always a typo.
  private static func checkTopLevel(
    _ segments: [String], path: String, of value: JSONValue, template: EventTemplate
  ) throws {
    guard let first = segments.first, !first.isEmpty, value[first] == nil else { return }
    let fields = value.objectMembers?.map(\.0) ?? []
    let names = template.parameters.map(\.name)
    let hint = EventTemplateError.closest(to: first, among: names + fields).map {
      "; did you mean `\($0)`?"
    }
    let parameterList = names.isEmpty ? "none" : names.joined(separator: ", ")
    throw EventTemplateError.invalidPath(
      path: path,
      reason: "`\(first)` is neither a top-level field of the `\(template.name)` event nor one "
        + "of its parameters (\(parameterList))\(hint ?? "")")
  }
}
