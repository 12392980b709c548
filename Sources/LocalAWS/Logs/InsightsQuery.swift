import Foundation

/// A small Logs Insights engine for the queries chapter 8 teaches: commands separated by `|`:
/// `fields a, b`, `filter <condition>`, `stats <agg>(<expr>) [as name], ... [by <key>, ...]`,
/// `sort <field> [asc|desc]`, `limit <n>`. Conditions: comparisons (`= != < <= > >=`) of fields,
/// numbers and strings, `like /regex/` or `like "text"`, `ispresent(f)`, joined with `and` /
/// `or` and `not`. Aggregates: `count(*)`, `count(f)`, `avg`, `sum`, `min`, `max`; keys may be
/// fields or `bin(5m)`/`bin(1h)`. Expressions allow `+ - * /` on numbers.
///
/// Fields of every event: `@timestamp`, `@message`, `@logStream`, `@log`; of REPORT lines:
/// `@type`, `@requestId`, `@duration`, `@billedDuration`, `@initDuration` (ms) and
/// `@memorySize`, `@maxMemoryUsed` (bytes, as Logs Insights reports them); of JSON messages:
/// their top-level keys.
struct InsightsQuery {
  typealias Record = [String: Value]

  enum Value: Equatable {
    case number(Double)
    case text(String)

    var number: Double? {
      switch self {
      case .number(let value): return value
      case .text(let text): return Double(text)
      }
    }

    var text: String {
      switch self {
      case .number(let value):
        return value == value.rounded() && abs(value) < 1e15
          ? String(Int64(value)) : String(value)
      case .text(let text): return text
      }
    }
  }

  indirect enum Expression: Equatable {
    case field(String)
    case literal(Value)
    case binary(String, Expression, Expression)
    case call(String, [Expression])
    case regex(String)
  }

  struct Aggregate: Equatable {
    var function: String
    var argument: Expression?
    var name: String
  }

  enum Command: Equatable {
    case fields([(Expression, String)])
    case filter(Expression)
    case stats([Aggregate], by: [(Expression, String)])
    case sort(String, descending: Bool)
    case limit(Int)

    static func == (lhs: Command, rhs: Command) -> Bool { "\(lhs)" == "\(rhs)" }
  }

  var commands: [Command] = []

  /// Parses a query; throws an `AWSError` (MalformedQueryException) naming the bad part.
  init(_ text: String) throws(AWSError) {
    for part in InsightsQuery.splitPipes(text) {
      let trimmed = part.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !trimmed.isEmpty else { continue }
      let keyword = trimmed.prefix { !$0.isWhitespace }.lowercased()
      let rest = String(trimmed.dropFirst(keyword.count)).trimmingCharacters(in: .whitespaces)
      switch keyword {
      case "fields", "display":
        commands.append(.fields(try InsightsQuery.namedList(rest)))
      case "filter":
        var parser = InsightsParser(rest)
        commands.append(.filter(try parser.parseAll()))
      case "stats":
        commands.append(try InsightsQuery.stats(rest))
      case "sort":
        let words = rest.split(separator: " ").map(String.init)
        guard let field = words.first else { throw InsightsQuery.malformed("sort needs a field") }
        commands.append(.sort(field, descending: words.dropFirst().first?.lowercased() == "desc"))
      case "limit":
        guard let count = Int(rest), count > 0 else {
          throw InsightsQuery.malformed("limit needs a positive number")
        }
        commands.append(.limit(min(count, 10_000)))
      default:
        throw InsightsQuery.malformed(
          "'\(keyword)' is not supported locally; use fields, filter, stats, sort or limit")
      }
    }
  }

  static func malformed(_ message: String) -> AWSError {
    AWSError(status: 400, type: "MalformedQueryException", message: message)
  }

  private static func splitPipes(_ text: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var quote: Character?
    for character in text {
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if character == "/",
        current.trimmingCharacters(in: .whitespaces).lowercased().hasSuffix("like")
      {
        // A regular expression only follows `like`; elsewhere `/` divides.
        quote = character
      } else if character == "|" {
        parts.append(current)
        current = ""
        continue
      }
      current.append(character)
    }
    parts.append(current)
    return parts
  }

  /// `a, b as c, x / 2 as y`.
  private static func namedList(_ text: String) throws(AWSError) -> [(Expression, String)] {
    var parser = InsightsParser(text)
    var items: [(Expression, String)] = []
    repeat {
      let start = parser.position
      let expression = try parser.parseExpression()
      let name = parser.parseAlias() ?? parser.source(from: start)
      items.append((expression, name))
    } while parser.consume(",")
    guard parser.atEnd else { throw malformed("unexpected text after the field list: \(text)") }
    return items
  }

  private static func stats(_ text: String) throws(AWSError) -> Command {
    let lowered = text.lowercased()
    var aggregatePart = text
    var byPart: String?
    if let range = lowered.range(of: " by ") {
      aggregatePart = String(text[..<range.lowerBound])
      byPart = String(text[range.upperBound...])
    }
    var aggregates: [Aggregate] = []
    for (expression, name) in try namedList(aggregatePart) {
      guard case .call(let function, let arguments) = expression,
        ["count", "avg", "sum", "min", "max"].contains(function)
      else { throw malformed("stats needs count, avg, sum, min or max, got \(name)") }
      aggregates.append(Aggregate(function: function, argument: arguments.first, name: name))
    }
    let keys = try byPart.map { (part: String) throws(AWSError) in try namedList(part) } ?? []
    return .stats(aggregates, by: keys)
  }

  // MARK: - Running

