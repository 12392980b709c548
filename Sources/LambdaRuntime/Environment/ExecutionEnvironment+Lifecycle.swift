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
    var initEnd: UInt64?
    let result = wait(until: deadline) { state -> InitOutcome? in
      switch state.initState {
      case .running: return nil
      case .ready(let at):
        initEnd = at
        return .ready
      case .failed(let body, let type): return .failed(body: body, errorType: type)
      }
    }
    if let initEnd { recordInitEnd(initEnd) }
    let outcome: InitOutcome
    switch result {
    case .ready(let value): outcome = value
    case .exited(let exit): outcome = .exited(exit)
    case .timedOut: outcome = .timedOut
    case .outOfMemory: outcome = .outOfMemory
    }
    recordInitEnd(ProcessClock.now())
    if outcome != .ready { terminate() }
    return outcome
  }

  /// Hands `invocation` to the runtime and waits for its outcome until `deadline`.
  func invoke(_ invocation: RuntimeChannel.Invocation, until deadline: UInt64) -> InvokeOutcome {
    channel.submit(invocation)
    var undelivered = false
    let result = wait(until: deadline) { state -> RuntimeChannel.Completion? in
      undelivered = state.hasUndeliveredEvent
      return state.takeCompletion(for: invocation.requestID)
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

  /// What one wait on the channel ended with.
  private enum Step<Value> {
    case value(Value)
    case exited(ProcessExit)
  }

  /// Waits on the channel until `ready` gives a value, the process exits, the deadline passes
  /// or the resident memory exceeds the limit (sampled every 5 ms; the group is then killed).
  private func wait<Value>(
    until deadline: UInt64, _ ready: (inout RuntimeChannel.State) -> Value?
  ) -> WaitResult<Value> {
    let limit = configuration.memoryMB * 1_048_576
    // The process is idle when the wait begins: the first sample is one interval later.
    var nextSample = ProcessClock.now() + ExecutionEnvironment.sampleInterval
    let process = self.process
    while true {
      // The process's exit pokes the channel, so the wait also ends when it exits.
      let step = channel.wait(until: min(deadline, nextSample)) { state -> Step<Value>? in
        if let value = ready(&state) { return .value(value) }
        if let exit = process.exit { return .exited(exit) }
        return nil
      }
      switch step {
      case .value(let value): return .ready(value)
      case .exited(let exit): return .exited(exit)
      case nil: break
      }
      let now = ProcessClock.now()
      if now >= deadline { return .timedOut }
      if now >= nextSample {
        if let sample = process.memory() {
          recordPeak(sample.peakBytes)
          if sample.residentBytes > limit {
            process.killGroup()
            return .outOfMemory
          }
        }
        nextSample = now + ExecutionEnvironment.sampleInterval
      }
    }
  }
}
