import Testing

@testable import CLI

/// The block `serve` prints per invocation: the runtime's lines, indented under a heading,
/// plain without colour, errors in red and START/END/REPORT dimmed with it.
@Suite struct InvocationLogBlockTests {
  static let logs = """
    START RequestId: 1 Version: $LATEST
    [INFO]\t2026-12-02T01:00:00.000Z\t1\tabout to fail
    [ERROR] ValueError: boom
    Traceback (most recent call last):
      File "/var/task/app.py", line 3, in fail
    2026-12-02T01:00:00.000Z\t1\tERROR\tnode says no
    END RequestId: 1
    REPORT RequestId: 1\tDuration: 1.00 ms\tBilled Duration: 1 ms

    """

  @Test func plainWithoutColour() {
    let text = InvocationLogBlock.text(
      heading: "api: GET /x 500", logs: Self.logs, styler: Styler(enabled: false))
    let expected =
      "api: GET /x 500\n"
      + Self.logs.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      .map { "  " + $0 + "\n" }.joined()
    #expect(text == expected)
    #expect(
      InvocationLogBlock.text(heading: "api: GET /x 404", logs: nil, styler: Styler(enabled: true))
        == "api: GET /x 404\n")
  }

  @Test func errorsAndTracebacksStandOutWithColour() {
    var inError = false
    let roles = Self.logs.split(separator: "\n").map {
      InvocationLogBlock.role(of: String($0), inError: &inError)
    }
    #expect(roles == [.dim, nil, .error, .error, .error, .error, .dim, .dim])
    let text = InvocationLogBlock.text(
      heading: "h", logs: Self.logs, styler: Styler(enabled: true))
    #expect(text.contains("\u{1B}["))
    #expect(text.contains("  [INFO]\t2026-12-02T01:00:00.000Z\t1\tabout to fail\n"))
    #expect(InvocationLogBlock.role(status: 502) == .error)
    #expect(InvocationLogBlock.role(status: 404) == .warning)
    #expect(InvocationLogBlock.role(status: 200) == nil)
  }
}
