/// A place in JSON text: line and column, both counting from 1 (columns count characters).
public struct JSONPosition: Sendable, Equatable, Hashable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// `line:column`.
  public var description: String { "\(line):\(column)" }
}

/// Why text is not JSON, and where: the first problem the parser met.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, without the position ("expected ',' or '}' after a member, found 'x'").
  public var message: String
  /// Where the problem is.
  public var position: JSONPosition

  public init(message: String, position: JSONPosition) {
    self.message = message
    self.position = position
  }

  public var line: Int { position.line }
  public var column: Int { position.column }

  /// `line:column: message`.
  public var description: String { "\(position): \(message)" }
}
