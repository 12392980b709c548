import Foundation
import Testing

/// One mistake of a course author, and the course that makes it.
struct CourseMistake: Sendable, CustomStringConvertible {
  var name: String
  /// Changes a copy of the fixture course (its root is passed).
  var make: @Sendable (String) throws -> Void
  /// Lines `validate` must print, with the course root written as `ROOT`.
  var expected: [String]
  /// Text that must appear exactly once on stdout.
  var once: String? = nil
  var description: String { name }
}

/// `validate` reports each instructor mistake of issue #8 item 19, from a course per mistake.
@Suite struct ValidateMistakeTests {
  static func write(_ text: String, _ path: String) throws {
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  static func replace(_ old: String, _ new: String, in path: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains(old), "\(path) has no '\(old)'")
    try write(text.replacingOccurrences(of: old, with: new), path)
  }

  static let quizHeader = "---\nid: basics-quiz\ntitle: Basics quiz\nchapter: basics\n---\n"
  static let question = """

    ## QID
    tags: basics
    exam: EXAM
    see: basics

    Is this true?

    [[true]]

    > Explanation: Because.

    """

  static let mistakes: [CourseMistake] = [
    CourseMistake(
      name: "chapter text links to a missing chapter, section and image",
      make: { root in
        try replace(
          "The default timeout is 3 seconds.",
          "See [more](more#nowhere), [gone](gone-chapter) and ![diagram](img/missing.png).",
          in: root + "/lessons/01-basics.md")
      },
      expected: [
        "01-basics.md:13: error: link 'more#nowhere': the chapter 'more' has no section",
        "01-basics.md:13: error: link 'gone-chapter' points to no chapter or file",
        "01-basics.md:13: error: image 'img/missing.png' does not exist",
      ]),
    CourseMistake(
      name: "an exercise names a chapter that does not list it",
      make: { root in
        try replace("exercises: echo\n", "", in: root + "/lessons/01-basics.md")
      },
      expected: [
        "echo/exercise.md:1: error: exercise says 'chapter: basics', but that chapter does not"
      ]),
    CourseMistake(
      name: "a course without lessons/course.md",
      make: { root in try FileManager.default.removeItem(atPath: root + "/lessons/course.md") },
      expected: ["lessons/course.md: error: no course header"]),
    CourseMistake(
      name: "front matter without its closing line",
      make: { root in
        try write(
          "---\nid: more\ntitle: More Lambda\norder: 2\n# More\n", root + "/lessons/02-more.md")
      },
      expected: ["02-more.md:1: error: the header opened with '---' on line 1 is never closed"]),
    CourseMistake(
      name: "an unknown exam code and an unknown task",
      make: { root in
        let questions =
          question.replacingOccurrences(of: "QID", with: "q-one")
          .replacingOccurrences(of: "EXAM", with: "XYZ-C01 1.1")
          + question.replacingOccurrences(of: "QID", with: "q-two")
          .replacingOccurrences(of: "EXAM", with: "DVA-C02 7.1")
        try write(quizHeader + questions, root + "/lessons/quizzes/basics-quiz.md")
      },
      expected: [
        "error: exam tag 'XYZ-C01 1.1' names an unknown exam 'XYZ-C01'",
        "error: exam tag 'DVA-C02 7.1' names no task of DVA-C02",
      ]),
    CourseMistake(
      name: "a duplicate question id whose duplicate has another error",
      make: { root in
        let good = question.replacingOccurrences(of: "QID", with: "same")
          .replacingOccurrences(of: "EXAM", with: "DVA-C02 1.2")
        let broken = "\n## same\ntags: basics\n\nNo answer here.\n"
        try write(quizHeader + good + broken, root + "/lessons/quizzes/basics-quiz.md")
      },
      expected: ["basics-quiz.md:18: error: duplicate question id 'same' (first used on line 7)"]),
    CourseMistake(
      name: "a wrong solution fails two cases",
      make: { root in
        try write(
          #"""
          { "cases": [
            { "name": "echoes", "event": {"a": 1}, "expect": { "result": {"a": 1} } },
            { "name": "echoes again", "event": {"b": 2}, "expect": { "result": {"b": 2} } }
          ] }
          """#, root + "/exercises/echo/spec.json")
        try write(
          "def lambda_handler(event, context):\n    return {'wrong': True}\n",
          root + "/exercises/echo/solution/python/lambda_function.py")
      },
      expected: [
        "spec.json:2: error: the python solution fails 'echoes'",
        "spec.json:3: error: the python solution fails 'echoes again'",
      ],
      once: "fails 'echoes again'"),
    CourseMistake(
      name: "a misspelt event template is blamed on the spec",
      make: { root in
        try write(
          #"{ "cases": [ { "name": "echoes", "template": "sqs-mesage", "expect": {} } ] }"#,
          root + "/exercises/echo/spec.json")
      },
      expected: ["spec.json:1: error: 'echoes': unknown event template `sqs-mesage`"],
      once: "unknown event template"),
    CourseMistake(
      name: "a missing Node solution file",
      make: { root in
        try FileManager.default.removeItem(atPath: root + "/exercises/echo/solution/node/index.mjs")
      },
      expected: ["solution/node/index.mjs: error: the node solution file is missing"],
      once: "file is missing"),
  ]

  @Test(
    .enabled(if: CLIInterpreters.hasPython && CLIInterpreters.hasNode, "needs python3 and node"),
    arguments: mistakes)
  func validateReportsTheMistake(_ mistake: CourseMistake) throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let root = runner.directory + "/course"
    try FileManager.default.copyItem(atPath: BinaryRunner.fixtureCourse, toPath: root)
    try mistake.make(root)
    let output = try runner.run(["validate", "--course", root])
    #expect(output.status == 2, "\(mistake.name): \(output.stdout)\(output.stderr)")
    #expect(output.stdout.contains("The course has errors"))
    for line in mistake.expected {
      #expect(output.stdout.contains(line), "\(mistake.name): no '\(line)' in\n\(output.stdout)")
    }
    if let once = mistake.once {
      #expect(output.stdout.components(separatedBy: once).count == 2, "\(output.stdout)")
    }
    #expect(!output.stdout.contains("lambdalings reset"))
  }

  @Test func anEmptyFolderAdvertisesNoMissingCommand() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try FileManager.default.createDirectory(
      atPath: runner.directory + "/empty", withIntermediateDirectories: true)
    let output = try runner.run(["validate", "--course", "empty"])
    #expect(output.status == 2)
    #expect(output.stdout.contains("a course needs lessons/course.md"))
    #expect(!output.stdout.contains("lambdalings new"))
  }

  @Test func courseFlagNamingAFileSaysItIsAFile() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run([
      "validate", "--course", BinaryRunner.fixtureCourse + "/lessons/course.md",
    ])
    #expect(output.status == 2)
    #expect(output.stderr.contains("is a file, not a folder"))
  }
}
