import Foundation
import Testing

/// The welcome screen suggests `alias lambdalings=...` only when `lambdalings` on PATH is not
/// the running binary (started through `swift run` or a full path).
@Suite struct WelcomeAliasTests {
  let course = BinaryRunner.fixtureCourse
  static let binary = URL(fileURLWithPath: BinaryRunner.binary).resolvingSymlinksInPath().path
  static let alias = "alias lambdalings=\"\(binary)\""

  /// A folder in the runner's folder holding `lambdalings`, made by `make`.
  private func binFolder(_ runner: BinaryRunner, _ make: (String) throws -> Void) throws -> String {
    let bin = runner.directory + "/bin"
    try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
    try make(bin + "/lambdalings")
    return bin
  }

  @Test func notOnPathSuggestsTheAliasOnceOnTheWelcomeScreen() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let first = try runner.run(["--course", course], environment: ["PATH": "/usr/bin:/bin"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("Welcome to Lambdalings!"))
    #expect(first.stdout.contains(Self.alias), "\(first.stdout)")
    let second = try runner.run(["--course", course], environment: ["PATH": "/usr/bin:/bin"])
    #expect(!second.stdout.contains("alias lambdalings"), "\(second.stdout)")
  }

  @Test func anotherLambdalingsOnPathStillGetsTheAlias() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let bin = try binFolder(runner) { path in
      try Data("#!/bin/sh\necho old copy\n".utf8).write(to: URL(fileURLWithPath: path))
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }
    let first = try runner.run(["--course", course], environment: ["PATH": bin + ":/usr/bin:/bin"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains(Self.alias), "\(first.stdout)")
  }

  @Test func thisBinaryOnPathNeedsNoAlias() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let bin = try binFolder(runner) { path in
      try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: Self.binary)
    }
    let first = try runner.run(["--course", course], environment: ["PATH": bin + ":/usr/bin:/bin"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("Welcome to Lambdalings!"))
    #expect(!first.stdout.contains("alias lambdalings"), "\(first.stdout)")
  }
}
