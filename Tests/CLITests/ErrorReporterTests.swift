import Foundation
import Terminal
import Testing

@testable import CLI

/// The one place errors become text and exit codes: a thrown `ExitCode` means "already
/// printed", so it gives its status and no text; everything else gets exactly one `error:`.
@Suite struct ErrorReporterTests {
  /// What `report` wrote to a pipe, and the status it returned.
  static func report(_ error: Error, command: String? = "check") throws -> (Int32, String) {
    let pipe = Pipe()
    let writer = OutputWriter(
      descriptor: pipe.fileHandleForWriting.fileDescriptor, settings: .plain)
    let status = ErrorReporter.report(error, command: command, to: writer)
    try pipe.fileHandleForWriting.close()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return (status, text)
  }

  @Test func aThrownExitCodePrintsNothing() throws {
    for code in [ExitCode.failure, .usageOrContent, ExitCode(130)] {
      let (status, text) = try Self.report(code)
      #expect(status == code.rawValue)
      #expect(text.isEmpty, "\(text)")
    }
  }

  @Test func otherErrorsGetOneLabelAndTheirStatus() throws {
    let (usage, usageText) = try Self.report(CLIError.usage("no such option", hint: "Try this."))
    #expect(usage == 2)
    #expect(
      usageText == "error: no such option\nTry this.\nRun 'lambdalings check --help' for usage.\n")
    let (content, contentText) = try Self.report(CLIError.content("/w/progress.json:3: broken"))
    #expect(content == 2)
    #expect(contentText == "error: /w/progress.json:3: broken\n")
    struct Plain: Error, CustomStringConvertible { var description: String { "plain problem" } }
    let (other, otherText) = try Self.report(Plain())
    #expect(other == 2)
    #expect(otherText == "error: plain problem\n")
  }
}
