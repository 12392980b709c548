/// Reading JSON text.
extension JSONValue {
  /// Parses one JSON document (RFC 8259), keeping member order and number text.
  ///
  /// Throws the first problem with its line and column. Strings must be valid UTF-8; a repeated
  /// key keeps its first place and its last value; nesting is limited to 512 levels.
  public init(parsing bytes: some Collection<UInt8>) throws(JSONSyntaxError) {
    self = try JSONValue.withBuffer(bytes) { (buffer) throws(JSONSyntaxError) in
      var parser = JSONParser(bytes: buffer, builder: ValueBuilder())
      return try parser.document()
    }
  }

  /// Parses JSON text; see `init(parsing:)` for bytes.
  public init(parsing text: String) throws(JSONSyntaxError) {
    try self.init(parsing: text.utf8)
  }

  /// Parses JSON text; `nil` when it is not JSON.
  public static func parse(_ text: String) -> JSONValue? {
    try? JSONValue(parsing: text)
  }

  /// Parses JSON bytes; `nil` when they are not JSON.
  public static func parse(bytes: some Collection<UInt8>) -> JSONValue? {
    try? JSONValue(parsing: bytes)
  }

  /// The syntax error of `bytes`, or `nil` when they are one valid JSON document.
  public static func syntaxError(in bytes: some Collection<UInt8>) -> JSONSyntaxError? {
    do {
      try withBuffer(bytes) { (buffer) throws(JSONSyntaxError) in
        var parser = JSONParser(bytes: buffer, builder: Validator())
        try parser.document()
      }
      return nil
    } catch {
      return error
    }
  }

  static func withBuffer<Result>(
    _ bytes: some Collection<UInt8>,
    _ body: (UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> Result
  ) throws(JSONSyntaxError) -> Result {
    let direct: Swift.Result<Result, JSONSyntaxError>? = bytes.withContiguousStorageIfAvailable {
      buffer in
      do throws(JSONSyntaxError) {
        return .success(try body(buffer))
      } catch {
        return .failure(error)
      }
    }
    if let direct { return try direct.get() }
    return try Array(bytes).withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) in
      try body(buffer)
    }
  }
}

/// Builds plain values: the fast path, no positions.
struct ValueBuilder: JSONTreeBuilder {
  static var locates: Bool { false }
  func scalar(_ value: JSONValue, at position: JSONPosition) -> JSONValue { value }
  func array(_ elements: [JSONValue], at position: JSONPosition) -> JSONValue {
    .array(elements)
  }
  func object(_ members: JSONMemberList<JSONValue>, at position: JSONPosition) -> JSONValue {
    .object(members.members)
  }
}

/// Builds nothing: checks that text is JSON.
struct Validator: JSONTreeBuilder {
  static var locates: Bool { false }
  func scalar(_ value: JSONValue, at position: JSONPosition) {}
  func array(_ elements: [Void], at position: JSONPosition) {}
  func object(_ members: JSONMemberList<Void>, at position: JSONPosition) {}
}
