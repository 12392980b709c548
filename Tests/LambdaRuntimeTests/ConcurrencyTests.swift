import Foundation
import SystemSupport
import Testing

@testable import LambdaRuntime

@Suite(.enabled(if: Fixture.hasPython, "python3 is not on PATH"))
struct ConcurrencyTests {
  @Test func simultaneousInvocationsUseOneEnvironmentEach() throws {
    let function = try Fixture.function(.python, "counter.handler")
    let first = invokeConcurrently(function, count: 4, event: "{\"sleep_ms\":400}")
    #expect(first.allSatisfy { $0.status == .success })
    #expect(first.filter(\.cold).count == 4)
    #expect(Set(first.compactMap(\.environmentID)).count == 4)
    let second = invokeConcurrently(function, count: 4, event: "{\"sleep_ms\":400}")
    #expect(second.filter(\.cold).isEmpty)
    #expect(second.allSatisfy { (Fixture.object($0)["count"] as? Int) == 2 })
    #expect(function.environments.count == 4)
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func sequentialInvocationsReuseOneEnvironment() throws {
    let function = try Fixture.function(.python, "counter.handler")
    let records = (0..<5).map { _ in function.invoke(event: Fixture.json("{}")) }
    #expect(records.map(\.cold) == [true, false, false, false, false])
    #expect(records.map { Fixture.object($0)["count"] as? Int } == [1, 2, 3, 4, 5])
    #expect(records.allSatisfy { $0.environmentID == 1 })
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func reservedConcurrencyThrottlesTheRest() throws {
    let function = try Fixture.function(.python, "counter.handler", reserved: 2)
    let records = invokeConcurrently(function, count: 5, event: "{\"sleep_ms\":1000}")
    let throttled = records.filter { $0.status == .throttled }
    #expect(records.filter { $0.status == .success }.count == 2)
    #expect(throttled.count == 3)
    for record in throttled {
      #expect(record.statusCode == 429)
      #expect(record.errorType == "TooManyRequestsException")
      #expect(Fixture.object(record)["errorMessage"] as? String == "Rate Exceeded.")
      #expect(record.environmentID == nil)
    }
    #expect(function.environments.count == 2)
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func reservedConcurrencyZeroThrottlesEverything() throws {
    let function = try Fixture.function(.python, "counter.handler", reserved: 0)
    let record = function.invoke(event: Fixture.json("{}"))
    #expect(record.status == .throttled)
    #expect(function.environments.isEmpty)
  }

  @Test func provisionedEnvironmentsAreWarm() throws {
    let function = try Fixture.function(.python, "counter.handler", provisioned: 2)
    #expect(function.environments.count == 2)
    #expect(function.environments.allSatisfy { $0.provisioned && $0.initSpan != nil })
    let warm = invokeConcurrently(function, count: 2, event: "{\"sleep_ms\":300}")
    #expect(warm.filter(\.cold).isEmpty)
    #expect(
      warm.allSatisfy { Fixture.object($0)["init_type"] as? String == "provisioned-concurrency" })
    #expect(warm.allSatisfy { !$0.logs.contains("Init Duration") })
    let burst = invokeConcurrently(function, count: 3, event: "{\"sleep_ms\":300}")
    let cold = burst.filter(\.cold)
    #expect(cold.count == 1)
    #expect(cold.allSatisfy { Fixture.object($0)["init_type"] as? String == "on-demand" })
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func idleEnvironmentsExpire() throws {
    let function = try Fixture.function(.python, "counter.handler", idleTimeout: 0.2)
    let first = function.invoke(event: Fixture.json("{}"))
    Thread.sleep(forTimeInterval: 0.5)
    let second = function.invoke(event: Fixture.json("{}"))
    #expect(first.cold && second.cold)
    #expect(first.environmentID != second.environmentID)
    let expired = try #require(function.environments.first)
    #expect(ProcessTable.allGone([expired.processID]))
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func idleEnvironmentsAreReapedWithoutFurtherInvocations() throws {
    let function = try Fixture.function(.python, "counter.handler", idleTimeout: 0.2)
    let record = function.invoke(event: Fixture.json("{}"))
    #expect(record.status == .success)
    let environment = try #require(function.environments.first)
    #expect(ProcessTable.allGone([environment.processID], waitingUpTo: 3))
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func providedRuntimeRunsABootstrapExecutable() throws {
    let function = try Fixture.function(.provided, "my.handler")
    let record = function.invoke(event: Fixture.json("{\"k\":\"v\"}"))
    #expect(record.status == .success, "\(record.resultText)\n\(record.logs)")
    #expect(Fixture.object(record)["handler"] as? String == "my.handler")
    #expect(record.logs.contains("custom runtime got {\"k\": \"v\"}"))
    #expect(!function.invoke(event: Fixture.json("{}")).cold)
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func curlShellRuntimeIsNotDelayedByExpectContinue() throws {
    let configuration = FunctionConfiguration(
      name: "shell",
      codePath: AbsolutePath(
        validating: Fixture.root.appendingPathComponent("provided-curl").path)!,
      runtime: .provided)
    let function = try LambdaFunction(configuration: configuration)
    let records = (0..<3).map { _ in function.invoke(event: Fixture.json("{\"n\":1}")) }
    #expect(records.allSatisfy { $0.status == .success }, "\(records.map(\.logs))")
    #expect((Fixture.object(records[0])["event"] as? [String: Int])?["n"] == 1)
    #expect(records[0].logs.contains("shell runtime handling \(records[0].requestID)"))
    #expect(records.dropFirst().allSatisfy { $0.durationMs < 900 })
    #expect(Fixture.shutDownLeavesNothing(function))
  }

  @Test func configurationErrorsAreExplained() {
    let folder = AbsolutePath(validating: Fixture.root.appendingPathComponent("python").path)!
    let cases: [(FunctionConfiguration, String)] = [
      (FunctionConfiguration(codePath: folder, runtime: .python, memoryMB: 64), "128-10240 MB"),
      (FunctionConfiguration(codePath: folder, runtime: .python, timeout: 901), "1-900"),
      (
        FunctionConfiguration(
          codePath: folder, runtime: .python, reservedConcurrency: 1, provisionedConcurrency: 2),
        "exceeds reserved"
      ),
      (
        FunctionConfiguration(
          codePath: AbsolutePath(validating: "/nonexistent/x")!, runtime: .python), "does not exist"
      ),
      (FunctionConfiguration(codePath: folder, runtime: .provided), "chmod +x bootstrap"),
    ]
    for (configuration, fragment) in cases {
      #expect {
        _ = try LambdaFunction(configuration: configuration)
      } throws: { error in
        "\(error)".contains(fragment)
      }
    }
  }

  @Test func missingInterpreterIsAClearError() {
    #expect {
      _ = try Interpreter.resolve(.python, path: "/nonexistent-bin")
    } throws: { error in
      let text = "\(error)"
      return text.contains("python3 was not found on PATH") && text.contains("apt-get install")
    }
    #expect {
      _ = try Interpreter.resolve(.nodejs, path: "/nonexistent-bin")
    } throws: { error in
      "\(error)".contains("node was not found on PATH") && "\(error)".contains("nodejs.org")
    }
  }
}
