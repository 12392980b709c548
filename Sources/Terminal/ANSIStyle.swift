/// Every Select Graphic Rendition (SGR) code Lambdalings writes, named once.
///
/// No other file spells an escape sequence: they build them from these cases.
public enum ANSIStyle: Sendable, Equatable, Hashable {
  case reset
  case bold, dim, italic, underline, inverse, strikethrough
  /// Turns off bold and dim.
  case normalIntensity
  case noItalic, noUnderline, noInverse, noStrikethrough
  case black, red, green, yellow, blue, magenta, cyan, white
  case brightBlack, brightRed, brightGreen, brightYellow
  case brightBlue, brightMagenta, brightCyan, brightWhite
  /// The terminal's default foreground colour.
  case defaultColor

  /// The numeric SGR parameter, e.g. `"1"` for bold.
  public var code: String {
    switch self {
    case .reset: "0"
    case .bold: "1"
    case .dim: "2"
    case .italic: "3"
    case .underline: "4"
    case .inverse: "7"
    case .strikethrough: "9"
    case .normalIntensity: "22"
    case .noItalic: "23"
    case .noUnderline: "24"
    case .noInverse: "27"
    case .noStrikethrough: "29"
    case .black: "30"
    case .red: "31"
    case .green: "32"
    case .yellow: "33"
    case .blue: "34"
    case .magenta: "35"
    case .cyan: "36"
    case .white: "37"
    case .defaultColor: "39"
    case .brightBlack: "90"
    case .brightRed: "91"
    case .brightGreen: "92"
    case .brightYellow: "93"
    case .brightBlue: "94"
    case .brightMagenta: "95"
    case .brightCyan: "96"
    case .brightWhite: "97"
    }
  }

  /// The full escape sequence for this style alone.
  public var sequence: String { ANSIStyle.sequence(for: [self]) }

  /// One escape sequence setting all `styles` at once (`ESC [ 1;31 m`); empty for no styles.
  public static func sequence(for styles: [ANSIStyle]) -> String {
    guard !styles.isEmpty else { return "" }
    var sequence = controlSequenceIntroducer
    for (index, style) in styles.enumerated() {
      if index > 0 { sequence += ";" }
      sequence += style.code
    }
    return sequence + "m"
  }

  /// `ESC [ 0 m`, the sequence of `reset`, spelled once.
  static let resetSequence = ANSIStyle.reset.sequence

  /// Appends one sequence setting every style of `groups` (in order) to `output`, without
  /// building intermediate strings; nothing when there are no styles.
  static func appendSequence<Groups: Sequence>(for groups: Groups, to output: inout String)
  where Groups.Element == [ANSIStyle] {
    var first = true
    for group in groups {
      for style in group {
        output += first ? controlSequenceIntroducer : ";"
        output += style.code
        first = false
      }
    }
    if !first { output += "m" }
  }

  /// `ESC [ 0 m` as bytes.
  static let resetBytes = Array(resetSequence.utf8)

  /// Appends the parameters of `styles` joined by `;` (`1;95`) to `output`.
  static func appendCodes(_ styles: [ANSIStyle], to output: inout [UInt8]) {
    for (index, style) in styles.enumerated() {
      if index > 0 { output.append(UInt8(ascii: ";")) }
      let number = style.number
      if number >= 10 { output.append(UInt8(ascii: "0") + UInt8(number / 10)) }
      output.append(UInt8(ascii: "0") + UInt8(number % 10))
    }
  }

  /// `code` as a number (every code has one or two digits).
  var number: Int {
    switch self {
    case .reset: 0
    case .bold: 1
    case .dim: 2
    case .italic: 3
    case .underline: 4
    case .inverse: 7
    case .strikethrough: 9
    case .normalIntensity: 22
    case .noItalic: 23
    case .noUnderline: 24
    case .noInverse: 27
    case .noStrikethrough: 29
    case .black: 30
    case .red: 31
    case .green: 32
    case .yellow: 33
    case .blue: 34
    case .magenta: 35
    case .cyan: 36
    case .white: 37
    case .defaultColor: 39
    case .brightBlack: 90
    case .brightRed: 91
    case .brightGreen: 92
    case .brightYellow: 93
    case .brightBlue: 94
    case .brightMagenta: 95
    case .brightCyan: 96
    case .brightWhite: 97
    }
  }

  /// Appends the sequence setting `styles` to `output`; nothing for no styles.
  static func appendSequence(for styles: [ANSIStyle], to output: inout [UInt8]) {
    guard !styles.isEmpty else { return }
    output.append(0x1B)
    output.append(UInt8(ascii: "["))
    appendCodes(styles, to: &output)
    output.append(UInt8(ascii: "m"))
  }

  /// `ESC [`, the start of every SGR sequence.
  public static let controlSequenceIntroducer = "\u{1B}["
  /// `ESC ] 8 ;;`, the start of an OSC 8 hyperlink sequence.
  static let hyperlinkIntroducer = "\u{1B}]8;;"
  /// `ESC \`, the string terminator ending an OSC sequence.
  static let stringTerminator = "\u{1B}\\"

  /// The sequence opening an OSC 8 hyperlink to `url`.
  public static func hyperlinkStart(_ url: String) -> String {
    hyperlinkIntroducer + sanitizedURL(url) + stringTerminator
  }

  /// Moves the cursor home and clears the screen (`watch` between two runs).
  public static let clearScreen = controlSequenceIntroducer + "H" + controlSequenceIntroducer + "2J"

  /// The sequence closing an OSC 8 hyperlink.
  public static let hyperlinkEnd = hyperlinkIntroducer + stringTerminator

  /// `text` wrapped in an OSC 8 hyperlink to `url`.
  public static func hyperlink(_ text: String, url: String) -> String {
    hyperlinkStart(url) + text + hyperlinkEnd
  }

  /// Drops control characters from a URL so it cannot end the OSC sequence early.
  static func sanitizedURL(_ url: String) -> String {
    guard url.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return url }
    return String(
      String.UnicodeScalarView(url.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
  }
}

/// `text` with `styles` applied and reset after it; `text` unchanged when `enabled` is false,
/// `styles` is empty or `text` is empty.
public func styled(_ text: String, _ styles: [ANSIStyle], enabled: Bool) -> String {
  guard enabled, !styles.isEmpty, !text.isEmpty else { return text }
  return ANSIStyle.sequence(for: styles) + text + ANSIStyle.reset.sequence
}
