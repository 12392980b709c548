import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A running child process in its own process group, with its stdout and stderr captured.
///
/// Output goes through one pipe (stdout and stderr keep their relative order) into a
/// bounded `ProcessOutput`. A background thread reads it; another one waits for the exit.
/// `killGroup()` kills the child and everything it started in its group.
public final class ProcessHandle: Sendable {
  /// The child's process id, which is also its process group id.
  public let pid: Int32
  /// `ProcessClock.now()` just before the child was spawned.
  public let startedAt: UInt64
  /// The program that was started.
  public let executable: String

  private let wakeFDs: (read: Int32, write: Int32)
  private let onExit: (@Sendable (ProcessExit) -> Void)?
  private let state: Locked<State>

  /// What the reader, the exit waiter and callers share.
  private struct State: Sendable {
    var output: ProcessOutput
    /// The read end of the output pipe; -1 once it reached end of file.
    var outputFD: Int32
    var exit: ProcessExit?
    var groupKilled = false
  }

  init(
    pid: Int32, startedAt: UInt64, executable: String, outputFD: Int32,
    wakeFDs: (Int32, Int32), outputCapacity: Int,
    onExit: (@Sendable (ProcessExit) -> Void)?
  ) {
    self.pid = pid
    self.startedAt = startedAt
    self.executable = executable
    self.wakeFDs = wakeFDs
    self.onExit = onExit
    state = Locked(State(output: ProcessOutput(capacity: outputCapacity), outputFD: outputFD))
    ProcessGroupRegistry.register(pid)
  }

  /// Starts the reader and exit-waiter threads; called once by `launch`.
  func startThreads() {
    let reader = Thread { [self] in readLoop() }
    reader.stackSize = 256 * 1024
    reader.start()
    let waiter = Thread { [self] in waitLoop() }
    waiter.stackSize = 128 * 1024
    waiter.start()
  }

  /// How the process ended, or `nil` while it runs.
  public var exit: ProcessExit? {
    state.withLock { $0.exit }
  }

  /// Waits until the process has exited or `deadline` (a `ProcessClock` reading) passes.
  public func waitForExit(until deadline: UInt64) -> ProcessExit? {
    state.wait(until: deadline) { $0.exit }
  }

  /// Reads whatever the pipe holds right now, then returns and clears the captured output.
  public func takeOutput() -> (text: String, droppedBytes: Int) {
    state.withLock { state in
      ProcessHandle.drain(&state)
      return state.output.take()
    }
  }

  /// Current and peak resident memory of the child and the processes it started, when the
  /// platform can tell.
  public func memory() -> ProcessMemory.Sample? {
    ProcessMemory.treeSample(pid: pid)
  }

  /// Sends `signal` to the whole process group (the child and everything it started).
  ///
  /// With SIGKILL the group is also forgotten by `ProcessGroupRegistry`.
  public func killGroup(signal: Int32 = SIGKILL) {
    let already = state.withLock { state -> Bool in
      let already = state.groupKilled && signal == SIGKILL
      if signal == SIGKILL { state.groupKilled = true }
      return already
    }
    guard !already else { return }
    kill(-pid, signal)
    if signal == SIGKILL {
      ProcessGroupRegistry.unregister(pid)
      var byte: UInt8 = 1
      _ = write(wakeFDs.write, &byte, 1)
    }
  }

  /// Reads the pipe without blocking into `state.output`; returns false at end of file.
  /// Called with the lock held.
  @discardableResult
  private static func drain(_ state: inout State) -> Bool {
    guard state.outputFD >= 0 else { return false }
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(state.outputFD, $0.baseAddress, $0.count) }
      if count > 0 {
        chunk.withUnsafeBytes {
          state.output.append(UnsafeRawBufferPointer(rebasing: $0[0..<count]))
        }
        continue
      }
      if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return true }
      if count < 0 && errno == EINTR { continue }
      close(state.outputFD)
      state.outputFD = -1
      return false
    }
  }

  /// Reads the output pipe until end of file or until the group is killed.
  private func readLoop() {
    while true {
      let fd = state.withLock { $0.outputFD }
      if fd < 0 { return }
      var fds = [
        pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
        pollfd(fd: wakeFDs.read, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, 2, -1)
      if ready < 0 {
        if errno == EINTR { continue }
        return
      }
      let open = state.withLock { ProcessHandle.drain(&$0) }
      if fds[1].revents != 0 || !open { return }
    }
  }

  /// Waits for the child to exit, records the exit and wakes waiters.
  private func waitLoop() {
    var status: Int32 = 0
    while true {
      let result = waitpid(pid, &status, 0)
      if result == pid { break }
      if result < 0 && errno != EINTR {
        status = 0
        break
      }
    }
    let value = ProcessExit(waitStatus: status)
    state.withLock { $0.exit = value }
    onExit?(value)
  }

  deinit {
    let (groupKilled, outputFD) = state.withLock { ($0.groupKilled, $0.outputFD) }
    if !groupKilled {
      kill(-pid, SIGKILL)
      ProcessGroupRegistry.unregister(pid)
    }
    if outputFD >= 0 { close(outputFD) }
    close(wakeFDs.read)
    close(wakeFDs.write)
  }
}
