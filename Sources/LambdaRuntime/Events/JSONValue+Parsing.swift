extension JSONValue {
  /// Parses JSON text (RFC 8259), keeping object keys in order; nil when it is not JSON.
  public static func parse(_ text: String) -> JSONValue? { JSONParser.parse(text) }
}
