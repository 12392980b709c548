import Foundation

/// How progress documents become bytes and back: pretty, key-sorted JSON with ISO 8601 dates.
enum ProgressCoding {
  /// An encoder giving stable output: the same document always encodes to the same bytes.
  static func makeEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(ISO8601Timestamp.format(date))
    }
    return encoder
  }

  /// A decoder accepting ISO 8601 dates with or without fractional seconds and any UTC offset.
  static func makeDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      if let date = parseDate(text) { return date }
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription: "'\(text)' is not an ISO 8601 date such as 2026-01-31T09:30:00Z")
    }
    return decoder
  }

  /// Encodes `document`, ending the text with a newline.
  static func encode(_ document: ProgressDocument) throws -> Data {
    var data = try makeEncoder().encode(document)
    data.append(UInt8(ascii: "\n"))
    return data
  }

  /// Parses an ISO 8601 timestamp, with or without fractional seconds.
  static func parseDate(_ text: String) -> Date? {
    if let date = ISO8601Timestamp.parse(text) { return date }
    if let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return date }
    let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    return try? Date(text, strategy: fractional)
  }

  /// `date` without its fractional seconds, as the file stores it.
  static func wholeSeconds(_ date: Date) -> Date {
    Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
  }
}

extension ProgressDocument {
  /// The document as `progress.json` stores it: pretty, key-sorted JSON with ISO 8601 dates.
  public func jsonData() throws -> Data {
    try ProgressCoding.encode(self)
  }
}
