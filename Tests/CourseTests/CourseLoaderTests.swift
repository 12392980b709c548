import Course
import Foundation
import JSON
import Testing

@Suite struct CourseLoaderTests {
  @Test func validCourseLoadsWithoutDiagnostics() throws {
    let course = try TempCourse.valid()
    let (loaded, diagnostics) = course.load()
    #expect(diagnostics == [])
    #expect(loaded.id == "demo")
    #expect(loaded.title == "Demo course")
    #expect(loaded.chapters.map(\.id) == ["intro"])
    #expect(loaded.chapters.first?.anchors == ["intro", "why-lambda"])
    #expect(loaded.exercises.map(\.id) == ["hello"])
    #expect(loaded.exercises.first?.hints == ["Look."])
    #expect(loaded.quizzes.map(\.id) == ["basics"])
    #expect(
      loaded.steps == [.chapter("intro"), .exercise("hello"), .quiz("basics")])
  }

  @Test func missingLessonsFolder() throws {
    let course = try TempCourse(["README.md": "hi"])
    let (_, diagnostics) = course.load()
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.contains("error: no lessons/ folder here") == true)
  }

  @Test func chapterWithoutHeader() throws {
    let course = try TempCourse.valid(overriding: ["lessons/02-two.md": "# Two\n"])
    #expect(
      course.load().diagnostics == [
        "lessons/02-two.md:1: error: chapter has no header; start the file with '---', 'id:',"
          + " 'title:', 'order:', '---'"
      ])
  }

  @Test func unclosedHeader() throws {
    let course = try TempCourse.valid(overriding: [
      "lessons/02-two.md": "---\nid: two\ntitle: Two\n# no closing line\n"
    ])
    #expect(
      course.load().diagnostics.contains(
        "lessons/02-two.md:1: error: the header opened with '---' on line 1 is never closed;"
          + " add a line '---' after it"))
  }

  @Test func malformedHeaderLine() throws {
    let course = try TempCourse.valid(overriding: [
      "lessons/02-two.md": "---\nid: two\ntitle Two\n---\n"
    ])
    #expect(
      course.load().diagnostics.contains(
        "lessons/02-two.md:3: error: header line 'title Two' is not 'key: value';"
          + " write it as 'key: value' or remove it"))
  }

  @Test func duplicateChapterID() throws {
    let course = try TempCourse.valid(overriding: [
      "lessons/02-again.md": "---\nid: intro\ntitle: Again\norder: 2\n---\n"
    ])
    let diagnostics = course.load().diagnostics
    #expect(diagnostics.count == 1)
    #expect(
      diagnostics.first?.hasPrefix(
        "lessons/02-again.md:2: error: chapter id 'intro' is already used by") == true)
  }

  @Test func invalidIDAndOrder() throws {
    let course = try TempCourse.valid(overriding: [
      "lessons/02-two.md": "---\nid: Cold Starts\ntitle: Two\n---\n",
      "lessons/03-three.md": "---\nid: three\ntitle: Three\norder: third\n---\n",
    ])
    let diagnostics = course.load().diagnostics
    #expect(
      diagnostics.contains(
        "lessons/02-two.md:2: error: id 'Cold Starts' must use only lower-case letters, digits"
          + " and hyphens (e.g. 'cold-starts')"))
    #expect(
      diagnostics.contains("lessons/03-three.md:4: error: 'order: third' is not a whole number"))
  }

  @Test func unknownHeaderKeyIsAWarning() throws {
    let course = try TempCourse.valid(overriding: [
      "lessons/02-two.md": "---\nid: two\ntitle: Two\norder: 2\nexercise: hello\n---\n"
    ])
    #expect(
      course.load().diagnostics == [
        "lessons/02-two.md:5: warning: unknown header key 'exercise' (known keys: exercises, id,"
          + " order, quiz, title)"
      ])
  }

  @Test func danglingExerciseAndQuizReferences() throws {
    let course = try TempCourse.valid(overriding: [
      "lessons/02-two.md":
        "---\nid: two\ntitle: Two\norder: 2\nexercises: nope\nquiz: missing\n---\n"
    ])
    #expect(
      course.load().diagnostics == [
        "lessons/02-two.md:5: error: chapter lists exercise 'nope', but there is no"
          + " exercises/nope/exercise.md",
        "lessons/02-two.md:6: error: chapter names quiz 'missing', but there is no"
          + " lessons/quizzes/ file with that id",
      ])
  }

  @Test func exerciseWithoutStatementFile() throws {
    let course = try TempCourse.valid(overriding: ["exercises/empty/hints.md": "## Hint\nx\n"])
    #expect(
      course.load().diagnostics == [
        "exercises/empty: error: exercise folder has no exercise.md; add one with a header and"
          + " the task statement"
      ])
  }

  @Test func exerciseMissingSolution() throws {
    let course = try TempCourse.valid(overriding: [
      "exercises/hello/exercise.md":
        "---\nid: hello\ntitle: Hello\nchapter: intro\nlanguages: python, node\n---\n"
    ])
    #expect(
      course.load().diagnostics == [
        "exercises/hello/exercise.md:1: error: the node starter is missing; create "
          + "exercises/hello/starter/node/index.mjs or drop node from 'languages:'",
        "exercises/hello/exercise.md:1: error: the node solution is missing; create "
          + "exercises/hello/solution/node/index.mjs or drop node from 'languages:'",
      ])
  }

  @Test func exerciseLimitsOutOfRange() throws {
    let course = try TempCourse.valid(overriding: [
      "exercises/hello/exercise.md":
        "---\nid: hello\ntitle: Hello\nlanguages: python\ntimeout: 901\nmemory: 64\n---\n"
    ])
    #expect(
      course.load().diagnostics == [
        "exercises/hello/exercise.md:5: error: timeout '901' must be seconds from 1 to 900, as in"
          + " Lambda",
        "exercises/hello/exercise.md:6: error: memory '64' must be MB from 128 to 10240, as in"
          + " Lambda",
      ])
  }

  @Test func specWithSyntaxError() throws {
    let course = try TempCourse.valid(overriding: [
      "exercises/hello/spec.json": "{\n  \"cases\": [\n    {\"name\": \"a\",}\n  ]\n}\n"
    ])
    #expect(
      course.load().diagnostics == [
        "exercises/hello/spec.json:3: error: spec.json is not valid JSON: expected a quoted key"
          + " in the object, found '}' (remove the ',' before it)"
      ])
  }

  @Test func specCaseProblems() throws {
    let spec = """
      {
        "cases": [
          {"name": "no expect", "event": {}},
          {"event": {}, "expect": {}},
          {"name": "no event", "expect": {"statusCode": "200"}},
          {"name": "typo", "event": {}, "expect": {"statuscode": 200}}
        ]
      }
      """
    let course = try TempCourse.valid(overriding: ["exercises/hello/spec.json": spec])
    #expect(
      course.load().diagnostics == [
        "exercises/hello/spec.json:3: error: case \"no expect\" has no \"expect\"; say what the"
          + " result must be",
        "exercises/hello/spec.json:4: error: every case needs a \"name\" string saying what it"
          + " checks",
        "exercises/hello/spec.json:4: warning: the \"expect\" of case \"\" is empty, so it"
          + " checks nothing; add a check",
        "exercises/hello/spec.json:5: error: needs an \"event\" (JSON) or a \"template\" (see"
          + " 'lambdalings events list')",
        "exercises/hello/spec.json:5: error: \"statusCode\" must be a whole number, not \"200\"",
        "exercises/hello/spec.json:6: error: unknown key \"statuscode\" in the \"expect\" of case"
          + " \"typo\"; did you mean \"statusCode\"? (known: body, coldStart, errorMessage,"
          + " errorMessageContains, errorType, headers, logContains, logJSON, logLinesAreJSON,"
          + " logNotContains, maxDurationMs, minDurationMs, result, scratchFiles, statusCode)",
      ])
  }

  @Test func specTemplatesAndScenarios() throws {
    let spec = """
      {
        "cases": [
          {"name": "t", "template": "sqs", "set": {"Records.0.body": "hi", "count": 3},
           "expect": {"errorType": "ValueError", "logContains": ["x"], "body": {"a.b": 1}}}
        ],
        "scenarios": [
          {"name": "init once", "event": {"k": 1}, "repeat": 3,
           "expect": {"coldStarts": 1, "logOccurrences": {"INIT": 1}}}
        ]
      }
      """
    let course = try TempCourse.valid(overriding: ["exercises/hello/spec.json": spec])
    let (loaded, diagnostics) = course.load()
    #expect(diagnostics == [])
    let exercise = try #require(loaded.exercise("hello"))
    #expect(
      exercise.cases.first?.event
        == .template(
          name: "sqs",
          overrides: [.init(path: "Records.0.body", value: "hi"), .init(path: "count", value: "3")])
    )
    #expect(exercise.cases.first?.expect.errorType == "ValueError")
    #expect(exercise.cases.first?.expect.bodyFields["a.b"]?.intValue == 1)
    #expect(exercise.scenarios.first?.events.count == 3)
    #expect(exercise.scenarios.first?.expectedColdStarts == 1)
    #expect(exercise.scenarios.first?.logOccurrences == ["INIT": 1])
  }

  @Test func invalidUTF8IsReportedNotFatal() throws {
    let course = try TempCourse.valid()
    let bytes: [UInt8] = Array("---\nid: two\ntitle: T\u{0}\n---\n".utf8) + [0xFF, 0xFE]
    try Data(bytes).write(to: URL(fileURLWithPath: "\(course.root)/lessons/02-two.md"))
    let (loaded, diagnostics) = course.load()
    #expect(
      diagnostics == ["lessons/02-two.md: error: the file is not valid UTF-8; save it as UTF-8"])
    #expect(loaded.chapter("two") != nil)
  }
}
