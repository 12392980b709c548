import Foundation
import Markdown
import Testing

/// Renders every conformance example and counts the matches.
///
/// The floors only ever rise: raise them when the parser improves.
struct ConformanceTests {
  static let commonMarkFloor = 652
  static let gfmFloor = 24
  static let gfmExtraFloor = 26
  static let verbose = ProcessInfo.processInfo.environment["MARKDOWN_SPEC_VERBOSE"] != nil

  struct Tally {
    var exact = 0
    var normalized = 0
    var failures: [Int] = []
  }

  static func run(_ examples: [SpecExample], extensions: MarkdownExtensions) -> Tally {
    var tally = Tally()
    for example in examples {
      let tagFilter = example.extensions?.contains("tagfilter") ?? false
      let actual = HTMLRenderer.render(
        Document(parsing: example.markdown, extensions: extensions),
        options: .init(tagFilter: tagFilter))
      let result = HTMLComparison.matches(actual, example.html)
      if result.exact { tally.exact += 1 }
      if result.normalized {
        tally.normalized += 1
      } else {
        tally.failures.append(example.example)
        if verbose {
          print("--- example \(example.example) (\(example.section))")
          print("markdown: \(example.markdown.debugDescription)")
          print("expected: \(example.html.debugDescription)")
          print("actual:   \(actual.debugDescription)")
        }
      }
    }
    return tally
  }

  @Test func commonMarkSpec() throws {
    let examples = try SpecExample.load("spec.json")
    #expect(examples.count == 652)
    let tally = Self.run(examples, extensions: [])
    print("commonmark: passed \(tally.normalized) of \(examples.count) (\(tally.exact) exact)")
    if !tally.failures.isEmpty { print("commonmark failures: \(tally.failures)") }
    #expect(tally.normalized >= Self.commonMarkFloor)
  }

  @Test func gfmExtensions() throws {
    let examples = try SpecExample.load("gfm-extensions.json")
    #expect(examples.count == 24)
    let tally = Self.run(examples, extensions: .gfm)
    print("gfm: passed \(tally.normalized) of \(examples.count) (\(tally.exact) exact)")
    if !tally.failures.isEmpty { print("gfm failures: \(tally.failures)") }
    #expect(tally.normalized >= Self.gfmFloor)
  }

  /// cmark-gfm's own extension tests; footnotes are not supported, so two examples are
  /// expected to fail (cmark-gfm itself passes 26 of 28).
  @Test func gfmExtraTests() throws {
    let examples = try SpecExample.load("gfm-extra-tests.json")
    let tally = Self.run(examples, extensions: .gfm)
    print("gfm extra: passed \(tally.normalized) of \(examples.count) (\(tally.exact) exact)")
    if !tally.failures.isEmpty { print("gfm extra failures: \(tally.failures)") }
    #expect(tally.normalized >= Self.gfmExtraFloor)
  }
}
