import SystemSupport
import Terminal

/// Help text for the whole tool and for each command, laid out for a terminal `width` columns
/// wide: paragraphs are reflowed, and the description column of a table continues under
/// itself (or goes under its name when the terminal is too narrow for two columns).
enum HelpFormatter {
  static func overview(_ commands: [CommandSpec], styler: Styler, width: Int = 80) -> String {
    var text =
      paragraph("lambdalings \(ProductVersion.current): learn AWS Lambda by doing.", width: width)
      + "\n"
    text += usage("lambdalings [COMMAND] [options]", styler: styler, width: width)
    text += paragraph("  With no command, shows where you are and what to do next.", width: width)
    text += "\n" + styler.apply("COMMANDS:", .heading) + "\n"
    let visible = commands.filter { !$0.isHidden }
    let rows = visible.map { (name: $0.name, help: $0.abstract) }
    text += table(rows, width: width) { styler.apply($0, .command) }
    let version = OptionSpec(long: "version", help: "Show the version.")
    text +=
      "\n"
      + options(
        GlobalOptions.all + [version], styler: styler, title: "GLOBAL OPTIONS:", width: width)
    text += "\n"
    text += paragraph("Run 'lambdalings COMMAND --help' for a command's options.", width: width)
    text += paragraph(
      "Exit codes: 0 success, 1 a check or quiz failed, 2 usage or content error.", width: width)
    return text
  }

  static func command(_ command: CommandSpec, styler: Styler, width: Int = 80) -> String {
    var text = paragraph(command.abstract, width: width) + "\n"
    text += usage("lambdalings \(command.usage)", styler: styler, width: width)
    if !command.discussion.isEmpty {
      text += "\n" + reflow(command.discussion, width: width)
    }
    if !command.arguments.isEmpty {
      text += "\n" + styler.apply("ARGUMENTS:", .heading) + "\n"
      text += table(command.arguments.map { (name: $0.name, help: $0.help) }, width: width)
    }
    if !command.options.isEmpty {
      text += "\n" + options(command.options, styler: styler, title: "OPTIONS:", width: width)
    }
    text +=
      "\n" + options(GlobalOptions.all, styler: styler, title: "GLOBAL OPTIONS:", width: width)
    return text
  }

  private static func options(
    _ specs: [OptionSpec], styler: Styler, title: String, width: Int
  ) -> String {
    let rows = specs.map { spec in
      (name: spec.synopsis, help: spec.help + (spec.isRepeatable ? " (repeatable)" : ""))
    }
    return styler.apply(title, .heading) + "\n" + table(rows, width: width)
  }

  /// `USAGE: ...`, continued under the command line when it is too long.
  private static func usage(_ line: String, styler: Styler, width: Int) -> String {
    let label = "USAGE: "
    let lines = WordWrapper.wrap(
      line, width: max(1, width - DisplayWidth.of(label)), hangingIndent: 2,
      breakingLongWords: false)
    let pad = String(repeating: " ", count: DisplayWidth.of(label))
    return styler.apply("USAGE:", .heading) + " " + lines.joined(separator: "\n" + pad) + "\n"
  }

  /// Two columns: names indented by two, descriptions aligned after the longest name and
  /// wrapped under themselves; on a narrow terminal each description goes under its name.
  static func table(
    _ rows: [(name: String, help: String)], width: Int, style: (String) -> String = { $0 }
  ) -> String {
    let nameWidth = rows.map { DisplayWidth.of($0.name) }.max() ?? 0
    let column = 2 + nameWidth + 2
    var text = ""
    for row in rows {
      let name = "  " + style(row.name)
      if width - column >= 24 {
        let help = WordWrapper.wrap(row.help, width: width - column, breakingLongWords: false)
        let pad = String(repeating: " ", count: column)
        text += DisplayWidth.padded(name, to: column) + help.joined(separator: "\n" + pad) + "\n"
      } else {
        text += name + "\n"
        let help = WordWrapper.wrap(row.help, width: max(1, width - 6), breakingLongWords: false)
        text += help.map { "      " + $0 }.joined(separator: "\n") + "\n"
      }
    }
    return text
  }

  /// One line of text wrapped to `width` with a hanging indent.
  private static func paragraph(_ text: String, width: Int) -> String {
    HangingIndent.wrap(text, width: width).joined(separator: "\n") + "\n"
  }

  /// A command's discussion: paragraphs (separated by blank lines) are joined and wrapped to
  /// `width`; lines that start with spaces, `- ` or `$ ` keep their own line.
  static func reflow(_ text: String, width: Int) -> String {
    var logical: [String] = []
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(raw)
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      let startsItsOwn = line.hasPrefix(" ") || line.hasPrefix("- ") || line.hasPrefix("$ ")
      if trimmed.isEmpty {
        logical.append("")
      } else if startsItsOwn || logical.last.map(\.isEmpty) ?? true {
        logical.append(line)
      } else {
        logical[logical.count - 1] += " " + trimmed
      }
    }
    while logical.first == "" { logical.removeFirst() }
    while logical.last == "" { logical.removeLast() }
    return logical.flatMap { HangingIndent.wrap($0, width: width) }.joined(separator: "\n") + "\n"
  }
}
