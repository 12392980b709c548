import Course
import Foundation
import SystemSupport
import Testing

@testable import Grader

/// A handler written against one of the shipped exercises: either a bug a learner would
/// really write, which named cases must reject, or a correct solution written differently
/// from the reference one, which every case must accept.
struct ShippedFixture: Sendable, CustomTestStringConvertible {
  let exercise: String
  let language: Language
  let variant: String
  /// Cases (or scenarios) that must fail; empty for a correct variant, which must pass.
  let mustFail: [String]
  /// Text that the first listed case's failures must contain, to show it failed for the
  /// reason the bug gives and not by accident.
  let because: String?

  init(
    _ exercise: String, _ language: Language, _ variant: String, mustFail: [String] = [],
    because: String? = nil
  ) {
    self.exercise = exercise
    self.language = language
    self.variant = variant
    self.mustFail = mustFail
    self.because = because
  }

  var testDescription: String { "\(exercise) \(language.rawValue) \(variant)" }

  /// The handler file in `Fixtures/shipped/<exercise>/<language>/<variant>/`.
  var path: String {
    GraderFixture.root.appendingPathComponent(
      "shipped/\(exercise)/\(language.rawValue)/\(variant)/\(language.handlerFile)"
    ).path
  }
}

/// The shipped course's cases catch plausible wrong solutions and accept other correct ones.
@Suite struct ShippedExerciseFixtureTests {
  /// The repository's own course (`lessons/` and `exercises/`), loaded once.
  static let course: Course = CourseLoader.load(
    root: AbsolutePath(validating: #filePath)!.parent.parent.parent
  ).0

  static let wrong: [ShippedFixture] = [
    // Chapter 2: the context object.
    ShippedFixture(
      "context-info", .python, "memory-as-text",
      mustFail: ["returns the memory limit as a number, not text"],
      because: "body.memoryLimitMB: expected 256, got the string \"256\""),
    ShippedFixture(
      "context-info", .node, "remaining-not-called",
      mustFail: ["has time for a 1-second job within a 10-second timeout"],
      because: "body.enoughTime: expected true, got false"),
    ShippedFixture(
      "hello-api", .python, "body-as-object",
      mustFail: ["returns the body as JSON text, not as an object"],
      because: "result.body: expected a string, got the object"),
    ShippedFixture(
      "hello-api", .python, "name-required",
      mustFail: ["greets World when the query string has no name"],
      because: "KeyError"),
    ShippedFixture(
      "hello-api", .node, "event-request-id",
      mustFail: ["takes the request id from the context object, not from the event"],
      because: "body.requestId: expected an array of 36 items or a string of 36 characters"),
    // Chapter 3: S3 keys.
    ShippedFixture(
      "s3-object-keys", .python, "unquote-without-plus",
      mustFail: [
        "decodes a space that S3 sent as +", "handles every record of the event, in order",
      ],
      because: "expected \"photos/my cat.jpg\", got \"photos/my+cat.jpg\""),
    ShippedFixture(
      "s3-object-keys", .python, "plus-after-decoding",
      mustFail: ["keeps a real plus sign (%2B) and percent sign (%25) in the key"],
      because: "got \"reports/Q1 Q2 100%.csv\""),
    ShippedFixture(
      "s3-object-keys", .node, "decode-without-plus",
      mustFail: ["decodes a space that S3 sent as +"],
      because: "got \"photos/my+cat.jpg\""),
    ShippedFixture(
      "s3-object-keys", .node, "first-record-only",
      mustFail: [
        "handles every record of the event, in order",
        "returns only objects and totalBytes, one entry per record",
      ],
      because: "body.objects.1.bucket: expected \"finance-uploads\", got nothing"),
    // Chapter 3: DynamoDB Streams, SNS.
    ShippedFixture(
      "dynamodb-changes", .python, "numbers-as-text",
      mustFail: ["INSERT: the new image, with numbers as numbers"],
      because: "body.changes.0.new.total: expected 19.9, got the string \"19.90\""),
    ShippedFixture(
      "dynamodb-changes", .node, "new-image-required",
      mustFail: ["REMOVE: only the old image, new is null"],
      because: "expected a result, but the invocation failed with TypeError"),
    ShippedFixture(
      "sns-message", .python, "subscription-arn",
      mustFail: ["takes the topic name from TopicArn, not from the subscription ARN"],
      because: "body.topic: expected \"alerts\", got \"2927626f"),
    ShippedFixture(
      "sns-message", .node, "parse-everything",
      mustFail: [
        "keeps a plain-text message as text",
        "keeps text that is JSON but not an object (a number) as text",
      ],
      because: "expected a result, but the invocation failed with SyntaxError"),
    ShippedFixture(
      "eventbridge-router", .node, "camel-case-field",
      mustFail: ["Order Placed reserves stock", "Order Shipped notifies the customer"],
      because: "result: expected {\"action\":\"reserve-stock\""),
    ShippedFixture(
      "eventbridge-router", .python, "detail-parsed",
      mustFail: ["Order Placed reserves stock"],
      because: "expected a result, but the invocation failed with TypeError"),
    ShippedFixture(
      "eventbridge-router", .python, "source-not-checked",
      mustFail: ["the same detail-type from another source is ignored"],
      because: "got {\"action\":\"reserve-stock\",\"orderId\":\"mp-77\"}"),
    // Chapter 7: errors, batches, idempotency.
    ShippedFixture(
      "sqs-batch-failures", .node, "throws-on-bad-message",
      mustFail: [
        "a body that is not JSON fails only its own message",
        "a bad first message does not stop the ones after it",
      ],
      because: "expected a result, but the invocation failed with SyntaxError"),
    ShippedFixture(
      "sqs-batch-failures", .python, "receipt-handle",
      mustFail: ["a body that is not JSON fails only its own message"],
      because: "result: expected {\"batchItemFailures\":[{\"itemIdentifier\":\"b048ab0a"),
    ShippedFixture(
      "order-errors", .python, "error-swallowed",
      mustFail: [
        "a missing orderId raises ValidationError",
        "an out-of-stock SKU raises OutOfStockError naming the SKU",
      ],
      because: "expected the invocation to fail, but it returned"),
    ShippedFixture(
      "order-errors", .node, "name-not-set",
      mustFail: [
        "a missing orderId raises ValidationError", "quantity 0 raises ValidationError",
        "an out-of-stock SKU raises OutOfStockError naming the SKU",
      ],
      because: "errorType: expected ValidationError, got Error"),
    ShippedFixture(
      "idempotent-payments", .python, "keyed-on-event-id",
      mustFail: [
        "a new event id for the same paymentId is still a duplicate",
        "two payments, each sent again with a new event id, are each charged once",
      ],
      because: "body.status: expected \"duplicate\", got \"charged\""),
    ShippedFixture(
      "idempotent-payments", .node, "keyed-on-event-id",
      mustFail: ["two payments, each sent again with a new event id, are each charged once"],
      because: "logOccurrences \"CHARGED pay-1 \": expected 1, got 2"),
    ShippedFixture(
      "async-on-failure", .python, "error-swallowed",
      mustFail: [
        "an order without orderId is tried three times, then reaches orders-failed",
        "an order with the quantity as text is tried three times, then reaches orders-failed",
        "with one retry, only the bad order of three reaches orders-failed, after two attempts",
      ],
      because: "records.sqs:orders-failed: expected 1 record(s), got 0 (records went to "
        + "sqs:orders-done)"),
    ShippedFixture(
      "async-on-failure", .python, "error-returned",
      mustFail: [
        "an order without orderId fails with a message that names orderId",
        "an order without orderId is tried three times, then reaches orders-failed",
      ],
      because: "expected the invocation to fail, but it returned {\"errorType\":\"ValueError\""),
    ShippedFixture(
      "async-on-failure", .node, "instanceof-number",
      mustFail: [
        "a good order runs once and its record reaches orders-done", "a valid order is accepted",
      ],
      because: "invocations: expected 1 invocation(s), got 3"),
    ShippedFixture(
      "async-on-failure", .node, "generic-message",
      mustFail: [
        "with one retry, only the bad order of three reaches orders-failed, after two attempts",
        "a quantity of 0 fails",
      ],
      because: "records.sqs:orders-failed.0.responsePayload.errorMessage: expected a string "
        + "containing \"quantity\", got the string \"invalid order\""),
    // Chapter 10: API Gateway.
    ShippedFixture(
      "http-api-orders", .python, "bad-json-crashes",
      mustFail: [
        "POST /orders with a body that is not JSON is a 400",
        "POST /orders without a body is a 400",
      ],
      because: "expected a result, but the invocation failed with"),
    ShippedFixture(
      "http-api-orders", .node, "bad-json-crashes",
      mustFail: ["POST /orders with a body that is not JSON is a 400"],
      because: "expected a result, but the invocation failed with SyntaxError"),
    ShippedFixture(
      "api-error-codes", .node, "reserve-not-caught",
      mustFail: ["a failing booking store is a 500 that hides the details, which go to the log"],
      because: "expected a result, but the invocation failed with Error"),
    ShippedFixture(
      "api-error-codes", .python, "wrong-codes",
      mustFail: [
        "a free room is booked: 201 with a Location header", "an unknown room is a 404",
        "a room already booked that day is a 409",
        "a failing booking store is a 500 that hides the details, which go to the log",
      ],
      because: "statusCode: expected 201, got 200"),
    ShippedFixture(
      "binary-download", .python, "bytes-in-result",
      mustFail: ["pixel.gif comes back base64-encoded with isBase64Encoded true"],
      because: "Runtime.MarshalError"),
    ShippedFixture(
      "binary-download", .node, "flag-missing",
      mustFail: [
        "pixel.gif comes back base64-encoded with isBase64Encoded true",
        "bytes.bin keeps every byte value from 0 to 255",
      ],
      because: "\"isBase64Encoded\":false"),
    ShippedFixture(
      "cors-preflight", .python, "no-cors-on-get",
      mustFail: [
        "the GET response itself carries the CORS headers",
        "the Origin header is found whatever its case (origin)",
      ],
      because: "headers.Access-Control-Allow-Origin: expected \"https://app.example.com\", "
        + "got no such header"),
    ShippedFixture(
      "cors-preflight", .node, "wildcard-origin",
      mustFail: [
        "a preflight from an allowed origin gets 204 and every CORS header",
        "a preflight from another origin is refused with 403 and no CORS headers",
      ],
      because: "headers.Access-Control-Allow-Origin: expected \"https://app.example.com\", "
        + "got \"*\""),
  ]

  static let correct: [ShippedFixture] = [
    "context-info", "s3-object-keys", "order-errors", "idempotent-payments", "cors-preflight",
    "async-on-failure",
  ].flatMap { id in
    Language.allCases.map { ShippedFixture(id, $0, "alternative") }
  }

  /// Fixtures whose interpreter is on PATH; the others are skipped with a note.
  static func available(_ fixtures: [ShippedFixture]) -> [ShippedFixture] {
    fixtures.filter { Languages.available.contains($0.language) }
  }

  static func grade(_ fixture: ShippedFixture) throws -> GradeReport {
    let exercise = try #require(
      course.exercise(fixture.exercise), "the shipped course has no exercise \(fixture.exercise)")
    #expect(
      FileManager.default.fileExists(atPath: fixture.path), "missing fixture \(fixture.path)")
    return Grader.grade(
      exercise: exercise, codeFile: AbsolutePath(validating: fixture.path)!,
      language: fixture.language)
  }

  @Test(arguments: available(wrong))
  func plausibleWrongSolutionIsRejected(fixture: ShippedFixture) throws {
    let report = try Self.grade(fixture)
    #expect(report.setupError == nil, "\(report.setupError ?? "")")
    #expect(!report.passed, "the cases accepted a wrong solution: \(fixture.testDescription)")
    let names = Set(report.results.map(\.name))
    for name in fixture.mustFail {
      #expect(names.contains(name), "the spec has no case named \(name)")
      let result = report.results.first { $0.name == name }
      #expect(result?.passed == false, "\(name) should reject \(fixture.testDescription)")
    }
    if let because = fixture.because, let first = fixture.mustFail.first {
      let failures = report.results.first { $0.name == first }?.sentences ?? []
      #expect(
        failures.contains { $0.contains(because) },
        "\(first) failed, but not with \(because): \(failures)")
    }
  }

  @Test(arguments: available(correct))
  func differentlyWrittenSolutionIsAccepted(fixture: ShippedFixture) throws {
    let report = try Self.grade(fixture)
    #expect(report.setupError == nil, "\(report.setupError ?? "")")
    let failed = report.results.filter { !$0.passed }.map { "\($0.name): \($0.sentences)" }
    #expect(report.passed, "\(fixture.testDescription) was rejected: \(failed)")
  }

  /// The practice track issue #9 asks for: at least 24 exercises, at least two for every
  /// chapter from 2 to 10, each in Python and Node.js with at least 3 hints and at least 4
  /// checks (cases, scenarios, `api.json` requests, `deployment.json` checks).
  @Test func everyChapterHasAPracticeTrack() throws {
    let exercises = Self.course.exercises
    #expect(exercises.count >= 24)
    for chapter in Self.course.chapters.dropFirst() {
      let count = exercises.filter { $0.chapterID == chapter.id }.count
      #expect(count >= 2, "chapter \(chapter.id) has \(count) exercise(s)")
    }
    for exercise in exercises {
      #expect(Set(exercise.languages) == Set(Language.allCases), "\(exercise.id) languages")
      #expect(exercise.hints.count >= 3, "\(exercise.id) has \(exercise.hints.count) hints")
      var checks = exercise.cases.count + exercise.scenarios.count
      for file in ["api.json", "deployment.json"] {
        let path = "\(exercise.directory)/\(file)"
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        checks += (object?["requests"] as? [Any])?.count ?? 0
        checks += (object?["checks"] as? [Any])?.count ?? 0
      }
      #expect(checks >= 4, "\(exercise.id) has \(checks) checks")
      // The statement names the chapter sections it practises (`chapter-id#anchor` or
      // `../../lessons/file.md#anchor`), and each link resolves.
      let text = exercise.statement
      let start = try #require(
        text.range(of: "practises", options: .caseInsensitive),
        "\(exercise.id) does not say what it practises")
      let rest = text[start.upperBound...]
      let sentence = rest[..<(rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex)]
      let links = sentence.split(separator: "](").dropFirst().compactMap {
        $0.split(separator: ")").first
      }
      #expect(!links.isEmpty, "\(exercise.id): \(sentence)")
      for link in links {
        let parts = link.split(separator: "#", maxSplits: 1).map(String.init)
        let chapter = Self.course.chapters.first {
          $0.id == parts[0]
            || (parts[0].hasSuffix(".md")
              && $0.file.hasSuffix(
                String(parts[0].split(separator: "/").last ?? "")))
        }
        #expect(chapter != nil, "\(exercise.id) links to no chapter: \(link)")
        if parts.count == 2, let chapter {
          #expect(chapter.anchors.contains(parts[1]), "\(exercise.id): no section \(link)")
        }
      }
    }
  }

  /// Every chapter with exercises has a wrong and a correct fixture, here or in
  /// `ShippedExerciseTests`.
  @Test func everyChapterHasFixtures() throws {
    let wrong = Set(Self.wrong.map(\.exercise) + ShippedExerciseTests.allWrong.map(\.exercise))
    let correct = Set(
      Self.correct.map(\.exercise) + ShippedExerciseTests.allAlternatives.map(\.0))
    let chapters = Self.course.chapters.filter { chapter in
      Self.course.exercises.contains { $0.chapterID == chapter.id }
    }
    #expect(chapters.count >= 9)
    for chapter in chapters {
      let ids = Set(Self.course.exercises.filter { $0.chapterID == chapter.id }.map(\.id))
      #expect(!ids.isDisjoint(with: wrong), "no wrong fixture for \(chapter.id)")
      #expect(!ids.isDisjoint(with: correct), "no correct fixture for \(chapter.id)")
    }
  }
}
