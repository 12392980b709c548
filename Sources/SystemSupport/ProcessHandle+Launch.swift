import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ProcessHandle {
  /// Starts `executable` in a new process group with stdin from /dev/null and stdout and
  /// stderr captured together.
  ///
  /// - Parameters:
  ///   - environment: the complete environment of the child (nothing is inherited).
  ///   - workingDirectory: the child's current directory, or `nil` to keep ours.
  ///   - outputCapacity: the most output bytes kept between two `takeOutput()` calls.
  ///   - onExit: called on a background thread once the child has exited.
  public static func launch(
    executable: String, arguments: [String], environment: [String: String],
    workingDirectory: String? = nil, outputCapacity: Int = 1 << 20,
    onExit: (@Sendable (ProcessExit) -> Void)? = nil
  ) throws -> ProcessHandle {
    var outputPipe: [Int32] = [-1, -1]
    var wakePipe: [Int32] = [-1, -1]
    guard makePipe(&outputPipe) == 0 else {
      throw ProcessSpawnError(executable: executable, code: errno, operation: "pipe")
    }
    guard makePipe(&wakePipe) == 0 else {
      let code = errno
      close(outputPipe[0])
      close(outputPipe[1])
      throw ProcessSpawnError(executable: executable, code: code, operation: "pipe")
    }
    _ = fcntl(outputPipe[0], F_SETFL, fcntl(outputPipe[0], F_GETFL) | O_NONBLOCK)

    var environment = environment
    if let token = OrphanGuard.token() { environment[OrphanGuard.variable] = token }
    let spawn = ChildSpawn(
      executable: executable, arguments: [executable] + arguments,
      environment: ChildSpawn.lines(environment), input: .null,
      output: .descriptor(outputPipe[1]),
      defaultSignals: [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGCHLD], ownProcessGroup: true,
      workingDirectory: workingDirectory)
    let startedAt = ProcessClock.now()
    let pid: pid_t
    do {
      pid = try spawn.start()
    } catch {
      for fd in outputPipe + wakePipe { close(fd) }
      throw error
    }
    // The child holds the write end now; ours would keep the pipe from ever ending.
    close(outputPipe[1])
    OrphanGuard.watch(group: pid)
    let handle = ProcessHandle(
      pid: pid, startedAt: startedAt, executable: executable, outputFD: outputPipe[0],
      wakeFDs: (wakePipe[0], wakePipe[1]), outputCapacity: outputCapacity, onExit: onExit)
    handle.startThreads()
    return handle
  }

  /// Creates a pipe whose ends are closed on exec.
  private static func makePipe(_ fds: inout [Int32]) -> Int32 {
    guard pipe(&fds) == 0 else { return -1 }
    _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
    return 0
  }
}
