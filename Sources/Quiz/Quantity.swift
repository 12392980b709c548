import Foundation

/// A number with an optional unit, such as `900 s`, `15 min`, `10,240 MB` or `1,000`.
public struct Quantity: Sendable, Equatable, Hashable {
  /// The number as written, in `unit`.
  public var number: Double
  /// The unit as written; nil for a plain count.
  public var unit: QuantityUnit?

  public init(number: Double, unit: QuantityUnit?) {
    self.number = number
    self.unit = unit
  }

  public var dimension: UnitDimension { unit?.dimension ?? .count }

  /// The value in base units: seconds for time, bytes for size.
  public var baseValue: Double { number * (unit?.factor ?? 1) }

  /// Parses `900`, `900s`, `900 s`, `15 min`, `1,769 MB`, `0.5 h`. Returns nil for anything else.
  public init?(parsing text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    var digits = ""
    var rest = Substring(trimmed)
    while let first = rest.first,
      first.isNumber || first == "." || first == "," || first == "_"
        || (digits.isEmpty && (first == "-" || first == "+"))
    {
      if first != "," && first != "_" { digits.append(first) }
      rest = rest.dropFirst()
    }
    guard let number = Double(digits), number.isFinite else { return nil }
    let unitText = rest.trimmingCharacters(in: .whitespaces)
    if unitText.isEmpty {
      self.init(number: number, unit: nil)
      return
    }
    guard let unit = QuantityUnit.named(unitText) else { return nil }
    self.init(number: number, unit: unit)
  }

  /// The quantity expressed in another unit of the same dimension.
  public func converted(to target: QuantityUnit?) -> Quantity {
    Quantity(number: baseValue / (target?.factor ?? 1), unit: target)
  }

  /// A readable form such as `900 s` or `10,240 MB`.
  public var formatted: String {
    let text = Quantity.format(number)
    guard let unit else { return text }
    return "\(text) \(unit.symbol)"
  }

  /// Formats a number without a trailing `.0` and with thousands separators.
  static func format(_ value: Double) -> String {
    let rounded = (value * 1000).rounded() / 1000
    if rounded == rounded.rounded(), abs(rounded) < 1e15 {
      let whole = Int(rounded)
      let sign = whole < 0 ? "-" : ""
      var digits = String(abs(whole))
      var groups: [String] = []
      while digits.count > 3 {
        groups.insert(String(digits.suffix(3)), at: 0)
        digits = String(digits.dropLast(3))
      }
      groups.insert(digits, at: 0)
      return sign + groups.joined(separator: ",")
    }
    return String(rounded)
  }
}
