/// The arguments of one command line after parsing: positionals, option values and flags.
public struct ParsedArguments: Sendable, Equatable {
  public var positionals: [String] = []
  public var values: [String: [String]] = [:]
  public var flags: Set<String> = []

  public init() {}

  /// The positional argument at `index`, if given.
  public func positional(_ index: Int) -> String? {
    index < positionals.count ? positionals[index] : nil
  }

  public func flag(_ name: String) -> Bool { flags.contains(name) }

  /// The last value of option `name`.
  public func value(_ name: String) -> String? { values[name]?.last }

  /// Every value of a repeatable option, in order.
  public func values(_ name: String) -> [String] { values[name] ?? [] }

  /// An integer option, with a usage error when it is not a whole number in `range`.
  public func int(_ name: String, default fallback: Int, range: ClosedRange<Int>? = nil) throws
    -> Int
  {
    guard let raw = value(name) else { return fallback }
    guard let number = Int(raw) else {
      throw CLIError.usage("--\(name) expects a whole number, got '\(raw)'")
    }
    if let range, !range.contains(number) {
      throw CLIError.usage(
        "--\(name) must be from \(range.lowerBound) to \(range.upperBound), got \(number)")
    }
    return number
  }

  /// A decimal option, with a usage error when it is not a number in `range`.
  public func double(_ name: String, default fallback: Double, range: ClosedRange<Double>? = nil)
    throws -> Double
  {
    guard let raw = value(name) else { return fallback }
    guard let number = Double(raw), number.isFinite else {
      throw CLIError.usage("--\(name) expects a number, got '\(raw)'")
    }
    if let range, !range.contains(number) {
      throw CLIError.usage(
        "--\(name) must be from \(range.lowerBound) to \(range.upperBound), got \(raw)")
    }
    return number
  }
}
