import LambdaRuntime
import Terminal

/// Text for `events list` (a table that wraps its last column) and `events show NAME`.
enum EventsTable {
  /// The catalogue as NAME / TRIGGER / DESCRIPTION columns fitted to the terminal width; when
  /// the description would get fewer than 20 columns, one block per template instead: the name,
  /// then "Trigger: description" wrapped under it (no columns, so nothing to misalign).
  static func render(_ templates: [EventTemplate], out: OutputWriter) -> String {
    let styler = out.styler
    let width = out.settings.width
    let nameWidth = (templates.map { DisplayWidth.of($0.name) }.max() ?? 4) + 2
    let triggerWidth = (templates.map { DisplayWidth.of($0.trigger) }.max() ?? 7) + 2
    let indent = nameWidth + triggerWidth
    let inline = width - indent >= 20
    var text = ""
    if inline {
      let header = pad("NAME", nameWidth) + pad("TRIGGER", triggerWidth) + "DESCRIPTION"
      text += styler.apply(header, .heading) + "\n"
    }
    for template in templates {
      if inline {
        // Broken at spaces; a word longer than the line stays whole.
        let lines = WordWrapper.wrap(
          template.description, width: width - indent, breakingLongWords: false)
        text += styler.apply(pad(template.name, nameWidth), .command)
        text += pad(template.trigger, triggerWidth)
        text += lines.joined(separator: "\n" + String(repeating: " ", count: indent)) + "\n"
      } else {
        let lines = WordWrapper.wrap(
          "\(template.trigger): \(template.description)", width: max(16, width - 4),
          breakingLongWords: false)
        text += styler.apply(template.name, .command) + "\n"
        text += lines.map { "    " + $0 }.joined(separator: "\n") + "\n"
      }
    }
    let commands = [
      ("Print one:", "lambdalings events generate NAME"),
      ("Its parameters:", "lambdalings events show NAME"),
    ]
    text += "\n"
    for (label, command) in commands {
      let together = pad(label, 17) + command
      text +=
        DisplayWidth.of(together) <= width
        ? pad(label, 17) + styler.apply(command, .command) + "\n"
        : label + "\n    " + styler.apply(command, .command) + "\n"
    }
    return text
  }

  /// One template: what it is, its parameters with defaults, and how --count applies.
  static func describe(_ template: EventTemplate, out: OutputWriter) -> String {
    let styler = out.styler
    var text = styler.apply(template.name, .heading) + "  (\(template.trigger))\n"
    text += template.description + "\n\n"
    if template.parameters.isEmpty {
      text += "Parameters: none; change fields with --set PATH=VALUE.\n"
    } else {
      text += "Parameters (--set NAME=VALUE):\n"
      let width = (template.parameters.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2
      for parameter in template.parameters {
        let fallback = parameter.defaultValue.isEmpty ? "" : " (default: \(parameter.defaultValue))"
        text += "  " + styler.apply(pad(parameter.name, width), .command)
        text += parameter.help + styler.apply(fallback, .dim) + "\n"
      }
    }
    if let count = template.count {
      text += "\n--count N: \(count.range.lowerBound) to \(count.range.upperBound) \(count.noun)"
      text += " (default \(count.defaultValue)).\n"
    }
    text += "\nExample: " + styler.apply(example(template), .command) + "\n"
    return text
  }

  private static func example(_ template: EventTemplate) -> String {
    var command = "lambdalings events generate \(template.name)"
    if let parameter = template.parameters.first {
      command += " --set \(parameter.name)=\(parameter.isInteger ? "42" : "...")"
    }
    if let count = template.count { command += " --count \(min(5, count.range.upperBound))" }
    return command
  }

  /// `text` padded to `width` columns, with at least one space after it.
  private static func pad(_ text: String, _ width: Int) -> String {
    DisplayWidth.padded(text + " ", to: width)
  }
}
