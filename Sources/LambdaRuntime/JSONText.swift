import JSON

/// The error documents of the Runtime API and of failed invocations.
public enum JSONText {
  /// An AWS error result: `{"errorMessage": ..., "errorType": ...}` plus optional fields, whose
  /// values are JSON text.
  public static func errorBody(type: String, message: String, extra: [(String, String)] = [])
    -> String
  {
    var body =
      "{\"errorMessage\":\(JSONValue.quote(message)),\"errorType\":\(JSONValue.quote(type))"
    for (key, value) in extra {
      body += ",\(JSONValue.quote(key)):\(value)"
    }
    return body + "}"
  }

  /// Reads `errorType` and `errorMessage` from an error body, when it is a JSON object.
  public static func errorFields(in body: [UInt8]) -> (type: String?, message: String?) {
    errorFields(in: JSONValue.parse(bytes: body))
  }

  /// Reads `errorType` and `errorMessage` from an error document already parsed.
  public static func errorFields(in document: JSONValue?) -> (type: String?, message: String?) {
    (document?["errorType"]?.stringValue, document?["errorMessage"]?.stringValue)
  }
}
