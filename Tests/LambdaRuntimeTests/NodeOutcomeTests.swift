import Foundation
import Testing

@testable import LambdaRuntime

@Suite(.enabled(if: Fixture.hasNode, "node is not on PATH"))
struct NodeOutcomeTests {
  @Test func esModuleReturnsResultAndContext() throws {
    let function = try Fixture.function(.nodejs, "returns.handler", environment: ["GREETING": "hi"])
    let record = function.invoke(event: Fixture.json("{\"name\":\"Ada\"}"))
    #expect(record.status == .success, "\(record.resultText)\n\(record.logs)")
    let result = Fixture.object(record)
    #expect((result["event"] as? [String: Any])?["name"] as? String == "Ada")
    #expect(result["requestId"] as? String == record.requestID)
    #expect(result["functionName"] as? String == "fixture-returns-handler")
    #expect(result["memory"] as? String == "256")
    #expect((result["remaining"] as? Int).map { $0 > 3000 && $0 <= 5000 } == true)
    let env = result["env"] as? [String: Any] ?? [:]
    #expect((env["AWS_EXECUTION_ENV"] as? String)?.hasPrefix("AWS_Lambda_nodejs") == true)
    #expect(env["GREETING"] as? String == "hi")
    #expect(env["TZ"] as? String == ":UTC")
    #expect(record.logs.contains("Z\t\(record.requestID)\tINFO\thello from console.log\n"))
    #expect(record.logs.contains("Z\t\(record.requestID)\tERROR\thello from console.error\n"))
    #expect(record.cold)
    Fixture.expectPlatformLines(record)
    #expect(!function.invoke(event: Fixture.json("{}")).cold)
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func commonJSCallbackAndPromiseStyles() throws {
    for (handler, style) in [("callback.handler", "callback"), ("promise.handler", "promise")] {
      let function = try Fixture.function(.nodejs, handler)
      let record = function.invoke(event: Fixture.json("{\"x\":1}"))
      #expect(record.status == .success, "\(handler): \(record.resultText)")
      #expect(Fixture.object(record)["style"] as? String == style)
      #expect(Fixture.shutDownLeavesNothing(function))
    }
  }

  @Test func raisesGivesErrorBodyWithTrace() throws {
    let function = try Fixture.function(.nodejs, "raises.handler")
    let record = function.invoke(event: Fixture.json("{}"))
    #expect(record.errorType == "TypeError")
    let body = Fixture.object(record)
    #expect(body["errorMessage"] as? String == "boom")
    let trace = body["trace"] as? [String] ?? []
    #expect(trace.first == "TypeError: boom")
    #expect(trace.contains { $0.contains("raises.mjs:2") })
    #expect(record.logs.contains("\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\""))
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func timeoutMemoryAndExits() throws {
    let cases: [(String, Double, String, String)] = [
      ("sleeps.handler", 1, "Sandbox.Timedout", "Task timed out after 1.00 seconds"),
      ("memory.handler", 5, "Runtime.OutOfMemory", "Runtime exited with error: signal: killed"),
      ("exit_init.handler", 5, "Runtime.ExitError", "Runtime exited with error: exit status 3"),
      ("exit_handler.handler", 5, "Runtime.ExitError", "Runtime exited with error: exit status 2"),
    ]
    for (handler, timeout, type, message) in cases {
      let function = try Fixture.function(.nodejs, handler, timeout: timeout, memoryMB: 128)
      let record = function.invoke(event: Fixture.json("{}"))
      #expect(record.errorType == type, "\(handler): \(record.resultText)")
      #expect(record.resultText.contains("RequestId: \(record.requestID) Error: \(message)"))
      let next = function.invoke(event: Fixture.json("{}"))
      #expect(next.cold, "\(handler): the environment must not be reused")
      #expect(Fixture.shutDownLeavesNothing(function))
    }
  }

  @Test func initErrors() throws {
    let cases = [
      (
        "import_error.handler", "Runtime.ImportModuleError",
        "lambdalings-module-that-does-not-exist"
      ),
      ("syntax_error.handler", "Runtime.UserCodeSyntaxError", "SyntaxError: "),
      ("returns.nope", "Runtime.HandlerNotFound", "returns.nope is undefined or not exported"),
      ("missing.handler", "Runtime.ImportModuleError", "Cannot find module 'missing'"),
    ]
    for (handler, type, fragment) in cases {
      let function = try Fixture.function(.nodejs, handler)
      let record = function.invoke(event: Fixture.json("{}"))
      #expect(record.errorType == type, "\(handler): \(record.resultText)")
      #expect((Fixture.object(record)["errorMessage"] as? String)?.contains(fragment) == true)
      #expect(record.logs.contains("\tERROR\tUncaught Exception \t{\"errorType\":\"\(type)\""))
      #expect(Fixture.shutDownLeavesNothing(function))
    }
  }

  @Test func marshalErrorBigResultAndFlood() throws {
    let function = try Fixture.function(.nodejs, "not_json.handler")
    let record = function.invoke(event: Fixture.json("{}"))
    #expect(record.errorType == "Runtime.MarshalError")
    #expect(Fixture.shutDownLeavesNothing(function))
    let big = try Fixture.function(.nodejs, "big_result.handler")
    #expect(big.invoke(event: Fixture.json("{}")).errorType == "Function.ResponseSizeTooLarge")
    #expect(Fixture.shutDownLeavesNothing(big))
    let flood = try Fixture.function(.nodejs, "prints.handler")
    let printed = flood.invoke(event: Fixture.json("{}"))
    #expect(printed.resultText == "\"printed\"")
    #expect(printed.droppedLogBytes >= 19 * 1024 * 1024)
    #expect(printed.logs.contains("\tINFO\tLAST LINE\n"))
    #expect(Fixture.shutDownLeavesNothing(flood))
  }

  @Test func unhandledRejectionEndsTheEnvironment() throws {
    let function = try Fixture.function(.nodejs, "rejection.handler")
    let record = function.invoke(event: Fixture.json("{}"))
    #expect(record.errorType == "Runtime.UnhandledPromiseRejection", "\(record.resultText)")
    #expect(
      Fixture.object(record)["errorMessage"] as? String == "Error: nobody awaited me")
    #expect(function.invoke(event: Fixture.json("{}")).cold)
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func backgroundChildIsKilledWithTheEnvironment() throws {
    let marker = String(format: "%d.%03d", Int.random(in: 500...900), Int.random(in: 0...999))
    let function = try Fixture.function(.nodejs, "background.handler")
    let record = function.invoke(event: Fixture.json("{\"seconds\":\"\(marker)\"}"))
    #expect(record.status == .success, "\(record.resultText)")
    #expect(ProcessTable.pids(withMarker: marker).count == 1)
    #expect(Fixture.shutDownLeavesNothing(function))
    #expect(ProcessTable.pids(withMarker: marker).isEmpty)
  }
}

extension NodeOutcomeTests {
  @Test func jsonLogFormat() throws {
    let function = try Fixture.function(
      .nodejs, "returns.handler", environment: ["AWS_LAMBDA_LOG_FORMAT": "JSON"])
    let record = function.invoke(event: Fixture.json("{}"))
    let line = record.logs.split(separator: "\n").first { $0.contains("hello from console.log") }
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data((line ?? "").utf8)) as? [String: Any])
    #expect(object["level"] as? String == "INFO")
    #expect(object["requestId"] as? String == record.requestID)
    #expect(object["message"] as? String == "hello from console.log")
    #expect(Fixture.shutDownLeavesNothing(function))
  }
}
