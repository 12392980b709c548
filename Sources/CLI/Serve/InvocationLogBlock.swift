/// What `serve` prints for one request that ran a function: a heading line (the request, or
/// the function) and the invocation's log lines as CloudWatch would show them (START, the
/// function's output, END, REPORT), indented under it. The whole block is written at once when
/// the invocation ends, so two requests that overlap never mix their lines.
enum InvocationLogBlock {
  /// The block's text, ending with a newline. With colour on, error lines (`[ERROR]` in
  /// Python, `ERROR` in Node) stand out and the START/END/REPORT lines are dimmed; without it
  /// the lines are exactly the runtime's.
  static func text(heading: String, logs: String?, styler: Styler) -> String {
    var text = heading + "\n"
    guard let logs, !logs.isEmpty else { return text }
    var inError = false
    for line in logs.split(separator: "\n", omittingEmptySubsequences: false).dropLast(
      logs.hasSuffix("\n") ? 1 : 0)
    {
      let line = String(line)
      let role = self.role(of: line, inError: &inError)
      text += "  " + (role.map { styler.apply(line, $0) } ?? line) + "\n"
    }
    return text
  }

  /// How a log line is coloured. An error line starts an error (its traceback lines, which
  /// carry no log prefix, go with it) until the next line with a prefix of its own.
  static func role(of line: String, inError: inout Bool) -> Styler.Role? {
    if line.hasPrefix("START RequestId:") || line.hasPrefix("END RequestId:")
      || line.hasPrefix("REPORT RequestId:")
    {
      inError = false
      return .dim
    }
    let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
    if line.hasPrefix("[ERROR]") || (fields.count >= 3 && fields[2] == "ERROR") {
      inError = true
      return .error
    }
    if line.hasPrefix("[") || fields.count >= 3 {
      inError = false
      return nil
    }
    return inError ? .error : nil
  }

  /// The role of a request line with HTTP status `status`: errors in red, client errors in
  /// yellow, everything else plain.
  static func role(status: Int) -> Styler.Role? {
    switch status {
    case 500...: return .error
    case 400..<500: return .warning
    default: return nil
    }
  }
}
