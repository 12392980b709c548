import Foundation
import SystemSupport
import Testing

@testable import LambdaRuntime

/// Shim resolution with a fake version manager: a `python3` shim that picks `versions/NAME`
/// from `PYENV_VERSION` or the nearest `.python-version`, as pyenv does, and logs every start.
/// The fake interpreters print their own path and a version, like the real probe's answer.
@Suite struct InterpreterCacheTests {
  struct Sandbox {
    let root: String
    var shims: String { "\(root)/shims" }
    var project: String { "\(root)/project" }
    var cache: InterpreterCache {
      InterpreterCache(directory: AbsolutePath(validating: root)!.appending("cache/interpreters"))
    }
    var log: String { "\(root)/shim.log" }

    init() throws {
      root =
        FileManager.default.temporaryDirectory
        .appendingPathComponent("shim-\(UUID().uuidString)").path
      for folder in ["shims", "project/sub", "versions/3.11", "versions/3.13"] {
        try FileManager.default.createDirectory(
          atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
      }
      for version in ["3.11", "3.13"] {
        try write(
          "versions/\(version)/python3",
          "#!/bin/sh\necho \(root)/versions/\(version)/python3\necho \(version)\n")
      }
      try write(
        "shims/python3",
        """
        #!/bin/sh
        echo start >> "\(root)/shim.log"
        version="$PYENV_VERSION"
        dir="$PWD"
        while [ -z "$version" ] && [ -n "$dir" ]; do
          if [ -f "$dir/.python-version" ]; then version=$(cat "$dir/.python-version"); fi
          [ "$dir" = / ] && break
          dir=$(dirname "$dir")
        done
        exec "\(root)/versions/${version:-3.11}/python3" "$@"

        """)
    }

    func write(_ relative: String, _ text: String) throws {
      let path = "\(root)/\(relative)"
      try text.write(toFile: path, atomically: false, encoding: .utf8)
      if relative.hasSuffix("python3") { chmod(path, 0o755) }
    }

    /// How many times the shim ran so far.
    var shimStarts: Int {
      ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    func resolve(
      in directory: String? = nil, environment: [String: String] = [:],
      cache: InterpreterCache? = nil
    ) throws -> (Interpreter, Interpreter.Source)? {
      var environment = environment
      environment["HOME"] = root
      return try Interpreter.resolve(
        .python, searchPath: "\(shims):/usr/bin:/bin", environment: environment,
        currentDirectory: directory ?? "\(project)/sub", cache: cache ?? self.cache)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
  }

  @Test func theShimRunsOnceThenTheCacheAnswers() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let first = try #require(try sandbox.resolve())
    #expect(first.0.path.string == "\(sandbox.root)/versions/3.11/python3")
    #expect(first.0.version == "3.11")
    #expect(first.1 == .probe)
    let second = try #require(try sandbox.resolve())
    #expect(second.0 == first.0)
    #expect(second.1 == .cache)
    #expect(sandbox.shimStarts == 1)
  }

  @Test func aPythonVersionSwitchIsNeverAnsweredFromTheCache() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.write("project/.python-version", "3.11\n")
    #expect(try sandbox.resolve()?.0.version == "3.11")
    try sandbox.write("project/.python-version", "3.13\n")
    let switched = try #require(try sandbox.resolve())
    #expect(switched.0.path.string == "\(sandbox.root)/versions/3.13/python3")
    #expect(switched.1 == .probe)
    // A nearer file wins, as it does for the shim.
    try sandbox.write("project/sub/.python-version", "3.11\n")
    #expect(try sandbox.resolve()?.0.version == "3.11")
    // Back to the first setting: both answers are remembered, each under its own inputs.
    try FileManager.default.removeItem(atPath: "\(sandbox.project)/sub/.python-version")
    let again = try #require(try sandbox.resolve())
    #expect(again.0.version == "3.13")
    #expect(again.1 == .cache)
    #expect(sandbox.shimStarts == 3)
  }

  @Test func theVersionVariableAndTheFolderAreInputs() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.write("project/.python-version", "3.13\n")
    #expect(try sandbox.resolve()?.0.version == "3.13")
    #expect(try sandbox.resolve(environment: ["PYENV_VERSION": "3.11"])?.0.version == "3.11")
    #expect(try sandbox.resolve(in: sandbox.root)?.0.version == "3.11")
    #expect(try sandbox.resolve()?.1 == .cache)
  }

  @Test func aRewrittenShimOrAChangedInterpreterIsAskedAgain() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    _ = try sandbox.resolve()
    // pyenv rewrites its shims when versions are installed.
    let shim = try String(contentsOfFile: "\(sandbox.shims)/python3", encoding: .utf8)
    try sandbox.write(
      "shims/python3", shim.replacingOccurrences(of: "3.11}", with: "3.13}") + "# rewritten\n")
    let rewritten = try #require(try sandbox.resolve())
    #expect(rewritten.1 == .probe)
    #expect(rewritten.0.version == "3.13")
    // The interpreter itself replaced (an upgrade in place): the entry is stale.
    try sandbox.write(
      "versions/3.13/python3",
      "#!/bin/sh\necho \(sandbox.root)/versions/3.13/python3\necho 3.13\n# upgraded\n")
    #expect(try sandbox.resolve()?.1 == .probe)
    // The interpreter removed: the cache never names a missing program.
    _ = try sandbox.resolve()
    try FileManager.default.removeItem(atPath: "\(sandbox.root)/versions/3.13/python3")
    #expect(throws: LambdaRuntimeError.self) { try sandbox.resolve() }
  }

  @Test func brokenOrForeignEntriesAreMisses() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    _ = try sandbox.resolve()
    let entries = try FileManager.default.contentsOfDirectory(
      atPath: sandbox.cache.directory.string)
    #expect(entries.count == 1)
    let entry = sandbox.cache.directory.appending(try #require(entries.first)).string
    for garbage in ["", "nonsense", "lambdalings interpreter cache 1\npath=/bin/sh\nkey:\nother"] {
      try garbage.write(toFile: entry, atomically: false, encoding: .utf8)
      let result = try #require(try sandbox.resolve())
      #expect(result.1 == .probe)
      #expect(result.0.path.string == "\(sandbox.root)/versions/3.11/python3")
    }
  }

  @Test func theStandardCacheFollowsXDGAndCanBeTurnedOff() {
    #expect(
      InterpreterCache.standard(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"])?.directory
        .string == "/x/lambdalings/interpreters")
    #expect(
      InterpreterCache.standard(environment: ["HOME": "/h"])?.directory.string
        == "/h/.cache/lambdalings/interpreters")
    #expect(
      InterpreterCache.standard(environment: ["HOME": "/h", "LAMBDALINGS_INTERPRETER_CACHE": "off"])
        == nil)
  }

  @Test func withoutACacheTheShimRunsEveryTime() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    for _ in 0..<2 {
      let result = try #require(
        try Interpreter.resolve(
          .python, searchPath: "\(sandbox.shims):/usr/bin:/bin", environment: ["HOME": "/"],
          currentDirectory: sandbox.project, cache: nil))
      #expect(result.1 == .probe)
    }
    #expect(sandbox.shimStarts == 2)
  }
}
