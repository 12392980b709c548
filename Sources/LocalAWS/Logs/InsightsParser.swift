/// Parses Logs Insights expressions: `or` < `and` < `not` < comparisons and `like` <
/// `+ -` < `* /` < literals, fields and calls.
struct InsightsParser {
  typealias Expression = InsightsQuery.Expression
  private let characters: [Character]
  private(set) var position = 0

  init(_ text: String) {
    characters = Array(text)
  }

  var atEnd: Bool {
    var index = position
    while index < characters.count, characters[index].isWhitespace { index += 1 }
    return index >= characters.count
  }

  func source(from start: Int) -> String {
    String(characters[start..<position]).trimmingCharacters(in: .whitespaces)
  }

  /// The whole text as one condition.
  mutating func parseAll() throws(AWSError) -> Expression {
    let expression = try parseExpression()
    guard atEnd else {
      throw InsightsQuery.malformed("unexpected text: \(String(characters[position...]))")
    }
    return expression
  }

  mutating func parseExpression() throws(AWSError) -> Expression {
    var left = try parseAnd()
    while consumeWord("or") { left = .binary("or", left, try parseAnd()) }
    return left
  }

  /// `as name` after an item, if present.
  mutating func parseAlias() -> String? {
    let saved = position
    guard consumeWord("as") else { return nil }
    skipSpaces()
    let name = identifier()
    if name.isEmpty {
      position = saved
      return nil
    }
    return name
  }

  mutating func consume(_ symbol: String) -> Bool {
    skipSpaces()
    let symbolCharacters = Array(symbol)
    guard position + symbolCharacters.count <= characters.count,
      Array(characters[position..<position + symbolCharacters.count]) == symbolCharacters
    else { return false }
    position += symbolCharacters.count
    return true
  }

  private mutating func parseAnd() throws(AWSError) -> Expression {
    var left = try parseNot()
    while consumeWord("and") { left = .binary("and", left, try parseNot()) }
    return left
  }

  private mutating func parseNot() throws(AWSError) -> Expression {
    if consumeWord("not") { return .call("not", [try parseNot()]) }
    return try parseComparison()
  }

  private mutating func parseComparison() throws(AWSError) -> Expression {
    let left = try parseAdditive()
    for op in ["!=", "<=", ">=", "=", "<", ">"] where consume(op) {
      return .binary(op, left, try parseAdditive())
    }
    if consumeWord("like") {
      return .binary("like", left, try parseAdditive())
    }
    return left
  }

  private mutating func parseAdditive() throws(AWSError) -> Expression {
    var left = try parseMultiplicative()
    while true {
      if consume("+") {
        left = .binary("+", left, try parseMultiplicative())
      } else if consume("-") {
        left = .binary("-", left, try parseMultiplicative())
      } else {
        return left
      }
    }
  }

  private mutating func parseMultiplicative() throws(AWSError) -> Expression {
    var left = try parsePrimary()
    while true {
      skipSpaces()
      if position < characters.count, characters[position] == "*" {
        position += 1
        left = .binary("*", left, try parsePrimary())
      } else if position < characters.count, characters[position] == "/" {
        position += 1
        left = .binary("/", left, try parsePrimary())
      } else {
        return left
      }
    }
  }

  private mutating func parsePrimary() throws(AWSError) -> Expression {
    skipSpaces()
    guard position < characters.count else {
      throw InsightsQuery.malformed("the query ends where a value was expected")
    }
    let character = characters[position]
    if character == "(" {
      position += 1
      let inner = try parseExpression()
      guard consume(")") else { throw InsightsQuery.malformed("a ( is not closed") }
      return inner
    }
    if character == "\"" || character == "'" || character == "/" {
      position += 1
      var text = ""
      while position < characters.count, characters[position] != character {
        text.append(characters[position])
        position += 1
      }
      guard position < characters.count else {
        throw InsightsQuery.malformed("a quoted value is not closed")
      }
      position += 1
      return character == "/" ? .regex(text) : .literal(.text(text))
    }
    if character == "*" {
      position += 1
      return .field("*")
    }
    if character.isNumber {
      var text = ""
      while position < characters.count,
        characters[position].isNumber || characters[position] == "."
          || characters[position].isLetter
      {
        text.append(characters[position])
        position += 1
      }
      if let number = Double(text) { return .literal(.number(number)) }
      return .literal(.text(text))
    }
    let name = identifier()
    guard !name.isEmpty else {
      throw InsightsQuery.malformed("unexpected '\(character)' in the query")
    }
    if consume("(") {
      var arguments: [Expression] = []
      if !consume(")") {
        repeat { arguments.append(try parseExpression()) } while consume(",")
        guard consume(")") else { throw InsightsQuery.malformed("\(name)( is not closed") }
      }
      return .call(name.lowercased(), arguments)
    }
    return .field(name)
  }

  private mutating func identifier() -> String {
    skipSpaces()
    var name = ""
    while position < characters.count {
      let character = characters[position]
      guard
        character.isLetter || character.isNumber || character == "@" || character == "_"
          || character == "." || character == "$"
      else { break }
      name.append(character)
      position += 1
    }
    return name
  }

  private mutating func consumeWord(_ word: String) -> Bool {
    skipSpaces()
    let saved = position
    let found = identifier()
    if found.lowercased() == word { return true }
    position = saved
    return false
  }

  private mutating func skipSpaces() {
    while position < characters.count, characters[position].isWhitespace { position += 1 }
  }
}
