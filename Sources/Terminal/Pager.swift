import Foundation
import SystemSupport

/// Shows long output through the user's pager, the way git does.
public enum Pager {
  /// Pipes `text` into the pager when stdout is a terminal and the text is taller than it.
  ///
  /// The pager is `$LAMBDALINGS_PAGER`, then `$PAGER`, then `less -R`, run with `/bin/sh -c`;
  /// `LESS=FRX` is set when `LESS` is unset. An empty pager or `cat` means no pager.
  /// Returns false when it did not page (or the pager could not start), so the caller prints.
  public static func page(
    _ text: String, settings: TerminalSettings, environment: [String: String]
  ) -> Bool {
    let text = CommandText.unglued(text)
    guard settings.isTTY, let command = command(environment: environment) else { return false }
    let rows = TerminalSize.current()?.rows ?? environment["LINES"].flatMap { Int($0) } ?? 24
    guard rowCount(of: text, width: settings.width) > rows else { return false }
    return run(command, input: text, environment: pagerEnvironment(environment))
  }

  /// The pager command line, or nil when paging is turned off.
  static func command(environment: [String: String]) -> String? {
    let chosen = environment["LAMBDALINGS_PAGER"] ?? environment["PAGER"] ?? "less -R"
    let trimmed = chosen.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty || trimmed == "cat" ? nil : trimmed
  }

  /// The environment for the pager: the caller's, with `LESS=FRX` (quit if one screen, raw
  /// colour, no init) and `LV=-c` unless already set.
  static func pagerEnvironment(_ environment: [String: String]) -> [String: String] {
    var result = environment
    if result["LESS"] == nil { result["LESS"] = "FRX" }
    if result["LV"] == nil { result["LV"] = "-c" }
    return result
  }

  /// How many terminal rows `text` fills at `width`, counting lines longer than the width
  /// (unwrapped code) as several rows.
  static func rowCount(of text: String, width: Int) -> Int {
    let width = max(1, width)
    var rows = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let columns = DisplayWidth.of(String(line))
      rows += max(1, (columns + width - 1) / width)
    }
    if text.hasSuffix("\n") { rows -= 1 }
    return rows
  }

  /// Runs the pager with `input` on its stdin and waits for it. The pager runs in our process
  /// group, the terminal's foreground group, so it can read keys and set terminal modes (in a
  /// group of its own `less` would be stopped by SIGTTOU and hang); Ctrl-C is the pager's
  /// meanwhile. A pager quitting before reading everything is not an error.
  static func run(_ command: String, input: String, environment: [String: String]) -> Bool {
    guard
      let exit = try? ForegroundProcess.runShell(
        command, input: input, environment: environment)
    else { return false }
    // 126/127: the shell could not find or run the pager; let the caller print instead.
    return exit != .exited(126) && exit != .exited(127)
  }
}
