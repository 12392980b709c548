/// Problems found in a template, each with its file, line and column; thrown together.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
  public struct Problem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
      self.file = file
      self.line = line
      self.column = column
      self.message = message
    }

    /// `file:line:column: message`.
    public var description: String { "\(file):\(line):\(column): \(message)" }
  }

  public var problems: [Problem]

  public init(_ problems: [Problem]) { self.problems = problems }

  public var description: String { problems.map(\.description).joined(separator: "\n") }
}
