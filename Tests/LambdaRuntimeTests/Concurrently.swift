import Foundation

@testable import LambdaRuntime

/// Runs `count` invocations at the same time, each on its own thread.
func invokeConcurrently(_ function: LambdaFunction, count: Int, event: String) -> [InvocationRecord]
{
  final class Box: @unchecked Sendable {
    var records: [InvocationRecord] = []
    let lock = NSLock()
  }
  let box = Box()
  let group = DispatchGroup()
  for _ in 0..<count {
    group.enter()
    let thread = Thread {
      let record = function.invoke(event: Data(event.utf8))
      box.lock.withLock { box.records.append(record) }
      group.leave()
    }
    thread.start()
  }
  group.wait()
  return box.records
}
