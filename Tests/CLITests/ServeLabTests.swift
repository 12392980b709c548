import Foundation
import Testing

/// The chapter 4 lab, copied out of the lesson as a learner would copy it, run against
/// `lambdalings serve` with the real AWS CLI: version 1 from the venv `.ci/run` creates, and
/// version 2 from Debian's `awscli` package when it is installed. Only the port changes.
@Suite struct ServeLabTests {
  /// The `bash` blocks of the lab section, in order, with their list indentation removed.
  static func labCommands() throws -> [String] {
    try bashBlocks(section: "Lab: deploy with the AWS CLI, locally")
  }

  /// The `bash` blocks under the `## heading` of chapter 4, in order, unindented.
  static func bashBlocks(section heading: String) throws -> [String] {
    let lesson = try String(
      contentsOfFile: BinaryRunner.shippedCourse + "/lessons/04-deploying.md", encoding: .utf8)
    guard let start = lesson.range(of: "\n## \(heading)\n") else { return [] }
    var section = lesson[start.upperBound...]
    if let end = section.range(of: "\n## ") { section = section[..<end.lowerBound] }
    var blocks: [String] = []
    var current: [String]?
    for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
      let text = line.trimmingCharacters(in: .whitespaces)
      if current == nil, text == "```bash" {
        current = []
      } else if current != nil, text == "```" {
        blocks.append(current?.joined(separator: "\n") ?? "")
        current = nil
      } else if current != nil {
        current?.append(String(line.drop { $0 == " " }))
      }
    }
    return blocks
  }

  /// The AWS CLIs on this machine: (label, path of `aws`).
  static let clis: [(String, String)] = {
    var found: [(String, String)] = []
    if let venv = ServeProcess.venv { found.append(("AWS CLI v1 (venv)", venv + "/bin/aws")) }
    for path in ["/usr/bin/aws", "/usr/local/bin/aws"]
    where FileManager.default.isExecutableFile(atPath: path) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: path)
      process.arguments = ["--version"]
      let pipe = Pipe()
      process.standardOutput = pipe
      process.standardError = pipe
      guard (try? process.run()) != nil else { continue }
      let version = String(
        decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      if version.hasPrefix("aws-cli/2.") {
        found.append(("AWS CLI v2 (\(path))", path))
        break
      }
    }
    return found
  }()

  @Test func theLabFindsEveryStepsCommands() throws {
    let script = try ServeLabTests.labCommands().joined(separator: "\n")
    for command in [
      "lambdalings serve", "aws configure set cli_binary_format", "aws lambda create-function",
      "--log-type Tail", "aws lambda update-function-code", "aws lambda publish-version",
      "aws lambda create-alias", "aws lambda put-function-concurrency", "--qualifier live",
      "aws logs describe-log-groups", "aws logs filter-log-events", "aws logs tail",
      "aws lambda delete-function",
    ] {
      #expect(script.contains(command), "the lab has no block with \(command)")
    }
    // Every AWS call of the lab goes to the local endpoint, never to a real account.
    let calls = script.replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n")
      .filter { $0.hasPrefix("aws ") && !$0.hasPrefix("aws configure") }
    #expect(calls.count >= 10)
    for call in calls {
      #expect(call.contains("--endpoint-url http://127.0.0.1:3001"), "\(call)")
    }
  }

  // Generous bounds: the whole suite shares 2 cores, and each CLI call starts Python.
  @Test(.timeLimit(.minutes(12)))
  func theLabRunsVerbatimWithEachAWSCLI() throws {
    guard !ServeLabTests.clis.isEmpty else {
      _ = ServeProcess.requireVenv(for: "the lab with the AWS CLI")
      return
    }
    if !ServeLabTests.clis.contains(where: { $0.0.contains("v2") }) {
      print("partly skipped: no AWS CLI v2 (Debian's awscli): aws logs tail is not run")
    }
    let blocks = try ServeLabTests.labCommands()
    let handler = try String(
      contentsOfFile: BinaryRunner.shippedCourse
        + "/exercises/deploy-hello-world/solution/python/lambda_function.py", encoding: .utf8)
    for (label, aws) in ServeLabTests.clis {
      let runner = try BinaryRunner()
      defer { runner.cleanUp() }
      try handler.write(
        toFile: runner.directory + "/lambda_function.py", atomically: true, encoding: .utf8)
      let serve = try ServeProcess(runner: runner)
      defer { serve.stop() }
      var script = blocks.joined(separator: "\n")
        .replacingOccurrences(of: "http://127.0.0.1:3001", with: serve.endpoint)
        .split(separator: "\n", omittingEmptySubsequences: false)
        .filter { $0 != "lambdalings serve" }
        .joined(separator: "\n")
      if label.contains("v1") {
        // Version 1 has no `logs tail`, as the lab says; everything else is the same.
        script = script.split(separator: "\n").filter { !$0.hasPrefix("aws logs tail") }
          .joined(separator: "\n")
      }
      try script.write(toFile: runner.directory + "/lab.sh", atomically: true, encoding: .utf8)
      let folder = URL(fileURLWithPath: aws).deletingLastPathComponent().path
      let result = try serve.run(
        "/bin/bash", ["-e", "-x", "lab.sh"],
        environment: [
          "PATH": folder + ":/usr/bin:/bin", "HOME": runner.directory, "LANG": "C.UTF-8",
          "AWS_PAGER": "",
        ], timeout: 300)
      #expect(result.status == 0, "\(label): the lab failed:\n\(result.stderr)\n\(result.stdout)")
      #expect(result.stdout.contains("\"StatusCode\": 200"), "\(label): \(result.stdout)")
      #expect(result.stdout.contains("\"LogResult\""), "\(label)")
      #expect(result.stdout.contains("\"ExecutedVersion\": \"1\""), "\(label)")
      #expect(result.stdout.contains("\"ReservedConcurrentExecutions\": 5"), "\(label)")
      #expect(result.stdout.contains(#"{"message": "hello world", "stage": "dev"}"#), "\(label)")
      #expect(result.stdout.contains("/aws/lambda/hello-world"), "\(label)")
      if label.contains("v2") {
        // `aws logs tail` prints "TIME STREAM MESSAGE" lines from every stream.
        let tailed = result.stdout.split(separator: "\n").filter {
          $0.contains("[$LATEST]") && $0.contains("REPORT RequestId:")
        }
        #expect(!tailed.isEmpty, "\(label): aws logs tail printed no REPORT line")
      }
      #expect(serve.log.contains("DeleteFunction"), "\(label): \(serve.log)")
      let gone = try serve.run(
        aws,
        [
          "lambda", "get-function", "--function-name", "hello-world", "--endpoint-url",
          serve.endpoint,
        ],
        environment: [
          "PATH": folder + ":/usr/bin:/bin", "HOME": runner.directory, "LANG": "C.UTF-8",
          "AWS_PAGER": "", "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local",
          "AWS_DEFAULT_REGION": "us-east-1",
        ])
      #expect(gone.status != 0 && gone.stderr.contains("ResourceNotFoundException"), "\(label)")
    }
  }

  /// The chapter's other AWS CLI examples (the AWS CLI section, versions and aliases), each
  /// with `--endpoint-url` added, as the "Done when" of the lab promises.
  @Test(.timeLimit(.minutes(8)))
  func theChaptersOtherCommandsWorkWithEndpointURLAdded() throws {
    guard let (label, aws) = ServeLabTests.clis.last else {
      _ = ServeProcess.requireVenv(for: "the chapter's AWS CLI commands")
      return
    }
    let blocks =
      try ServeLabTests.bashBlocks(section: "The AWS CLI")
      + ServeLabTests.bashBlocks(section: "Versions and aliases")
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try "def lambda_handler(event, context):\n    return {'hello': 'api'}\n".write(
      toFile: runner.directory + "/lambda_function.py", atomically: true, encoding: .utf8)
    let serve = try ServeProcess(runner: runner)
    defer { serve.stop() }
    let suffix = " --endpoint-url \(serve.endpoint)"
    var lines: [String] = []
    for line in blocks.joined(separator: "\n").replacingOccurrences(of: "\\\n", with: " ")
      .split(separator: "\n").map(String.init)
    where line.hasPrefix("aws ") || line.hasPrefix("zip ") {
      if line.hasPrefix("aws lambda update-alias") {
        // "release version 2": the chapter assumes a second version exists by then.
        lines.append(
          "aws lambda update-function-configuration --function-name hello-api"
            + " --timeout 11" + suffix)
        lines.append("aws lambda publish-version --function-name hello-api" + suffix)
      }
      lines.append(line.hasPrefix("aws ") ? line + suffix : line)
    }
    #expect(lines.filter { $0.hasPrefix("aws ") }.count >= 7, "\(lines)")
    try lines.joined(separator: "\n").write(
      toFile: runner.directory + "/chapter.sh", atomically: true, encoding: .utf8)
    let folder = URL(fileURLWithPath: aws).deletingLastPathComponent().path
    let result = try serve.run(
      "/bin/bash", ["-e", "-x", "chapter.sh"],
      environment: [
        "PATH": folder + ":/usr/bin:/bin", "HOME": runner.directory, "LANG": "C.UTF-8",
        "AWS_PAGER": "", "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local",
        "AWS_DEFAULT_REGION": "us-east-1",
      ], timeout: 400)
    #expect(result.status == 0, "\(label): \(result.stderr)\n\(result.stdout)")
    #expect(result.stdout.contains("\"GREETING\": \"Hi\""), "\(label): \(result.stdout)")
    #expect(result.stdout.contains("\"Description\": \"first release\""), "\(label)")
    #expect(result.stdout.contains("\"2\": 0.1"), "\(label): \(result.stdout)")
  }
}
