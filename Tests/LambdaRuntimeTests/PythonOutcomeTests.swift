import Foundation
import Testing

@testable import LambdaRuntime

@Suite(.enabled(if: Fixture.hasPython, "python3 is not on PATH"))
struct PythonOutcomeTests {
  @Test func returnsResultContextAndEnvironment() throws {
    let function = try Fixture.function(
      .python, "returns.handler", environment: ["GREETING": "hi"])
    let record = function.invoke(event: Fixture.json("{\"name\":\"Ada\"}"))
    #expect(record.status == .success, "\(record.resultText)\n\(record.logs)")
    let result = Fixture.object(record)
    #expect((result["event"] as? [String: Any])?["name"] as? String == "Ada")
    #expect(result["request_id"] as? String == record.requestID)
    #expect(result["function_name"] as? String == "fixture-returns-handler")
    #expect(result["function_version"] as? String == "$LATEST")
    #expect(result["memory"] as? String == "256")
    #expect(
      result["arn"] as? String
        == "arn:aws:lambda:us-east-1:123456789012:function:fixture-returns-handler")
    #expect((result["remaining"] as? Int).map { $0 > 3000 && $0 <= 5000 } == true)
    #expect(result["cwd"] as? String == Fixture.root.appendingPathComponent("python").path)
    let env = result["env"] as? [String: String?] ?? [:]
    #expect(env["AWS_EXECUTION_ENV"]??.hasPrefix("AWS_Lambda_python3.") == true)
    #expect(env["_HANDLER"] == "returns.handler")
    #expect(env["TZ"] == ":UTC")
    #expect(env["GREETING"] == "hi")
    #expect(env["AWS_LAMBDA_INITIALIZATION_TYPE"] == "on-demand")
    #expect(env["AWS_LAMBDA_LOG_GROUP_NAME"] == "/aws/lambda/fixture-returns-handler")
    #expect(env["AWS_LAMBDA_RUNTIME_API"]??.hasPrefix("127.0.0.1:") == true)
    #expect(record.cold)
    #expect((record.initDurationMs ?? 0) > 0)
    #expect(record.maxMemoryUsedMB > 0)
    #expect(record.logs.contains("hello from print\n"))
    #expect(record.logs.contains("Z\t\(record.requestID)\thello from logging"))
    #expect(record.logs.contains("[INFO]\t"))
    Fixture.expectPlatformLines(record)
    let warm = function.invoke(event: Fixture.json("{}"))
    #expect(!warm.cold)
    #expect(warm.environmentID == record.environmentID)
    #expect(warm.initDurationMs == nil)
    #expect(!warm.logs.contains("Init Duration"))
    #expect(Fixture.shutDownLeavesNothing(function))
  }
}

