extension StringProtocol {
  /// The text without leading and trailing spaces and tabs: the same result as Foundation's
  /// `trimmingCharacters(in: .whitespaces)` (Unicode space separators and tab), without the
  /// bridging that made it the quiz parser's hottest call.
  func trimmingSpaces() -> String { trimming { $0 == "\t" || isSpaceSeparator($0) } }

  /// As `trimmingSpaces()`, also removing line breaks (`.whitespacesAndNewlines`).
  func trimmingSpacesAndNewlines() -> String {
    trimming { $0.properties.isWhitespace || isSpaceSeparator($0) }
  }

  private func trimming(_ strip: (Unicode.Scalar) -> Bool) -> String {
    let scalars = Substring(self).unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, strip(scalars[start]) { start = scalars.index(after: start) }
    while start < end {
      let before = scalars.index(before: end)
      guard strip(scalars[before]) else { break }
      end = before
    }
    return String(Substring(scalars[start..<end]))
  }

  private func isSpaceSeparator(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar == " " }
    return scalar.properties.generalCategory == .spaceSeparator
  }
}
