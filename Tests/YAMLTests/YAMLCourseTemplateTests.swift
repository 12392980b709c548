import Foundation
import Testing

@testable import YAML

/// Every YAML block in the shipped lessons and docs parses.
@Suite struct YAMLCourseTemplateTests {
  static var root: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// The ```yaml fenced blocks of a Markdown file, with the line each starts on.
  static func yamlBlocks(in file: URL) -> [(line: Int, text: String)] {
    guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
    var blocks: [(Int, String)] = []
    var current: [String]?
    var start = 0
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if current == nil, trimmed == "```yaml" || trimmed == "```yml" {
        current = []
        start = index + 2
      } else if current != nil, trimmed.hasPrefix("```") {
        blocks.append((start, current?.joined(separator: "\n") ?? ""))
        current = nil
      } else {
        current?.append(String(line))
      }
    }
    return blocks
  }

  @Test func lessonAndDocTemplatesParse() throws {
    var checked = 0
    for folder in ["lessons", "docs", "exercises"] {
      let base = Self.root.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
      for case let relative as String in walker {
        let file = base.appendingPathComponent(relative)
        if relative.hasSuffix(".md") {
          for block in Self.yamlBlocks(in: file) {
            checked += 1
            do { _ = try YAML.parse(block.text) } catch {
              Issue.record("\(relative):\(block.line + error.line - 1): \(error.message)")
            }
          }
        } else if relative.hasSuffix(".yml") || relative.hasSuffix(".yaml") {
          checked += 1
          let text = try String(contentsOf: file, encoding: .utf8)
          do { _ = try YAML.parse(text) } catch {
            Issue.record("\(error.located(in: relative))")
          }
        }
      }
    }
    #expect(checked >= 2, "found \(checked) YAML documents in the course")
  }
}
