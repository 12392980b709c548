import Foundation
import Testing

@testable import LambdaRuntime

/// The bootstraps are real script files compiled in as resources; these tests lint what ships
/// and check that the embedded bytes are the files in the repository.
@Suite struct BootstrapScriptTests {
  private static let scripts = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/LambdaRuntime/Bootstrap/Scripts")

  /// Writes `source` to a fresh folder as `name`, runs the linter on it; returns its output
  /// when it fails.
  private func lint(_ source: String, as name: String, with arguments: [String]) throws
    -> String?
  {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("bootstrap-lint-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent(name)
    try Data(source.utf8).write(to: file)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments + [file.path]
    process.environment = ProcessInfo.processInfo.environment.merging(
      ["PYTHONPYCACHEPREFIX": folder.path]) { _, new in new }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? nil : String(decoding: output, as: UTF8.self)
  }

  @Test(.enabled(if: Fixture.hasPython, "python3 is not on PATH: the Python lint is skipped"))
  func pythonBootstrapCompiles() throws {
    let runtime = try lint(
      PythonBootstrap.source, as: PythonBootstrap.moduleFileName,
      with: ["python3", "-m", "py_compile"])
    #expect(runtime == nil, "\(runtime ?? "")")
    let stub = try lint(
      PythonBootstrap.stub, as: PythonBootstrap.fileName, with: ["python3", "-m", "py_compile"])
    #expect(stub == nil, "\(stub ?? "")")
  }

  @Test(.enabled(if: Fixture.hasNode, "node is not on PATH: the Node.js lint is skipped"))
  func nodeBootstrapPassesNodeCheck() throws {
    let problem = try lint(
      NodeBootstrap.source, as: NodeBootstrap.fileName, with: ["node", "--check"])
    #expect(problem == nil, "\(problem ?? "")")
  }

  @Test func embeddedScriptsAreTheFilesInTheRepository() throws {
    for (name, embedded) in [
      (PythonBootstrap.fileName, PythonBootstrap.stub),
      (PythonBootstrap.moduleFileName, PythonBootstrap.source),
      (NodeBootstrap.fileName, NodeBootstrap.source),
    ] {
      let file = try Data(contentsOf: Self.scripts.appendingPathComponent(name))
      #expect(Data(embedded.utf8) == file, "\(name) differs from what the binary embeds")
      #expect(!embedded.isEmpty)
    }
  }

  @Test func theCacheWritesEachBootstrapOnceWithTheEmbeddedContents() throws {
    let python = try #require(try BootstrapCache.path(for: .python))
    #expect(python.name == PythonBootstrap.fileName)
    let module = python.parent.appending(PythonBootstrap.moduleFileName)
    #expect(try Data(contentsOf: module.url) == Data(PythonBootstrap.source.utf8))
    let node = try #require(try BootstrapCache.path(for: .nodejs))
    #expect(try Data(contentsOf: node.url) == Data(NodeBootstrap.source.utf8))
    #expect(try BootstrapCache.path(for: .python) == python)
    #expect(try BootstrapCache.path(for: .provided) == nil)
  }
}
