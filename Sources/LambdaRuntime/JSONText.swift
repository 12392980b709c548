import Foundation

/// Small JSON helpers for building the fixed-shape bodies of the Runtime API and error results.
public enum JSONText {
  /// `text` as a JSON string literal, with quotes and escapes.
  public static func quote(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// An AWS error result: `{"errorMessage": ..., "errorType": ...}` plus optional fields.
  public static func errorBody(type: String, message: String, extra: [(String, String)] = [])
    -> String
  {
    var body = "{\"errorMessage\":\(quote(message)),\"errorType\":\(quote(type))"
    for (key, value) in extra {
      body += ",\(quote(key)):\(value)"
    }
    return body + "}"
  }

  /// Reads `errorType` and `errorMessage` from an error body, when it is a JSON object.
  public static func errorFields(in body: [UInt8]) -> (type: String?, message: String?) {
    guard
      let object = try? JSONSerialization.jsonObject(with: Data(body), options: [])
        as? [String: Any]
    else { return (nil, nil) }
    return (object["errorType"] as? String, object["errorMessage"] as? String)
  }
}
