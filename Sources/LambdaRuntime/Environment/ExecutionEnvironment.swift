import Foundation
import SystemSupport

/// One execution environment: a runtime process in its own process group talking to its own
/// Runtime API server. Used by one invocation at a time (the pool guarantees it), but
/// `terminate()` may come from any thread (shutdown, the idle reaper), so the mutable part
/// lives in a `Locked` state.
final class ExecutionEnvironment: Sendable {
  /// How INIT ended.
  enum InitOutcome: Equatable {
    case ready
    case failed(body: [UInt8], errorType: String)
    case exited(ProcessExit)
    case timedOut
    case outOfMemory
  }

  /// How one invocation ended.
  enum InvokeOutcome: Equatable {
    case response([UInt8])
    case error(body: [UInt8], errorType: String)
    case responseTooLarge
    case exited(ProcessExit)
    case timedOut
    case outOfMemory
    /// The process ended before it took the event: nothing ran, another environment may.
    case lostBeforeDispatch
  }

  /// 1, 2, ... within the function.
  let id: Int
  /// True when created by provisioned concurrency.
  let provisioned: Bool
  let configuration: FunctionConfiguration
  let channel = RuntimeChannel()
  let server: RuntimeAPIServer
  let process: ProcessHandle
  /// `ProcessClock` reading of INIT start (the process start).
  let initStarted: UInt64
  private let state: Locked<State>

  /// What changes over the environment's life.
  private struct State: Sendable {
    /// Peak resident bytes seen by sampling (VmHWM), kept after the process is gone.
    var peakBytes = 0
    /// Set once the environment must not be reused (timeout, crash, init failure).
    var isDead = false
    /// `ProcessClock` reading of the last use, for idle expiry.
    var lastUsed: UInt64
    /// `ProcessClock` reading of INIT end (0 while INIT runs).
    var initEnded: UInt64 = 0
    /// True until the first invocation has reported this environment's init.
    var initPending = true
  }

  /// Interval between resident-memory samples while INIT or an invocation runs.
  static let sampleInterval: UInt64 = 5_000_000

  /// Starts the runtime process and its server; INIT then runs in the background.
  init(
    id: Int, configuration: FunctionConfiguration, launch: RuntimeLaunch, provisioned: Bool
  ) throws {
    self.id = id
    self.provisioned = provisioned
    self.configuration = configuration
    server = try RuntimeAPIServer(channel: channel)
    let environment = launch.environment(
      for: configuration, apiAddress: server.address,
      logStream: ExecutionEnvironment.logStreamName(), provisioned: provisioned)
    let channel = self.channel
    do {
      process = try ProcessHandle.launch(
        executable: launch.executable, arguments: launch.arguments, environment: environment,
        workingDirectory: configuration.codePath.string, outputCapacity: configuration.logCapacity,
        onExit: { _ in channel.poke() })
    } catch {
      server.stop()
      throw LambdaRuntimeError.system("\(error)")
    }
    initStarted = process.startedAt
    state = Locked(State(lastUsed: process.startedAt))
  }

  /// True once the environment must not be reused (timeout, crash, init failure).
  var isDead: Bool { state.withLock { $0.isDead } }

  /// `ProcessClock` reading of the last use, for idle expiry.
  var lastUsed: UInt64 { state.withLock { $0.lastUsed } }

  /// Records that an invocation has just finished with this environment.
  func markUsed() {
    state.withLock { $0.lastUsed = ProcessClock.now() }
  }

  /// `ProcessClock` reading of INIT end (0 while INIT runs).
  var initEnded: UInt64 { state.withLock { $0.initEnded } }

  /// Records INIT end once: the first reading wins.
  func recordInitEnd(_ instant: UInt64) {
    state.withLock { if $0.initEnded == 0 { $0.initEnded = instant } }
  }

  /// True the first time only: the first invocation reports this environment's init.
  func takeInitPending() -> Bool {
    state.withLock { state in
      defer { state.initPending = false }
      return state.initPending
    }
  }

  /// Init Duration in ms: process start to the first `GET /next`.
  var initDurationMs: Double {
    ProcessClock.milliseconds(from: initStarted, to: initEnded)
  }

  /// Keeps the highest peak seen; returns it.
  @discardableResult
  func recordPeak(_ bytes: Int) -> Int {
    state.withLock { state in
      state.peakBytes = max(state.peakBytes, bytes)
      return state.peakBytes
    }
  }

  /// Max Memory Used in MB (rounded up, as AWS does).
  var maxMemoryUsedMB: Int {
    let peak = recordPeak(process.memory()?.peakBytes ?? 0)
    return (peak + 1_048_575) / 1_048_576
  }

  /// Marks the environment dead and asks its process group to stop (SIGTERM), without
  /// waiting: the first step of `LambdaFunction.shutdown()`, which gives every group one grace
  /// period together before `terminate()`.
  func requestStop() {
    state.withLock { $0.isDead = true }
    process.killGroup(signal: SIGTERM)
  }

  /// Kills the process group (SIGKILL), stops the server and waits (at most 2 s) for the
  /// process to be reaped. Safe to call more than once, from any thread.
  func terminate() {
    state.withLock { $0.isDead = true }
    process.killGroup()
    server.stop()
    _ = process.waitForExit(until: ProcessClock.now() + 2_000_000_000)
  }

  /// `2026/11/27/[$LATEST]` followed by 32 hex digits, like AWS log stream names.
  static func logStreamName(date: Date = Date()) -> String {
    let day = String(ReportLine.timestamp(date).prefix(10)).replacingOccurrences(of: "-", with: "/")
    let hex = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    return "\(day)/[$LATEST]\(hex)"
  }
}
