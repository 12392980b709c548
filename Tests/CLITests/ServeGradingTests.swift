import Foundation
import JSON
import Testing

/// The chapter 4 lab exercises: `check` grades what the learner deployed to `serve`.
@Suite struct ServeGradingTests {
  private let course = BinaryRunner.shippedCourse

  @Test func deployHelloWorldIsGradedFromTheEndpointState() throws {
    guard ServeProcess.requireVenv(for: "grading a deploy through the AWS CLI") != nil else {
      return
    }
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    #expect(try runner.run(["init", "--language", "python", "--course", course]).status == 0)
    let exercise = runner.directory + "/lambdalings-workspace/exercises/deploy-hello-world"
    let solution = try String(
      contentsOfFile: course + "/exercises/deploy-hello-world/solution/python/lambda_function.py",
      encoding: .utf8)
    try solution.write(
      toFile: exercise + "/lambda_function.py", atomically: true, encoding: .utf8)
    // The handler passes, but nothing is deployed yet: the check fails and says what to do.
    let before = try runner.run(["check", "deploy-hello-world", "--course", course])
    #expect(before.status == 1)
    #expect(before.stdout.contains("no function named hello-world"), "\(before.stdout)")
    #expect(
      before.stdout.contains("✗ deployed: function hello-world is deployed (deployment.json)"),
      "\(before.stdout)")

    let serve = try ServeProcess(runner: runner, workspace: "lambdalings-workspace")
    defer { serve.stop() }
    let zip = Process()
    zip.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    zip.arguments = [
      "-c",
      "import zipfile, sys\nz = zipfile.ZipFile(sys.argv[2], 'w')\n"
        + "z.write(sys.argv[1], 'lambda_function.py')\nz.close()",
      exercise + "/lambda_function.py", runner.directory + "/function.zip",
    ]
    try zip.run()
    zip.waitUntilExit()
    let created = try serve.aws([
      "lambda", "create-function", "--function-name", "hello-world", "--runtime", "python3.12",
      "--handler", "lambda_function.lambda_handler", "--role", "arn:aws:iam::1:role/lab",
      "--zip-file", "fileb://function.zip", "--memory-size", "128", "--environment",
      "Variables={STAGE=dev}",
    ])
    #expect(created.status == 0, "\(created.stderr)")
    let wrongMemory = try runner.run(["check", "deploy-hello-world", "--course", course])
    #expect(wrongMemory.status == 1)
    #expect(
      wrongMemory.stdout.contains("MemorySize: expected 256, got 128"), "\(wrongMemory.stdout)")
    #expect(wrongMemory.stdout.contains("no invocation"))
    #expect(
      wrongMemory.stdout.contains("✗ deployed: memory is 256 MB (deployment.json:18)"),
      "\(wrongMemory.stdout)")
    // `check --json` carries the same failures as structure, at their lines of deployment.json.
    let json = try runner.run(["check", "deploy-hello-world", "--json", "--course", course])
    let document = try #require(JSONValue.parse(json.stdout), "\(json.stdout)")
    let failures = (document["tests"]?.arrayValue ?? []).flatMap {
      $0["failures"]?.arrayValue ?? []
    }
    let memory = try #require(failures.first { $0["path"] == "MemorySize" }, "\(json.stdout)")
    #expect(memory["kind"] == "deployedField")
    #expect(memory["expected"] == 256)
    #expect(memory["actual"] == 128)
    #expect(memory["specFile"] == "deployment.json")
    #expect(memory["line"] == 18)
    #expect(memory["message"] == "MemorySize: expected 256, got 128")
    let invoked = try #require(failures.first { $0["kind"] == "neverInvoked" }, "\(json.stdout)")
    #expect(invoked["path"] == "invoked")
    #expect(invoked["expected"] == true && invoked["actual"] == false)
    #expect(invoked["line"] == 20)
    _ = try serve.aws([
      "lambda", "update-function-configuration", "--function-name", "hello-world",
      "--memory-size", "256",
    ])
    _ = try serve.aws(["lambda", "invoke", "--function-name", "hello-world", "out.json"])
    let passed = try runner.run(["check", "deploy-hello-world", "--course", course])
    #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")

    // publish-live: alias and reserved concurrency are read from the same state.
    let live = runner.directory + "/lambdalings-workspace/exercises/publish-live"
    try String(
      contentsOfFile: course + "/exercises/publish-live/solution/python/lambda_function.py",
      encoding: .utf8
    ).write(toFile: live + "/lambda_function.py", atomically: true, encoding: .utf8)
    let missing = try runner.run(["check", "publish-live", "--course", course])
    #expect(missing.status == 1)
    #expect(missing.stdout.contains("no alias live"), "\(missing.stdout)")
    let rezip = Process()
    rezip.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    rezip.arguments = [
      "-c",
      "import zipfile, sys\nz = zipfile.ZipFile(sys.argv[2], 'w')\n"
        + "z.write(sys.argv[1], 'lambda_function.py')\nz.close()",
      live + "/lambda_function.py", runner.directory + "/live.zip",
    ]
    try rezip.run()
    rezip.waitUntilExit()
    let updated = try serve.aws([
      "lambda", "update-function-code", "--function-name", "hello-world", "--zip-file",
      "fileb://live.zip",
    ])
    #expect(updated.status == 0, "\(updated.stderr)")
    _ = try serve.aws(["lambda", "publish-version", "--function-name", "hello-world"])
    _ = try serve.aws([
      "lambda", "create-alias", "--function-name", "hello-world", "--name", "live",
      "--function-version", "1",
    ])
    _ = try serve.aws([
      "lambda", "put-function-concurrency", "--function-name", "hello-world",
      "--reserved-concurrent-executions", "5",
    ])
    let done = try runner.run(["check", "publish-live", "--course", course])
    #expect(done.status == 0, "\(done.stdout)\(done.stderr)")
  }
}

