import Testing

@testable import YAML

/// Random and mutated input: the reader always returns a node or an error whose position
/// lies inside the text, never crashes or hangs.
@Suite struct YAMLFuzzTests {
  static let seeds = [
    """
    service: hello-world
    provider:
      name: aws
      runtime: python3.12
      httpApi:
        cors: true
    functions:
      hello:
        handler: handler.hello
        events:
          - httpApi:
              path: /hello
              method: get
    """,
    """
    Globals:
      Function: &g
        Runtime: nodejs20.x
      Api:
        Cors: {AllowOrigin: "'*'", AllowMethods: "'GET,POST'"}
    Resources:
      Fn:
        Type: AWS::Serverless::Function
        Properties:
          <<: *g
          Handler: !Sub '${X}.handler'
          Events:
            Get: {Type: HttpApi, Properties: {Path: '/items/{id}', Method: GET}}
          Description: >-
            folded
            text
          Code: |
            def f():
                return 1
    """,
  ]

  /// A small deterministic generator (xorshift), so a failure can be reproduced.
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return state
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
  }

  static let alphabet = Array(" \n\t:-#'\"[]{},&*!|>?%@`\\azZ09.~\u{e9}".unicodeScalars)

  func check(_ text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
    do {
      _ = try YAML.parse(text)
    } catch {
      #expect(
        error.line >= 1 && error.line <= lines + 1, "line \(error.line) in \(text.debugDescription)"
      )
      #expect(error.column >= 1, "column \(error.column)")
      #expect(!error.message.isEmpty)
    }
  }

  @Test func seedsParse() throws {
    for seed in Self.seeds { _ = try YAML.parse(seed) }
  }

  @Test func mutatedTemplates() {
    var generator = Generator(state: 0x9E37_79B9_7F4A_7C15)
    for round in 0..<3000 {
      var scalars = Array(Self.seeds[round % Self.seeds.count].unicodeScalars)
      for _ in 0..<(1 + generator.below(4)) {
        let index = generator.below(scalars.count)
        switch generator.below(3) {
        case 0: scalars.remove(at: index)
        case 1: scalars.insert(Self.alphabet[generator.below(Self.alphabet.count)], at: index)
        default: scalars[index] = Self.alphabet[generator.below(Self.alphabet.count)]
        }
      }
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars)
      check(text)
    }
  }

  @Test func randomText() {
    var generator = Generator(state: 42)
    for _ in 0..<3000 {
      var text = ""
      for _ in 0..<generator.below(60) {
        text.unicodeScalars.append(Self.alphabet[generator.below(Self.alphabet.count)])
      }
      check(text)
    }
  }

  @Test func truncatedTemplates() {
    for seed in Self.seeds {
      let scalars = Array(seed.unicodeScalars)
      for length in 0...scalars.count {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[0..<length])
        check(text)
      }
    }
  }
}
