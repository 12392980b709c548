import Foundation
import SystemSupport
import Testing

@testable import LambdaRuntime

/// `LambdaFunction.shutdown()` ends its environments as one set: SIGTERM first, a grace
/// period, then SIGKILL, and nothing is left running afterwards.
@Suite struct ShutdownTests {
  /// A warm function running `on_sigterm.handler` with `mode`, and a marker file path.
  private func warmFunction(mode: String) throws -> (LambdaFunction, String) {
    let marker = FileManager.default.temporaryDirectory
      .appendingPathComponent("lambdalings-sigterm-\(UUID().uuidString)").path
    let function = try Fixture.function(
      .python, "on_sigterm.handler",
      environment: ["SIGTERM_MODE": mode, "SIGTERM_MARKER": marker])
    let record = function.invoke(event: Fixture.json("{}"))
    #expect(record.status == .success, "\(record.resultText)")
    return (function, marker)
  }

  @Test(.enabled(if: Fixture.hasPython, "python3 is not on PATH"))
  func runtimesGetSIGTERMBeforeTheyAreKilled() throws {
    let (function, marker) = try warmFunction(mode: "exit")
    defer { try? FileManager.default.removeItem(atPath: marker) }
    #expect(Fixture.shutDownLeavesNothing(function))
    let written = FileManager.default.contents(atPath: marker).map {
      String(decoding: $0, as: UTF8.self)
    }
    #expect(written == "term", "the runtime's SIGTERM handler did not run before it ended")
    // Only the entry point installs the process-wide signal bridge, never the runtime.
    #expect(!SignalBridge.isInstalled)
  }

  @Test(.enabled(if: Fixture.hasPython, "python3 is not on PATH"))
  func runtimesThatIgnoreSIGTERMAreKilledAfterTheGracePeriod() throws {
    let (function, marker) = try warmFunction(mode: "ignore")
    defer { try? FileManager.default.removeItem(atPath: marker) }
    let groups = function.environments.map(\.processID)
    #expect(!groups.isEmpty)
    let started = ProcessClock.now()
    function.shutdown()
    let waited = ProcessClock.now() - started
    // The runtime outlived SIGTERM, so shutdown waited out the grace period, then killed it.
    #expect(waited >= LambdaFunction.shutdownGrace, "shutdown took \(waited) ns")
    #expect(ProcessTable.allGone(groups))
    #expect(!FileManager.default.fileExists(atPath: marker))
  }
}
