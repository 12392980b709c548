extension JSONValue {
  /// Parses JSON text, keeping the order of object keys; nil when it is not JSON.
  public static func parse(_ text: String) -> JSONValue? {
    JSONParser.parse(text)
  }
}
