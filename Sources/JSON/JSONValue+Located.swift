/// Values with the place they were written, for diagnostics that point into a file.
extension JSONValue {
  /// A value read from text together with its position and the positions of everything inside
  /// it. The value itself is a plain `JSONValue` (`value`); this is a view for readers that
  /// report `file:line` problems (course specs, the progress file).
  public struct Located: Sendable {
    /// One `"key": value` pair of an object, in file order.
    public struct Member: Sendable {
      public var key: String
      /// Where the key's opening quote is.
      public var keyPosition: JSONPosition
      public var value: Located
    }

    enum Children: Sendable {
      case none
      case elements([Located])
      case members([Member])
    }

    /// The value.
    public let value: JSONValue
    /// Where the value starts.
    public let position: JSONPosition
    let children: Children

    init(value: JSONValue, position: JSONPosition, children: Children) {
      self.value = value
      self.position = position
      self.children = children
    }

    /// The line the value starts on.
    public var line: Int { position.line }

    /// Parses one JSON document, remembering where each value and key is.
    public init(parsing text: String) throws(JSONSyntaxError) {
      try self.init(parsing: text.utf8)
    }

    /// Parses JSON bytes, remembering where each value and key is.
    public init(parsing bytes: some Collection<UInt8>) throws(JSONSyntaxError) {
      self = try JSONValue.withBuffer(bytes) { (buffer) throws(JSONSyntaxError) in
        var parser = JSONParser(bytes: buffer, builder: LocatingBuilder())
        return try parser.document()
      }
    }

    /// Parses JSON text, remembering positions: the located value, or the first problem.
    public static func parse(_ text: String) -> Result<Located, JSONSyntaxError> {
      Result { () throws(JSONSyntaxError) in try Located(parsing: text) }
    }

    /// The member `key` of an object.
    public subscript(key: String) -> Located? {
      members?.first { $0.key == key }?.value
    }

    /// The elements when this is an array.
    public var arrayValue: [Located]? {
      if case .elements(let elements) = children { return elements }
      return nil
    }

    /// The members when this is an object.
    public var objectMembers: [Member]? {
      if case .members(let members) = children { return members }
      return nil
    }

    /// The members when this is an object (the name course readers use).
    public var members: [Member]? { objectMembers }

    /// The value at `path` (keys and array indexes as strings), if there is one.
    public func located(at path: [String]) -> Located? {
      var node = self
      for segment in path {
        switch node.children {
        case .members(let members):
          guard let member = members.first(where: { $0.key == segment }) else { return nil }
          node = member.value
        case .elements(let elements):
          guard let index = Int(segment), elements.indices.contains(index) else { return nil }
          node = elements[index]
        case .none:
          return nil
        }
      }
      return node
    }

    public var stringValue: String? { value.stringValue }
    public var boolValue: Bool? { value.boolValue }
    public var doubleValue: Double? { value.doubleValue }
    public var intValue: Int? { value.intValue }
    public var typeName: String { value.typeName }
    /// Compact JSON text of the value, members in file order.
    public func compact() -> String { value.compact() }
  }
}

/// Builds located values.
struct LocatingBuilder: JSONTreeBuilder {
  static var locates: Bool { true }

  func scalar(_ value: JSONValue, at position: JSONPosition) -> JSONValue.Located {
    JSONValue.Located(value: value, position: position, children: .none)
  }

  func array(_ elements: [JSONValue.Located], at position: JSONPosition) -> JSONValue.Located {
    JSONValue.Located(
      value: .array(elements.map(\.value)), position: position, children: .elements(elements))
  }

  func object(_ list: JSONMemberList<JSONValue.Located>, at position: JSONPosition)
    -> JSONValue.Located
  {
    let members = zip(list.members, list.keyPositions).map { member, keyPosition in
      JSONValue.Located.Member(key: member.key, keyPosition: keyPosition, value: member.value)
    }
    return JSONValue.Located(
      value: .object(list.members.map { ($0.key, $0.value.value) }), position: position,
      children: .members(members))
  }
}
