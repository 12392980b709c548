import Foundation
import SystemSupport

extension ExecutionEnvironment {
  /// What a wait ended with.
  enum WaitResult<Value> {
    case ready(Value)
    case exited(ProcessExit)
    case timedOut
    case outOfMemory
  }

  /// Waits for INIT to finish (first `GET /next` or `/init/error`) until `deadline`.
  func awaitInit(until deadline: UInt64) -> InitOutcome {
    let result = wait(until: deadline) { () -> InitOutcome? in
      switch channel.initState {
      case .running: return nil
      case .ready(let at):
        initEnded = at
        return .ready
      case .failed(let body, let type):
        return .failed(body: body, errorType: type)
      }
    }
    if initEnded == 0 { initEnded = ProcessClock.now() }
    let outcome: InitOutcome
    switch result {
    case .ready(let value): outcome = value
    case .exited(let exit): outcome = .exited(exit)
    case .timedOut: outcome = .timedOut
    case .outOfMemory: outcome = .outOfMemory
    }
    if outcome != .ready { terminate() }
    return outcome
  }

  /// Hands `invocation` to the runtime and waits for its outcome until `deadline`.
  func invoke(_ invocation: RuntimeChannel.Invocation, until deadline: UInt64) -> InvokeOutcome {
    channel.submit(invocation)
    var undelivered = false
    let result = wait(until: deadline) { () -> RuntimeChannel.Completion? in
      undelivered = channel.hasUndeliveredEvent
      return channel.takeCompletion(for: invocation.requestID)
    }
    switch result {
    case .ready(.response(let body, _)): return .response(body)
    case .ready(.error(let body, let type)): return .error(body: body, errorType: type)
    case .ready(.responseTooLarge): return .responseTooLarge
    case .exited(let exit):
      terminate()
      return undelivered ? .lostBeforeDispatch : .exited(exit)
    case .timedOut:
      terminate()
      return .timedOut
    case .outOfMemory:
      terminate()
      return .outOfMemory
    }
  }

  /// Waits on the channel until `ready` gives a value, the process exits, the deadline passes
  /// or the resident memory exceeds the limit (sampled every 5 ms; the group is then killed).
  private func wait<Value>(until deadline: UInt64, _ ready: () -> Value?) -> WaitResult<Value> {
    let limit = configuration.memoryMB * 1_048_576
    // The process is idle when the wait begins: the first sample is one interval later.
    var nextSample = ProcessClock.now() + ExecutionEnvironment.sampleInterval
    let condition = channel.condition
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let value = ready() { return .ready(value) }
      if let exit = process.exit { return .exited(exit) }
      let now = ProcessClock.now()
      if now >= deadline { return .timedOut }
      if now >= nextSample {
        condition.unlock()
        let sample = process.memory()
        condition.lock()
        if let sample {
          peakBytes = max(peakBytes, sample.peakBytes)
          if sample.residentBytes > limit {
            process.killGroup()
            return .outOfMemory
          }
        }
        nextSample = now + ExecutionEnvironment.sampleInterval
      }
      let wake = min(deadline, nextSample)
      let now2 = ProcessClock.now()
      if wake > now2 {
        _ = condition.wait(until: Date(timeIntervalSinceNow: Double(wake - now2) / 1e9))
      }
    }
  }
}
