/// What a quantity measures; answers only compare quantities of the same dimension.
public enum UnitDimension: String, Sendable, Equatable, Hashable, Codable {
  /// A plain count such as 1,000 concurrent executions.
  case count
  /// Durations; the base unit is the second.
  case time
  /// Data sizes; the base unit is the byte.
  case size

  /// How the dimension is named to a learner.
  public var noun: String {
    switch self {
    case .count: return "a plain number"
    case .time: return "a duration"
    case .size: return "a size"
    }
  }
}

/// A unit of measure accepted in numeric answers.
///
/// Sizes are binary, as in the AWS Lambda documentation (10,240 MB is 10 GB): `KB`, `MB` and `GB`
/// mean 1024, 1024² and 1024³ bytes, and `KiB`, `MiB`, `GiB` are accepted as synonyms.
public struct QuantityUnit: Sendable, Equatable, Hashable {
  /// The symbol shown to learners, e.g. `s` or `MB`.
  public var symbol: String
  public var dimension: UnitDimension
  /// How many base units (seconds or bytes) one of this unit is.
  public var factor: Double

  public init(symbol: String, dimension: UnitDimension, factor: Double) {
    self.symbol = symbol
    self.dimension = dimension
    self.factor = factor
  }

  static let percent = QuantityUnit(symbol: "%", dimension: .count, factor: 1)
  static let millisecond = QuantityUnit(symbol: "ms", dimension: .time, factor: 0.001)
  static let second = QuantityUnit(symbol: "s", dimension: .time, factor: 1)
  static let minute = QuantityUnit(symbol: "min", dimension: .time, factor: 60)
  static let hour = QuantityUnit(symbol: "h", dimension: .time, factor: 3600)
  static let day = QuantityUnit(symbol: "d", dimension: .time, factor: 86_400)
  static let byte = QuantityUnit(symbol: "B", dimension: .size, factor: 1)
  static let kilobyte = QuantityUnit(symbol: "KB", dimension: .size, factor: 1024)
  static let megabyte = QuantityUnit(symbol: "MB", dimension: .size, factor: 1024 * 1024)
  static let gigabyte = QuantityUnit(symbol: "GB", dimension: .size, factor: 1024 * 1024 * 1024)
  static let terabyte = QuantityUnit(
    symbol: "TB", dimension: .size, factor: 1024 * 1024 * 1024 * 1024)

  /// Every spelling a learner or author may use, lower-cased, mapped to its unit.
  static let spellings: [String: QuantityUnit] = {
    var table: [String: QuantityUnit] = [:]
    let groups: [(QuantityUnit, [String])] = [
      (.percent, ["%", "percent"]),
      (.millisecond, ["ms", "msec", "millisecond", "milliseconds"]),
      (.second, ["s", "sec", "secs", "second", "seconds"]),
      (.minute, ["m", "min", "mins", "minute", "minutes"]),
      (.hour, ["h", "hr", "hrs", "hour", "hours"]),
      (.day, ["d", "day", "days"]),
      (.byte, ["b", "byte", "bytes"]),
      (.kilobyte, ["kb", "kib", "kilobyte", "kilobytes"]),
      (.megabyte, ["mb", "mib", "megabyte", "megabytes"]),
      (.gigabyte, ["gb", "gib", "gigabyte", "gigabytes"]),
      (.terabyte, ["tb", "tib", "terabyte", "terabytes"]),
    ]
    for (unit, names) in groups {
      for name in names { table[name] = unit }
    }
    return table
  }()

  /// Looks up a unit by any accepted spelling, ignoring case.
  public static func named(_ name: String) -> QuantityUnit? {
    spellings[name.lowercased()]
  }
}
