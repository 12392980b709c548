/// A YAML document that cannot be read: what is wrong and where (1-based line and column).
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public var line: Int
  public var column: Int

  public init(_ message: String, line: Int, column: Int) {
    self.message = message
    self.line = line
    self.column = column
  }

  /// `line:column: message`.
  public var description: String { "\(line):\(column): \(message)" }

  /// `file:line:column: message`.
  public func located(in file: String) -> String { "\(file):\(line):\(column): \(message)" }
}
