import Foundation
import SystemSupport
import Testing

@testable import LambdaRuntime

/// The seed chapter's example handler (exercises/hello-api/solution) on the runtime.
@Suite struct SeedExampleTests {
  static let solution = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("exercises/hello-api/solution")

  /// A trimmed API Gateway REST (v1) proxy event.
  static func event(name: String?) -> Data {
    let query = name.map { "{\"name\":\"\($0)\"}" } ?? "null"
    return Data(
      """
      {"resource":"/hello","path":"/hello","httpMethod":"GET","headers":{"Accept":"*/*"},
      "queryStringParameters":\(query),"pathParameters":null,"body":null,
      "isBase64Encoded":false,"requestContext":{"stage":"prod","requestId":"c6af9ac6"}}
      """.utf8)
  }

  func check(_ runtime: LambdaRuntimeKind, folder: String) throws {
    let configuration = FunctionConfiguration(
      name: "hello-api",
      codePath: AbsolutePath(
        validating: SeedExampleTests.solution.appendingPathComponent(folder).path)!,
      runtime: runtime)
    let function = try LambdaFunction(configuration: configuration)
    defer { function.shutdown() }
    for (name, greeting) in [(nil, "Hello, World!"), ("Ada", "Hello, Ada!")] as [(String?, String)]
    {
      let record = function.invoke(event: SeedExampleTests.event(name: name))
      #expect(record.status == .success, "\(record.resultText)\n\(record.logs)")
      let response = Fixture.object(record)
      #expect(response["statusCode"] as? Int == 200)
      let headers = response["headers"] as? [String: String] ?? [:]
      #expect(headers["Access-Control-Allow-Origin"] == "*")
      let bodyText = response["body"] as? String ?? ""
      let body =
        (try? JSONSerialization.jsonObject(with: Data(bodyText.utf8))) as? [String: Any] ?? [:]
      #expect(body["message"] as? String == greeting)
      #expect(body["function"] as? String == "hello-api")
      #expect(body["requestId"] as? String == record.requestID)
      Fixture.expectPlatformLines(record)
    }
  }

  @Test(.enabled(if: Fixture.hasPython, "python3 is not on PATH"))
  func pythonSolution() throws {
    try check(.python, folder: "python")
  }

  @Test(.enabled(if: Fixture.hasNode, "node is not on PATH"))
  func nodeSolution() throws {
    try check(.nodejs, folder: "node")
  }
}
