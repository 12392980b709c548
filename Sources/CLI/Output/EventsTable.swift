import LambdaRuntime
import Terminal

/// Text for `events list` (a table that wraps its last column) and `events show NAME`.
enum EventsTable {
  /// The catalogue as NAME / TRIGGER / DESCRIPTION columns fitted to the terminal width.
  static func render(_ templates: [EventTemplate], out: OutputWriter) -> String {
    let styler = out.styler
    let nameWidth = (templates.map { DisplayWidth.of($0.name) }.max() ?? 4) + 2
    let triggerWidth = (templates.map { DisplayWidth.of($0.trigger) }.max() ?? 7) + 2
    let indent = nameWidth + triggerWidth
    // Below 20 columns for descriptions, they go on their own line under the name instead.
    let room = out.settings.width - indent
    let inline = room >= 20
    let header = pad("NAME", nameWidth) + (inline ? pad("TRIGGER", triggerWidth) : "TRIGGER")
    var text = styler.apply(header + (inline ? "DESCRIPTION" : ""), .heading) + "\n"
    for template in templates {
      let lead = pad(template.name, nameWidth)
      // Broken at spaces; a word longer than the line stays whole.
      let lines = WordWrapper.wrap(
        template.description, width: inline ? room : max(20, out.settings.width - 4),
        breakingLongWords: false)
      if inline {
        text += styler.apply(lead, .command) + pad(template.trigger, triggerWidth)
        text += lines.joined(separator: "\n" + String(repeating: " ", count: indent)) + "\n"
      } else {
        // Name and trigger on one line when they fit (closer together if need be), else the
        // trigger goes under the name with the description.
        let width = out.settings.width
        if DisplayWidth.of(lead + template.trigger) <= width {
          text += styler.apply(lead, .command) + template.trigger + "\n"
        } else if DisplayWidth.of(template.name + "  " + template.trigger) <= width {
          text += styler.apply(template.name, .command) + "  " + template.trigger + "\n"
        } else {
          text += styler.apply(template.name, .command) + "\n    " + template.trigger + "\n"
        }
        text += lines.map { "    " + $0 }.joined(separator: "\n") + "\n"
      }
    }
    text += "\nPrint one:       " + styler.apply("lambdalings events generate NAME", .command)
    text += "\nIts parameters:  " + styler.apply("lambdalings events show NAME", .command) + "\n"
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