extension PythonOutcomeTests {
  @Test func raisesGivesErrorBodyWithStackTrace() throws {
    let function = try Fixture.function(.python, "raises.handler")
    let record = function.invoke(event: Fixture.json("{}"))
    #expect(record.status == .error)
    #expect(record.errorType == "ValueError")
    let body = Fixture.object(record)
    #expect(body["errorMessage"] as? String == "boom")
    #expect(body["errorType"] as? String == "ValueError")
    #expect(body["requestId"] as? String == record.requestID)
    let stack = body["stackTrace"] as? [String] ?? []
    #expect(stack.count == 1)
    #expect(stack.first?.contains("raises.py\", line 2, in handler") == true)
    #expect(record.logs.contains("[ERROR] ValueError: boom\nTraceback (most recent call last):\n"))
    Fixture.expectPlatformLines(record)
    #expect(!function.invoke(event: Fixture.json("{}")).cold)
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func timeoutKillsTheGroupAndNextInvocationIsCold() throws {
    let function = try Fixture.function(.python, "sleeps.handler", timeout: 1)
    let record = function.invoke(event: Fixture.json("{}"))
    #expect(record.status == .timeout)
    #expect(record.errorType == "Sandbox.Timedout")
    #expect(
      record.resultText
        == "{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: \(record.requestID)"
        + " Error: Task timed out after 1.00 seconds\"}")
    #expect(record.logs.contains(" \(record.requestID) Task timed out after 1.00 seconds\n"))
    #expect(record.logs.contains("going to sleep"))
    #expect(record.logs.contains("\tStatus: timeout\n"))
    #expect(record.durationMs >= 1000)
    let first = try #require(function.environments.first)
    #expect(ProcessTable.allGone([first.processID]))
    let again = function.invoke(event: Fixture.json("{}"))
    #expect(again.cold)
    #expect(again.environmentID != record.environmentID)
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func exceedingMemoryIsKilled() throws {
    let function = try Fixture.function(.python, "memory.handler", memoryMB: 128)
    let record = function.invoke(event: Fixture.json("{}"))
    #expect(record.errorType == "Runtime.OutOfMemory", "\(record.resultText)")
    #expect(
      record.resultText.contains(
        "RequestId: \(record.requestID) Error: Runtime exited with error: signal: killed"))
    #expect(record.maxMemoryUsedMB >= 128)
    #expect(record.logs.contains("Runtime.OutOfMemory\n"))
    #expect(record.logs.contains("\tStatus: error\tError Type: Runtime.OutOfMemory"))
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func exitDuringInitIsTheInvocationResult() throws {
    let function = try Fixture.function(.python, "exit_init.handler")
    let record = function.invoke(event: Fixture.json("{}"))
    #expect(record.errorType == "Runtime.ExitError")
    #expect(record.resultText.contains("Runtime exited with error: exit status 3"))
    #expect(record.cold)
    #expect(record.logs.contains("exiting during init"))
    #expect(record.logs.contains("INIT_REPORT Init Duration: "))
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func exitDuringHandlerIsExitError() throws {
    let function = try Fixture.function(.python, "exit_handler.handler")
    let record = function.invoke(event: Fixture.json("{}"))
    #expect(record.errorType == "Runtime.ExitError")
    #expect(
      record.resultText
        == "{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: "
        + "\(record.requestID) Error: Runtime exited with error: exit status 2\"}")
    #expect(function.invoke(event: Fixture.json("{}")).cold)
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func importErrorSyntaxErrorAndMissingHandler() throws {
    let cases = [
      (
        "import_error.handler", "Runtime.ImportModuleError",
        "Unable to import module 'import_error': "
          + "No module named 'lambdalings_module_that_does_not_exist'"
      ),
      (
        "syntax_error.handler", "Runtime.UserCodeSyntaxError",
        "Syntax error in module 'syntax_error'"
      ),
      ("returns.nope", "Runtime.HandlerNotFound", "Handler 'nope' missing on module 'returns'"),
      ("missing_module.handler", "Runtime.ImportModuleError", "Unable to import module"),
    ]
    for (handler, type, message) in cases {
      let function = try Fixture.function(.python, handler)
      let record = function.invoke(event: Fixture.json("{}"))
      #expect(record.errorType == type, "\(handler): \(record.resultText)")
      #expect((Fixture.object(record)["errorMessage"] as? String)?.hasPrefix(message) == true)
      #expect(record.logs.contains("[ERROR] \(type): \(message)"))
      #expect(Fixture.shutDownLeavesNothing(function))
    }
  }

  @Test func nonJSONResultIsMarshalError() throws {
    let function = try Fixture.function(.python, "not_json.handler")
    let record = function.invoke(event: Fixture.json("{}"))
    #expect(record.errorType == "Runtime.MarshalError")
    #expect(
      Fixture.object(record)["errorMessage"] as? String
        == "Unable to marshal response: Object of type set is not JSON serializable")
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func sevenMegabyteResultIsTooLarge() throws {
    let function = try Fixture.function(.python, "big_result.handler")
    let record = function.invoke(event: Fixture.json("{}"))
    #expect(record.errorType == "Function.ResponseSizeTooLarge")
    #expect(record.result.count < 1000)
    #expect(record.resultText.contains("6291556 bytes"))
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func printingTwentyMegabytesKeepsABoundedTail() throws {
    let function = try Fixture.function(.python, "prints.handler")
    let record = function.invoke(event: Fixture.json("{}"))
    #expect(record.status == .success)
    #expect(record.resultText == "\"printed\"")
    #expect(record.logs.contains("LAST LINE\n"))
    #expect(record.droppedLogBytes >= 19 * 1024 * 1024)
    #expect(record.logs.utf8.count < 2 * 1024 * 1024)
    Fixture.expectPlatformLines(record)
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func backgroundChildIsKilledWithTheEnvironment() throws {
    let marker = String(format: "%d.%03d", Int.random(in: 500...900), Int.random(in: 0...999))
    let function = try Fixture.function(.python, "background.handler")
    let record = function.invoke(event: Fixture.json("{\"seconds\":\"\(marker)\"}"))
    #expect(record.status == .success)
    #expect(ProcessTable.pids(withMarker: marker).count == 1)
    #expect(Fixture.shutDownLeavesNothing(function))
    #expect(ProcessTable.pids(withMarker: marker).isEmpty)
  }

  @Test func jsonLogFormat() throws {
    let function = try Fixture.function(
      .python, "returns.handler", environment: ["AWS_LAMBDA_LOG_FORMAT": "JSON"])
    let record = function.invoke(event: Fixture.json("{}"))
    let line = record.logs.split(separator: "\n").first { $0.contains("hello from logging") }
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data((line ?? "").utf8)) as? [String: Any])
    #expect(object["level"] as? String == "INFO")
    #expect(object["requestId"] as? String == record.requestID)
    #expect(object["logger"] as? String == "root")
    #expect((object["timestamp"] as? String)?.hasSuffix("Z") == true)
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func oversizedAndInvalidEventsAreRejected() throws {
    let function = try Fixture.function(.python, "returns.handler")
    let big = Data("\"".utf8) + Data(repeating: 65, count: 6_291_556) + Data("\"".utf8)
    let tooLarge = function.invoke(event: big)
    #expect(tooLarge.statusCode == 413)
    #expect(tooLarge.errorType == "RequestEntityTooLargeException")
    let invalid = function.invoke(event: Fixture.json("{nope"))
    #expect(invalid.statusCode == 400)
    #expect(invalid.errorType == "InvalidRequestContentException")
    #expect(function.environments.isEmpty)
    #expect(Fixture.shutDownLeavesNothing(function))
  }
}