  /// Runs the query over records (already limited to the time range), newest first by default.
  func run(_ records: [Record]) -> [[(String, String)]] {
    var rows: [Record] = records.sorted {
      ($0["@timestamp"]?.number ?? 0) > ($1["@timestamp"]?.number ?? 0)
    }
    var columns: [String]?
    var limit = 1000
    for command in commands {
      switch command {
      case .fields(let items):
        rows = rows.map { row in
          var out = row
          for (expression, name) in items { out[name] = InsightsQuery.evaluate(expression, row) }
          return out
        }
        columns = (columns ?? []) + items.map(\.1)
      case .filter(let condition):
        rows = rows.filter { InsightsQuery.truthy(InsightsQuery.evaluate(condition, $0)) }
      case .stats(let aggregates, let keys):
        rows = InsightsQuery.aggregate(rows, aggregates, keys)
        columns = keys.map(\.1) + aggregates.map(\.name)
      case .sort(let field, let descending):
        rows.sort { left, right in
          let a = left[field]
          let b = right[field]
          let ordered: Bool
          if let x = a?.number, let y = b?.number {
            ordered = x < y
          } else {
            ordered = (a?.text ?? "") < (b?.text ?? "")
          }
          return descending ? !ordered && a != b : ordered
        }
      case .limit(let count):
        limit = count
      }
    }
    let shown = columns ?? ["@timestamp", "@message"]
    return rows.prefix(limit).map { row in
      shown.compactMap { name in row[name].map { (name, $0.text) } }
    }
  }

  static func evaluate(_ expression: Expression, _ row: Record) -> Value? {
    switch expression {
    case .field(let name): return row[name]
    case .literal(let value): return value
    case .regex(let pattern): return .text(pattern)
    case .call(let name, let arguments):
      switch name {
      case "ispresent":
        guard case .field(let field)? = arguments.first else { return .number(0) }
        return .number(row[field] == nil ? 0 : 1)
      case "bin":
        guard case .literal(let size)? = arguments.first,
          let seconds = InsightsQuery.duration(size.text),
          let time = row["@timestamp"]?.number
        else { return nil }
        let bucket = (time / 1000 / seconds).rounded(.down) * seconds
        return .text(InsightsQuery.format(bucket * 1000))
      case "not":
        return .number(truthy(arguments.first.flatMap { evaluate($0, row) }) ? 0 : 1)
      default:
        return nil
      }
    case .binary(let op, let left, let right):
      let a = evaluate(left, row)
      if op == "and" { return .number(truthy(a) && truthy(evaluate(right, row)) ? 1 : 0) }
      if op == "or" { return .number(truthy(a) || truthy(evaluate(right, row)) ? 1 : 0) }
      let b = evaluate(right, row)
      if op == "like" {
        guard let text = a?.text else { return .number(0) }
        if case .regex(let pattern) = right {
          let found = text.range(of: pattern, options: .regularExpression) != nil
          return .number(found ? 1 : 0)
        }
        return .number(text.contains(b?.text ?? "") ? 1 : 0)
      }
      if ["+", "-", "*", "/"].contains(op) {
        guard let x = a?.number, let y = b?.number else { return nil }
        switch op {
        case "+": return .number(x + y)
        case "-": return .number(x - y)
        case "*": return .number(x * y)
        default: return y == 0 ? nil : .number(x / y)
        }
      }
      guard let a, let b else { return .number(op == "!=" ? 1 : 0) }
      let order: Int
      if let x = a.number, let y = b.number {
        order = x < y ? -1 : (x > y ? 1 : 0)
      } else {
        order = a.text < b.text ? -1 : (a.text > b.text ? 1 : 0)
      }
      let result: Bool
      switch op {
      case "=": result = order == 0
      case "!=": result = order != 0
      case "<": result = order < 0
      case "<=": result = order <= 0
      case ">": result = order > 0
      default: result = order >= 0
      }
      return .number(result ? 1 : 0)
    }
  }

  static func truthy(_ value: Value?) -> Bool {
    guard let value else { return false }
    if let number = value.number { return number != 0 }
    return !value.text.isEmpty
  }

  private static func aggregate(
    _ rows: [Record], _ aggregates: [Aggregate], _ keys: [(Expression, String)]
  ) -> [Record] {
    var groups: [[String]: [Record]] = [:]
    var order: [[String]] = []
    for row in rows {
      let key = keys.map { evaluate($0.0, row)?.text ?? "" }
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(row)
    }
    if keys.isEmpty && order.isEmpty { order = [[]] }
    return order.map { key in
      let members = groups[key] ?? []
      var out: Record = [:]
      for (index, item) in keys.enumerated() { out[item.1] = .text(key[index]) }
      for aggregate in aggregates {
        let values = members.compactMap { row -> Double? in
          guard let argument = aggregate.argument else { return 1 }
          if case .field("*") = argument { return 1 }
          return evaluate(argument, row)?.number
        }
        let present = members.filter { row in
          guard let argument = aggregate.argument else { return true }
          if case .field("*") = argument { return true }
          return evaluate(argument, row) != nil
        }
        switch aggregate.function {
        case "count": out[aggregate.name] = .number(Double(present.count))
        case "sum": out[aggregate.name] = .number(values.reduce(0, +))
        case "avg":
          if !values.isEmpty {
            out[aggregate.name] = .number(values.reduce(0, +) / Double(values.count))
          }
        case "min": values.min().map { out[aggregate.name] = .number($0) }
        default: values.max().map { out[aggregate.name] = .number($0) }
        }
      }
      return out
    }
  }

  static func duration(_ text: String) -> Double? {
    let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
    guard let unit = text.last, let scale = units[unit], let count = Double(text.dropLast())
    else { return nil }
    return count * scale
  }

  /// `2026-01-31 12:00:00.000`, as Logs Insights shows timestamps.
  static func format(_ milliseconds: Double) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
    return formatter.string(from: Date(timeIntervalSince1970: milliseconds / 1000))
  }
}
