import Foundation
import Testing

@testable import Terminal

@Suite struct PagerTests {
  let tty = TerminalSettings(width: 80, isTTY: true)
  let long = (1...100).map { "line \($0)" }.joined(separator: "\n") + "\n"

  /// A fresh temporary directory, removed by the caller.
  func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func choosesThePagerCommandLikeGit() {
    #expect(Pager.command(environment: [:]) == "less -R")
    #expect(Pager.command(environment: ["PAGER": "more"]) == "more")
    #expect(Pager.command(environment: ["PAGER": "more", "LAMBDALINGS_PAGER": "most"]) == "most")
    #expect(Pager.command(environment: ["PAGER": ""]) == nil)
    #expect(Pager.command(environment: ["PAGER": " cat "]) == nil)
    #expect(Pager.pagerEnvironment([:])["LESS"] == "FRX")
    #expect(Pager.pagerEnvironment(["LESS": "-i"])["LESS"] == "-i")
  }

  @Test func countsRowsIncludingLongLines() {
    #expect(Pager.rowCount(of: "a\nb\n", width: 80) == 2)
    #expect(Pager.rowCount(of: "a\nb", width: 80) == 2)
    #expect(Pager.rowCount(of: String(repeating: "x", count: 81) + "\n", width: 80) == 2)
    #expect(Pager.rowCount(of: "\n\n", width: 80) == 2)
  }

  @Test func doesNotPageOffATerminalOrWhenItFits() {
    let notTTY = TerminalSettings(width: 80, isTTY: false)
    #expect(!Pager.page(long, settings: notTTY, environment: ["PAGER": "false", "LINES": "10"]))
    #expect(!Pager.page("short\n", settings: tty, environment: ["PAGER": "false", "LINES": "10"]))
    #expect(!Pager.page(long, settings: tty, environment: ["PAGER": "cat", "LINES": "10"]))
  }

  @Test func pipesTheTextIntoThePager() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("paged.txt")
    let environment = [
      "PAGER": "cat > \"$OUT\"; printf %s \"$LESS\" > \"$OUT.less\"", "OUT": output.path,
      "LINES": "10",
    ]
    #expect(Pager.page(long, settings: tty, environment: environment))
    #expect(try String(contentsOf: output, encoding: .utf8) == long)
    let less = try String(contentsOf: URL(fileURLWithPath: output.path + ".less"), encoding: .utf8)
    #expect(less == "FRX")
  }

  @Test func missingPagerLetsTheCallerPrint() {
    let environment = ["PAGER": "lambdalings-no-such-pager-\(UUID().uuidString)", "LINES": "10"]
    #expect(!Pager.page(long, settings: tty, environment: environment))
  }

  @Test func pagerQuittingEarlyDoesNotKillUs() {
    let huge = String(repeating: "x\n", count: 200_000)
    #expect(Pager.page(huge, settings: tty, environment: ["PAGER": "head -n 1 >/dev/null"]))
  }
}
