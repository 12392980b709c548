import Course
import Foundation
import Testing

/// `validate` reads an exercise's `deployment.json` and reports its problems with file:line.
@Suite struct DeploymentSpecValidationTests {
  static func diagnostics(_ deployment: String) throws -> [String] {
    try TempCourse.valid(overriding: ["exercises/hello/deployment.json": deployment]).load()
      .diagnostics
  }

  @Test func aValidFileHasNoDiagnostics() throws {
    let found = try Self.diagnostics(
      """
      {
        "function": "hello-world",
        "checks": [
          { "name": "memory", "field": "MemorySize", "equals": 256 },
          { "name": "versions", "field": "PublishedVersions", "atLeast": 1 },
          { "name": "invoked", "invoked": true },
          { "name": "answers", "invoke": {}, "resultContains": "dev" },
          { "name": "alias", "alias": "live", "publishedVersion": true },
          { "name": "runtime", "language": "node", "field": "Runtime", "equals": "nodejs24.x" }
        ]
      }
      """)
    #expect(found.isEmpty, "\(found)")
  }

  @Test func typosAndWrongValuesAreReportedWithTheirLines() throws {
    let found = try Self.diagnostics(
      """
      {
        "function": "hello-world",
        "checks": [
          { "name": "memory", "field": "MemorySize", "equal": 256 },
          { "name": "versions", "field": "PublishedVersions", "atLeast": "1" },
          { "name": "alias", "alias": "live", "resultContains": "x" },
          { "language": "ruby", "invoked": true },
          { "name": "nothing" }
        ]
      }
      """)
    let file = "exercises/hello/deployment.json"
    #expect(
      found.contains {
        $0.hasPrefix("\(file):4: error: unknown check key \"equal\"")
          && $0.contains("did you mean \"equals\"?")
      }, "\(found)")
    #expect(found.contains { $0.hasPrefix("\(file):4: error: the \"field\" check on MemorySize") })
    #expect(found.contains { $0.hasPrefix("\(file):5: error: \"atLeast\" must be a whole number") })
    #expect(
      found.contains {
        $0.hasPrefix("\(file):6: error: \"resultContains\" does not belong in a \"alias\" check")
      })
    #expect(found.contains { $0.hasPrefix("\(file):7: error: \"language\" must be") })
    #expect(found.contains { $0.hasPrefix("\(file):7: error: this check has no \"name\"") })
    #expect(found.contains { $0.hasPrefix("\(file):8: error: this check has none of") })
    #expect(found.count == 7, "\(found)")
  }

  @Test func brokenJSONAndMissingKeysAreErrors() throws {
    let broken = try Self.diagnostics("{\n  \"function\": \"hello-world\",\n  \"checks\": [\n}\n")
    #expect(
      broken.contains {
        $0.hasPrefix("exercises/hello/deployment.json:")
          && $0.contains("deployment.json is not valid JSON")
      }, "\(broken)")
    let empty = try Self.diagnostics(#"{"fucntion": "hello-world", "checks": []}"#)
    #expect(empty.contains { $0.contains("unknown key \"fucntion\"; did you mean \"function\"?") })
    #expect(empty.contains { $0.contains("deployment.json needs \"function\"") })
    #expect(empty.contains { $0.contains("\"checks\" must be a non-empty list") })
  }

  @Test func theShippedDeploymentFilesAreValid() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().path
    for id in ["deploy-hello-world", "publish-live"] {
      let path = "\(root)/exercises/\(id)/deployment.json"
      let text = try String(contentsOfFile: path, encoding: .utf8)
      var reader = DeploymentSpecReader(file: path)
      reader.read(text: text)
      #expect(reader.diagnostics.isEmpty, "\(reader.diagnostics)")
    }
  }
}
