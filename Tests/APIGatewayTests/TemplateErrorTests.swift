import Foundation
import Testing

@testable import APIGateway

/// Bad templates: every problem with file, line and column and a way forward.
@Suite struct TemplateErrorTests {
  func problems(_ name: String, _ text: String, files: [String: String] = [:]) throws -> [String] {
    var all = files
    all[name] = text
    let folder = try TemplateFolder(files: all)
    defer { folder.remove() }
    do {
      _ = try APITemplate.load(file: folder.file(name), environment: [:])
      return []
    } catch {
      return error.problems.map {
        "\(($0.file as NSString).lastPathComponent):\($0.line):\($0.column): \($0.message)"
      }
    }
  }

  @Test func yamlErrorHasFileLineAndColumn() throws {
    let found = try problems("serverless.yml", "service: x\nfunctions:\n  hello:\n\thandler: a.b\n")
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("serverless.yml:4:1: a tab") == true)
  }

  @Test func unknownEventType() throws {
    let found = try problems(
      "serverless.yml",
      """
      service: x
      provider: {runtime: python3.12}
      functions:
        hello:
          handler: handler.hello
          events:
            - httpapi: GET /hello
      """, files: ["handler.py": TemplateFolder.helloPython])
    #expect(
      found == [
        "serverless.yml:7:9: unknown event type 'httpapi'; the API front serves 'httpApi' "
          + "(HTTP API) and 'http' (REST API) events"
      ])
    let sam = try problems(
      "template.yaml",
      """
      Resources:
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: python3.12
            Handler: handler.hello
            Events:
              Bad:
                Type: Websocket
      """, files: ["handler.py": TemplateFolder.helloPython])
    #expect(sam.count == 1)
    #expect(sam.first?.hasPrefix("template.yaml:9:17: unknown event type 'Websocket'") == true)
  }

  @Test func routeWithNoHandlerFile() throws {
    let found = try problems(
      "serverless.yml",
      """
      service: x
      provider:
        runtime: python3.12
      functions:
        hello:
          handler: src/handler.hello
          events:
            - httpApi: GET /hello
      """)
    #expect(found.count == 1)
    #expect(
      found.first
        == "serverless.yml:6:14: functions.hello.handler: no handler file handler.py in src/; "
        + "create it or fix the handler path")
  }

  @Test func duplicateRoutes() throws {
    let found = try problems(
      "serverless.yml",
      """
      service: x
      provider:
        runtime: python3.12
      functions:
        one:
          handler: handler.hello
          events:
            - httpApi: GET /hello
        two:
          handler: handler.hello
          events:
            - httpApi:
                method: GET
                path: /hello
      """, files: ["handler.py": TemplateFolder.helloPython])
    #expect(found.count == 1)
    #expect(
      found.first?.hasPrefix(
        "serverless.yml:12:9: route GET /hello is declared twice (first at line 8") == true)
  }

  @Test func severalProblemsAreReportedTogether() throws {
    let found = try problems(
      "serverless.yml",
      """
      service: x
      provider:
        runtime: java21
      functions:
        a:
          handler: a.b
        b:
          events: []
        c:
          handler: nodot
          runtime: python3.12
      """)
    #expect(found.count == 3)
    #expect(found[0].contains("runtime 'java21' cannot run locally"))
    #expect(found[1].contains("functions.b has no 'handler:'"))
    #expect(found[2].contains("should be 'file.function'"))
  }

  @Test func anUnknownRuntimeIsReportedWhereItIsWritten() throws {
    let serverless = try problems(
      "serverless.yml",
      """
      service: x
      provider:
        name: aws
        runtime: java21
      functions:
        a:
          handler: handler.hello
        b:
          handler: handler.hello
          runtime: ruby3.3
      """, files: ["handler.py": TemplateFolder.helloPython])
    #expect(
      serverless == [
        "serverless.yml:4:12: functions.a.handler: runtime 'java21' cannot run locally;"
          + " Lambdalings runs python3.x, nodejs*.x and provided.al2023 functions: change the"
          + " runtime to one of them, such as python3.12",
        "serverless.yml:10:14: functions.b.handler: runtime 'ruby3.3' cannot run locally;"
          + " Lambdalings runs python3.x, nodejs*.x and provided.al2023 functions: change the"
          + " runtime to one of them, such as python3.12",
      ])
    let sam = try problems(
      "template.yaml",
      """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: .
            Handler: handler.hello
            Runtime: ruby3.3
      """, files: ["handler.py": TemplateFolder.helloPython])
    #expect(sam.count == 1)
    #expect(
      sam.first?.hasPrefix(
        "template.yaml:8:16: Resources.Fn.Handler: runtime 'ruby3.3' cannot run locally") == true,
      "\(sam)")
  }

  @Test func eventsOfAFunctionWithoutItsFileAreStillChecked() throws {
    let serverless = try problems(
      "serverless.yml",
      """
      service: x
      provider: {runtime: python3.12}
      functions:
        hello:
          handler: nope.hello
          events:
            - httpapi: GET /x
      """)
    #expect(serverless.count == 2, "\(serverless)")
    #expect(serverless.first?.hasPrefix("serverless.yml:5:14: functions.hello.handler") == true)
    #expect(serverless.last?.hasPrefix("serverless.yml:7:9: unknown event type 'httpapi'") == true)
    let sam = try problems(
      "template.yaml",
      """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Hello:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: python3.12
            Handler: nope.hello
            Events:
              Get:
                Type: HttpAPI
                Properties: {Path: /x, Method: GET}
      """)
    #expect(sam.count == 2, "\(sam)")
    #expect(sam.first?.contains("Resources.Hello.Handler") == true, "\(sam)")
    #expect(sam.last?.contains("HttpAPI") == true, "\(sam)")
  }

  @Test func unresolvedVariablesAndWrongShapes() throws {
    let found = try problems(
      "serverless.yml",
      """
      service: x
      provider:
        runtime: python3.12
        stage: ${opt:stage}
      functions:
        a:
          handler: handler.hello
          events:
            - httpApi: GET
      """, files: ["handler.py": TemplateFolder.helloPython])
    #expect(
      found.contains { $0.hasPrefix("serverless.yml:4:10: the variable ${opt:stage} has no value") }
    )
    #expect(found.count == 2, "\(found)")
    #expect(
      found.contains { $0.hasPrefix("serverless.yml:9:18: an httpApi event is 'METHOD /path'") },
      "\(found)")
  }

  @Test func neitherKind() throws {
    let found = try problems("template.yaml", "just: text\n")
    #expect(found.first?.contains("neither a serverless.yml") == true)
  }
}
