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
    #expect(result["arn"] as? String
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
