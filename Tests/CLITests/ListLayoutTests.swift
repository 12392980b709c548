import Foundation
import Testing

/// `list` on a narrow terminal: a step whose title does not fit beside its id gets the whole
/// title on the next line, never its first word beside the id and the rest at the margin.
@Suite(.timeLimit(.minutes(6))) struct ListLayoutTests {
  @Test func aTitleThatDoesNotFitMovesWhole() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let text = try LayoutTerminalTests.screen(
      ["list", "--course", BinaryRunner.shippedCourse], runner: runner, width: 40)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
    }
    let row = try #require(lines.firstIndex { $0.contains("exercise  http-api-hello") })
    #expect(lines[row].hasSuffix("http-api-hello"), "\(lines[row])")
    #expect(lines[row + 1] == "      An HTTP API with CORS in", "\(text)")
    #expect(LayoutTerminalTests.overflowing(text, width: 40).isEmpty, "\(text)")
    // Piped, every step stays on one row.
    let piped = try runner.run(["list", "--course", BinaryRunner.shippedCourse])
    #expect(piped.stdout.contains("http-api-hello        An HTTP API with CORS in serverless.yml"))
  }
}

/// The dashboard's footer on a narrow terminal: the workspace and the list command one under
/// the other rather than wrapped into each other.
@Suite(.timeLimit(.minutes(6))) struct DashboardLayoutTests {
  @Test func theFooterSplitsInTwoWhenItDoesNotFit() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let course = ["--course", BinaryRunner.shippedCourse]
    _ = try runner.run(["init"] + course)
    let narrow = try LayoutTerminalTests.screen(course, runner: runner, width: 40)
    #expect(
      narrow.contains("Workspace: lambdalings-workspace\r\nAll steps: lambdalings list")
        || narrow.contains("Workspace: lambdalings-workspace\nAll steps: lambdalings list"),
      "\(narrow)")
    let wide = try LayoutTerminalTests.screen(course, runner: runner, width: 80)
    #expect(wide.contains("Workspace: lambdalings-workspace   All steps: lambdalings list"))
  }
}