/// The same lab in Node.js: the runtime and handler checks follow the learner's language.
@Suite struct ServeGradingNodeTests {
  private let course = BinaryRunner.shippedCourse

  @Test(.enabled(if: CLIInterpreters.hasNode, "node is not on PATH"))
  func deployHelloWorldInNodeChecksTheNodeRuntime() throws {
    guard ServeProcess.requireVenv(for: "grading a Node deploy through the AWS CLI") != nil
    else { return }
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    #expect(try runner.run(["init", "--language", "node", "--course", course]).status == 0)
    let exercise = runner.directory + "/lambdalings-workspace/exercises/deploy-hello-world"
    try FileManager.default.removeItem(atPath: exercise + "/index.mjs")
    try FileManager.default.copyItem(
      atPath: course + "/exercises/deploy-hello-world/solution/node/index.mjs",
      toPath: exercise + "/index.mjs")
    let serve = try ServeProcess(runner: runner, workspace: "lambdalings-workspace")
    defer { serve.stop() }
    let zip = Process()
    zip.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    zip.arguments = [
      "-c",
      "import zipfile, sys\nz = zipfile.ZipFile(sys.argv[2], 'w')\n"
        + "z.write(sys.argv[1], 'index.mjs')\nz.close()",
      exercise + "/index.mjs", runner.directory + "/function.zip",
    ]
    try zip.run()
    zip.waitUntilExit()
    // Deployed with the Python settings of the chapter's lab: the Node checks say so.
    let created = try serve.aws([
      "lambda", "create-function", "--function-name", "hello-world", "--runtime", "python3.12",
      "--handler", "lambda_function.lambda_handler", "--role", "arn:aws:iam::1:role/lab",
      "--zip-file", "fileb://function.zip", "--memory-size", "256", "--environment",
      "Variables={STAGE=dev}",
    ])
    #expect(created.status == 0, "\(created.stderr)")
    let wrong = try runner.run(["check", "deploy-hello-world", "--course", course])
    #expect(wrong.status == 1)
    #expect(wrong.stdout.contains("Runtime: expected \"nodejs24.x\""), "\(wrong.stdout)")
    #expect(wrong.stdout.contains("Handler: expected \"index.handler\""), "\(wrong.stdout)")
    #expect(!wrong.stdout.contains("python3.12\", got"), "\(wrong.stdout)")
    let fixed = try serve.aws([
      "lambda", "update-function-configuration", "--function-name", "hello-world",
      "--runtime", "nodejs24.x", "--handler", "index.handler",
    ])
    #expect(fixed.status == 0, "\(fixed.stderr)")
    _ = try serve.aws(["lambda", "invoke", "--function-name", "hello-world", "out.json"])
    let passed = try runner.run(["check", "deploy-hello-world", "--course", course])
    #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
    #expect(passed.stdout.contains("runtime is nodejs24.x"), "\(passed.stdout)")
  }
}
