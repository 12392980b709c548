/// What the output terminal can do, decided once at start-up and passed around as a value.
public struct TerminalSettings: Sendable, Equatable {
  /// Whether escape codes (colours, styles, hyperlinks) may be written.
  public var useColor: Bool
  /// The number of columns available, at least 1.
  public var width: Int
  /// Whether non-ASCII glyphs (box drawing, ✓, ☐) render: a UTF-8 locale and not `TERM=dumb`.
  public var supportsUnicode: Bool
  /// Whether OSC 8 hyperlinks may be written (implies `useColor`).
  public var supportsHyperlinks: Bool
  /// Whether standard output is a terminal.
  public var isTTY: Bool

  /// Settings with explicit values, for tests and for `--width`.
  public init(
    useColor: Bool = false, width: Int = 80, supportsUnicode: Bool = true,
    supportsHyperlinks: Bool = false, isTTY: Bool = false
  ) {
    self.useColor = useColor
    self.width = max(1, width)
    self.supportsUnicode = supportsUnicode
    self.supportsHyperlinks = supportsHyperlinks && useColor
    self.isTTY = isTTY
  }

  /// Plain 80-column output with Unicode glyphs and no escape codes.
  public static let plain = TerminalSettings()

  /// Decides the settings from the `--color` flag, the environment and whether stdout is a TTY.
  ///
  /// Colour: `never`/`always` win; otherwise `NO_COLOR` (non-empty) disables it, `CLICOLOR_FORCE`
  /// (non-empty, not `0`) forces it, and `TERM=dumb` or a non-terminal disables it.
  /// Width: the terminal's own size (ioctl `TIOCGWINSZ` on stdout) when a TTY, then `COLUMNS`, then 80.
  public static func detect(
    colorFlag: ColorMode, environment: [String: String], isTTY: Bool
  ) -> TerminalSettings {
    detect(
      colorFlag: colorFlag, environment: environment, isTTY: isTTY,
      terminalWidth: { TerminalSize.current()?.columns })
  }

  /// `detect` with the terminal size query injected, so tests can fake a terminal.
  static func detect(
    colorFlag: ColorMode, environment: [String: String], isTTY: Bool,
    terminalWidth: () -> Int?
  ) -> TerminalSettings {
    let term = environment["TERM"] ?? ""
    let useColor = decideColor(colorFlag, environment: environment, isTTY: isTTY)
    var width = 80
    if isTTY, let columns = terminalWidth(), columns > 0 {
      width = columns
    } else if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 {
      width = columns
    }
    let unicode = term != "dumb" && localeIsUTF8(environment)
    let links = useColor && hyperlinksSupported(environment: environment, isTTY: isTTY)
    return TerminalSettings(
      useColor: useColor, width: width, supportsUnicode: unicode, supportsHyperlinks: links,
      isTTY: isTTY)
  }

  static func decideColor(_ mode: ColorMode, environment: [String: String], isTTY: Bool) -> Bool {
    switch mode {
    case .never: return false
    case .always: return true
    case .auto:
      if let value = environment["NO_COLOR"], !value.isEmpty { return false }
      if let value = environment["CLICOLOR_FORCE"], !value.isEmpty, value != "0" { return true }
      if environment["TERM"] == "dumb" { return false }
      return isTTY
    }
  }

  /// The effective character-type locale is the first non-empty of LC_ALL, LC_CTYPE, LANG.
  static func localeIsUTF8(_ environment: [String: String]) -> Bool {
    for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
      if let value = environment[name], !value.isEmpty {
        let lower = value.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
      }
    }
    return false
  }

  /// OSC 8 support: `FORCE_HYPERLINK` decides when set, else terminals known to support it.
  static func hyperlinksSupported(environment: [String: String], isTTY: Bool) -> Bool {
    if let force = environment["FORCE_HYPERLINK"], !force.isEmpty { return force != "0" }
    guard isTTY else { return false }
    let program = environment["TERM_PROGRAM"] ?? ""
    let known = ["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "tabby", "rio"]
    if known.contains(program) { return true }
    if environment["WT_SESSION"] != nil || environment["KITTY_WINDOW_ID"] != nil { return true }
    if let vte = environment["VTE_VERSION"], let number = Int(vte), number >= 5000 { return true }
    let term = environment["TERM"] ?? ""
    return ["kitty", "alacritty", "foot", "wezterm", "ghostty"].contains { term.contains($0) }
  }
}
