import Foundation
import SystemSupport
import Testing

@testable import LambdaRuntime

@Suite struct HandlerLocatorTests {
  private func folder(_ files: [String: String]) throws -> String {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("locator-\(UUID().uuidString)/my-func")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for (name, text) in files {
      try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return root.path
  }

  /// Removes the temporary parent folder of a code folder made by `folder`.
  private func remove(_ path: String) {
    try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
  }

  @Test func pythonFileFindsItsHandlerFunction() throws {
    let path = try folder(["app.py": "def handler(event, context):\n    return 1\n"])
    defer { remove(path) }
    let location = try HandlerLocation.locate("\(path)/app.py")
    #expect(location.runtime == .python)
    #expect(location.handler == "app.handler")
    #expect(location.codePath.string == path)
    #expect(location.functionName == "my-func")
    #expect(try HandlerLocation.locate("\(path)/app.py", handler: "other").handler == "app.other")
    #expect(try HandlerLocation.locate("\(path)/app.py", handler: "x.y").handler == "x.y")
  }

  @Test func foldersInferTheRuntime() throws {
    let python = try folder(["lambda_function.py": "def lambda_handler(e, c): pass\n"])
    let node = try folder(["index.mjs": "export const handler = async () => 1;\n"])
    defer {
      remove(python)
      remove(node)
    }
    let pythonLocation = try HandlerLocation.locate(python)
    #expect(pythonLocation.runtime == .python)
    #expect(pythonLocation.handler == "lambda_function.lambda_handler")
    let nodeLocation = try HandlerLocation.locate(node)
    #expect(nodeLocation.runtime == .nodejs)
    #expect(nodeLocation.handler == "index.handler")
    let relative = try HandlerLocation.locate(
      "my-func", currentDirectory: AbsolutePath(validating: node)!.parent)
    #expect(relative.codePath.string == node)
  }

  @Test func namesSkipLanguageAndSolutionFolders() {
    #expect(
      HandlerLocation.name(for: AbsolutePath(validating: "/x/exercises/hello-api/solution/python")!)
        == "hello-api")
    #expect(HandlerLocation.name(for: AbsolutePath(validating: "/work/my func!")!) == "my-func-")
  }

  @Test func missingOrUnknownFilesAreExplained() throws {
    let path = try folder(["notes.txt": "hello"])
    defer { remove(path) }
    #expect(throws: LambdaRuntimeError.self) { try HandlerLocation.locate("\(path)/nope.py") }
    #expect {
      try HandlerLocation.locate("\(path)/notes.txt")
    } throws: { "\($0)".contains("--runtime python|nodejs|provided") }
    #expect { try HandlerLocation.locate(path) } throws: { "\($0)".contains("no handler found") }
  }
}
