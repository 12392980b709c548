import Foundation
import SystemSupport

/// The state one execution environment shares between its Runtime API server threads and the
/// thread driving invocations: init, the queued event, the open invocation and its outcome.
final class RuntimeChannel: @unchecked Sendable {
  /// One event handed to the runtime through `GET /next`.
  struct Invocation: Sendable {
    var requestID: String
    var event: [UInt8]
    var deadlineMs: Int64
    var functionARN: String
    var traceID: String
    var clientContext: String?
    var cognitoIdentity: String?
  }

  /// How the runtime finished an invocation.
  enum Completion: Sendable, Equatable {
    case response(body: [UInt8], contentType: String?)
    case error(body: [UInt8], errorType: String)
    case responseTooLarge
  }

  /// Where initialisation stands.
  enum InitState: Sendable, Equatable {
    case running
    /// The first `GET /next` arrived at this `ProcessClock` reading.
    case ready(at: UInt64)
    case failed(body: [UInt8], errorType: String)
  }

  /// What `GET /next` gets.
  enum NextOutcome {
    case invocation(Invocation)
    case invalidState(String)
    case closed
  }

  let condition = NSCondition()
  private(set) var initState = InitState.running
  private var pending: Invocation?
  private(set) var open: Invocation?
  private var completion: (id: String, value: Completion)?
  private(set) var closed = false

  // MARK: Server side

  /// Blocks until an event is queued (long poll) and hands it out.
  func next() -> NextOutcome {
    condition.lock()
    defer { condition.unlock() }
    if case .running = initState {
      initState = .ready(at: ProcessClock.now())
      condition.broadcast()
    }
    if let open {
      return .invalidState("Invocation \(open.requestID) is still open")
    }
    while pending == nil && !closed {
      condition.wait()
    }
    guard let invocation = pending, !closed else { return .closed }
    pending = nil
    open = invocation
    condition.broadcast()
    return .invocation(invocation)
  }

  /// Records the outcome of the open invocation; false when `requestID` is not the open one.
  func complete(requestID: String, with value: Completion) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    guard let open, open.requestID == requestID else { return false }
    self.open = nil
    completion = (requestID, value)
    condition.broadcast()
    return true
  }

  /// Records an init failure; false once init is over.
  func failInit(body: [UInt8], errorType: String) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    guard case .running = initState else { return false }
    initState = .failed(body: body, errorType: errorType)
    condition.broadcast()
    return true
  }

  // MARK: Environment side

  /// Queues an event for the next `GET /next`.
  func submit(_ invocation: Invocation) {
    condition.lock()
    pending = invocation
    completion = nil
    condition.broadcast()
    condition.unlock()
  }

  /// True while a submitted event has not been picked up by `GET /next`.
  var hasUndeliveredEvent: Bool { pending != nil }

  /// The outcome of `requestID` if it arrived; clears it.
  func takeCompletion(for requestID: String) -> Completion? {
    guard let completion, completion.id == requestID else { return nil }
    self.completion = nil
    return completion.value
  }

  /// Wakes every waiter, e.g. after the process exited.
  func poke() {
    condition.lock()
    condition.broadcast()
    condition.unlock()
  }

  /// Ends all long polls for good.
  func close() {
    condition.lock()
    closed = true
    pending = nil
    condition.broadcast()
    condition.unlock()
  }
}
