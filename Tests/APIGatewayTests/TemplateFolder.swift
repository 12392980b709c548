import Foundation
import SystemSupport

/// A temporary folder holding a template and its handler files; removed by `remove()`.
struct TemplateFolder {
  let path: AbsolutePath

  init(files: [String: String]) throws {
    path = AbsolutePath(NSTemporaryDirectory(), relativeTo: .currentDirectory())
      .appending("apigw-\(UUID().uuidString.prefix(8))")
    for (name, text) in files {
      let file = path.appending(name)
      try FileManager.default.createDirectory(
        atPath: file.parent.string, withIntermediateDirectories: true)
      try text.write(toFile: file.string, atomically: true, encoding: .utf8)
    }
  }

  func file(_ name: String) -> AbsolutePath { path.appending(name) }

  func remove() { try? FileManager.default.removeItem(atPath: path.string) }

  static let helloPython = """
    import json

    def hello(event, context):
        name = (event.get("queryStringParameters") or {}).get("name", "world")
        return {"statusCode": 200, "headers": {"Content-Type": "application/json"},
                "body": json.dumps({"message": f"Hello, {name}!"})}
    """
}

extension TemplateFolder {
  /// Whether python3 is on PATH; the tests that run handlers are skipped (and say so) without.
  static let hasPython: Bool = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let found = path.split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: String($0) + "/python3")
    }
    if !found { print("skipping the gateway handler tests: python3 is not on PATH") }
    return found
  }()
}
