import Course

@testable import Quiz

/// Small quiz texts shared by the tests.
enum QuizFixtures {
  static let header = "---\nid: sample\ntitle: Sample\nchapter: limits\n---\n"

  /// One question of each kind.
  static let everyKind =
    header + """

      # Sample quiz

      ## timeout-max
      tags: limits, timeout
      exam: DVA-C02 1.2, SAA-C03 2.2
      see: configuration#timeout

      What is the **maximum** timeout of a function?

      [[900 s ± 0]]

      > Explanation: The maximum is 900 seconds (15 minutes).
      > The default is 3 seconds.

      ## sync-payload
      tags: limits, payload
      exam: DVA-C02 1.2
      see: limits#payloads

      What is the synchronous invocation payload limit?

      - [ ] 256 KB
      - [x] 6 MB
      - [ ] 1 MB
      - [ ] 20 MB

      > Explanation: Synchronous requests and responses may be up to 6 MB.

      ## dlq-targets
      tags: errors
      exam: DVA-C02 1.2
      see: errors-and-retries

      Which services can be a dead-letter queue?

      - [x] Amazon SQS
      - [ ] Amazon S3
      - [x] Amazon SNS
      - [ ] AWS Lambda
        (another function)
      - [ ] Amazon EventBridge

      ### Explanation

      Only SQS queues and SNS topics can be DLQs.

      ## go-managed
      tags: runtimes
      exam: DVA-C02 1.2
      see: what-is-lambda

      Go has its own managed runtime, `go1.x`, recommended for new functions.

      [[false]]

      > Explanation: Go runs on `provided.al2023`.

      ## os-runtime
      tags: runtimes
      exam: DVA-C02 1.2
      see: what-is-lambda

      Name the OS-only runtime for Go and Rust.

      [[text: provided.al2023 | al2023]]

      > Explanation: `provided.al2023` is the current OS-only runtime.

      ## lifecycle
      tags: cold-starts
      exam: DVA-C02 1.2
      see: cold-starts

      Put the phases in order.

      1. Init
      2. Invoke
      3. Shutdown

      > Explanation: Init runs once, then invokes, then shutdown.
      """

  static func parse(_ body: String, targets: Set<String>? = nil) -> (QuizBank, [Diagnostic]) {
    let result = QuizParser.parse(header + body, file: "sample.md", knownTargets: targets)
    return (result.bank, result.diagnostics)
  }

  /// A well-formed question with the given answer part and explanation.
  static func question(
    _ id: String, answer: String, meta: String = "tags: t\nexam: DVA-C02 1.2\nsee: limits",
    explanation: String = "> Explanation: Because."
  ) -> String {
    "\n## \(id)\n\(meta)\n\nQuestion text?\n\n\(answer)\n\n\(explanation)\n"
  }
}
