import Foundation
import SystemSupport

/// The state one execution environment shares between its Runtime API server threads and the
/// thread driving invocations: init, the queued event, the open invocation and its outcome.
final class RuntimeChannel: Sendable {
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

  /// Everything the two sides share; read and changed only under the lock.
  struct State: Sendable {
    fileprivate(set) var initState = InitState.running
    fileprivate var pending: Invocation?
    fileprivate(set) var open: Invocation?
    fileprivate var completion: (id: String, value: Completion)?
    fileprivate(set) var closed = false

    /// True while a submitted event has not been picked up by `GET /next`.
    var hasUndeliveredEvent: Bool { pending != nil }

    /// The outcome of `requestID` if it arrived; clears it.
    mutating func takeCompletion(for requestID: String) -> Completion? {
      guard let completion, completion.id == requestID else { return nil }
      self.completion = nil
      return completion.value
    }
  }

  private let state = Locked(State())

  // MARK: Server side

  /// Blocks until an event is queued (long poll) and hands it out.
  func next() -> NextOutcome {
    let refused = state.withLock { state -> NextOutcome? in
      if case .running = state.initState {
        state.initState = .ready(at: ProcessClock.now())
      }
      if let open = state.open {
        return .invalidState("Invocation \(open.requestID) is still open")
      }
      return nil
    }
    if let refused { return refused }
    let outcome = state.wait { state -> NextOutcome? in
      if state.closed { return .closed }
      guard let invocation = state.pending else { return nil }
      state.pending = nil
      state.open = invocation
      return .invocation(invocation)
    }
    return outcome ?? .closed
  }

  /// Records the outcome of the open invocation; false when `requestID` is not the open one.
  func complete(requestID: String, with value: Completion) -> Bool {
    state.withLock { state in
      guard let open = state.open, open.requestID == requestID else { return false }
      state.open = nil
      state.completion = (requestID, value)
      return true
    }
  }

  /// Records an init failure; false once init is over.
  func failInit(body: [UInt8], errorType: String) -> Bool {
    state.withLock { state in
      guard case .running = state.initState else { return false }
      state.initState = .failed(body: body, errorType: errorType)
      return true
    }
  }

  // MARK: Environment side

  /// Queues an event for the next `GET /next`.
  func submit(_ invocation: Invocation) {
    state.withLock { state in
      state.pending = invocation
      state.completion = nil
    }
  }

  /// Waits until `ready` gives a value (checked under the lock whenever the state changes or
  /// `poke()` is called) or until `deadline` (a `ProcessClock` reading); nil on timeout.
  func wait<Value>(until deadline: UInt64, _ ready: (inout State) -> Value?) -> Value? {
    state.wait(until: deadline, ready)
  }

  /// Where initialisation stands now.
  var initState: InitState { state.withLock { $0.initState } }

  /// The outcome of `requestID` if it arrived; clears it.
  func takeCompletion(for requestID: String) -> Completion? {
    state.withLock { $0.takeCompletion(for: requestID) }
  }

  /// Wakes every waiter, e.g. after the process exited.
  func poke() {
    state.wake()
  }

  /// Ends all long polls for good.
  func close() {
    state.withLock { state in
      state.closed = true
      state.pending = nil
    }
  }
}
