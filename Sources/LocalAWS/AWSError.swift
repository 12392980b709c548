import Foundation
import HTTP
import JSON

/// An error as AWS returns it: status, `x-amzn-ErrorType`, and a JSON body with `message`.
///
/// REST-JSON services (Lambda) put the type in the header and `{"Type","message"}` in the
/// body; JSON 1.1 services (Logs) put it in `__type`. botocore reads either, so the AWS CLI
/// prints `An error occurred (Type) when calling the Operation operation: message`.
struct AWSError: Error, Equatable {
  var status: Int
  var type: String
  var message: String
  /// Extra body fields, e.g. `Reason` of a throttle.
  var extra: [String: String] = [:]

  static func notFound(_ message: String) -> AWSError {
    AWSError(status: 404, type: "ResourceNotFoundException", message: message)
  }

  static func conflict(_ message: String) -> AWSError {
    AWSError(status: 409, type: "ResourceConflictException", message: message)
  }

  static func invalid(_ message: String) -> AWSError {
    AWSError(status: 400, type: "InvalidParameterValueException", message: message)
  }

  static func tooLarge(_ operation: String, limit: Int) -> AWSError {
    AWSError(
      status: 413, type: "RequestTooLargeException",
      message: "Request must be smaller than \(limit) bytes for the \(operation) operation")
  }

  static func throttled(reason: String) -> AWSError {
    AWSError(
      status: 429, type: "TooManyRequestsException", message: "Rate Exceeded.",
      extra: ["Reason": reason])
  }

  static func service(_ message: String) -> AWSError {
    AWSError(status: 500, type: "ServiceException", message: message)
  }

  /// The REST-JSON answer (Lambda).
  var restResponse: HTTPResponse {
    var body: [String: String] = extra
    body["Type"] = status >= 500 ? "Service" : "User"
    body["message"] = message
    var response = HTTPResponse(status: status, body: JSONBody.encode(body))
    response.headers = [
      ("Content-Type", "application/json"), ("x-amzn-ErrorType", type),
      ("x-amzn-RequestId", UUID().uuidString.lowercased()),
    ]
    return response
  }

  /// The JSON 1.1 answer (CloudWatch Logs).
  var jsonResponse: HTTPResponse {
    var body: [String: String] = extra
    body["__type"] = type
    body["message"] = message
    var response = HTTPResponse(status: status, body: JSONBody.encode(body))
    response.headers = [
      ("Content-Type", "application/x-amz-json-1.1"),
      ("x-amzn-RequestId", UUID().uuidString.lowercased()),
    ]
    return response
  }
}

/// JSON bodies of the AWS APIs, read and written by the `JSON` module. The services work on
/// Foundation values (`[String: Any]`, `NSNumber`, `String`, `Bool`, `[Any]`, `NSNull`).
enum JSONBody {
  /// Parses a request body as a JSON object; an empty body is an empty object.
  static func object(_ bytes: [UInt8]) throws(AWSError) -> [String: Any] {
    if bytes.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }) { return [:] }
    guard let value = JSONValue.parse(bytes: bytes), case .object = value,
      let object = foundationValue(value) as? [String: Any]
    else {
      throw AWSError(
        status: 400, type: "InvalidRequestContentException",
        message: "Could not parse request body into json: the body is not a JSON object")
    }
    return object
  }

  /// Serialises a JSON-compatible value (sorted keys, so answers are stable); `{}` when it
  /// holds something JSON cannot say.
  static func encode(_ value: Any) -> [UInt8] {
    (jsonValue(value) ?? .object([])).compactBytes()
  }

  /// The Foundation form of a JSON value: numbers are `NSNumber`s, so `as? Int` and
  /// `as? Double` both work on them.
  static func foundationValue(_ value: JSONValue) -> Any {
    switch value {
    case .null: return NSNull()
    case .bool(let flag): return flag
    case .number(let text):
      if let integer = Int(text) { return NSNumber(value: integer) }
      return NSNumber(value: Double(text) ?? 0)
    case .string(let text): return text
    case .array(let elements): return elements.map(foundationValue)
    case .object(let members):
      var object: [String: Any] = [:]
      for member in members { object[member.key] = foundationValue(member.value) }
      return object
    }
  }

  /// The JSON form of a Foundation value, object keys sorted; nil for what JSON cannot hold.
  static func jsonValue(_ value: Any) -> JSONValue? {
    // Exact types first: Foundation bridges numbers and booleans into each other.
    switch value {
    case let flag as Bool where type(of: value) == Bool.self: return .bool(flag)
    case let integer as Int where type(of: value) == Int.self: return .int(integer)
    case let integer as Int64 where type(of: value) == Int64.self: return .number(String(integer))
    case let number as Double where type(of: value) == Double.self: return .double(number)
    case is NSNull: return .null
    case let text as String: return .string(text)
    case let number as NSNumber:
      if let integer = Int64(exactly: number.doubleValue) { return .number(String(integer)) }
      return .double(number.doubleValue)
    case let elements as [Any]:
      var values: [JSONValue] = []
      for element in elements {
        guard let converted = jsonValue(element) else { return nil }
        values.append(converted)
      }
      return .array(values)
    case let object as [String: Any]:
      var members: [(key: String, value: JSONValue)] = []
      for key in object.keys.sorted() {
        guard let member = object[key], let converted = jsonValue(member) else { return nil }
        members.append((key, converted))
      }
      return .object(members)
    default: return nil
    }
  }
}
