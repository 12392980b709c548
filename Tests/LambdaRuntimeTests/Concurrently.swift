import Foundation

@testable import LambdaRuntime

/// Runs `count` invocations at the same time, each on its own thread.
func invokeConcurrently(_ function: LambdaFunction, count: Int, event: String) -> [InvocationRecord]
{
  ConcurrentInvocations.run(count: count, concurrency: count) { _ in
    function.invoke(event: Data(event.utf8))
  }
}
