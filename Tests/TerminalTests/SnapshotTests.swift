import Foundation
import Markdown
import Testing

@testable import Terminal

/// Compares rendered output with files in `Snapshots/`; `RECORD_SNAPSHOTS=1` rewrites them.
@Suite struct SnapshotTests {
  struct Variant: CustomTestStringConvertible, Sendable {
    var format: TerminalRenderer.Format
    var width: Int
    var unicode = true
    var hyperlinks = false

    var fileName: String {
      var name = "every-construct.\(format.rawValue).\(width)"
      if !unicode { name += ".ascii" }
      if hyperlinks { name += ".links" }
      return name + ".txt"
    }
    var testDescription: String { fileName }
  }

  static let variants: [Variant] =
    [40, 80, 120].flatMap { width in
      [Variant(format: .plain, width: width), Variant(format: .ansi, width: width)]
    } + [
      Variant(format: .plain, width: 80, unicode: false),
      Variant(format: .ansi, width: 80, hyperlinks: true),
    ]

  @Test(arguments: variants)
  func fixtureMatchesSnapshot(variant: Variant) throws {
    let settings = TerminalSettings(
      useColor: variant.format == .ansi, width: variant.width, supportsUnicode: variant.unicode,
      supportsHyperlinks: variant.hyperlinks)
    let output = TerminalRenderer(settings: settings, format: variant.format)
      .render(try Fixture.document())
    try Snapshot.assertMatches(output, file: variant.fileName)
  }
}

/// Access to the fixture documents next to this file.
enum Fixture {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

  static func text(_ name: String = "every-construct.md") throws -> String {
    try String(contentsOf: directory.appendingPathComponent("Fixtures/\(name)"), encoding: .utf8)
  }

  static func document(_ name: String = "every-construct.md") throws -> Document {
    Document(parsing: try text(name))
  }
}

/// Snapshot files: compare, or record when `RECORD_SNAPSHOTS` is set.
enum Snapshot {
  static func assertMatches(
    _ output: String, file name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = Fixture.directory.appendingPathComponent("Snapshots/\(name)")
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"].map { !$0.isEmpty }
    if recording == true {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try output.write(to: url, atomically: true, encoding: .utf8)
      print("recorded snapshot \(name)")
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "missing snapshot \(url.path); run with RECORD_SNAPSHOTS=1 to record it",
        sourceLocation: sourceLocation)
      return
    }
    if output == expected { return }
    let got = output.split(separator: "\n", omittingEmptySubsequences: false)
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let line =
      zip(got, want).enumerated().first { $0.1.0 != $0.1.1 }?.offset ?? min(got.count, want.count)
    let gotLine = line < got.count ? String(got[line]) : "<end>"
    let wantLine = line < want.count ? String(want[line]) : "<end>"
    Issue.record(
      """
      \(name) differs at line \(line + 1):
        expected: \(wantLine.debugDescription)
        actual:   \(gotLine.debugDescription)
      (RECORD_SNAPSHOTS=1 re-records after an intended change)
      """, sourceLocation: sourceLocation)
  }
}
