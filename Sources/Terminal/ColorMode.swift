/// How the user asked for colour: `--color auto|always|never`.
public enum ColorMode: String, Sendable, Equatable, CaseIterable {
  /// Colour when writing to a colour-capable terminal, honouring `NO_COLOR` and friends.
  case auto
  /// Colour even when the output is a pipe or a file.
  case always
  /// Never emit escape codes.
  case never

  /// Parses a `--color` value, case-insensitively; `nil` for anything else.
  public init?(flag: String) {
    self.init(rawValue: flag.lowercased())
  }
}
